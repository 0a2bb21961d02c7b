"""The search index as small script files, so that a query loads only the parts it needs.

Pagefind's design on a smaller scale: terms are hashed into shards (``search/t/<n>.js``) and
documents are stored in chunks of a few (``search/d/<n>.js``). A query loads the manifest, the
shards of its terms, and the chunks of its best results. Files are scripts calling
``kbSearch.*`` rather than JSON, because a page opened from disk (file://) may load scripts but
not fetch files. Postings are varints in a 64-character alphabet: (gap - 1) × 32 + weight.
"""

from __future__ import annotations

import json
import math
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from generator.search.query import STOPWORDS, Vocabulary
from generator.search.text import DomainTerms, shard_of, terms

CHUNK = 8  # documents per chunk file: a query loads one chunk per result shown
SHARD_BYTES = 8_192  # aim for term shards of about this size
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
REFERENCE_LENGTH = 1_500  # characters; longer documents have their term weights damped


@dataclass
class SearchDoc:
    """One search result: a page, or a glossary term on the glossary page."""

    url: str
    title: str
    kind: str  # shown as a tag on the result: 案例, 工作法, …
    snippet: str
    tags: list[str] = field(default_factory=list)
    # (text, weight, index single characters) per field: title 8, tags 5, summary 2, body 1
    fields: list[tuple[str, int, bool]] = field(default_factory=list)
    boost: float = 1.0
    parent: tuple[str, str] | None = None  # (url, title) of the page a section belongs to
    passage: str = ""  # the text searched for the passage shown under a result


def doc_weights(doc: SearchDoc, domain: DomainTerms) -> dict[str, int]:
    """Each term's weight in ``doc``, 1–31: field-weighted counts, damped for long pages.
    Whole domain terms are looked for in the weighted fields (title, tags, summary)."""
    raw: Counter[str] = Counter()
    length = 0
    for text, weight, singles in sorted(doc.fields, key=lambda f: -len(f[0])):
        length += len(text)
        found = terms(text, singles)
        if weight > 1:
            found += domain.find(text, found)
        if not raw and weight == 1:
            raw = found  # the body, usually: most terms, nothing to multiply
            continue
        for term, count in found.items():
            raw[term] += count * weight
    factor = doc.boost / max(1.0, math.sqrt(length / REFERENCE_LENGTH))
    scale = {v: min(31, max(1, round(3 * math.log2(1 + v * factor)))) for v in set(raw.values())}
    return {t: scale[v] for t, v in raw.items()}


class Postings:
    """Term → documents and weights in document order, and each document's passage (its text,
    to show where a query matched). Filled in order by a full build, or updated one document
    at a time by ``kb serve``; encoded terms are kept between builds and only the terms a
    change touched are encoded again."""

    def __init__(self):
        self.lists: dict[str, tuple[array, array]] = {}
        self.passages: dict[int, str] = {}
        self._encoded: dict[str, str] = {}
        self._dirty: set[str] = set()

    def add(self, doc_id: int, weights: dict[str, int], passage: str = "") -> None:
        self.passages[doc_id] = passage
        for term, weight in weights.items():
            ids, values = self.lists.setdefault(term, (array("I"), array("B")))
            ids.append(doc_id)
            values.append(weight)
        self._dirty.update(weights)

    def extend(self, other: Postings) -> None:
        """Append ``other``, whose documents all come after this one's."""
        for term, (ids, values) in other.lists.items():
            mine = self.lists.setdefault(term, (array("I"), array("B")))
            mine[0].extend(ids)
            mine[1].extend(values)
        self.passages.update(other.passages)
        self._dirty.update(other.lists)

    def replace(
        self, doc_id: int, old: dict[str, int], new: dict[str, int], passage: str = ""
    ) -> None:
        """Document ``doc_id`` now has weights ``new`` instead of ``old``."""
        self.passages[doc_id] = passage
        for term in old.keys() - new.keys():
            ids, values = self.lists[term]
            at = bisect_left(ids, doc_id)
            del ids[at], values[at]
            if not ids:
                del self.lists[term]
        for term, weight in new.items():
            ids, values = self.lists.setdefault(term, (array("I"), array("B")))
            at = bisect_left(ids, doc_id)
            if at < len(ids) and ids[at] == doc_id:
                values[at] = weight
            else:
                ids.insert(at, doc_id)
                values.insert(at, weight)
        self._dirty.update(old.keys() | new.keys())

    def weights_of(self, doc_id: int) -> dict[str, int]:
        """The terms of one document, found in every term's list."""
        found = {}
        for term, (ids, values) in self.lists.items():
            at = bisect_left(ids, doc_id)
            if at < len(ids) and ids[at] == doc_id:
                found[term] = values[at]
        return found

    def encoded(self) -> dict[str, str]:
        for term in self._dirty:
            if term in self.lists:
                self._encoded[term] = encode(*self.lists[term])
            else:
                self._encoded.pop(term, None)
        self._dirty.clear()
        return dict(sorted(self._encoded.items()))


def _varint(number: int) -> str:
    out = []
    while number >= 32:
        out.append(ALPHABET[32 | (number & 31)])
        number >>= 5
    out.append(ALPHABET[number])
    return "".join(out)


_CODES = [_varint(n) for n in range(32 * 1024)]  # every gap under 1,024 documents


def encode(ids, values) -> str:
    """(gap - 1) × 32 + weight per posting, as varints; a table does the common cases."""
    numbers = [
        (doc_id - previous - 1) * 32 + weight
        for previous, doc_id, weight in zip([-1, *ids], ids, values, strict=False)
    ]
    limit = len(_CODES)
    return "".join([_CODES[n] if n < limit else _varint(n) for n in numbers])


def index_files(
    rows: list[SearchRow], postings: Postings, vocabulary: Vocabulary, readings: dict[str, str]
) -> dict[str, str]:
    """Every file of the index, path → text. ``rows``: each document as :func:`doc_row`;
    ``readings``: the characters that sound like known words (loaded only for a typo)."""
    passages = [postings.passages.get(number, "") for number in range(len(rows))]
    encoded = postings.encoded()
    total = sum(len(k) + len(v) + 6 for k, v in encoded.items())
    shards = 1
    while shards < 4096 and total / shards > SHARD_BYTES:
        shards *= 2
    buckets: dict[int, dict[str, str]] = {n: {} for n in range(shards)}
    for term, text in encoded.items():
        buckets[shard_of(term, shards)][term] = text
    files = {f"search/t/{n}.js": _call("terms", n, bucket) for n, bucket in buckets.items()}
    for start in range(0, len(rows), CHUNK):
        number = start // CHUNK
        files[f"search/d/{number}.js"] = _call("docs", number, rows[start : start + CHUNK])
        files[f"search/p/{number}.js"] = _call("passages", number, passages[start : start + CHUNK])
    manifest = {
        "version": 2,
        "docs": len(rows),
        "shards": shards,
        "chunk": CHUNK,
        "sections": _sections(rows),
        **manifest_vocabulary(vocabulary),
    }
    files["search/manifest.js"] = f"kbSearch.manifest({_json(manifest)});\n"
    files["search/readings.js"] = f"kbSearch.readings({_json(readings)});\n"
    files.update(material_stub({"shards": shards, "chunk": CHUNK}))
    return files


def _sections(rows: list[SearchRow]) -> dict[str, int]:
    """Document → the document of the page it is a part of (glossary terms, numbers)."""
    pages = {row.url: number for number, row in enumerate(rows) if not row.parent}
    return {
        str(number): pages[row.parent[0]]
        for number, row in enumerate(rows)
        if row.parent and row.parent[0] in pages
    }


def manifest_vocabulary(vocabulary: Vocabulary) -> dict:
    """The query vocabulary as the worker reads it (kb-search-query.js ``vocabulary``)."""
    fold = "".join(chr(code) + simple for code, simple in sorted(vocabulary.fold.items()))
    return {
        "words": vocabulary.words,
        "synonyms": vocabulary.synonyms,
        "pinyin": vocabulary.pinyin,
        "fold": fold,
        "stop": list(STOPWORDS),
    }


def material_stub(layout: dict) -> dict[str, str]:
    """What Material's page script loads at start and hands the worker: a few bytes, the
    index's layout (so the first query fetches the manifest and its shards at once), never
    the index itself."""
    stub = _json(
        {
            "config": {
                "lang": ["zh"],
                "separator": "[\\s]+",
                "pipeline": [],
                "fields": {},
                "kb": layout,
            },
            "docs": [],
        }
    )
    return {"search/search_index.json": stub, "search/search_index.js": f"var __index = {stub};\n"}


class SearchRow(NamedTuple):
    """What a result shows, one per document in ``search/d/<n>.js`` (a JSON array in this
    order). Read by name on the JavaScript side: ``kb-search-results.js`` (``item``) and
    ``kb-finder.js`` (the finder's list) destructure ``[location, title, kind, tags, snippet]``;
    ``parent`` ties a glossary term or a number to its page (``manifest.sections``)."""

    url: str
    title: str
    kind: str  # 案例, 工作法, …: the tag shown first
    tags: list[str]
    snippet: str  # at most docs.SNIPPET characters
    parent: list[str] | None  # [url, title] of the page a section belongs to


def doc_row(doc: SearchDoc) -> SearchRow:
    return SearchRow(
        doc.url,
        doc.title,
        doc.kind,
        doc.tags,
        doc.snippet,
        list(doc.parent) if doc.parent else None,
    )


def _call(function: str, number: int, data) -> str:
    return f"kbSearch.{function}({number},{_json(data)});\n"


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
