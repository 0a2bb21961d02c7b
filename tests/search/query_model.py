"""The Python model of how the browser reads a query (kb-search-query.js): tests read queries
with it, and tests/site/test_search_browser.py checks that the worker reads them the same way
on the built site's vocabulary. The site itself never runs it; what the build hands the
worker (the stopwords, the vocabulary, the pairs a piece is matched by) is
generator/search/query.py.

1. The text is normalised: full-width forms, case, and traditional characters folded to
   simplified (OpenCC's table, see :mod:`generator.search.text`).
2. A query of Latin letters only is read as pinyin: full (``hongsewuye``) or initials
   (``hswy``) of a known word, which is then searched instead.
3. Each run of Chinese is cut into known words (glossary terms, tags, places, practice names,
   synonyms) by longest match; question words and particles (怎么, 请问, 吗 …) are dropped;
   what lies between known words stays as it is. Each piece is matched by its own character
   pairs, never by pairs across two pieces, and with its synonyms.
4. When a piece holds a pair no page has, a known word that sounds the same (院霸 → 院坝) or
   differs in one character (红包物业 → 红色物业) is searched instead, and suggested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.search.query import STOPWORDS, Vocabulary, is_chinese, pairs
from generator.search.text import normalise

MAX_WORD = 12
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+")


@dataclass
class QueryVocabulary(Vocabulary):
    """The vocabulary with the lookups the worker builds from it (``kbQuery.Vocabulary``)."""

    def __post_init__(self):
        self.known = {w: "word" for w in self.words} | {w: "stop" for w in STOPWORDS}
        self.group = {w: g for g in self.synonyms for w in g}
        self.spelled: dict[str, list[str]] = {}
        for word, syllables in sorted(self.pinyin.items()):
            parts = syllables.split()
            for key in ("".join(parts), "".join(p[0] for p in parts)):
                self.spelled.setdefault(key, []).append(word)

    @classmethod
    def from_manifest(cls, manifest: dict) -> QueryVocabulary:
        """The vocabulary a built index carries (search/manifest.js), as the worker reads it."""
        fold = manifest["fold"]
        return cls(
            manifest["words"],
            manifest["synonyms"],
            manifest["pinyin"],
            {ord(fold[i]): fold[i + 1] for i in range(0, len(fold) - 1, 2)},
        )

    def by_weight(self, words) -> list[str]:
        return sorted(set(words), key=lambda w: (-self.words.get(w, 0), w))

    def spelled_as(self, letters: str) -> list[str]:
        """Known words whose pinyin, in full or as initials, is ``letters``."""
        return self.by_weight(self.spelled.get(letters, []))


@dataclass(frozen=True)
class Piece:
    text: str
    start: int  # where it stands in the normalised query
    known: bool = False
    alternatives: tuple[str, ...] = ()  # synonyms, or other words the pinyin spells


@dataclass(frozen=True)
class Query:
    text: str  # normalised
    pieces: tuple[Piece, ...]
    spelled: str = ""  # the known word a pinyin query was read as


def parse_query(text: str, vocabulary: QueryVocabulary) -> Query:
    normal = normalise(text, vocabulary.fold)
    runs = list(_RUN.finditer(normal))
    letters = "".join(r.group() for r in runs)
    if runs and letters.isalpha() and letters.isascii():
        spelled = vocabulary.spelled_as(letters)
        if spelled:
            piece = Piece(spelled[0], 0, True, tuple(spelled[1:]))
            return Query(normal, (piece,), spelled[0])
    pieces: list[Piece] = []
    for run in runs:
        if not is_chinese(run.group()):
            pieces.append(Piece(run.group(), run.start()))
            continue
        for start, word, kind in segment(run.group(), vocabulary.known):
            if kind != "stop":
                others = [w for w in vocabulary.group.get(word, []) if w != word]
                pieces.append(Piece(word, run.start() + start, kind == "word", tuple(others)))
    if any(len(p.text) > 1 for p in pieces):  # a lone character left between words is noise
        pieces = [p for p in pieces if len(p.text) > 1 or not is_chinese(p.text)]
    unique = {p.text: p for p in reversed(pieces)}
    return Query(normal, tuple(p for p in pieces if unique[p.text] is p))


def segment(run: str, known: dict[str, str]) -> list[tuple[int, str, str]]:
    """(start, text, kind) of each piece of a run of Chinese: known words by longest match
    ("word" or "stop"), and the text between them ("rest")."""
    out: list[tuple[int, str, str]] = []
    rest, i = 0, 0
    while i < len(run):
        size = next(
            (
                n
                for n in range(min(MAX_WORD, len(run) - i), 0, -1)
                if known.get(run[i : i + n]) and (n > 1 or known[run[i]] == "stop")
            ),
            0,
        )
        if not size:
            i += 1
            continue
        if rest < i:
            out.append((rest, run[rest:i], "rest"))
        out.append((i, run[i : i + size], known[run[i : i + size]]))
        i += size
        rest = i
    if rest < len(run):
        out.append((rest, run[rest:], "rest"))
    return out


def correction(query: Query, vocabulary: QueryVocabulary, exists, readings) -> str | None:
    """The query with one known word put where a piece holds a pair no page has
    (``exists(pair)`` is False): a word that sounds the same (``readings(character)``: its
    pinyin syllables) or, from three characters on, differs in one character. None if none."""
    for piece in query.pieces:
        unknown = [
            i
            for i, pair in enumerate(pairs(piece.text))
            if is_chinese(piece.text) and len(piece.text) > 1 and not exists(pair)
        ]
        if not unknown or piece.known:
            continue
        found = _replacement(piece.text, unknown, vocabulary, readings)
        if found:
            at, size, word = found
            start = piece.start + at
            return query.text[:start] + word + query.text[start + size :]
    return None


def _replacement(text: str, unknown: list[int], vocabulary: QueryVocabulary, readings):
    """(start, length, word) of the best known word for a window of ``text`` that covers an
    unknown pair: a word that sounds the same before one a character off; the longest window
    first, then the word on most pages."""
    for alike in (_sounds_alike, _one_off):
        for size in range(min(MAX_WORD, len(text)), 1, -1):
            for start in range(len(text) - size + 1):
                if not any(start <= i and i + 1 < start + size for i in unknown):
                    continue
                window = text[start : start + size]
                words = [
                    w
                    for w in vocabulary.words
                    if len(w) == size and w != window and alike(window, w, vocabulary, readings)
                ]
                if words:
                    return start, size, vocabulary.by_weight(words)[0]
    return None


def _sounds_alike(window: str, word: str, vocabulary: QueryVocabulary, readings) -> bool:
    syllables = vocabulary.pinyin.get(word, "").split()
    return len(syllables) == len(word) and all(
        s in readings(c) for c, s in zip(window, syllables, strict=True)
    )


def _one_off(window: str, word: str, vocabulary: QueryVocabulary, readings) -> bool:
    return len(word) >= 3 and sum(a != b for a, b in zip(window, word, strict=True)) == 1


def reader_of(table: dict[str, str]):
    """``readings(character)`` from a search/readings.js table, as the worker reads it."""
    by_character: dict[str, set[str]] = {}
    for sound, characters in table.items():
        for character in characters:
            by_character.setdefault(character, set()).add(sound)
    return lambda character: by_character.get(character, set())
