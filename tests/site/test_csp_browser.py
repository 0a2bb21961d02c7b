"""Every page carries a Content-Security-Policy (generator/pages/csp.py) that lets the site's own
features run and nothing else: a reader's whole visit records no violation and no script error,
and a script put into a page after the build is blocked."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import copy_project, serve_folder, violations, watch_policy
from tests.mkdocs_plugin.test_serve import _serving, _wait_for
from tests.site.test_checklist_browser import state, tick
from tests.site.test_finder_browser import finder
from tests.site.test_search_browser import search, top

pytestmark = pytest.mark.browser
PAGES = [
    "",
    "article/",
    "cases/",
    "cases/zhiguo-lane-courtyard/",
    "practices/red-channel/",
    "checklists/five-powers/",
    "policies/grid-governance-plan/",
    "glossary/",
    "figures/",
    "training/party-led-property/",
    "training/party-led-property/handout/",
    "changes/",
    "guides/editors/",
    "cases/streets/huguo/",
    "no-such-page/",
]
CASE_PAGE = "cases/zhiguo-lane-courtyard/"


def test_every_page_type_loads_without_a_violation(phone, site_url):
    errors = watch_policy(phone)
    for page in PAGES:
        phone.goto(site_url + page)
        phone.wait_for_load_state("networkidle")
        assert "Content-Security-Policy" in phone.content(), page
        assert violations(phone) == [] and errors == [], page


def test_searching_filtering_ticking_and_tapping_run_under_the_policy(phone, touch_phone, site_url):
    errors = watch_policy(phone) + watch_policy(touch_phone)
    assert top(search(phone, site_url, "院坝改造"), 1) == ["致果巷2号及5号院坝微改造"]
    assert violations(phone) == []
    assert finder(phone, site_url + "cases/?street=护国街道")["count"] == "共 2 个案例"
    assert violations(phone) == []
    phone.goto(site_url + "checklists/five-powers/")
    tick(phone, "决策")
    assert state(phone)["ticked"] == ["decision"] and violations(phone) == []
    touch_phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    touch_phone.tap("a.kb-term[href$='#院坝']")
    assert touch_phone.locator(".kb-term-popover").is_visible()
    assert violations(touch_phone) == [] and errors == []


def test_a_script_added_to_a_page_after_the_build_is_blocked(phone, built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    page = site / "index.html"
    html = page.read_text(encoding="utf-8")
    injected = (
        '<script>window.kbInjected = 1</script><img src="data:," onerror="window.kbHandler = 1">'
    )
    page.write_text(html.replace("</body>", injected + "</body>"), encoding="utf-8")
    watch_policy(phone)
    with serve_folder(site) as url:
        phone.goto(url)
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate("[window.kbInjected, window.kbHandler]") == [None, None]
        found = violations(phone)
    assert any(v.startswith("script-src-elem") for v in found), found
    assert any(v.startswith("script-src-attr") for v in found), found


@pytest.mark.slow
def test_preview_pages_have_the_policy_and_still_reload_after_an_edit(phone, tmp_path):
    """kb serve answers the form editor's write API and previews drafts: its pages carry the
    built site's policy, and live reload (made a file) still brings an edit in by itself."""
    root = copy_project(tmp_path / "kb")
    errors = watch_policy(phone)
    with _serving(root, "generator", "serve", "--drafts") as url:
        _wait_for(url + CASE_PAGE, "致果巷")
        phone.goto(url + CASE_PAGE)
        phone.wait_for_load_state("load")  # live reload keeps a request open
        assert "Content-Security-Policy" in phone.content()
        assert phone.evaluate("typeof livereload") == "function"
        case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
        case.write_text(
            case.read_text(encoding="utf-8").replace(
                "致果巷2号及5号院坝微改造", "致果巷院坝（预览中修改）", 1
            ),
            encoding="utf-8",
        )
        phone.wait_for_selector("h1:has-text('预览中修改')", timeout=60_000)
        phone.goto(url + "admin/")
        phone.wait_for_load_state("load")
        # the form editor is never reloaded under the editor's hands, and keeps its policy
        assert phone.evaluate("typeof livereload") == "undefined"
    assert violations(phone) == [] and errors == []
