"""The case lists for readers without JavaScript: each street's cases, a page of them at a
time. Part of what pages the site has, so the library knows them when it checks links."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Case, Vocabularies

STREET_PAGE = 100  # cases per street page


@dataclass(frozen=True)
class StreetPage:
    path: str  # e.g. "cases/streets/huguo-2.md"
    street: str
    number: int  # 1-based
    pages: int
    cases: list[Case]


def street_pages(vocabularies: Vocabularies, cases: list[Case]) -> list[StreetPage]:
    pages = []
    for street in vocabularies.streets:
        mine = [c for c in cases if c.location.street == street.name]
        count = -(-len(mine) // STREET_PAGE)
        for n in range(count):
            name = street.folder if n == 0 else f"{street.folder}-{n + 1}"
            part = mine[n * STREET_PAGE : (n + 1) * STREET_PAGE]
            pages.append(StreetPage(f"cases/streets/{name}.md", street.name, n + 1, count, part))
    return pages
