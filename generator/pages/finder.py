"""The case finder's data: every case's street, type, year, practices, tags, policies and
checklists as small numbers, so the finder page can filter and count ten thousand cases in
the browser. Titles and summaries are not repeated here: the finder reads them from the
search index's document chunks, which hold the cases in the same order.
"""

from __future__ import annotations

import json

from generator.library.linking import Library
from generator.model import Case

# query keys of the finder URL, in the order the filters are shown
KEYS = ("street", "type", "practice", "tag", "year", "policy", "checklist")


def finder_order(cases: list[Case]) -> list[Case]:
    """Newest first (by the case's own date), undated last, then by title."""
    dated = sorted((c for c in cases if c.date), key=lambda c: (c.title, c.id))
    dated.sort(key=lambda c: c.date or "", reverse=True)
    undated = [c for c in cases if not c.date]
    return dated + sorted(undated, key=lambda c: (c.title, c.id))


def finder_data(library: Library, cases: list[Case], first_doc: int, chunk: int) -> dict:
    """The finder's data; ``cases`` in finder order, the first at document ``first_doc``."""
    facets = {
        "street": _single(cases, lambda c: c.location.street,
                          library.vocabularies.allowed("street")),
        "type": _single(cases, lambda c: c.community_type,
                        library.vocabularies.allowed("community_type")),
        "practice": _multi(cases, "practice", library),
        "tag": _multi_values(cases, lambda c: c.tags),
        "year": _single(cases, lambda c: c.date[:4] if c.date else None, None),
        "policy": _multi(cases, "policy", library),
        "checklist": _multi(cases, "checklist", library),
    }
    return {"version": 1, "count": len(cases), "first": first_doc, "chunk": chunk,
            "facets": {key: facets[key] for key in KEYS}}


def finder_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"kbFinder.data({text});\n"


def _single(cases, value_of, order: list[str] | None) -> dict:
    values = [v for v in (value_of(c) for c in cases) if v]
    names = order if order is not None else sorted(set(values), reverse=True)
    names = [n for n in names if n in set(values)]
    index = {name: i for i, name in enumerate(names)}
    return {"values": [[n, n] for n in names],
            "of": [[index[v]] if (v := value_of(c)) in index else [] for c in cases]}


def _multi(cases, kind: str, library: Library) -> dict:
    records = library.all(kind)
    index = {r.id: i for i, r in enumerate(records)}
    of = [[index[r.id] for r in library.related(c, kind)] for c in cases]
    used = sorted({i for row in of for i in row})
    renumber = {old: new for new, old in enumerate(used)}
    return {"values": [[records[i].id, getattr(records[i], "name", records[i].title)]
                       for i in used],
            "of": [[renumber[i] for i in row] for row in of]}


def _multi_values(cases, values_of) -> dict:
    names = sorted({v for c in cases for v in values_of(c)})
    index = {name: i for i, name in enumerate(names)}
    return {"values": [[n, n] for n in names],
            "of": [sorted({index[v] for v in values_of(c)}) for c in cases]}
