"""What one build leaves for the next while ``kb serve`` runs, so that saving one case
re-renders only what it changed: its page, the pages whose inputs it is part of (similar and
related cases), the search terms it touches, and the data files that come out different.

A full build (``kb build``) never uses this: it renders everything, in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .reader import CaseCache
from .search_index import Postings
from .site import Site


@dataclass
class ServeMemory:
    settings: tuple = ()  # templates and configuration: when they change, nothing is reused
    cases: CaseCache = field(default_factory=dict)  # files read and checked
    fingerprints: dict[str, tuple] = field(default_factory=dict)  # case id → its inputs
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

    def remember(self, site: Site, postings: Postings) -> None:
        """After a full build: what the next build compares with."""
        self.fingerprints = {c.id: site.case_fingerprint(i) for i, c in enumerate(site.cases)}
        self.order, self.other_weights = site.doc_urls(), site.other_weights()
        self.postings = postings

    def changed_cases(self, site: Site, output_exists) -> list[int]:
        """Cases whose page must be written again; remembers the new fingerprints."""
        changed, fingerprints = [], {}
        for index, case in enumerate(site.cases):
            fingerprint = site.case_fingerprint(index)
            fingerprints[case.id] = fingerprint
            if self.fingerprints.get(case.id) != fingerprint or not output_exists(case):
                changed.append(index)
        self.fingerprints = fingerprints
        return changed

    def updated_postings(self, site: Site, changed: list[int]) -> Postings:
        """The search postings, updated only for the documents that changed. When documents
        were added, removed or reordered, every document is indexed again."""
        order, other = site.doc_urls(), site.other_weights()
        if order != self.order:
            postings = site.all_postings([site.case_postings(0, len(site.cases))])
            self.order, self.other_weights, self.postings = order, other, postings
            return postings
        postings = self.postings
        for doc_id, (old, new) in enumerate(zip(self.other_weights, other, strict=True)):
            if old != new:
                postings.replace(doc_id, old, new)
        first = len(other)
        for index in changed:
            postings.replace(first + index, postings.weights_of(first + index),
                             site.case_weights(index))
        self.other_weights = other
        return postings

    def changed_files(self, files: dict[str, str], site_dir: Path) -> dict[str, str]:
        """Only the data files whose text differs from what was written last time."""
        changed = {rel: text for rel, text in files.items()
                   if self.written.get(rel) != text or not (site_dir / rel).is_file()}
        self.written = dict(files)
        return changed
