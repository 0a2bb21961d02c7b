"""Published under a sub-path, as GitLab and GitHub project Pages serve a site (…/kb/), with the
address set by ``kb build --site-url``: pages, the 404 page, the feed, the sitemap, search and
the case finder all work there. Without an address the build says what will not."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest

from tests.conftest import copy_project, run_kb, serve_folder
from tests.helpers import commit_all, git
from tests.site.test_finder_browser import finder
from tests.site.test_search_browser import search

pytestmark = pytest.mark.browser
SITE_URL = "https://pages.example.org/kb/"
RED = "rgb(183, 28, 28)"  # the header: the site's own stylesheet has loaded


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("subpath") / "kb")
    git(root, "init", "-q")
    commit_all(root, "导入内容", "2026-03-04T10:00:00+08:00")
    result = run_kb(root, "build", "--site-url", SITE_URL)
    assert result.returncode == 0, result.stderr
    assert "没有设置网站地址" not in result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def kb_url(published):
    with serve_folder(published, "/kb/") as url:
        yield url


def _header_colour(page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


def test_a_page_is_styled_and_its_links_stay_under_the_path(phone, kb_url):
    phone.goto(kb_url + "cases/zhiguo-lane-courtyard/")
    assert _header_colour(phone) == RED
    phone.click("a[href$='practices/concentric-circles/'] >> nth=0")
    assert urlsplit(phone.url).path == "/kb/practices/concentric-circles/"
    assert phone.foreign_requests == []


def test_the_404_page_is_styled_and_its_links_work(phone, kb_url):
    response = phone.goto(kb_url + "cases/no-such-case/")
    assert response.status == 404
    assert _header_colour(phone) == RED and phone.locator("text=页面不存在").is_visible()
    phone.click("text=浏览案例库")
    phone.wait_for_selector(".kb-finder__count")
    assert urlsplit(phone.url).path == "/kb/cases/"


def test_the_feed_and_the_sitemap_carry_the_published_addresses(published):
    feed = ElementTree.parse(published / "feed.xml").getroot()
    links = [e.get("href") for e in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(SITE_URL) for link in links)
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(addresses) > 40 and all(a.startswith(SITE_URL) for a in addresses)
    assert SITE_URL + "cases/zhiguo-lane-courtyard/" in addresses


def test_search_and_the_finder_work_under_the_path(phone, kb_url):
    search(phone, kb_url, "院坝改造")
    first = phone.locator(".md-search-result__link").first.get_attribute("href")
    assert urlsplit(first).path == "/kb/cases/zhiguo-lane-courtyard/"
    shown = finder(phone, kb_url + "cases/?street=护国街道")
    assert shown["count"] == "共 2 个案例"
    assert all(urlsplit(r["href"]).path.startswith("/kb/cases/") for r in shown["results"])


@pytest.mark.slow  # builds twice, without the browser
def test_without_an_address_the_build_says_once_what_will_not_work(tmp_path):
    root = copy_project(tmp_path / "kb")
    result = run_kb(root, "build")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("没有设置网站地址（site_url）") == 1
    assert "kb build --site-url" in result.stderr
    offline = run_kb(root, "build", "--offline")
    assert offline.returncode == 0 and "没有设置网站地址" not in offline.stderr
