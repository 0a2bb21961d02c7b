"""generator/cli/mkdocs_run.py through the real ``kb serve``: the editor is told in Chinese where
the preview is and how to stop it; a port in use is explained before anything is built."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import copy_project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_serve_says_where_the_preview_is_in_chinese(tmp_path):
    root = copy_project(tmp_path)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port)],
        cwd=root,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if line.startswith("预览地址："):
                lines += [process.stdout.readline().rstrip("\n") for _ in range(2)]
                break
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f"预览地址：http://127.0.0.1:{port}/" in lines
    assert any(line.startswith(f"表单编辑器：http://127.0.0.1:{port}/admin/") for line in lines)
    assert any("按 Ctrl+C 停止预览" in line for line in lines)
    assert all(re.search(r"[\u4e00-\u9fff]", line) for line in lines if line.strip()), lines


def test_a_port_in_use_is_explained_before_building(tmp_path):
    root = copy_project(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"端口 {port} 已被其他程序占用" in result.stderr
    assert f"kb serve --port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "site").exists()


def test_verbose_shows_mkdocs_own_lines(tmp_path):
    root = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "-v"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0
    assert "Documentation built in" in result.stderr
