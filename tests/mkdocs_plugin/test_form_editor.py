"""A real ``mkdocs build``: /admin/ once the repository is configured, left out of search,
the sitemap and the offline bundle; no /admin/ and a plain note while it is not."""

from __future__ import annotations

import gzip
import re
import zipfile

import pytest
import yaml

from tests.conftest import REPO, run_kb, run_mkdocs

SETTINGS = {"KB_CMS_REPO": "dangjian/kb", "KB_CMS_BASE_URL": "https://git.example.cn",
            "KB_CMS_APP_ID": "abc123", "KB_SITE_URL": "https://kb.example.cn/"}


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("cms") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(site), env=SETTINGS)
    assert result.returncode == 0, result.stderr
    return site


def test_a_configured_site_has_the_editor_saving_to_its_gitlab(configured_site):
    config = yaml.safe_load((configured_site / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "dangjian/kb"
    assert config["backend"]["auth_type"] == "pkce"
    assert config["publish_mode"] == "editorial_workflow"
    page = (configured_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "connect-src 'self' https://git.example.cn" in page
    assert (configured_site / "admin" / "decap-cms.js").stat().st_size == 5_167_389


def test_admin_is_not_in_search_or_the_sitemap(configured_site):
    sitemap = gzip.decompress((configured_site / "sitemap.xml.gz").read_bytes()).decode()
    assert "/admin" not in sitemap
    for path in (configured_site / "search").rglob("*"):
        if path.is_file():
            # a page's address never starts with admin/ (the guides may mention /admin/)
            assert not re.search(r'"(\.\./)*admin/', path.read_text("utf-8", errors="ignore"))


def test_without_settings_the_site_has_no_editor_and_says_what_is_missing(tmp_path):
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "admin").exists()
    assert "网站不含表单编辑器（/admin/）" in result.stderr and "repo、base_url、app_id" in (
        result.stderr)


def test_the_offline_bundle_leaves_the_editor_out(tmp_path):
    root = tmp_path / "kb"
    import shutil

    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", ".venv", "site", "dist"))
    result = run_kb(root, "build", "--offline", env=SETTINGS)
    assert result.returncode == 0, result.stderr
    [bundle] = (root / "dist").glob("*.zip")
    names = zipfile.ZipFile(bundle).namelist()
    assert any(name.endswith("/index.html") for name in names)
    assert not [name for name in names if "/admin/" in name]
