"""A branch secretary on a phone: every kind of page loads from this host only, fits the
screen, reads well and passes axe-core with no violation.

Search: test_search_browser.py; the case finder: test_finder_browser.py;
checklists, glossary terms and printing: their own test files.
"""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "cases/",
    "cases/?street=护国街道",
    "cases/?street=华山街道&tag=黑气点&year=2030",  # nothing matches; a value it does not know
    "cases/streets/huguo/",
    "cases/zhiguo-lane-courtyard/",
    "practices/red-channel/",
    "policies/grid-governance-plan/",
    "checklists/five-powers/",
    "glossary/",
    "figures/",
    "article/",
    "guides/editors/",
    "training/branch-standardization/",
    "training/branch-standardization/handout/",
    "changes/",
    "no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_from_this_host_only_and_fit_a_phone_screen(phone, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    assert phone.locator("h1").count() >= 1
    assert phone.foreign_requests == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(phone, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    assert axe_violations(phone) == []


def test_axe_finds_no_violation_with_search_results_open(phone, site_url):
    phone.goto(site_url)
    phone.click("label[for=__search]")
    phone.fill("input[data-md-component=search-query]", "院坝改造")
    phone.keyboard.press("End")
    phone.wait_for_selector(".md-search-result__item")
    assert axe_violations(phone) == []


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]


def test_chinese_quotation_marks_are_set_in_a_chinese_font(phone, site_url):
    phone.goto(site_url + "practices/red-channel/")
    phone.evaluate("""() => {
      const quotes = document.createElement("div");
      quotes.id = "quotes";
      quotes.textContent = "“红色通道”";
      document.querySelector("article").append(quotes);
    }""")
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#quotes"})["nodeId"]
    fonts = {
        f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    }
    assert fonts and all("CJK" in name for name in fonts), fonts  # no Latin quote glyphs
    em = phone.evaluate("""() => {
      const quote = document.createElement("div");
      quote.textContent = "”";
      document.querySelector("article").append(quote);
      const range = document.createRange();
      range.selectNodeContents(quote);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(quote).fontSize);
    }""")
    assert em > 0.9  # a full-width glyph; a Latin font's is about half as wide


def test_the_summary_box_is_as_large_as_the_body_text(phone, site_url):
    phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    sizes = phone.evaluate("""() => [".admonition.abstract p:not(.admonition-title)",
                                     "article h2 + p, article h2 + ol li"].map(
      selector => getComputedStyle(document.querySelector(selector)).fontSize)""")
    assert sizes[0] == sizes[1]


def test_the_footer_names_the_source_not_the_theme(phone, site_url):
    phone.goto(site_url)
    footer = phone.inner_text("footer")
    assert "五华区：固本聚力开拓居民小区党建新格局" in footer
    assert "Material" not in footer and "MkDocs" not in footer


def test_a_missing_address_gets_a_chinese_page_with_a_way_on(phone, site_url):
    response = phone.goto(site_url + "cases/no/such/page/")
    assert response.status == 404
    assert phone.inner_text("article h1") == "页面不存在"
    assert (
        phone.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        == "rgb(183, 28, 28)"
    )  # the site's stylesheet loaded at this depth too
    phone.click("text=浏览案例库")
    phone.wait_for_selector(".kb-finder__count")
    assert phone.url == site_url + "cases/"
    phone.go_back()
    phone.click("text=搜索全站")
    phone.wait_for_function("() => document.getElementById('__search').checked")
    phone.keyboard.type("院坝改造")
    phone.keyboard.press("End")
    first = phone.locator(".md-search-result__item h1").first
    assert first.inner_text().replace("\u200b", "").startswith("致果巷")  # the search works
    assert phone.foreign_requests == []


@pytest.mark.parametrize(
    "path, ready",
    [
        ("cases/", ".kb-finder__count"),
        ("cases/?street=护国街道", ".kb-finder__count"),
        ("checklists/five-powers/", ".kb-checklist__progress"),
    ],
)
def test_what_scripts_draw_does_not_push_the_page_around(phone, site_url, path, ready):
    phone.add_init_script("""
      window.kbShifts = [];
      new PerformanceObserver(list => kbShifts.push(...list.getEntries().map(e => e.value)))
        .observe({type: "layout-shift", buffered: true});""")
    phone.context.new_cdp_session(phone).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    phone.goto(site_url + path)
    phone.wait_for_selector(ready)
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("kbShifts") == []
