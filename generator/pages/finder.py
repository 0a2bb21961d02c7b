"""The case finder's data: every case's street, type, year, practices, tags, policies and
checklists as small numbers, so the finder page can filter and count ten thousand cases in
the browser. Titles and summaries are not repeated here: the finder reads them from the
search index's document chunks, which hold the cases in the same order.
"""

from __future__ import annotations

import json

from generator.library.linking import Library
from generator.model import Case
from generator.pages.pinyin_order import title_key

# query keys of the finder URL, in the order the filters are shown
KEYS = ("street", "type", "practice", "tag", "year", "policy", "checklist")


def finder_order(cases: list[Case]) -> list[Case]:
    """Newest first (by the case's own date), undated last; the same date or no date in the
    pinyin order of the titles."""
    by_title = title_order(cases)
    dated = sorted((c for c in by_title if c.date), key=lambda c: c.date or "", reverse=True)
    return dated + [c for c in by_title if not c.date]


def title_order(cases: list[Case]) -> list[Case]:
    return sorted(cases, key=lambda c: (title_key(c.title), c.id))


def finder_data(library: Library, cases: list[Case], first_doc: int, chunk: int) -> dict:
    """The finder's data; ``cases`` in finder order, the first at document ``first_doc``.
    Every street, type, practice, policy and checklist the site knows is a value, with cases
    or without, so that the finder can tell a value with no case from an unknown one."""
    vocabularies = library.vocabularies
    facets = {
        "street": _single(cases, lambda c: c.location.street, vocabularies.allowed("street")),
        "type": _single(cases, lambda c: c.community_type, vocabularies.allowed("community_type")),
        "practice": _multi(cases, "practice", library),
        "tag": _multi_values(cases, lambda c: c.tags),
        "year": _single(cases, lambda c: c.date[:4] if c.date else None, None),
        "policy": _multi(cases, "policy", library),
        "checklist": _multi(cases, "checklist", library),
    }
    position = {id(case): n for n, case in enumerate(cases)}
    return {
        "version": 2,
        "count": len(cases),
        "first": first_doc,
        "chunk": chunk,
        "byTitle": [position[id(case)] for case in title_order(cases)],
        "facets": {key: facets[key] for key in KEYS},
    }


def finder_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"kbFinder.data({text});\n"


def _single(cases, value_of, known: list[str] | None) -> dict:
    """One value per case; ``known`` lists every value in order (None: the values the cases
    have, newest first, for years)."""
    values = {v for v in (value_of(c) for c in cases) if v}
    names = known if known is not None else sorted(values, reverse=True)
    index = {name: i for i, name in enumerate(names)}
    return {
        "values": [[n, n] for n in names],
        "of": [[index[v]] if (v := value_of(c)) in index else [] for c in cases],
    }


def _multi(cases, kind: str, library: Library) -> dict:
    records = library.all(kind)
    index = {r.id: i for i, r in enumerate(records)}
    return {
        "values": [[r.id, getattr(r, "name", r.title)] for r in records],
        "of": [[index[r.id] for r in library.related(c, kind)] for c in cases],
    }


def _multi_values(cases, values_of) -> dict:
    names = sorted({v for c in cases for v in values_of(c)})
    index = {name: i for i, name in enumerate(names)}
    return {
        "values": [[n, n] for n in names],
        "of": [sorted({index[v] for v in values_of(c)}) for c in cases],
    }
