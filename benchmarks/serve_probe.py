"""The edit loop an editor sees: save one case under ``kb serve``, wait for the page to change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from procmon import environment


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, deadline: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def edit_loop(project: Path, case_file: Path, case_id: str, edits: int = 3) -> dict:
    """Seconds from saving the file to the served page showing the change (each edit)."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/cases/{case_id}/"
    try:
        startup = _wait_for(url, "</html>", 1800)
        times = []
        original = case_file.read_text(encoding="utf-8")
        for n in range(edits):
            marker = f"编辑回路测试{n}"
            case_file.write_text(
                original.replace("summary: ", f"summary: {marker}", 1), encoding="utf-8"
            )
            times.append(_wait_for(url, marker, 600))
        case_file.write_text(original, encoding="utf-8")
        return {"startup_s": startup, "edit_s": times}
    finally:
        server.terminate()
        server.wait(timeout=60)
