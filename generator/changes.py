"""What's new, from git: each published record's first publication and last change, and the
latest additions and changes across the site (the 最近更新 page, the feed, the home page)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from .history import Change, History
from .model import Record

FEED_LIMIT = 50  # entries in feed.xml (the 最近更新 page shows 200, changes.md.j2)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class NewsItem:
    record: Record
    change: Change

    @property
    def label(self) -> str:
        return "新增" if self.change.added else "更新"

    @property
    def note(self) -> str:
        """The commit's subject, when written for readers: in Chinese (the maintainers'
        commits, in English, say nothing to a reader and are left out)."""
        subject = self.change.subject
        return subject if _CJK.search(subject) else ""


def record_files(library) -> dict[str, Record]:
    """Source file → the published record read from it."""
    return {r._file: r for kind in library.records.values() for r in kind.values()}


def news(library, history: History, limit: int | None = None) -> list[NewsItem]:
    """Changes to published records, newest first; a deleted or draft record's are left out."""
    files = record_files(library)
    items = [NewsItem(files[c.path], c) for c in history.recent() if c.path in files]
    return items[:limit] if limit is not None else items


def by_day(items: list[NewsItem]) -> list[tuple[str, list[NewsItem]]]:
    return [(day, list(group)) for day, group in groupby(items, key=lambda i: i.change.day)]


def page_dates(history: History, record: Record) -> tuple[str, str] | None:
    """(首次发布, 最近更新) of a record's page, as dates; None when git does not know."""
    found = history.dates(record._file)
    return (found[0].day, found[1].day) if found else None
