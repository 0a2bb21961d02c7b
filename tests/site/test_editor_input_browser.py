"""Editors' text in a real browser: hostile-looking input stays text, drafts stay private."""

import pytest

from tests.conftest import copy_project, run_mkdocs, serve_folder

pytestmark = pytest.mark.browser

HOSTILE = """\
id: hostile-text
title: 关于<script>alert('title')</script>的说明
location:
  street: 护国街道
  place: <img src=x onerror="alert('place')">
summary: 点击[这里](javascript:alert('summary')) 或 <svg onload=alert('svg')>
participants: ["<iframe src=javascript:alert('iframe')>"]
tags: ["<b onmouseover=alert('tag')>院坝</b>"]
actions:
  - 普通的 **Markdown**，带一个[安全链接](https://example.org/)。
"""
DRAFT = """\
id: secret-draft
title: 尚未发布的草稿案例
status: draft
location:
  street: 华山街道
summary: 这是草稿，不应出现在正式网站和搜索中。
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("kb"))
    (root / "cases/huguo/hostile.yml").write_text(HOSTILE, encoding="utf-8")
    (root / "cases/huashan/draft.yml").write_text(DRAFT, encoding="utf-8")
    built = {}
    for name, env in (("public", {}), ("preview", {"KB_DRAFTS": "true"})):
        built[name] = root / f"site-{name}"
        result = run_mkdocs(root, "build", "--strict", "--site-dir", str(built[name]), env=env)
        assert result.returncode == 0, result.stderr
    return built


def test_html_in_plain_text_fields_is_shown_as_text_and_never_runs(phone, sites):
    with serve_folder(sites["public"]) as url:
        phone.goto(url + "cases/hostile-text/")
        phone.wait_for_load_state("networkidle")
        phone.mouse.move(200, 300)
        heading = phone.locator("article h1").inner_text().replace("\u200b", "")
        assert heading == "关于<script>alert('title')</script>的说明"
        assert "<img src=x onerror=" in phone.locator("article").inner_text()
        unsafe = phone.evaluate("""() => [...document.querySelectorAll(
            'article script, article iframe, article img[onerror], article svg[onload], '
            + 'article [onmouseover], a[href^="javascript:" i]')].length""")
        assert unsafe == 0
        assert phone.locator('article a[href="https://example.org/"]').count() == 1
        assert phone.dialogs == []


def test_drafts_are_left_out_of_the_public_site_and_its_search(phone, sites):
    assert not (sites["public"] / "cases/secret-draft").exists()
    index = (sites["public"] / "search/search_index.json").read_text(encoding="utf-8")
    assert "secret-draft" not in index and "草稿案例" not in index.replace("\u200b", "")
    with serve_folder(sites["public"]) as url:
        phone.goto(url)
        phone.click("label[for=__search]")
        phone.fill("input.md-search__input", "草稿案例")
        phone.keyboard.press("End")
        phone.wait_for_selector(".md-search-result__meta", timeout=10_000)
        titles = phone.locator(".md-search-result__item h1").all_inner_texts()
        assert not any("尚未发布" in t for t in titles)


def test_preview_with_drafts_shows_the_draft_banner(phone, sites):
    with serve_folder(sites["preview"]) as url:
        phone.goto(url + "cases/secret-draft/")
        banner = phone.locator(".admonition.warning")
        assert banner.count() == 1 and "草稿" in banner.inner_text()
        assert "不会发布" in banner.inner_text()
