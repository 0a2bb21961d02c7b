"""/admin/: a page that loads only this site's files, and what the rest of the site leaves out."""

from __future__ import annotations

from generator.form_editor.admin import admin_files, editor_policy, is_admin_path
from generator.form_editor.config import EditorSettings
from generator.form_editor.vendor import VendoredFiles
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from tests.conftest import REPO

GITLAB = EditorSettings("gitlab", "dangjian/kb", "main", "https://git.example.cn/x", "abc")


def _files(settings):
    vocabularies = load_vocabularies(ProjectPaths(REPO), ProblemList())
    vendored = VendoredFiles({"decap-cms.js": b"main", "1.decap-cms.js": b"chunk"})
    return admin_files(vendored, vocabularies, settings, "知识库<b>", REPO / "site_config")


def test_the_page_loads_the_vendored_script_with_its_checksum():
    page = _files(GITLAB)["admin/index.html"].decode()
    assert '<script src="decap-cms.js" integrity="sha384-' in page
    assert '<script src="kb-cms.js"></script>' in page
    assert "<title>表单编辑 · 知识库&lt;b&gt;</title>" in page
    assert 'name="robots" content="noindex"' in page
    assert "http" not in page.replace("http-equiv", "").replace("https://git.example.cn", "")


def test_the_editor_talks_to_this_site_and_the_repository_host_only():
    policy = editor_policy(GITLAB)
    assert "connect-src 'self' https://git.example.cn;" in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "connect-src 'self';" in editor_policy(None)
    github = EditorSettings("github", "o/n", "main", "https://auth.example.cn")
    assert "connect-src 'self' https://api.github.com https://auth.example.cn" in (
        editor_policy(github)
    )


def test_every_file_lives_under_admin():
    files = _files(None)
    assert sorted(files) == [
        "admin/1.decap-cms.js",
        "admin/config.yml",
        "admin/decap-cms.js",
        "admin/index.html",
        "admin/kb-cms.js",
    ]
    assert all(is_admin_path(path) for path in files)
    assert not is_admin_path("administration/index.html")
