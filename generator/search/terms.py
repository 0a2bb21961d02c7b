"""Domain words the search index keeps whole, so that a reader's exact term outranks pages
that merely contain its characters (search_text.DomainTerms)."""

from __future__ import annotations

import re

from generator.library.linking import Library

_WORD = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z]{2,12}$")


def domain_terms(library: Library) -> list[str]:
    """Glossary terms and aliases, tags, practice short titles, places and vocabularies."""
    words: set[str] = set(library.vocabularies.allowed("street"))
    words.update(t.name for t in library.vocabularies.community_types)
    if library.glossary:
        for term in library.glossary.terms:
            words.add(term.term)
            words.update(term.aliases)
    for case in library.all("case"):
        words.update(case.tags)
        words.update(filter(None, [case.location.community]))
    words.update(filter(None, (getattr(p, "short_title", None) for p in library.all("practice"))))
    words.update(c.title for c in library.all("checklist"))
    return sorted(w for w in words if _WORD.match(w))
