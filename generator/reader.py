"""Read every source file of a project into validated records (step one: read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loading import read_source
from .model import (
    Case,
    Checklist,
    FigureList,
    Glossary,
    Guide,
    Policy,
    Practice,
    Record,
    Vocabularies,
)
from .problems import Level, ProblemList
from .project import ProjectPaths
from .validation import validate_document

YAML_SUFFIXES = (".yml", ".yaml")
CONTENT_FOLDERS: dict[str, type[Record]] = {
    "policies": Policy,
    "practices": Practice,
    "checklists": Checklist,
    "guides": Guide,
}
INTRO_FILE = "_index.md"
SINGLE_FILES: dict[str, type] = {"glossary": Glossary, "figures": FigureList}


@dataclass
class Contents:
    """Everything that was read and passed validation, in a stable order."""

    records: list[Record] = field(default_factory=list)
    glossary: Glossary | None = None
    figures: FigureList | None = None
    # file and key positions of the single files, for locating problems found when linking
    origins: dict[str, tuple[str, dict]] = field(default_factory=dict)
    # optional Markdown shown at the top of a folder's index page, from ``<folder>/_index.md``
    intros: dict[str, str] = field(default_factory=dict)


def read_contents(
    paths: ProjectPaths, vocabularies: Vocabularies, problems: ProblemList
) -> Contents:
    contents = Contents()
    for path in _files(paths.cases, YAML_SUFFIXES):
        _read_record(path, Case, paths, vocabularies, problems, contents)
    for folder, model in CONTENT_FOLDERS.items():
        for path in _files(paths.content / folder, YAML_SUFFIXES + (".md",)):
            _read_record(path, model, paths, vocabularies, problems, contents)
        intro = paths.content / folder / INTRO_FILE
        if intro.is_file():
            contents.intros[folder] = intro.read_text(encoding="utf-8-sig").strip()
    for name, model in SINGLE_FILES.items():
        path = _single_file(paths.content, name)
        if path is not None:
            value, doc = _read(path, model, paths, vocabularies, problems)
            setattr(contents, name, value)
            if doc is not None:
                contents.origins[name] = (doc.rel, doc.positions)
    _warn_about_strays(paths, problems)
    return contents


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(("_", "."))
    ]
    return sorted(found, key=lambda p: p.as_posix())


def _single_file(folder: Path, name: str) -> Path | None:
    for suffix in YAML_SUFFIXES:
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    return None


def _read(path: Path, model, paths: ProjectPaths, vocabularies, problems):
    rel = paths.rel(path)
    doc = read_source(path, rel, problems)
    if doc is None:
        return None, None
    if doc.body is not None and isinstance(doc.data, dict) and doc.body.strip():
        doc.data.setdefault("body", doc.body)
    record = validate_document(doc, model, vocabularies, problems)
    if record is not None and isinstance(record, Record):
        record._file = rel
        record._positions = doc.positions
    return record, doc


def _read_record(path, model, paths, vocabularies, problems, contents: Contents) -> None:
    record, _ = _read(path, model, paths, vocabularies, problems)
    if record is not None:
        contents.records.append(record)


def _warn_about_strays(paths: ProjectPaths, problems: ProblemList) -> None:
    known = set(CONTENT_FOLDERS) | {f"{n}{s}" for n in SINGLE_FILES for s in YAML_SUFFIXES}
    if not paths.content.is_dir():
        return
    for entry in sorted(paths.content.iterdir()):
        if entry.name not in known and not entry.name.startswith("."):
            problems.add(
                paths.rel(entry), 1, 1, "",
                "这个文件或文件夹不会被读取：内容请放在 policies、practices、checklists、guides "
                "文件夹里，或 glossary.yml、figures.yml 中。",
                Level.WARNING,
            )
