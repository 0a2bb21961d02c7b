"""What one build leaves for the next while ``kb serve`` runs, so that saving one case
re-renders only what it changed: its page, the pages whose inputs it is part of (similar and
related cases), the search terms it touches, and the data files that come out different.

A full build (``kb build``) never uses this: it renders everything, in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.publish.site import Site
from generator.search.index import Postings
from generator.sources.reader import CaseCache


@dataclass
class ServeMemory:
    settings: tuple = ()  # templates and configuration: when they change, nothing is reused
    cases: CaseCache = field(default_factory=dict)  # files read and checked
    fingerprints: dict[str, tuple] = field(default_factory=dict)  # case id → its inputs
    structure: tuple = ()  # what case pages show of each other (Site.structure_key)
    pages: dict[str, str] = field(default_factory=dict)  # street list → HTML last written
    order: list[str] = field(default_factory=list)  # search documents, in id order
    other_weights: list[dict[str, int]] = field(default_factory=list)  # pages but cases
    postings: Postings | None = None
    written: dict[str, str] = field(default_factory=dict)  # data file → text last written

    @property
    def empty(self) -> bool:
        return self.postings is None

    def start(self, settings: tuple) -> None:
        """Forget rendered output if templates or settings changed (cases stay read)."""
        if settings != self.settings:
            self.settings, self.postings, self.fingerprints, self.written = settings, None, {}, {}
            self.structure, self.pages = (), {}

    def remember(self, site: Site, postings: Postings) -> None:
        """After a full build: what the next build compares with."""
        self.fingerprints = {c.id: site.case_fingerprint(i) for i, c in enumerate(site.cases)}
        self.structure = site.structure_key()
        self.order, self.other_weights = site.doc_urls(), site.other_weights()
        self.postings = postings

    def changed_cases(self, site: Site) -> list[int]:
        """Cases whose page must be written again; remembers their new fingerprints. While
        no title, link, tag or order changed, only the cases whose file changed."""
        structure = site.structure_key()
        if structure == self.structure:
            indexes = [
                i
                for i, c in enumerate(site.cases)
                if self.fingerprints.get(c.id, ((),) * 2)[1] != c._source
            ]
        else:
            indexes = list(range(len(site.cases)))
        self.structure, changed = structure, []
        for index in indexes:
            case, fingerprint = site.cases[index], site.case_fingerprint(index)
            if self.fingerprints.get(case.id) != fingerprint:
                changed.append(index)
            self.fingerprints[case.id] = fingerprint
        return changed

    def changed_pages(self, pages: list) -> list:
        """The HTML pages (street lists) whose content differs from last time."""
        changed = [p for p in pages if self.pages.get(p.path) != p.html]
        self.pages.update((p.path, p.html) for p in changed)
        return changed

    def updated_postings(self, site: Site, changed: list[int]) -> Postings:
        """The search postings, updated only for the documents that changed. When documents
        were added, removed or reordered, every document is indexed again."""
        order, other = site.doc_urls(), site.other_weights()
        postings = self.postings
        if order != self.order or postings is None:
            postings = site.all_postings([site.case_postings(0, len(site.cases))])
            self.order, self.other_weights, self.postings = order, other, postings
            return postings
        for doc_id, (old, new) in enumerate(zip(self.other_weights, other, strict=True)):
            postings.passages[doc_id] = site.other_docs[doc_id].passage
            if old != new:
                postings.replace(doc_id, old, new, site.other_docs[doc_id].passage)
        first = len(other)
        for index in changed:
            postings.replace(
                first + index, postings.weights_of(first + index), *site.case_entry(index)
            )
        self.other_weights = other
        return postings

    def changed_files(self, files: dict[str, str], site_dir: Path) -> dict[str, str]:
        """Only the data files whose text differs from what was written last time."""
        changed = {
            rel: text
            for rel, text in files.items()
            if self.written.get(rel) != text or not (site_dir / rel).is_file()
        }
        self.written = dict(files)
        return changed
