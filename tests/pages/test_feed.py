"""generator/pages/feed.py: a valid Atom feed; ids and links absolute when site_url is set."""

import datetime
import xml.etree.ElementTree as ElementTree

from generator.library.history import Change
from generator.model import Guide
from generator.pages.changes import NewsItem
from generator.pages.feed import atom_feed
from generator.pages.site_urls import SiteUrls

NS = {"a": "http://www.w3.org/2005/Atom"}


def _items():
    guide = Guide.model_validate({"id": "editors", "title": "编辑指南 <b>&", "body": "正文"})
    when = datetime.datetime.fromisoformat("2026-02-10T10:00:00+08:00")
    change = Change("content/guides/editors.md", "0123456789abcdef", when, "修改 <说明> & 例子")
    return [NewsItem(guide, (change,))]


def test_entries_have_absolute_ids_and_links_with_site_url():
    feed = ElementTree.fromstring(
        atom_feed(_items(), "知识库", "https://kb.example.org/x", SiteUrls())
    )
    assert feed.find("a:id", NS).text == "https://kb.example.org/x/feed.xml"
    assert feed.find("a:updated", NS).text == "2026-02-10T10:00:00+08:00"
    [entry] = feed.findall("a:entry", NS)
    assert entry.find("a:title", NS).text == "更新：编辑指南 <b>&"
    # one entry per page and day: its id stays the same however often the site is rebuilt
    assert entry.find("a:id", NS).text == "https://kb.example.org/x/guides/editors/#2026-02-10"
    assert entry.find("a:link", NS).get("href") == "https://kb.example.org/x/guides/editors/"
    assert entry.find("a:summary", NS).text == "修改 <说明> & 例子"
    datetime.datetime.fromisoformat(entry.find("a:updated", NS).text)


def test_without_site_url_ids_are_still_unique_and_stable():
    feed = ElementTree.fromstring(atom_feed(_items(), "知识库", None, SiteUrls()))
    [entry] = feed.findall("a:entry", NS)
    assert entry.find("a:id", NS).text == "urn:kb:guide:editors:2026-02-10"
    assert entry.find("a:link", NS).get("href") == "guides/editors/"


def test_an_empty_feed_is_valid():
    feed = ElementTree.fromstring(atom_feed([], "知识库", None, SiteUrls()))
    assert feed.findall("a:entry", NS) == [] and feed.find("a:updated", NS).text


def test_a_maintainers_english_commit_subject_is_not_shown_to_readers():
    [item] = _items()
    english = NewsItem(
        item.record, (Change(item.change.path, "ab", item.change.when, "Fix the schema"),)
    )
    feed = ElementTree.fromstring(atom_feed([english], "知识库", None, SiteUrls()))
    assert feed.find("a:entry/a:summary", NS) is None
    assert english.note == "" and item.note == "修改 <说明> & 例子"
