"""What the worker needs to read queries, built with the index: the known words with the number
of pages each is on, synonym groups, each word's pinyin, the part of the traditional →
simplified table that leads to characters the site has, and (loaded only to correct a typo) the
readings of common characters that sound like a known word's."""

from __future__ import annotations

import functools

from pypinyin import Style, lazy_pinyin, pinyin

from generator.library.linking import Library
from generator.library.synonyms import synonym_groups
from generator.search.index import Postings
from generator.search.query import Vocabulary, is_chinese, pairs
from generator.search.text import fold_table


def search_vocabulary(library: Library, words: list[str], postings: Postings) -> Vocabulary:
    """``words``: the domain terms; ``postings``: the whole index, for how many pages hold each
    word, anywhere on the page (as many as hold its rarest pair: close, and no text is read
    again)."""
    lists = postings.lists
    weights = {
        word: min(len(lists[p][0]) if p in lists else 0 for p in pairs(word)) for word in words
    }
    characters = {c for term in lists for c in term}
    fold = {code: simple for code, simple in fold_table().items() if simple in characters}
    return Vocabulary(
        weights,
        synonym_groups(library.synonyms, library.glossary),
        {w: " ".join(lazy_pinyin(w)) for w in words if all(map(is_chinese, w))},
        fold,
    )


def readings(vocabulary: Vocabulary) -> dict[str, str]:
    """Syllable → the common characters read so (GB 2312), for the syllables of known words:
    enough to tell that 霸 sounds like 坝, nothing more."""
    wanted = {s for syllables in vocabulary.pinyin.values() for s in syllables.split()}
    table: dict[str, list[str]] = {}
    for character, sounds in _common_readings():
        for sound in sounds:
            if sound in wanted:
                table.setdefault(sound, []).append(character)
    return {sound: "".join(chars) for sound, chars in sorted(table.items())}


@functools.cache
def _common_readings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every GB 2312 hanzi with all its readings, without tones."""
    found = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                character = bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            sounds = pinyin(character, style=Style.NORMAL, heteronym=True)[0]
            found.append((character, tuple(dict.fromkeys(sounds))))
    return tuple(found)
