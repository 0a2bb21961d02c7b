"""What a branch secretary does on a phone: search in Chinese, open the case, stay on this host."""

import pytest

pytestmark = pytest.mark.browser


def _search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.click("label[for=__search]")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material's search reacts to keyup
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    titles = page.locator(".md-search-result__item > .md-search-result__link h1")
    return [t.replace("\u200b", "").strip() for t in titles.all_inner_texts()]


def _open_result(page, title_part: str) -> None:
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.filter(has_text=title_part).first.click()
    page.wait_for_load_state("load")


def test_searching_yuanba_finds_the_zhiguo_lane_case_first(phone, site_url):
    titles = _search(phone, site_url, "院坝")
    assert titles[0] == "致果巷2号及5号院坝微改造"
    _open_result(phone, "致果巷")
    assert phone.url.split("?")[0].endswith("/cases/zhiguo-lane-courtyard/")
    assert phone.locator("h1").inner_text().replace("\u200b", "") == "致果巷2号及5号院坝微改造"
    assert phone.foreign_requests == []


def test_searching_red_property_finds_the_xizhan_case(phone, site_url):
    titles = _search(phone, site_url, "红色物业")
    case_title = "西站社区45号院党支部“红色物业”队伍建设"
    assert case_title in titles[:3]
    _open_result(phone, "西站社区45号院")
    assert phone.url.split("?")[0].endswith("/cases/xizhan-45-red-property/")
    assert "红色物业" in phone.locator("article").inner_text()
    assert phone.foreign_requests == []


def test_glossary_terms_stay_whole_in_the_search_index(phone, site_url):
    # jieba alone splits 三会一课 and the glossary entry would not rank first
    assert _search(phone, site_url, "三会一课")[0] == "术语表"


@pytest.mark.parametrize("path", [
    "",
    "cases/",
    "cases/zhiguo-lane-courtyard/",
    "practices/red-channel/",
    "policies/grid-governance-plan/",
    "checklists/five-powers/",
    "glossary/",
    "figures/",
    "guides/editors/",
])
def test_pages_make_no_request_to_another_host(phone, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    assert phone.locator("h1").count() >= 1
    assert phone.foreign_requests == []


def test_case_page_fits_a_phone_screen(phone, site_url):
    phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
