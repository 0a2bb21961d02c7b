"""Domain words: what search knows as words. The index keeps those longer than two characters
whole (so that a reader's exact term outranks pages that merely hold its characters), and the
worker cuts queries into them (kb-search-query.js)."""

from __future__ import annotations

import re

from generator.library.linking import Library
from generator.library.synonyms import synonym_groups
from generator.model import KINDS
from generator.search.fields import FieldReader

_WORD = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z]{2,12}$")
_BETWEEN_WORDS = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


def domain_terms(library: Library) -> list[str]:
    """Glossary terms and aliases (and the parts of a term written with punctuation, such as
    网格吹哨、部门报到), synonyms, the vocabularies, and the fields each kind's
    ``Searched.words`` names (tags, communities, short titles, checklist titles and items)."""
    words: set[str] = set(library.vocabularies.allowed("street"))
    words.update(t.name for t in library.vocabularies.community_types)
    if library.glossary:
        for term in library.glossary.terms:
            for name in (term.term, *term.aliases):
                words.add(name)
                words.update(_BETWEEN_WORDS.split(name))
    for group in synonym_groups(library.synonyms, library.glossary):
        words.update(group)
    reader = FieldReader(library, lambda markdown: markdown or "")
    for kind in KINDS:
        for record in library.all(kind.name) if kind.search.words else []:
            for path in kind.search.words:
                words.update(filter(None, reader.values(record, path)))
    return sorted(w for w in words if _WORD.match(w))
