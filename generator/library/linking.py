"""Step two: link. Check ids and references across files, and work out back-links."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal, cast, overload

from generator.library.history import History
from generator.library.streets import street_pages
from generator.library.synonyms import check_synonyms
from generator.library.training import check_training, handout_page
from generator.model import (
    Article,
    Case,
    Checklist,
    FigureList,
    Glossary,
    Practice,
    Record,
    SynonymList,
    Training,
    Vocabularies,
)
from generator.model.kinds import KINDS as REGISTRY
from generator.model.kinds import references
from generator.sources.attachments import Attachments
from generator.sources.links import report_broken_links
from generator.sources.loading import dotted_path
from generator.sources.problems import ProblemList
from generator.sources.reader import Contents

KINDS: dict[str, type[Record]] = {kind.name: kind.model for kind in REGISTRY}
KIND_LABELS: dict[str, str] = {kind.name: kind.label for kind in REGISTRY}

Key = tuple[str, str]


@dataclass
class Library:
    """All published records, linked both ways, ready to render or export."""

    vocabularies: Vocabularies
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    glossary: Glossary | None = None
    figures: FigureList | None = None
    article: Article | None = None
    synonyms: SynonymList | None = None  # search only: words it treats as one
    intros: dict[str, str] = field(default_factory=dict)
    history: History = field(default_factory=History)  # git's dates; filled in by a build
    attachments: Attachments = field(default_factory=Attachments)  # site_config/docs, checked
    _links: dict[Key, set[Key]] = field(default_factory=lambda: defaultdict(set))
    _sorted: dict[tuple, list[Record]] = field(default_factory=dict)

    # typed where the kind is known (records are stored by kind, so the cast holds)
    @overload
    def all(self, kind: Literal["case"]) -> list[Case]: ...
    @overload
    def all(self, kind: Literal["practice"]) -> list[Practice]: ...
    @overload
    def all(self, kind: Literal["training"]) -> list[Training]: ...
    @overload
    def all(self, kind: str) -> list[Record]: ...

    def all(self, kind: str) -> list[Any]:
        return list(self.records.get(kind, {}).values())

    @overload
    def get(self, kind: Literal["case"], record_id: str) -> Case | None: ...
    @overload
    def get(self, kind: Literal["practice"], record_id: str) -> Practice | None: ...
    @overload
    def get(self, kind: Literal["training"], record_id: str) -> Training | None: ...
    @overload
    def get(self, kind: str, record_id: str) -> Record | None: ...

    def get(self, kind: str, record_id: str) -> Any:
        return self.records.get(kind, {}).get(record_id)

    @overload
    def related(self, record: Record, kind: Literal["case"]) -> list[Case]: ...
    @overload
    def related(self, record: Record, kind: Literal["practice"]) -> list[Practice]: ...
    @overload
    def related(self, record: Record, kind: str) -> list[Record]: ...

    def related(self, record: Record, kind: str) -> list[Any]:
        """Records of ``kind`` linked to ``record`` in either direction, sorted for display."""
        cache_key = (record.kind, record.id, kind)
        if cache_key not in self._sorted:
            keys = [k for k in self._links[(record.kind, record.id)] if k[0] == kind]
            found = [self.records[kind][record_id] for _, record_id in keys]
            self._sorted[cache_key] = sorted(found, key=sort_key)
        return list(self._sorted[cache_key])

    def _link(self, a: Record, b: Record) -> None:
        self._sorted.clear()
        self._links[(a.kind, a.id)].add((b.kind, b.id))
        self._links[(b.kind, b.id)].add((a.kind, a.id))


def describe_library(library: Library) -> str:
    """How much there is, in words: 5 个案例、14 个工作法……"""
    counts = [(len(library.records.get(kind, {})), label) for kind, label in KIND_LABELS.items()]
    return "、".join(f"{n} 个{label}" for n, label in counts if n) or "没有内容"


def sort_key(record: Record) -> tuple:
    return (getattr(record, "order", None) or 0, record.title, record.id)


def link_library(
    contents: Contents, vocabularies: Vocabularies, problems: ProblemList, drafts: bool = False
) -> Library:
    library = Library(
        vocabularies,
        glossary=contents.glossary,
        figures=contents.figures,
        article=contents.article,
        attachments=contents.attachments,
        synonyms=contents.synonyms,
    )
    library.intros = {folder: intro.body for folder, intro in contents.intros.items()}
    everything = _index_ids(contents.records, problems)
    for kind, by_id in everything.items():
        library.records[kind] = {
            record_id: record
            for record_id, record in sorted(by_id.items(), key=lambda item: sort_key(item[1]))
            if drafts or not record.is_draft
        }
    failed = {(r.kind, r.id) for r in contents.partial}  # reported already, in their files
    for record in (r for kind in library.records.values() for r in kind.values()):
        _resolve_references(record, library, everything, problems, failed)
    for record in contents.partial:  # only the fields every record has: the rest may be off
        for path, kind, target_id in references(record, materials=False):
            if target_id not in everything[kind] and (kind, target_id) not in failed:
                _report_missing(record, path, kind, target_id, everything, problems)
    _check_links(library, contents, problems)
    for checklist in everything["checklist"].values():
        _check_item_ids(cast(Checklist, checklist), problems)
    for module in everything["training"].values():
        check_training(cast(Training, module), problems)
    if contents.synonyms:
        check_synonyms(contents.synonyms, contents.origins["synonyms"], problems)
    if contents.glossary:
        _check_list_references(
            contents, "glossary", "terms", contents.glossary.terms, everything, problems
        )
    if contents.figures:
        _check_list_references(
            contents, "figures", "figures", contents.figures.figures, everything, problems
        )
    return library


# pages that belong to no record: page path → template name (a record whose page would be one
# of them is refused like a reserved id)
FIXED_PAGES = {
    "index.md": "home",
    "article.md": "article",
    "glossary.md": "glossary",
    "figures.md": "figures",
    "changes.md": "changes",
    "guides/rules.md": "rules",
}
# names a record id may not take: the site's own page in each folder, and names Windows
# cannot give a file
RESERVED_IDS = frozenset(
    {"index", "streets", "con", "prn", "aux", "nul"}
    | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
)


def site_pages(library: Library) -> set[str]:
    """Every page the site will have: fixed pages, folder indexes, one per record, and each
    street's list of cases."""
    pages = set(FIXED_PAGES)
    pages.update(f"{model.folder}/index.md" for model in KINDS.values())
    pages.update(r.page_path for kind in library.records.values() for r in kind.values())
    pages.update(p.path for p in street_pages(library.vocabularies, library.all("case")))
    pages.update(handout_page(m) for m in library.all("training"))
    return pages


def _check_links(library: Library, contents: Contents, problems: ProblemList) -> None:
    # a page whose file has errors will still be there once they are fixed
    pages = site_pages(library) | {r.page_path for r in contents.partial}
    files = contents.static_files
    records = [r for kind in library.records.values() for r in kind.values()]
    for record in records + contents.partial:

        def where(path, record=record):
            return (record._file, *record._positions.get(path, (1, 1)))

        report_broken_links(record, record.page_path, pages, files, where, problems)
    documents = [(contents.glossary, "glossary", "glossary.md")] + [
        (intro, f"intro:{folder}", f"{folder}/index.md")
        for folder, intro in contents.intros.items()
    ]
    for document, origin, page in documents:
        if document is None:
            continue
        file, positions = contents.origins[origin]
        report_broken_links(
            document,
            page,
            pages,
            files,
            lambda path, f=file, p=positions: (f, *p.get(path, (1, 1))),
            problems,
        )


def _index_ids(records: list[Record], problems: ProblemList) -> dict[str, dict[str, Record]]:
    by_kind: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for record in records:
        if record.id in RESERVED_IDS or record.page_path in FIXED_PAGES:
            line, column = record._positions.get(("id",), (1, 1))
            problems.add(
                record._file,
                line,
                column,
                "id",
                f"id「{record.id}」是网站保留的名字（{record.folder}/{record.id} 已另有用途）："
                f"请换一个更具体的 id，例如 {record.id}-{record.kind}。",
                rule="id-reserved",
            )
            continue
        existing = by_kind[record.kind].get(record.id)
        if existing is not None:
            line, column = record._positions.get(("id",), (1, 1))
            problems.add(
                record._file,
                line,
                column,
                "id",
                f"id「{record.id}」已被 {existing._file} 使用：每个{KIND_LABELS[record.kind]}"
                "的 id 必须唯一，请改用另一个 id。",
                rule="id-duplicate",
            )
            continue
        by_kind[record.kind][record.id] = record
    return by_kind


def _resolve_references(
    record: Record, library: Library, everything, problems, failed: set[tuple[str, str]]
) -> None:
    for path, kind, target_id in references(record):
        target = everything[kind].get(target_id)
        if target is None and (kind, target_id) not in failed:
            _report_missing(record, path, kind, target_id, everything, problems)
        elif target is None:
            continue
        elif target_id in library.records[kind]:
            library._link(record, target)
        else:
            line, column = record._positions.get(path, (1, 1))
            problems.add(
                record._file,
                line,
                column,
                dotted_path(path),
                f"「{target_id}」是草稿，正式网站上不会显示这条关联。",
                rule="ref-draft",
            )


def _report_missing(record: Record, path, kind: str, target_id: str, everything, problems):
    line, column = record._positions.get(path, (1, 1))
    problems.add(
        record._file,
        line,
        column,
        dotted_path(path),
        missing_reference_message(kind, target_id, list(everything[kind])),
        rule="ref-unknown",
    )


def missing_reference_message(kind: str, target_id: str, existing: list[str]) -> str:
    message = f"找不到 id 为「{target_id}」的{KIND_LABELS[kind]}。"
    close = difflib.get_close_matches(target_id, existing, n=3, cutoff=0.5)
    if close:
        message += f"是否是：{'、'.join(close)}？"
    return message


def _check_item_ids(checklist: Checklist, problems: ProblemList) -> None:
    """Readers' ticks are kept by item id: two items with one id would share a tick."""
    seen: dict[str, int] = {}
    for index, item in enumerate(checklist.items):
        if item.id in seen:
            line, column = checklist._positions.get(("items", index, "id"), (1, 1))
            problems.add(
                checklist._file,
                line,
                column,
                f"items[{index + 1}].id",
                f"条目 id「{item.id}」与第 {seen[item.id] + 1} 条重复：清单里每个条目的 id "
                "必须不同（读者的勾选按 id 保存），请换一个。",
                rule="item-id-duplicate",
            )
        seen.setdefault(item.id, index)


def _check_list_references(contents: Contents, name: str, key: str, items, everything, problems):
    """Practice references inside the glossary or the figures file."""
    file, positions = contents.origins[name]
    for index, item in enumerate(items):
        for ref_index, target_id in enumerate(item.practices):
            if target_id in everything["practice"]:
                continue
            path = (key, index, "practices", ref_index)
            line, column = positions.get(path, (1, 1))
            message = missing_reference_message("practice", target_id, list(everything["practice"]))
            problems.add(file, line, column, dotted_path(path), message, rule="ref-unknown")
