"""Case pages and the streets' case lists as HTML, rendered by the generator (MkDocs only
wraps them in the theme).

A district or city library holds thousands of cases. Rendering each through MkDocs' Markdown
pipeline is most of a build's time, so cases are rendered here from ``case.html.j2`` with the
fast Markdown path, and the MkDocs plugin puts them into the theme's page in parallel. The
street lists (``street.html.j2``) hold a hundred links each, which Python-Markdown is slow at.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import jinja2
from markupsafe import Markup

from generator.library.linking import Library
from generator.library.similar import SimilarCases
from generator.library.streets import StreetPage
from generator.model import Case, Record
from generator.pages.changes import page_dates
from generator.pages.glossary_links import GlossaryLinks
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.pages.slugs import slugify
from generator.pages.wayfinding import trail
from generator.sources.template_loader import no_link_loader

_BLANK_LINES = re.compile(r"\n\s*\n")
_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>')
_LINK = re.compile(r'(<(?:a|img)\b[^>]*?\b(?:href|src)=")([^"#?:]+)([#?][^"]*)?"')


@dataclass(frozen=True)
class HtmlPage:
    path: str  # the page's place in the docs tree, e.g. "cases/x.md"
    title: str  # plain text (escaped where it is used)
    html: str  # the article's content
    headings: tuple[tuple[int, str, str], ...]  # (level, id, title as HTML) for the TOC


def headings_of(html: str) -> tuple[tuple[int, str, str], ...]:
    """(level, id, title) of every h1 and h2 with an id, for the table of contents."""
    return tuple((int(m[1]), m[2], m[3]) for m in _HEADING.finditer(html))


class CasePageRenderer:
    def __init__(
        self,
        library: Library,
        templates: Path,
        urls: SiteUrls,
        markdown: MarkdownRenderer | None = None,
        glossary_links: GlossaryLinks | None = None,
    ):
        self.library, self.urls = library, urls
        self.markdown = markdown or MarkdownRenderer()
        self.glossary_links = glossary_links
        self.similar = SimilarCases(library.all("case"))
        env = jinja2.Environment(
            loader=no_link_loader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters["anchor"] = slugify
        env.filters["markdown"] = _markdown
        self.template = env.get_template("case.html.j2")
        self.street_template = env.get_template("street.html.j2")
        self.breadcrumb_template = env.get_template("_breadcrumb.html.j2")

    def render(self, case: Case) -> HtmlPage:
        here = case.page_path
        helpers = _Helpers(self, here)
        html = self._breadcrumb(here, case.title, helpers) + self.template.render(
            record=case,
            library=self.library,
            vocabularies=self.library.vocabularies,
            helpers=helpers,
        )
        html = _BLANK_LINES.sub("\n", html)
        if self.glossary_links:
            html = self.glossary_links.link(html, self.urls.href(here, "glossary.md"))
        return HtmlPage(here, case.title, html, headings_of(html))

    def street(self, page: StreetPage, siblings: list[StreetPage]) -> HtmlPage:
        helpers = _Helpers(self, page.path)
        title = f"{page.street}的案例" + (
            f"（第 {page.number}/{page.pages} 页）" if page.pages > 1 else ""
        )
        html = self._breadcrumb(page.path, title, helpers) + self.street_template.render(
            page=page, siblings=siblings, helpers=helpers
        )
        html = _BLANK_LINES.sub("\n", html)
        return HtmlPage(page.path, title, html, headings_of(html))

    def _breadcrumb(self, here: str, title: str, helpers: _Helpers) -> str:
        return (
            self.breadcrumb_template.render(trail=trail(self.library, here, title), helpers=helpers)
            + "\n"
        )

    def markdown_at(self, here: str, text: str) -> Markup:
        """A Markdown field as HTML, its relative links made relative to the page's URL."""
        return Markup(_LINK.sub(lambda m: self._relink(here, m), self.markdown.render(text)))

    def _relink(self, here: str, match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(match[2])))
        if target.endswith(".md"):
            url = self.urls.href(here, target)
        else:  # a static file: relative to the folder the page's HTML is written to
            start = posixpath.dirname(self.urls.output_file(here)) or "."
            url = posixpath.relpath(target, start)
        return f'{match[1]}{url}{match[3] or ""}"'


@jinja2.pass_context
def _markdown(context, text: str, inline: bool = False) -> Markup:
    """A Markdown field as HTML; ``inline`` drops the <p> around a single paragraph (list
    items), as Python-Markdown does for a tight list."""
    html = context["helpers"].markdown(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return Markup(html[3:-4])
    return html


class _Helpers:
    """What the case template calls; links are relative to the page being rendered."""

    def __init__(self, renderer: CasePageRenderer, here: str):
        self.renderer, self.here = renderer, here

    def href(self, target: str) -> str:
        return self.renderer.urls.href(self.here, target)

    def finder(self, **filters: str) -> str:
        return self.renderer.urls.finder(self.here, filters)

    def related(self, record: Record, kind: str) -> list[Record]:
        return self.renderer.library.related(record, kind)

    def dates(self, record: Record) -> tuple[str, str] | None:
        return page_dates(self.renderer.library.history, record)

    def similar_cases(self, case: Case, limit: int = 5) -> list[Case]:
        return self.renderer.similar.for_case(case, limit)

    def markdown(self, text: str) -> Markup:
        return self.renderer.markdown_at(self.here, text)
