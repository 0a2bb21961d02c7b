"""What the browser's worker needs to read a query (kb-search-query.js), as the build hands it
over in the index's manifest: the question words it drops, the site's known words with their
synonyms and pinyin, the part of the traditional → simplified table the site needs, and the
character pairs a piece of a query is matched by.

The reading itself runs only in the browser; its Python model, which tests compare with it,
is tests/search/query_model.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# question words and particles that say how something is asked, not what about
STOPWORDS = (
    "怎么办",
    "怎么样",
    "怎么",
    "如何",
    "怎样",
    "请问",
    "什么",
    "哪些",
    "哪里",
    "哪儿",
    "哪个",
    "为什么",
    "是否",
    "有没有",
    "能不能",
    "可不可以",
    "应该",
    "需要",
    "可以",
    "一下",
    "吗",
    "呢",
    "吧",
    "啊",
    "呀",
    "的",
)


@dataclass
class Vocabulary:
    """What the worker knows of the site's words (the manifest carries the same)."""

    words: dict[str, int] = field(default_factory=dict)  # known word → pages that have it
    synonyms: list[list[str]] = field(default_factory=list)
    pinyin: dict[str, str] = field(default_factory=dict)  # known word → "yuan ba"
    fold: dict[int, str] = field(default_factory=dict)  # traditional code point → simplified


def is_chinese(text: str) -> bool:
    return text[:1] >= "\u3400"


def pairs(text: str) -> list[str]:
    """The terms a piece is matched by: its character pairs, or itself (one character, or
    Latin letters and digits)."""
    if not is_chinese(text) or len(text) < 2:
        return [text]
    return [text[i : i + 2] for i in range(len(text) - 1)]
