from pathlib import Path

from generator.pages.case_pages import CasePageRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.pipeline import load_library
from generator.sources.sanitize import removals
from tests.conftest import REPO
from tests.helpers import case_yaml, make_project

TEMPLATES = REPO / "site_config/templates"


WEB = SiteUrls()


def _page(root: Path, case_id: str, urls: SiteUrls = WEB):
    library = load_library(root).library
    return CasePageRenderer(library, TEMPLATES, urls).render(library.get("case", case_id))


def test_a_case_page_is_clean_html_with_its_table_of_contents():
    page = _page(REPO, "zhiguo-lane-courtyard")
    assert page.path == "cases/zhiguo-lane-courtyard.md"
    assert page.headings[0] == (1, "致果巷2号及5号院坝微改造", "致果巷2号及5号院坝微改造")
    assert (2, "做法", "做法") in page.headings
    assert removals(page.html) == []


def test_street_type_year_practices_and_tags_link_to_the_filtered_finder(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a",
                extra=(
                    "date: 2021-06\ncommunity_type: 城中村\n"
                    "practices: [sample-practice]\ntags: [院坝]\n"
                ),
            )
        },
    )
    html = _page(root, "a").html
    for query in (
        "street=%E6%8A%A4%E5%9B%BD%E8%A1%97%E9%81%93",
        "year=2021",
        "type=%E5%9F%8E%E4%B8%AD%E6%9D%91",
        "practice=sample-practice",
        "tag=%E9%99%A2%E5%9D%9D",
    ):
        assert f'href="../?{query}"' in html, query


def test_relative_links_in_fields_are_made_relative_to_the_pages_address(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a",
                extra=(
                    "background: 见[工作法](../practices/sample-practice.md#举措)和"
                    "![图](../assets/kb.css)。\n"
                ),
            ),
        },
    )
    web = _page(root, "a").html
    assert 'href="../../practices/sample-practice/#举措"' in web
    assert 'src="../../assets/kb.css"' in web
    disk = _page(root, "a", SiteUrls(False)).html
    assert 'href="../practices/sample-practice.html#举措"' in disk


def test_similar_cases_share_practices_or_tags(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="tags: [院坝]\n"),
            "cases/b.yml": case_yaml("b", extra="tags: [院坝]\n"),
            "cases/c.yml": case_yaml("c", extra="tags: [物业]\n"),
        },
    )
    html = _page(root, "a").html
    assert '<h2 id="相似案例">' in html and 'href="../b/"' in html and 'href="../c/"' not in html


def test_plain_text_fields_are_escaped_and_single_paragraph_items_stay_tight(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a", extra=("actions: [第一步。]\nparticipants: ['<b>居民</b>']\n")
            )
        },
    )
    html = _page(root, "a").html
    assert "<li>第一步。</li>" in html and "&lt;b&gt;居民&lt;/b&gt;" in html
