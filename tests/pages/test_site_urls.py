import pytest

from generator.pages.site_urls import SiteUrls

WEB, DISK = SiteUrls(True), SiteUrls(False)


@pytest.mark.parametrize(
    "page, web, disk",
    [
        ("index.md", "", "index.html"),
        ("cases/index.md", "cases/", "cases/index.html"),
        ("cases/x.md", "cases/x/", "cases/x.html"),
        ("glossary.md", "glossary/", "glossary.html"),
    ],
)
def test_addresses_follow_mkdocs(page, web, disk):
    assert (WEB.url(page), DISK.url(page)) == (web, disk)


@pytest.mark.parametrize(
    "here, target, web, disk",
    [
        ("cases/x.md", "practices/y.md", "../../practices/y/", "../practices/y.html"),
        ("cases/x.md", "cases/index.md", "../", "index.html"),
        ("cases/x.md", "index.md", "../../", "../index.html"),
        ("index.md", "cases/x.md", "cases/x/", "cases/x.html"),
        ("cases/x.md", "cases/y.md", "../y/", "y.html"),
    ],
)
def test_relative_links_between_pages(here, target, web, disk):
    assert (WEB.href(here, target), DISK.href(here, target)) == (web, disk)


def test_finder_links_carry_the_filters():
    assert WEB.finder("cases/x.md", {"tag": "院坝"}) == "../?tag=%E9%99%A2%E5%9D%9D"
    assert DISK.finder("cases/x.md", {"year": "2021"}) == "index.html?year=2021"
