"""The plugin under ProperDocs, the maintained continuation of MkDocs 1.6: the seed site
builds with ``properdocs build`` into the same pages as ``mkdocs build`` (only the theme's
generator tag names the engine)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, copy_project, run_kb

ENGINE_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): ENGINE_TAG.sub(b"", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_properdocs_builds_the_same_site(built_site, tmp_path):
    site = tmp_path / "site"
    properdocs = Path(sys.executable).parent / "properdocs"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert b"ProperDocs" in (site / "index.html").read_bytes()
    assert _files(site) == _files(built_site)


def test_kb_build_runs_properdocs_when_asked(tmp_path):
    root = copy_project(tmp_path / "kb")
    result = run_kb(root, "build", env={"KB_ENGINE": "properdocs"})
    assert result.returncode == 0, result.stderr
    assert "网站已生成" in result.stderr
    assert b"ProperDocs" in (root / "site/index.html").read_bytes()
    wrong = run_kb(root, "build", env={"KB_ENGINE": "hugo"})
    assert wrong.returncode == 2
    assert "（环境变量 KB_ENGINE）只能是 mkdocs 或 properdocs" in wrong.stderr
