"""The registry of content kinds: each kind of page an editor writes is declared here once, and
every table that lists kinds (reading, linking, pages, breadcrumbs, search, export, the form
editor, ``kb new``, the JSON Schema) is derived from it. Adding a kind means its model, its
templates and one :class:`Kind` entry (CONTRIBUTING.md shows a whole one).

What a kind does not declare follows from its name: its page template is
``site_config/templates/<name>.md.j2`` (``<name>.html.j2`` for a kind the generator writes as
HTML), its section's list ``<name>_index.md.j2``, its ``kb new`` template
``new/<name><suffix>.j2``, its schema ``site_config/schema/<name>.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from generator.model.records import Case, Checklist, Guide, Policy, Practice, Record
from generator.model.training import Training


@dataclass(frozen=True)
class Searched:
    """How search reads a kind: the title always weighs 8, ``tags`` 5, ``summary`` 2 (it is
    also the snippet under a result) and ``body`` 1, the body in reading order.

    A field is named by its path: ``location.street``; ``items[text, detail]`` reads those
    fields of each item together; ``practices>name`` the ``name`` of each record the
    reference field names; ``section>short_title`` the vocabulary section's. Every text field
    of the model is either read or named in ``excluded`` (a test checks it), so a new field is
    never left out of search unnoticed; ``excluded`` covers a field and everything in it.
    """

    summary: str | None = "summary"
    tags: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    boost: float = 1.0  # weighs the kind's results against the others'
    # fields whose values search knows as whole words (indexed whole, queries cut into them)
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    name: str  # "case": the kind's id in code, templates and file names
    model: type[Record]
    folder: str  # where its pages are on the site: cases/<id>/
    source: str  # the repository folder its files are read from
    suffix: Literal[".yml", ".md"]  # the format of a new file (kb new, the form editor)
    label: str  # 案例: in messages, search results, the export and the form editor
    section: str  # 案例库: its section of the navigation (mkdocs.yml nav) and breadcrumbs
    search: Searched
    # the field other records name this kind by (None: never named); a training session
    # uses the kind's folder name
    reference_field: str | None = None
    training_material: bool = False  # a training session may use it (by its folder name)
    html_page: bool = False  # written as HTML by the generator, not rendered by MkDocs
    bulk: bool = False  # thousands of files: read in worker processes, last in search
    glossary_links: bool = False  # first mentions of glossary terms are linked
    editors_only: bool = False  # for editors, not readers: after content in 最近更新
    export: bool = True  # in ``kb export``
    form_editor: bool = True  # a collection of the form editor at /admin/
    new_fields: tuple[str, ...] = field(default=())  # what kb new asks beyond id and title

    @property
    def template(self) -> str:
        return f"{self.name}.html.j2" if self.html_page else f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.name}_index.md.j2"

    @property
    def new_template(self) -> str:
        return f"new/{self.name}{self.suffix}.j2"


_SOURCES = ("sources",)  # the article and public sources a page cites: shown, not searched

KINDS: list[Kind] = [
    Kind(
        "case",
        Case,
        "cases",
        "cases",
        ".yml",
        "案例",
        "案例库",
        Searched(
            tags=(
                "tags",
                "location.street",
                "location.community",
                "location.place",
                "community_type",
                "practices>name",
            ),
            words=("tags", "location.community"),
            body=(
                "background",
                "actions",
                "outcomes",
                "lessons",
                "participants",
                "discussion_questions",
                "metrics[label, value, unit]",
            ),
            # the district is the whole site's; related records are pages of their own
            excluded=(
                *_SOURCES,
                "id",
                "status",
                "date",
                "location.district",
                "policies",
                "checklists",
                "related_cases",
            ),
        ),
        reference_field="related_cases",
        training_material=True,
        html_page=True,
        bulk=True,
        glossary_links=True,
        new_fields=("street",),
    ),
    Kind(
        "practice",
        Practice,
        "practices",
        "content/practices",
        ".md",
        "工作法",
        "工作法",
        Searched(
            tags=("short_title", "section>short_title"),
            body=("steps", "body"),
            words=("short_title",),
            excluded=(*_SOURCES, "id", "status", "policies", "checklists"),
            boost=1.3,
        ),
        reference_field="practices",
        training_material=True,
        glossary_links=True,
        new_fields=("section",),
    ),
    Kind(
        "policy",
        Policy,
        "policies",
        "content/policies",
        ".md",
        "政策文件",
        "政策文件",
        Searched(
            tags=("issuer", "doc_number"),
            body=("body",),
            # whether it is in force is shown on the page, not a word to search for
            excluded=(*_SOURCES, "id", "status", "date", "validity", "practices"),
            boost=1.2,
        ),
        reference_field="policies",
        training_material=True,
        glossary_links=True,
    ),
    Kind(
        "checklist",
        Checklist,
        "checklists",
        "content/checklists",
        ".yml",
        "清单",
        "清单",
        Searched(
            summary="purpose",
            body=("items[text, detail, evidence, frequency, basis]", "body"),
            words=("title", "items.text"),
            excluded=(*_SOURCES, "id", "status", "items.id", "items.basis_source", "practices"),
            boost=1.2,
        ),
        reference_field="checklists",
        training_material=True,
        glossary_links=True,
    ),
    Kind(
        "guide",
        Guide,
        "guides",
        "content/guides",
        ".md",
        "指南",
        "使用指南",
        Searched(body=("body",), excluded=(*_SOURCES, "id", "status"), boost=0.5),
        editors_only=True,
        export=False,
        form_editor=False,
    ),
    Kind(
        "training",
        Training,
        "training",
        "content/training",
        ".yml",
        "培训模块",
        "培训模块",
        Searched(
            body=("audience", "objectives", "sessions[title, kind, questions]"),
            # the trainers' notes are for the teacher's edition only
            excluded=(
                *_SOURCES,
                "id",
                "status",
                "sessions.teaching_notes",
                "sessions.cases",
                "sessions.practices",
                "sessions.policies",
                "sessions.checklists",
            ),
        ),
    ),
]
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
# reference field on a record → the kind it names; a training session's material → kind
REFERENCE_FIELDS: dict[str, str] = {k.reference_field: k.name for k in KINDS if k.reference_field}
MATERIAL_FIELDS: dict[str, str] = {k.folder: k.name for k in KINDS if k.training_material}


def kind_of(name: str) -> Kind:
    return BY_NAME[name]


def references(record: Record, materials: bool = True) -> Iterator[tuple[tuple, str, str]]:
    """(field path, kind, id) of every record ``record`` names, with a training module's
    sessions' materials unless ``materials`` is False (a record that failed its checks has
    only the reference fields every record may have)."""
    for name, kind in REFERENCE_FIELDS.items():
        for position, target in enumerate(getattr(record, name, [])):
            yield (name, position), kind, target
    if materials and isinstance(record, Training):
        for index, session in enumerate(record.sessions):
            for name, kind in MATERIAL_FIELDS.items():
                for position, target in enumerate(getattr(session, name)):
                    yield ("sessions", index, name, position), kind, target


def register(kind: Kind) -> None:
    """Adds a kind as if it were written in :data:`KINDS` (used by the toy kind's test, which
    must not edit this file); call it before anything else of the generator is imported."""
    KINDS.append(kind)  # the one list every consumer derives its tables from
    BY_NAME[kind.name] = kind
    if kind.reference_field:
        REFERENCE_FIELDS[kind.reference_field] = kind.name
    if kind.training_material:
        MATERIAL_FIELDS[kind.folder] = kind.name
    _stamp(kind)


def _stamp(kind: Kind) -> None:
    """The model knows its kind's name and folder (``record.kind``, ``record.url``)."""
    kind.model.kind = kind.name
    kind.model.folder = kind.folder


for _kind in KINDS:
    _stamp(_kind)
