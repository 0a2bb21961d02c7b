"""Where a page sits: the breadcrumb above its title (首页 › 案例库 › 护国街道 › a case) and
the section of the navigation it belongs to.

The navigation (``mkdocs.yml``) lists sections, never single cases, practices or handouts;
these pages are placed under their section here, so a reader on a phone always has a way
back to the list they came from.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.library.linking import Library
from generator.model import KINDS

HOME = "index.md"
# each folder's page in the navigation, with the title the navigation gives it
SECTION_TITLES = {kind.folder: kind.section for kind in KINDS}
_EDITIONS = {"handout.md": "学员版讲义", "teacher.md": "教师版讲义"}


@dataclass(frozen=True)
class Crumb:
    title: str
    page: str | None  # the page it links to; None for the page itself


def section_page(page: str) -> str | None:
    """The navigation page a page belongs under (``cases/index.md`` for a case), or None for
    a page the navigation lists itself."""
    folder = page.split("/", 1)[0]
    index = f"{folder}/index.md"
    if "/" not in page or page == index or folder not in SECTION_TITLES:
        return None
    return index


def trail(library: Library, page: str, title: str) -> list[Crumb]:
    """The breadcrumb of ``page`` (titled ``title``): home, its section, the pages between,
    itself. Empty for pages the navigation lists (the navigation already shows where they
    are)."""
    section = section_page(page)
    if section is None:
        return []
    crumbs = [Crumb("首页", HOME), Crumb(SECTION_TITLES[page.split("/", 1)[0]], section)]
    crumbs.extend(_between(library, page))
    return crumbs + [Crumb(_handout_edition(page) or title, None)]


def _between(library: Library, page: str) -> list[Crumb]:
    """The crumbs between the section and the page: a case's street, a handout's module."""
    folder, name = posixpath.split(page)
    if folder == "cases":
        case = library.get("case", name.removesuffix(".md"))
        street = case and next(
            (s for s in library.vocabularies.streets if s.name == case.location.street), None
        )
        if street:
            return [Crumb(street.name, f"cases/streets/{street.folder}.md")]
    if _handout_edition(page):
        module = library.get("training", posixpath.basename(folder))
        if module:
            return [Crumb(module.title, module.page_path)]
    return []


def _handout_edition(page: str) -> str | None:
    """学员版讲义 / 教师版讲义 for a module's handout page (training/<module>/handout.md)."""
    folder, name = posixpath.split(page)
    return _EDITIONS.get(name) if folder.startswith("training/") else None
