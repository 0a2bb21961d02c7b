"""The case finder (cases/index.html) as a reader uses it: filter, count, page, share, reload.

kb-finder.js over search/finder.js and the search index's document chunks.
"""

from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.conftest import serve_folder

pytestmark = pytest.mark.browser


def finder(page, url: str) -> dict:
    """Open the finder at ``url``; what it shows once the results have their titles."""
    page.goto(url)
    page.wait_for_selector(".kb-finder__count")
    page.wait_for_selector(".kb-finder__results:not([aria-busy])")
    return read(page)


def read(page) -> dict:
    return page.evaluate("""() => ({
      count: document.querySelector('.kb-finder__count').innerText,
      results: [...document.querySelectorAll('.kb-finder__results li')].map(li => ({
        title: li.querySelector('a').innerText, href: li.querySelector('a').href,
        place: li.querySelector('.kb-finder__place').innerText.trim(),
        summary: li.querySelector('p').innerText})),
      options: Object.fromEntries([...document.querySelectorAll('.kb-finder__facet input')]
        .map(box => [box.name + '=' + box.value,
                     [box.checked, box.parentElement.querySelector('.kb-finder__n').innerText]])),
    })""")


def test_a_shared_address_shows_only_the_matching_cases(phone, site_url):
    shown = finder(phone, site_url + "cases/?street=护国街道")
    assert shown["count"] == "共 2 个案例"
    assert {r["title"] for r in shown["results"]} == {
        "致果巷2号及5号院坝微改造",
        "“吹哨报到”现场联合执法，取缔兴华街71号“黑气点”",
    }
    assert all(r["place"].startswith("护国街道") and r["summary"] for r in shown["results"])
    assert shown["options"]["street=护国街道"] == [True, "(2)"]
    assert shown["options"]["street=华山街道"] == [False, "(1)"]  # what choosing it would add


def test_filters_combine_update_the_address_and_survive_a_reload(phone, site_url):
    finder(phone, site_url + "cases/")
    phone.check("input[name=tag][value=阵地建设]")
    assert read(phone)["count"] == "共 2 个案例"
    phone.check("input[name=street][value=龙翔街道]")
    shown = read(phone)
    assert shown["count"] == "共 1 个案例"
    query = parse_qs(urlsplit(phone.url).query)
    assert query == {"tag": ["阵地建设"], "street": ["龙翔街道"]}
    phone.reload()
    phone.wait_for_selector(".kb-finder__count")
    assert read(phone)["count"] == "共 1 个案例"
    phone.click("text=清除筛选")
    assert read(phone)["count"] == "共 5 个案例" and urlsplit(phone.url).query == ""


def test_several_values_of_one_filter_are_any_of_them(phone, site_url):
    shown = finder(phone, site_url + "cases/?street=护国街道&street=华山街道")
    assert shown["count"] == "共 3 个案例"


def test_a_case_page_links_its_tags_and_street_to_the_filtered_finder(phone, site_url):
    phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    phone.locator("article a.kb-tag", has_text="微改造").click()
    phone.wait_for_selector(".kb-finder__count")
    assert parse_qs(urlsplit(phone.url).query) == {"tag": ["微改造"]}
    assert [r["title"] for r in read(phone)["results"]] == ["致果巷2号及5号院坝微改造"]


def test_two_thousand_cases_are_counted_and_paged(phone, generated_site):
    root = generated_site.parent
    cases = [yaml.safe_load(p.read_text("utf-8")) for p in (root / "cases").rglob("*.yml")]
    streets = Counter(c["location"]["street"] for c in cases)
    with serve_folder(generated_site) as url:
        shown = finder(phone, url + "cases/?street=护国街道")
        assert shown["count"] == f"共 {streets['护国街道']} 个案例"
        assert len(shown["results"]) == 20
        for street, count in streets.items():
            if street != "护国街道":
                assert shown["options"][f"street={street}"][1] == f"({count})"
        first_page = [r["title"] for r in shown["results"]]
        phone.click("text=下一页")
        phone.wait_for_selector(".kb-finder__results:not([aria-busy])")
        second = read(phone)
        assert parse_qs(urlsplit(phone.url).query)["page"] == ["2"]
        assert not {r["title"] for r in second["results"]} & set(first_page)
        assert "第 2/" in phone.locator(".kb-finder__pager").inner_text()
        assert (generated_site / "cases/index.html").stat().st_size < 100 * 1024


def test_without_javascript_every_case_is_reached_through_the_street_pages(browser, generated_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen, reached = set(), set()
    with serve_folder(generated_site) as url:
        queue = [url + "cases/"]
        while queue:
            page.goto(queue.pop())
            for href in page.locator("article a").evaluate_all("as => as.map(a => a.href)"):
                path = urlsplit(href).path
                if "/cases/streets/" in path and path not in seen:
                    seen.add(path)
                    queue.append(url.rstrip("/") + path)
                elif path.startswith("/cases/") and path.count("/") == 3 and "?" not in href:
                    reached.add(path.split("/")[2])
    context.close()
    case_ids = {p.stem for p in (generated_site.parent / "cases").rglob("*.yml")}
    assert len(case_ids) > 2000 and case_ids <= reached


def test_the_finder_works_from_a_folder_opened_from_disk(phone, disk_site: Path):
    shown = finder(phone, (disk_site / "cases/index.html").as_uri() + "?street=护国街道")
    assert shown["count"] == "共 2 个案例"
    assert all(
        r["href"].startswith("file://") and r["href"].endswith(".html") for r in shown["results"]
    )
    assert phone.foreign_requests == []


def test_a_combination_with_no_case_says_which_filter_to_remove(phone, site_url):
    shown = finder_empty(phone, site_url + "cases/?street=华山街道&tag=黑气点")
    assert shown["count"] == "共 0 个案例"
    assert "没有同时符合「华山街道」（街道）、「黑气点」（标签）的案例。" in shown["empty"]
    assert shown["offers"] == ["去掉「华山街道」，看 1 个案例", "去掉「黑气点」，看 1 个案例"]
    # no box is left without an option to choose
    assert phone.evaluate("""() => [...document.querySelectorAll('.kb-finder__facet')]
        .every(f => f.querySelector('input'))""")
    phone.click("text=去掉「黑气点」，看 1 个案例")
    phone.wait_for_selector(".kb-finder__results:not([aria-busy])")
    assert [r["title"] for r in read(phone)["results"]] == ["五华山社区82号院活动阵地建设"]
    assert parse_qs(urlsplit(phone.url).query) == {"street": ["华山街道"]}
    phone.go_back()  # the removal was a step of its own
    assert finder_empty(phone, None)["count"] == "共 0 个案例"


def finder_empty(page, url: str | None) -> dict:
    if url:
        page.goto(url)
    page.wait_for_selector(".kb-finder__empty")
    return page.evaluate("""() => ({
      count: document.querySelector('.kb-finder__count').innerText,
      empty: document.querySelector('.kb-finder__empty').innerText,
      offers: [...document.querySelectorAll('.kb-finder__drop')].map(b => b.innerText),
    })""")


def test_an_unknown_value_is_named_and_dropped(phone, site_url):
    shown = finder(phone, site_url + "cases/?street=不存在街道&tag=院坝&year=2030")
    notice = phone.locator(".kb-finder__unknown").inner_text()
    assert notice == "没有名为「不存在街道」的街道；没有「2030」年的案例，已去掉这个筛选条件。"
    assert shown["count"] == "共 2 个案例"  # the known filter still applies
    assert parse_qs(urlsplit(phone.url).query) == {"tag": ["院坝"]}
    phone.check("input[name=street][value=护国街道]")
    assert phone.locator(".kb-finder__unknown").count() == 0  # said once, then gone


def test_back_undoes_one_filter_at_a_time(phone, site_url):
    finder(phone, site_url + "cases/")
    phone.check("input[name=tag][value=阵地建设]")
    phone.check("input[name=street][value=龙翔街道]")
    assert read(phone)["count"] == "共 1 个案例"
    phone.go_back()
    phone.wait_for_function("!location.search.includes('street')")
    assert read(phone)["count"] == "共 2 个案例"
    assert read(phone)["options"]["tag=阵地建设"][0] is True
    phone.go_back()
    phone.wait_for_function("location.search === ''")
    assert read(phone)["count"] == "共 5 个案例"
    phone.go_forward()
    phone.wait_for_function("location.search !== ''")
    assert read(phone)["count"] == "共 2 个案例"


def test_every_control_is_big_enough_for_a_finger(phone, site_url):
    finder(phone, site_url + "cases/?street=护国街道")
    small = phone.evaluate("""() => [...document.querySelectorAll(
        '.kb-finder label, .kb-finder button, .kb-finder select')]
      .map(el => [el.innerText.trim(), el.getBoundingClientRect()])
      .filter(([, box]) => box.width < 44 || box.height < 44)
      .map(([text, box]) => `${text} ${box.width}x${box.height}`)""")
    assert small == []


def test_cases_are_ordered_newest_first_or_by_title_in_pinyin(phone, generated_site):
    from generator.pages.finder import finder_order, title_order
    from generator.publish.pipeline import load_library

    cases = load_library(generated_site.parent).library.all("case")
    by_date = [c.title for c in finder_order(cases)]
    by_title = [c.title for c in title_order(cases)]
    assert by_date[:20] != by_title[:20]
    with serve_folder(generated_site) as url:
        assert [r["title"] for r in finder(phone, url + "cases/")["results"]] == by_date[:20]
        phone.select_option("#kb-finder-sort", "title")
        phone.wait_for_function("location.search === '?sort=title'")
        phone.wait_for_selector(".kb-finder__results:not([aria-busy])")
        assert [r["title"] for r in read(phone)["results"]] == by_title[:20]
        phone.go_back()
        phone.wait_for_selector(".kb-finder__results:not([aria-busy])")
        assert [r["title"] for r in read(phone)["results"]] == by_date[:20]
