"""What the search finds: every page a reader reads, once; each glossary term and each number
of 数说 as a part of its page (the worker shows them together, under one result).

Built from the linked library (drafts are never in it unless previewing), not from the rendered
pages, so every field keeps its weight: titles 8, tags and places 5, summaries 2, everything
else 1. Pages that only gather others (home, section lists, street lists) and the guides for
editors and trainers weigh less, so that a reader's question finds content first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from generator.library.linking import Library
from generator.library.streets import StreetPage
from generator.library.training import handout_page
from generator.model import KINDS, Case, Record, kind_of
from generator.pages.markdown_html import MarkdownRenderer, is_plain_prose
from generator.pages.site_urls import SiteUrls
from generator.pages.slugs import slugify
from generator.search.fields import FieldReader
from generator.search.index import SearchDoc, SearchRow, doc_row

SNIPPET = 120  # characters of summary shown under a result (and by the case finder)
PASSAGE = 3_000  # characters of a page's text kept to show where a query matched
# pages that are not records: path → (kind shown, weight); their text is their rendered page,
# the part before the first section for pages whose sections are documents of their own
PAGES = {
    "index.md": ("首页", 0.4),
    "article.md": ("原文", 1.0),
    "glossary.md": ("术语表", 0.6),
    "figures.md": ("数说", 0.6),
    "guides/rules.md": ("指南", 0.5),
}
WHOLE_PAGE = {"index.md", "article.md"}
LISTS = [kind.folder for kind in KINDS]
LIST_BOOST = 0.3
_TAG = re.compile(r"<[^>]+>")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r'^title: "?(.*?)"?$', re.M)


class SearchDocs:
    def __init__(self, library: Library, urls: SiteUrls, markdown: MarkdownRenderer):
        self.library, self.urls, self.markdown = library, urls, markdown
        self.fields = FieldReader(library, self.text)

    def all(self, pages: dict[str, str], streets: list[StreetPage]) -> Iterator[SearchDoc]:
        """Every document except cases (see :meth:`case`), in a stable order. ``pages``: the
        site's Markdown pages, for the pages that are not records."""
        for kind in KINDS:
            if not kind.bulk:  # cases come last, one by one (see :meth:`case`)
                for record in self.library.all(kind.name):
                    yield self.record(record)
        yield from self.handouts()
        yield from self.pages(pages)
        yield from self.streets(streets)
        yield from self.glossary()
        yield from self.figures()

    def record(self, record: Record) -> SearchDoc:
        """A record's document, read as its kind's :class:`~generator.model.Searched` says."""
        kind = kind_of(record.kind)
        summary, tags, body = (
            self.fields.summary(record),
            self.fields.tags(record),
            self.fields.body(record),
        )
        fields = [
            (record.title, 8, True),
            (" ".join(tags), 5, True),
            (summary, 2, False),
            (body, 1, False),
        ]
        return SearchDoc(
            self.urls.url(record.page_path),
            record.title,
            kind.label,
            _snippet(summary or body),
            tags,
            fields,
            kind.search.boost,
            passage=_passage(summary, body),
        )

    def case(self, case: Case) -> SearchDoc:
        return self.record(case)

    def case_row(self, case: Case) -> SearchRow:
        """A case's search result (:func:`doc_row`) without reading its whole text."""
        doc = SearchDoc(
            self.urls.url(case.page_path),
            case.title,
            kind_of(case.kind).label,
            _snippet(self.fields.summary(case)),
            self.fields.tags(case),
        )
        return doc_row(doc)

    def handouts(self) -> Iterator[SearchDoc]:
        for module in self.library.all("training"):
            title = f"{module.title}（学员版讲义）"
            text = "可打印的学员版讲义：课程安排、案例全文、探讨问题和书写空间。"
            yield SearchDoc(
                self.urls.url(handout_page(module)),
                title,
                "讲义",
                text,
                [],
                [(title, 8, True), (text, 1, False)],
                0.5,
                passage=text,
            )

    def pages(self, markdown_pages: dict[str, str]) -> Iterator[SearchDoc]:
        """The home page, 原文导读, the pages of terms and numbers, and the section lists."""
        lists = {f"{folder}/index.md": ("栏目", LIST_BOOST) for folder in LISTS}
        for path, (kind, boost) in (PAGES | lists).items():
            if path not in markdown_pages:
                continue
            title, text = self._page_text(markdown_pages[path], whole=path in WHOLE_PAGE)
            yield SearchDoc(
                self.urls.url(path),
                title,
                kind,
                _snippet(text),
                [],
                [(title, 8, True), (text, 1, False)],
                boost,
                passage=text,
            )

    def _page_text(self, page: str, whole: bool) -> tuple[str, str]:
        front = _FRONT.match(page)
        title_line = _TITLE.search(front.group(1)) if front else None
        title = html.unescape(title_line.group(1)) if title_line else ""
        body = page[front.end() :] if front else page
        if not whole:
            body = body.split("\n## ", 1)[0]
        return title, self.text(body)

    def streets(self, streets: list[StreetPage]) -> Iterator[SearchDoc]:
        """Each street's list of cases, once (its first page)."""
        for page in streets:
            if page.number != 1:
                continue
            titles = [c.title for p in streets if p.street == page.street for c in p.cases]
            title, text = f"{page.street}的案例", "、".join(titles)
            yield SearchDoc(
                self.urls.url(page.path),
                title,
                "街道",
                _snippet(text),
                [],
                [(title, 8, True), (page.street, 5, True), (text, 1, False)],
                LIST_BOOST,
                passage=text[:PASSAGE],
            )

    def glossary(self) -> Iterator[SearchDoc]:
        glossary = self.library.glossary
        page = self.urls.url("glossary.md")
        for term in glossary.terms if glossary else []:
            definition = self.text(term.definition)
            # a public source's definition explains the term; the article's use follows it
            quoted = f"{term.quote.text}（《{term.quote.source.title}》）" if term.quote else ""
            text = f"{quoted} {definition}".strip()
            fields = [(term.term, 8, True), (" ".join(term.aliases), 8, True), (text, 2, False)]
            yield SearchDoc(
                f"{page}#{slugify(term.term)}",
                term.term,
                "术语",
                _snippet(text),
                list(term.aliases),
                fields,
                1.0,
                parent=(page, "术语表"),
                passage=text,
            )

    def figures(self) -> Iterator[SearchDoc]:
        figures = self.library.figures.figures if self.library.figures else []
        page = self.urls.url("figures.md")
        for figure in figures:
            title = f"{figure.value}{figure.unit or ''} {figure.label}"
            fields = [(title, 8, True), (figure.context, 2, False)]
            yield SearchDoc(
                page,
                title,
                "数字",
                _snippet(figure.context),
                [],
                fields,
                0.6,
                parent=(page, "数说"),
                passage=figure.context,
            )

    def text(self, markdown: str | None) -> str:
        """The words of a Markdown field, without its markup."""
        if not markdown:
            return ""
        if is_plain_prose(markdown):
            return markdown
        return html.unescape(_TAG.sub(" ", self.markdown.render(markdown)))


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…"


def _passage(summary: str, body: str) -> str:
    """A page's text for showing where a query matched: its summary, then its body."""
    flat = "\n".join(" ".join(part.split()) for part in (summary, body) if part.strip())
    return flat[:PASSAGE]
