"""Adding a kind is its model, its templates and one registry entry (CONTRIBUTING.md shows
the diff): the toy kind 通知 (tests/toy_kind/) goes through every consumer with nothing else
written — read and checked, ``kb new``, the JSON Schema, the export, its pages with their
breadcrumb, the navigation, search and the form editor."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import REPO, copy_project

TOY = REPO / "tests/toy_kind"
NOTICE = """---
id: water-off
title: 停水通知
summary: 小区二期周六上午停水检修。
---

检修期间请提前储水。
"""
EDITOR = {
    "KB_CMS_REPO": "dangjian/kb",
    "KB_CMS_BASE_URL": "https://gitlab.example.cn",
    "KB_CMS_APP_ID": "1",
}


def _run(root, *args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"} | EDITOR
    return subprocess.run(
        [sys.executable, "-m", "tests.toy_kind.run", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_toy_kind_reaches_every_consumer(tmp_path):
    root = copy_project(tmp_path / "kb")
    shutil.copytree(TOY / "templates", root / "site_config/templates", dirs_exist_ok=True)
    config = root / "mkdocs.yml"
    guides = "  - 使用指南: guides/index.md"
    config.write_text(
        config.read_text(encoding="utf-8").replace(guides, f"  - 通知: notices/index.md\n{guides}"),
        encoding="utf-8",
    )
    (root / "content/notices").mkdir()
    (root / "content/notices/water-off.md").write_text(NOTICE, encoding="utf-8")

    assert _run(root, "kb", "schema").returncode == 0
    assert (root / "site_config/schema/notice.schema.json").is_file()
    checked = _run(root, "kb", "validate")
    assert checked.returncode == 0, checked.stdout
    made = _run(root, "kb", "new", "notice", "--id", "power-cut", "--title", "停电通知")
    assert made.returncode == 0, made.stderr
    assert "status: draft" in (root / "content/notices/power-cut.md").read_text("utf-8")
    exported = json.loads(_run(root, "kb", "export", "--format", "json").stdout)
    assert [n["title"] for n in exported["notices"]] == ["停水通知"]

    site = tmp_path / "site"
    built = _run(root, "mkdocs", "build", "--strict", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    page = (site / "notices/water-off/index.html").read_text(encoding="utf-8")
    assert "小区二期周六上午停水检修" in page and "检修期间请提前储水" in page
    assert '<li><a href="../">通知</a></li>\n<li>停水通知</li>' in page  # 首页 › 通知 › 停水通知
    assert "停水通知" in (site / "notices/index.html").read_text(encoding="utf-8")
    rows = "".join(p.read_text(encoding="utf-8") for p in (site / "search/d").glob("*.js"))
    assert '"停水通知","通知"' in rows  # a search result labelled with its kind
    admin = (site / "admin/config.yml").read_text(encoding="utf-8")
    assert "name: notices" in admin and "folder: content/notices" in admin
