"""How text becomes search terms; the browser's worker (kb-search.js) does exactly the same.

Chinese has no spaces, and a word list big enough to segment it (jieba's is 5 MB) cannot be
sent to a phone. So every run of Chinese characters is indexed as its overlapping pairs
(院坝改造 → 院坝 坝改 改造), and a query is split the same way: the page and the query are
segmented identically by construction. Domain terms (glossary, tags, places, practices) are
also indexed whole, so that an exact term outranks the pairs that happen to spell it. Runs of
Latin letters and digits are single terms. Traditional characters are folded to simplified
with OpenCC's table (the worker gets the part of it that leads to characters the site has).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import opencc

# CJK Unified Ideographs, Extension A and the compatibility block (same ranges in kb-search.js)
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")


_CJK_BLOCKS = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))


@functools.cache
def fold_table() -> dict[int, str]:
    """Traditional → simplified, character by character, from OpenCC's t2s conversion."""
    convert = opencc.OpenCC("t2s").convert
    table = {}
    for block in _CJK_BLOCKS:
        for code in block:
            simple = convert(chr(code))
            if len(simple) == 1 and simple != chr(code):
                table[code] = simple
    return table


@functools.cache
def _traditional() -> re.Pattern:
    """Any character :func:`fold_table` changes: most text has none, and is left as it is."""
    return re.compile("[" + "".join(chr(code) for code in sorted(fold_table())) + "]")


def normalise(text: str, fold: dict[int, str] | None = None) -> str:
    """Full-width forms and case folded (NFKC, lower case), traditional characters simplified
    (``fold``: a part of :func:`fold_table`; the whole of it by default)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if fold is not None:
        return text.translate(fold)
    return text.translate(fold_table()) if _traditional().search(text) else text


def terms(text: str, single_characters: bool = False) -> Counter[str]:
    """Term counts of ``text``: character pairs for Chinese, whole runs for Latin and digits.
    A lone Chinese character is a term only where ``single_characters`` is set (titles)."""
    runs = _RUN.findall(normalise(text))
    found = [run[i : i + 2] for run in runs if run[0] >= "\u3400" for i in range(len(run) - 1)]
    found += [run for run in runs if run[0] < "\u3400"]
    if single_characters:
        found += [c for run in runs if run[0] >= "\u3400" for c in run]
    return Counter(found)


class DomainTerms:
    """Finds whole domain terms in text, starting from the character pairs they begin with.
    Two-character terms are pairs already, so only longer ones are kept."""

    def __init__(self, words: list[str]):
        self.words = sorted({normalise(w) for w in words if len(normalise(w)) > 2})
        self.by_start: dict[str, list[str]] = {}
        for word in self.words:
            self.by_start.setdefault(word[:2], []).append(word)

    def find(self, text: str, pairs: Counter[str]) -> Counter[str]:
        normal = normalise(text)
        return Counter(
            {
                word: normal.count(word)
                for start in pairs.keys() & self.by_start.keys()
                for word in self.by_start[start]
                if word in normal
            }
        )


def shard_of(term: str, shards: int) -> int:
    """32-bit FNV-1a over code points, masked to the (power-of-two) number of shards."""
    value = 0x811C9DC5
    for character in term:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value & (shards - 1)
