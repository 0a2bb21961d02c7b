"""feed.xml: the latest additions and changes as an Atom feed. Entry ids and links are
absolute when mkdocs.yml sets ``site_url`` (feed readers need them); dates come from git."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from generator.pages.changes import NewsItem
from generator.pages.site_urls import SiteUrls

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(items: list[NewsItem], site_name: str, site_url: str | None, urls: SiteUrls) -> str:
    base = (site_url.rstrip("/") + "/") if site_url else ""
    feed = ElementTree.Element("feed", xmlns=ATOM)
    feed.set("xml:lang", "zh-CN")
    _text(feed, "title", f"{site_name}：最近更新")
    _text(feed, "id", base + "feed.xml" if base else "urn:kb:feed")
    ElementTree.SubElement(feed, "link", rel="self", href=base + "feed.xml")
    ElementTree.SubElement(feed, "link", rel="alternate", href=base + urls.url("changes.md"))
    newest = items[0].change.when.isoformat() if items else "1970-01-01T00:00:00+00:00"
    _text(feed, "updated", newest)
    _text(ElementTree.SubElement(feed, "author"), "name", site_name)
    for item in items:
        record, change = item.record, item.change
        link = base + urls.url(record.page_path)
        entry = ElementTree.SubElement(feed, "entry")
        _text(entry, "title", f"{item.label}：{record.title}")
        # one entry per page and day: its id stays the same however often the page is rebuilt
        _text(
            entry,
            "id",
            f"{link}#{item.day}" if base else f"urn:kb:{record.kind}:{record.id}:{item.day}",
        )
        ElementTree.SubElement(entry, "link", rel="alternate", href=link)
        _text(entry, "updated", change.when.isoformat())
        if item.note:
            _text(entry, "summary", item.note)
    ElementTree.indent(feed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="unicode")
        + "\n"
    )


def _text(parent, tag: str, text: str):
    element = ElementTree.SubElement(parent, tag)
    element.text = text
    return element
