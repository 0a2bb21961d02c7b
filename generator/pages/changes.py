"""What's new, from git: each published record's first publication and last change, and the
latest additions and changes across the site (the 最近更新 page, the feed, the home page)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from generator.library.history import Change, History
from generator.model import KINDS, Record
from generator.sources.pii import personal_information

FEED_LIMIT = 50  # entries in feed.xml (the 最近更新 page shows 200, changes.md.j2)
EDITORS_KINDS = {kind.name for kind in KINDS if kind.editors_only}
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class NewsItem:
    """What happened to one page on one day: one entry however many commits it took."""

    record: Record
    changes: tuple[Change, ...]  # that day's changes to the page, newest first

    @property
    def change(self) -> Change:
        return self.changes[0]

    @property
    def day(self) -> str:
        return self.change.day

    @property
    def label(self) -> str:
        return "新增" if any(c.added for c in self.changes) else "更新"

    @property
    def for_readers(self) -> bool:
        """Content for readers; the guides are for editors and trainers."""
        return self.record.kind not in EDITORS_KINDS

    @property
    def note(self) -> str:
        """The day's commit subjects written for readers, newest first: in Chinese (the
        maintainers' commits, in English, say nothing to a reader and are left out) and free
        of personal data (such a subject is left out, and the build warns, see
        :func:`withheld_notes`)."""
        notes = [
            c.subject
            for c in self.changes
            if _CJK.search(c.subject) and not personal_information(c.subject)
        ]
        return "；".join(dict.fromkeys(notes))


def record_files(library) -> dict[str, Record]:
    """Source file → the published record read from it."""
    return {r._file: r for kind in library.records.values() for r in kind.values()}


def news(
    library, history: History, limit: int | None = None, readers_only: bool = False
) -> list[NewsItem]:
    """Changes to published records, one entry per page per day, newest day first and within
    a day readers' content before the guides; a deleted or draft record's are left out."""
    files = record_files(library)
    days: dict[tuple[str, str], list[Change]] = {}
    for change in history.recent():
        if change.path in files:
            days.setdefault((change.day, change.path), []).append(change)
    items = [NewsItem(files[path], tuple(changes)) for (_, path), changes in days.items()]
    if readers_only:
        items = [item for item in items if item.for_readers]
    items.sort(key=lambda i: (i.day, i.for_readers, i.change.when.timestamp()), reverse=True)
    return items[:limit] if limit is not None else items


def withheld_notes(library, history: History) -> list[tuple[Change, str]]:
    """(the change, what was found) for each commit whose subject readers would have seen
    but that holds personal data; once per commit."""
    found: dict[str, tuple[Change, str]] = {}
    for item in news(library, history):
        for change in item.changes:
            if change.commit not in found and _CJK.search(change.subject):
                findings = personal_information(change.subject)
                if findings:
                    found[change.commit] = (change, findings[0].what)
    return list(found.values())


def withheld_message(change: Change, what: str) -> str:
    return (
        f"提交 {change.commit[:7]}（{change.day}）的说明含有{what}：这条说明不会显示在“最近更新”"
        "和订阅中。提交说明会一直留在历史里，请不要在提交说明里写居民的个人信息。"
    )


def by_day(items: list[NewsItem]) -> list[tuple[str, list[NewsItem]]]:
    return [(day, list(group)) for day, group in groupby(items, key=lambda i: i.day)]


def page_dates(history: History, record: Record) -> tuple[str, str] | None:
    """(首次发布, 最近更新) of a record's page, as dates; None when git does not know."""
    found = history.dates(record._file)
    return (found[0].day, found[1].day) if found else None
