"""Search answers the way secretaries ask (kb-search.js, kb-search-query.js, kb-search-ui.js):
questions, synonyms, typos, traditional characters, pinyin; the true count and more results
as the list is scrolled; the passage where the query matched; the numbers of 数说."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


def ask(page, url: str, query: str) -> dict:
    """Types ``query`` into the search box; what the result list shows once kb-search-ui.js
    has drawn the worker's answer to it (it marks the list with the query)."""
    if not page.url.startswith(url) or not page.locator("input.md-search__input").is_visible():
        page.goto(url)
        page.click("label[for=__search]")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material's search reacts to keyup
    page.wait_for_function(
        "q => (document.querySelector('.md-search-result') || {}).dataset?.kbQuery === q",
        arg=query,
        timeout=15_000,
    )
    return page.evaluate("""() => ({
      meta: document.querySelector(".md-search-result__meta").innerText,
      suggestion: [...document.querySelectorAll(".kb-search-suggestion")]
        .map(p => p.innerText).join(""),
      results: [...document.querySelectorAll(".md-search-result__item")].map(item => ({
        href: item.querySelector("a").href,
        title: item.querySelector("h1").innerText.replaceAll("\\u200b", ""),
        sections: [...item.querySelectorAll("h2")].map(h => h.innerText),
        html: item.querySelector("article").innerHTML,
        missing: [...item.querySelectorAll(".md-search-result__terms del")].map(d => d.innerText),
      })),
    })""")


def _path(href: str) -> str:
    return urlsplit(href).path


def _highlighted(href: str) -> list[str]:
    return parse_qs(urlsplit(href).query).get("h", [""])[0].split()


def test_a_question_finds_its_page_by_its_words_not_its_question_words(phone, site_url):
    first = ask(phone, site_url, "院坝怎么改造")["results"][0]
    assert _path(first["href"]).endswith("/cases/zhiguo-lane-courtyard/")
    assert set(_highlighted(first["href"])) == {"院坝", "改造"}  # the page marks these
    assert first["missing"] == []
    partly = ask(phone, site_url, "院坝 加装电梯")["results"]
    [case] = [r for r in partly if _path(r["href"]).endswith("/cases/zhiguo-lane-courtyard/")]
    assert case["missing"] == ["加装电梯"]  # 缺少 only what the page really lacks


def test_a_synonym_finds_the_page_that_uses_the_other_word(phone, site_url):
    results = ask(phone, site_url, "业主委员会")["results"]
    [backbone] = [r for r in results if _path(r["href"]).endswith("/practices/backbone/")]
    assert "<mark>业委会</mark>" in backbone["html"]


def test_a_homophone_typo_is_searched_as_the_word_it_sounds_like(phone, site_url):
    shown = ask(phone, site_url, "院霸改造")
    assert shown["suggestion"] == "您是不是要找：院坝改造（下面是它的结果）"
    assert _path(shown["results"][0]["href"]).endswith("/cases/zhiguo-lane-courtyard/")


@pytest.mark.parametrize("query", ["紅色物業", "hongsewuye", "hswy"])
def test_traditional_characters_and_pinyin_find_the_word(phone, site_url, query):
    shown = ask(phone, site_url, query)
    assert _path(shown["results"][0]["href"]).endswith("/cases/xizhan-45-red-property/")
    if query.isascii():
        assert "红色物业" in shown["suggestion"]


def test_the_true_count_and_more_results_as_the_list_is_scrolled(phone, site_url):
    shown = ask(phone, site_url, "物业")
    total = int(shown["meta"].split(" ")[0])
    assert total > 10 and len(shown["results"]) == 10
    assert phone.locator(".md-search-result__item").count() == 10  # nothing more unasked
    phone.wait_for_function("""() => {
      const wrap = document.querySelector(".md-search__scrollwrap");
      return wrap.scrollHeight > wrap.clientHeight; }""")
    phone.evaluate("""() => { const wrap = document.querySelector(".md-search__scrollwrap");
                             wrap.scrollTop = wrap.scrollHeight; }""")
    phone.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item').length > n",
        arg=10,
        timeout=15_000,
    )
    added = phone.locator(".md-search-result__item").nth(10)
    assert "<mark>物业</mark>" in added.locator("article").inner_html()
    assert _highlighted(added.locator("a").first.get_attribute("href")) == ["物业"]


def test_the_text_under_a_result_is_the_passage_that_matched(phone, site_url):
    first = ask(phone, site_url, "搭台唱戏")["results"][0]
    assert _path(first["href"]).endswith("/practices/red-channel/")
    assert "<mark>搭台唱戏</mark>" in first["html"]  # from a step: the summary does not say it


def test_a_number_of_the_article_leads_to_its_context(phone, site_url):
    results = ask(phone, site_url, "1404个小区")["results"]
    [figures] = [r for r in results if _path(r["href"]).endswith("/figures/")]
    assert figures["title"] == "数说"
    assert any(section.startswith("1404个") for section in figures["sections"])


def test_terms_come_under_one_glossary_result(phone, site_url):
    results = ask(phone, site_url, "党员")["results"]
    glossary = [r for r in results if _path(r["href"]).endswith("/glossary/")]
    assert len(glossary) == 1 and len(glossary[0]["sections"]) > 1


def test_typos_and_more_results_work_from_a_folder_opened_from_disk(phone, disk_site):
    url = (disk_site / "index.html").as_uri()
    assert ask(phone, url, "院霸改造")["suggestion"].startswith("您是不是要找：院坝改造")
    assert int(ask(phone, url, "物业")["meta"].split(" ")[0]) > 10
    phone.click(".kb-search-more")
    phone.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item').length > n",
        arg=10,
        timeout=15_000,
    )
    assert phone.foreign_requests == []


def test_the_completion_offered_is_the_word_on_most_pages(phone, site_url, built_site):
    manifest = (built_site / "search/manifest.js").read_text(encoding="utf-8")
    words = json.loads(manifest[manifest.index("(") + 1 : manifest.rindex(")")])["words"]
    completions = sorted(
        (w for w in words if w.startswith("红色") and w != "红色"), key=lambda w: (-words[w], w)
    )
    assert completions[0] != min(completions)  # by the pages each is on, not the alphabet
    ask(phone, site_url, "红色")
    phone.wait_for_function("() => document.querySelector('.md-search__suggest').innerText")
    assert phone.locator(".md-search__suggest").inner_text() == completions[0]
