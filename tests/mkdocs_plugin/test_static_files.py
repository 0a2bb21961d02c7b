"""The real build publishes only checked files from site_config/docs and the overrides
(generator/mkdocs_plugin/static_files.py): a file from the build machine never reaches the site
or the offline zip, and a failed build keeps the published site."""

from __future__ import annotations

import base64
import os
import zipfile

import pytest

from tests.conftest import copy_project, run_kb
from tests.helpers import commit_all, git
from tests.sources.test_attachments import DRAWING

SECRET = "CI_DEPLOY_TOKEN=not-for-readers"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)  # a 1×1 picture


def _project(tmp_path):
    root = copy_project(tmp_path / "kb")
    git(root, "init", "-q")
    commit_all(root, "内容", "2026-03-04T10:00:00+08:00")
    outside = tmp_path / "outside"
    (outside / "photos").mkdir(parents=True)
    (outside / "secrets.txt").write_text(SECRET, encoding="utf-8")
    (outside / "photos/a.png").write_bytes(PNG)
    return root, outside


def _published(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.slow
def test_a_linked_secret_fails_the_build_and_leaves_the_site_as_it_was(tmp_path):
    root, outside = _project(tmp_path)
    assert run_kb(root, "build").returncode == 0
    before = _published(root / "site")
    os.symlink(outside / "secrets.txt", root / "site_config/docs/assets/readme.txt")
    result = run_kb(root, "build")
    assert result.returncode != 0
    assert "site_config/docs/assets/readme.txt:1:1:" in result.stderr
    assert _published(root / "site") == before and SECRET.encode() not in before
    offline = run_kb(root, "build", "--offline")
    assert offline.returncode != 0 and not (root / "dist").exists()


@pytest.mark.slow
def test_what_passes_is_published_with_drawings_rewritten(tmp_path):
    root, outside = _project(tmp_path)
    docs = root / "site_config/docs"
    os.rename(outside / "photos", docs / "photos")
    (docs / "assets/logo.svg").write_text(DRAWING, encoding="utf-8")
    result = run_kb(root, "build", "--offline")
    assert result.returncode == 0, result.stderr
    [bundle] = (root / "dist").glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        [logo] = [n for n in names if n.endswith("/assets/logo.svg")]
        drawing = archive.read(logo).decode("utf-8")
    assert any(name.endswith("/photos/a.png") for name in names)
    assert "tracker.example.com" not in drawing and 'fill="#b71c1c"' in drawing
    assert run_kb(root, "build").returncode == 0
    assert "tracker.example.com" not in (root / "site/assets/logo.svg").read_text(encoding="utf-8")
    assert not (root / "site/assets/photos").exists()
