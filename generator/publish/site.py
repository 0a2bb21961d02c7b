"""One build of the site as plain data and functions: what MkDocs renders (Markdown pages),
what the generator renders itself (case pages, the search index, the finder's data).

The MkDocs plugin calls :meth:`Site.case_page` and :meth:`Site.case_postings` for ranges of
cases in worker processes, then :meth:`Site.data_files` once with what they returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.library.linking import Library
from generator.library.streets import street_pages
from generator.model import KINDS, Case
from generator.pages.case_pages import CasePageRenderer, HtmlPage
from generator.pages.changes import FEED_LIMIT, news, page_dates
from generator.pages.feed import atom_feed
from generator.pages.finder import finder_data, finder_order, finder_script
from generator.pages.glossary_links import GlossaryLinks
from generator.pages.handouts import handout_pages
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.render import PageRenderer
from generator.pages.site_urls import SiteUrls
from generator.search.docs import SearchDocs
from generator.search.index import CHUNK, Postings, SearchDoc, doc_row, doc_weights, index_files
from generator.search.terms import domain_terms
from generator.search.text import DomainTerms
from generator.search.vocabulary import readings, search_vocabulary

# pages whose text uses the glossary's terms (HTML pages link them where they are rendered)
TERM_FOLDERS = {kind.folder for kind in KINDS if kind.glossary_links and not kind.html_page}


@dataclass
class Site:
    library: Library
    templates: Path
    urls: SiteUrls = field(default_factory=SiteUrls)
    markdown: MarkdownRenderer = field(default_factory=MarkdownRenderer)
    handout_pdfs: bool = False  # module pages link the PDFs the build prints

    def __post_init__(self):
        self.cases: list[Case] = finder_order(self.library.all("case"))
        self.street_pages = street_pages(self.library.vocabularies, self.cases)
        self.search = SearchDocs(self.library, self.urls, self.markdown)
        self.glossary_links = GlossaryLinks(self.library.glossary, self.search.text)
        self.case_renderer = CasePageRenderer(
            self.library, self.templates, self.urls, self.markdown, self.glossary_links
        )
        self.domain_words = domain_terms(self.library)
        self.domain = DomainTerms(self.domain_words)
        self._pages: dict[str, str] | None = None
        self._other_docs: list[SearchDoc] | None = None

    def link_terms(self, page: str, html: str) -> str:
        """Glossary terms in a Markdown page's HTML (cases get theirs when rendered)."""
        if page.split("/")[0] not in TERM_FOLDERS or page.endswith("/index.md"):
            return html
        return self.glossary_links.link(html, self.urls.href(page, "glossary.md"))

    def markdown_pages(self) -> dict[str, str]:
        """Every page MkDocs renders, path in the docs tree → Markdown (rendered once)."""
        if self._pages is None:
            renderer = self.page_renderer()
            self._pages = renderer.render_all() | handout_pages(renderer, self.library)
            # now, before worker processes are forked for the cases, which number after these
            self._other_docs = list(self.search.all(self._pages, self.street_pages))
        return self._pages

    @property
    def other_docs(self) -> list[SearchDoc]:
        """Every search document but the cases', made from the records and the pages."""
        if self._other_docs is None:
            self.markdown_pages()
        assert self._other_docs is not None
        return self._other_docs

    def page_renderer(self) -> PageRenderer:
        return PageRenderer(self.library, self.templates, self.street_pages, self.handout_pdfs)

    def case_page(self, index: int) -> HtmlPage:
        return self.case_renderer.render(self.cases[index])

    def html_pages(self) -> list[str]:
        """Every page the generator writes as HTML: the cases, then the street lists."""
        return [c.page_path for c in self.cases] + [p.path for p in self.street_pages]

    def street_html(self) -> list[HtmlPage]:
        return [
            self.case_renderer.street(
                page, [p for p in self.street_pages if p.street == page.street]
            )
            for page in self.street_pages
        ]

    def structure_key(self) -> tuple:
        """What cases' pages show of each other (titles, links, practices, tags, order) and
        of other records: while it stays the same, a case's page changes only with its file."""
        cases = tuple(
            (
                c.id,
                c.title,
                tuple(c.practices),
                tuple(c.policies),
                tuple(c.checklists),
                tuple(c.related_cases),
                tuple(c.tags),
            )
            for c in self.cases
        )
        others = tuple(
            (r.kind, r.id, r.title, getattr(r, "name", ""))
            for kind in ("practice", "policy", "checklist", "training")
            for r in self.library.all(kind)
        )
        glossary = self.library.glossary.model_dump_json() if self.library.glossary else ""
        return cases, others, glossary

    def case_entry(self, index: int) -> tuple[dict[str, int], str]:
        """A case's search terms with their weights, and its passage."""
        doc = self.search.case(self.cases[index])
        return doc_weights(doc, self.domain), doc.passage

    def case_postings(self, start: int, stop: int) -> Postings:
        """Search postings of cases ``start`` to ``stop`` (documents follow the other pages)."""
        postings = Postings()
        for index in range(start, stop):
            postings.add(len(self.other_docs) + index, *self.case_entry(index))
        return postings

    def other_weights(self) -> list[dict[str, int]]:
        return [doc_weights(doc, self.domain) for doc in self.other_docs]

    def all_postings(self, case_parts: list[Postings]) -> Postings:
        """Every document's postings: the other pages', then the cases' parts in order."""
        postings = Postings()
        for doc_id, (weights, doc) in enumerate(
            zip(self.other_weights(), self.other_docs, strict=True)
        ):
            postings.add(doc_id, weights, doc.passage)
        for part in case_parts:
            postings.extend(part)
        return postings

    def doc_urls(self) -> list[str]:
        """Every search document's address, in document order."""
        return [d.url for d in self.other_docs] + [self.urls.url(c.page_path) for c in self.cases]

    def case_fingerprint(self, index: int) -> tuple:
        """Whatever a case's page and search entry are made of, as one comparable value."""
        case = self.cases[index]
        related = tuple(
            (r.kind, r.id, r.title, getattr(r, "name", ""))
            for kind in ("practice", "policy", "checklist", "case", "training")
            for r in self.library.related(case, kind)
        )
        similar = tuple((c.id, c.title) for c in self.case_renderer.similar.for_case(case))
        return (case._file, case._source, related, similar, page_dates(self.library.history, case))

    def feed(self, site_name: str, site_url: str | None) -> str:
        """feed.xml: the latest additions and changes."""
        return atom_feed(
            news(self.library, self.library.history, FEED_LIMIT), site_name, site_url, self.urls
        )

    def data_files(self, postings: Postings) -> dict[str, str]:
        """The search index and the finder's data."""
        rows = [doc_row(doc) for doc in self.other_docs]
        rows += [self.search.case_row(case) for case in self.cases]
        vocabulary = search_vocabulary(self.library, self.domain_words, postings)
        files = index_files(rows, postings, vocabulary, readings(vocabulary))
        data = finder_data(self.library, self.cases, len(self.other_docs), CHUNK)
        files["search/finder.js"] = finder_script(data)
        return files
