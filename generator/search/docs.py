"""What the search finds: one document per page, and one per glossary term.

Built from the linked library (drafts are never in it unless previewing), not from the
rendered pages, so every field keeps its weight: titles 8, tags and places 5, summaries 2,
everything else 1.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.library.linking import KIND_LABELS, Library
from generator.model import Case, Checklist, Guide, Policy, Practice, Record, Training
from generator.pages.markdown_html import MarkdownRenderer, is_plain_prose
from generator.pages.site_urls import SiteUrls
from generator.pages.slugs import slugify
from generator.search.index import SearchDoc, doc_row

SNIPPET = 120  # characters of summary shown under a result
KIND_BOOST = {"practice": 1.3, "policy": 1.2, "checklist": 1.2, "case": 1.0, "guide": 1.0,
              "training": 1.0}
_TAG = re.compile(r"<[^>]+>")


class SearchDocs:
    def __init__(self, library: Library, urls: SiteUrls, markdown: MarkdownRenderer):
        self.library, self.urls, self.markdown = library, urls, markdown

    def all(self) -> Iterator[SearchDoc]:
        """Every document except cases (see :meth:`case`), in a stable order."""
        for kind in ("practice", "policy", "checklist", "guide", "training"):
            for record in self.library.all(kind):
                yield self.record(record)
        yield from self.glossary()

    def record(self, record: Record) -> SearchDoc:
        builders: dict[type, Callable[[Any], tuple[str, list[str], str]]] = {
            Case: self._case, Practice: self._practice, Policy: self._policy,
            Checklist: self._checklist, Guide: self._guide, Training: self._training}
        summary, tags, body = builders[type(record)](record)
        fields = [(record.title, 8, True), (" ".join(tags), 5, True), (summary, 2, False),
                  (body, 1, False)]
        return SearchDoc(self.urls.url(record.page_path), record.title, KIND_LABELS[record.kind],
                         _snippet(summary or body), tags, fields, KIND_BOOST[record.kind])

    def case(self, case: Case) -> SearchDoc:
        return self.record(case)

    def case_row(self, case: Case) -> list:
        """A case's search result (:func:`doc_row`) without reading its whole text."""
        summary, tags, _ = self._case(case, body=False)
        doc = SearchDoc(self.urls.url(case.page_path), case.title, KIND_LABELS["case"],
                        _snippet(summary), tags)
        return doc_row(doc)

    def glossary(self) -> Iterator[SearchDoc]:
        glossary = self.library.glossary
        page = self.urls.url("glossary.md")
        for term in glossary.terms if glossary else []:
            definition = self.text(term.definition)
            fields = [(term.term, 8, True), (" ".join(term.aliases), 8, True),
                      (definition, 2, False)]
            yield SearchDoc(f"{page}#{slugify(term.term)}", term.term, "术语",
                            _snippet(definition), list(term.aliases), fields, 1.3,
                            parent=(page, "术语表"))

    def text(self, markdown: str | None) -> str:
        """The words of a Markdown field, without its markup."""
        if not markdown:
            return ""
        if is_plain_prose(markdown):
            return markdown
        return html.unescape(_TAG.sub(" ", self.markdown.render(markdown)))

    def _case(self, case: Case, body: bool = True) -> tuple[str, list[str], str]:
        place = [case.location.street, case.location.community, case.community_type]
        practices = [p.name for p in self.library.related(case, "practice")]
        tags = [*case.tags, *filter(None, place), *practices]
        if not body:
            return case.summary, tags, ""
        parts = [self.text(case.background), *map(self.text, case.actions),
                 self.text(case.outcomes), *map(self.text, case.lessons), *case.participants,
                 *case.discussion_questions, *(m.label for m in case.metrics)]
        return case.summary, tags, "\n".join(parts)

    def _practice(self, practice: Practice) -> tuple[str, list[str], str]:
        section = self.library.vocabularies.section(practice.section)
        tags = list(filter(None, [practice.short_title, section.short_title]))
        body = [*map(self.text, practice.steps), self.text(practice.body)]
        return practice.summary, tags, "\n".join(body)

    def _policy(self, policy: Policy) -> tuple[str, list[str], str]:
        tags = list(filter(None, [policy.issuer, policy.doc_number]))
        return policy.summary, tags, self.text(policy.body)

    def _checklist(self, checklist: Checklist) -> tuple[str, list[str], str]:
        items = [f"{i.text} {self.text(i.detail)} {i.evidence or ''}" for i in checklist.items]
        return checklist.purpose, [], "\n".join([*items, self.text(checklist.body)])

    def _guide(self, guide: Guide) -> tuple[str, list[str], str]:
        return guide.summary or "", [], self.text(guide.body)


    def _training(self, module: Training) -> tuple[str, list[str], str]:
        """What learners may read: never the trainers' teaching notes."""
        sessions = [f"{s.title} {s.kind} {' '.join(s.questions)}" for s in module.sessions]
        return module.summary, [module.audience], "\n".join([*module.objectives, *sessions])


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…"
