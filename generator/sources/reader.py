"""Read every source file of a project into validated records (step one: read)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import (
    KINDS,
    Article,
    FigureList,
    Glossary,
    Intro,
    Record,
    SynonymList,
    Vocabularies,
)
from generator.sources.attachments import Attachments, check_attachments
from generator.sources.file_tree import FileTree
from generator.sources.loading import SourceDoc, decode_source, read_limited, read_source
from generator.sources.parallel import map_ranges
from generator.sources.placeholders import report_placeholders, template_placeholders
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths
from generator.sources.validation import partial_record, validate_document

YAML_SUFFIXES = (".yml", ".yaml")
# the kinds kept under content/: their folder there → model (the registry says which)
CONTENT_FOLDERS: dict[str, type[Record]] = {
    kind.source.removeprefix("content/"): kind.model
    for kind in KINDS
    if kind.source.startswith("content/") and not kind.bulk
}
# kinds with thousands of files (cases), read in worker processes
BULK_KINDS = tuple(kind for kind in KINDS if kind.bulk)
INTRO_FILE = "_index.md"
SINGLE_FILES: dict[str, type] = {
    "glossary": Glossary,
    "figures": FigureList,
    "article": Article,
    "synonyms": SynonymList,
}


@dataclass
class Contents:
    """Everything that was read and passed validation, in a stable order."""

    records: list[Record] = field(default_factory=list)
    # records that failed their checks, kept to check their references and links all the same
    partial: list[Record] = field(default_factory=list)
    glossary: Glossary | None = None
    figures: FigureList | None = None
    article: Article | None = None
    synonyms: SynonymList | None = None
    # file and key positions of the single files, for locating problems found when linking
    origins: dict[str, tuple[str, dict]] = field(default_factory=dict)
    # optional Markdown shown at the top of a folder's index page, from ``<folder>/_index.md``
    intros: dict[str, Intro] = field(default_factory=dict)
    # files under site_config/docs that are published and pages may link to (images,
    # attachments), with the SVG drawings as they are published
    attachments: Attachments = field(default_factory=Attachments)

    @property
    def static_files(self) -> frozenset[str]:
        return self.attachments.files

    def add(self, record: Record) -> None:
        (self.partial if record._partial else self.records).append(record)


# path → (file's size and time, vocabularies, the record or None, its problems)
CaseCache = dict[str, tuple[tuple, str, Record | None, list]]


def read_contents(
    paths: ProjectPaths,
    vocabularies: Vocabularies,
    problems: ProblemList,
    processes: int | None = None,
    cache: CaseCache | None = None,
) -> Contents:
    """``processes``: how many processes read cases (None: one per core, 1: this one only).
    ``cache``: cases read before (kept by ``kb serve``); only changed files are read again."""
    contents = Contents()
    tree = FileTree(paths.root, problems)
    for kind in BULK_KINDS:
        source = paths.root / kind.source
        files = _files(tree, source, (kind.suffix,) if kind.suffix == ".md" else YAML_SUFFIXES)
        read = _read_many(
            source,
            files,
            kind.model,
            paths,
            vocabularies,
            processes,
            {} if cache is None else cache,
        )
        for record, found in read:
            if record is not None:
                contents.add(record)
            problems.items.extend(found)
    for folder, model in CONTENT_FOLDERS.items():
        for path in _files(tree, paths.content / folder, YAML_SUFFIXES + (".md",)):
            _read_record(path, model, paths, vocabularies, problems, contents)
        intro = paths.content / folder / INTRO_FILE
        if intro.exists() and tree.file_ok(intro):
            _read_intro(intro, folder, paths, vocabularies, problems, contents)
    for name, model in SINGLE_FILES.items():
        single = _single_file(paths.content, name)
        if single is not None and tree.file_ok(single):
            value, doc = _read(single, model, paths, vocabularies, problems)
            setattr(contents, name, value)
            if doc is not None:
                contents.origins[name] = (doc.rel, doc.positions)
    _warn_about_strays(paths, problems)
    contents.attachments = check_attachments(tree, paths.static, paths.overrides, problems)
    check_everything_read(tree, paths)
    return contents


def check_everything_read(tree: FileTree, paths: ProjectPaths) -> None:
    """Links anywhere the build or MkDocs reads (templates, theme overrides, the form
    editor's files, mkdocs.yml …) are errors, not only where content is read from."""
    for folder in paths.watched:
        tree.files(folder)
    tree.file_ok(paths.config_file)


def _read_many(
    folder: Path, files: list[Path], model, paths, vocabularies, processes, cache: CaseCache
) -> list:
    """(record or None, problems) of each file under ``folder``, in order; unchanged files
    from ``cache`` (whose entries for files no longer there are dropped)."""
    prefix = os.path.join(str(folder), "")
    vocabulary_key = vocabularies.model_dump_json()
    keys = [_file_key(path) for path in files]
    todo = [
        i
        for i, path in enumerate(files)
        if cache.get(str(path), (None, None))[:2] != (keys[i], vocabulary_key)
    ]

    def read_range(start: int, stop: int) -> list:
        out = []
        for i in todo[start:stop]:
            found = ProblemList()
            record, _ = _read(files[i], model, paths, vocabularies, found)
            if record is not None:
                record._source = keys[i]
            out.append((i, record, found.items))
        return out

    for part in map_ranges(read_range, len(todo), processes):
        for i, record, found in part:
            cache[str(files[i])] = (keys[i], vocabulary_key, record, found)
    for stale in {p for p in cache if p.startswith(prefix)} - {str(path) for path in files}:
        del cache[stale]
    return [cache[str(path)][2:] for path in files]


def _file_key(path: Path) -> tuple:
    status = path.stat()
    return (status.st_mtime_ns, status.st_size)


def _files(tree: FileTree, folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Source files under ``folder``, in a stable order (see :class:`FileTree` for links);
    a skipped file that looks like a record is pointed out."""
    found: list[Path] = []
    for path in tree.files(folder):
        name = path.name
        if path.suffix.lower() not in suffixes:
            continue
        if not name.startswith(("_", ".")):
            found.append(path)
        elif name != INTRO_FILE and _looks_like_record(path):
            tree.problems.add(
                tree.rel(path), 1, 1, "", _SKIPPED_MESSAGE.format(name[0]), rule="file-skipped"
            )
    return found


_SKIPPED_MESSAGE = (
    "文件名以「{}」开头，这个文件不会被读取或发布。"
    "如果它是要发布的内容，请去掉文件名开头的这个符号。"
)


def _looks_like_record(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return False
    return bool(re.search(r"^id\s*:", head, re.M) and re.search(r"^title\s*:", head, re.M))


def _single_file(folder: Path, name: str) -> Path | None:
    for suffix in YAML_SUFFIXES:
        if os.path.lexists(folder / f"{name}{suffix}"):
            return folder / f"{name}{suffix}"
    return None


def _read(path: Path, model, paths: ProjectPaths, vocabularies, problems):
    rel = paths.rel(path)
    doc = read_source(path, rel, problems)
    if doc is None:
        return None, None
    if doc.body is not None and isinstance(doc.data, dict) and doc.body.strip():
        doc.data.setdefault("body", doc.body)
    if (
        issubclass(model, Record)
        and isinstance(doc.data, dict)
        and (doc.data.get("status") != "draft")
    ):
        placeholders = template_placeholders(paths.templates, vocabularies)
        report_placeholders(doc, placeholders, problems)
    record = validate_document(doc, model, vocabularies, problems)
    if record is None:
        record = partial_record(doc, model)
    if record is not None and isinstance(record, Record):
        record._file = rel
        record._positions = doc.positions
    return record, doc


def _read_record(path, model, paths, vocabularies, problems, contents: Contents) -> None:
    record, _ = _read(path, model, paths, vocabularies, problems)
    if record is not None:
        contents.add(record)


def _read_intro(path, folder, paths, vocabularies, problems, contents: Contents) -> None:
    """An intro is Markdown only; it passes the same checks as a record's body."""
    rel = paths.rel(path)
    raw = read_limited(path, rel, problems)
    text = None if raw is None else decode_source(raw, rel, problems)
    if text is None or not text.strip():
        return
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    doc = SourceDoc(
        rel,
        data={"body": text.strip("\n")},
        positions={("body",): (first + 1, 1)},
        body=text.strip("\n"),
    )
    intro = validate_document(doc, Intro, vocabularies, problems)
    if intro is not None:
        contents.intros[folder] = intro
        contents.origins[f"intro:{folder}"] = (rel, doc.positions)


def _warn_about_strays(paths: ProjectPaths, problems: ProblemList) -> None:
    known = set(CONTENT_FOLDERS) | {f"{n}{s}" for n in SINGLE_FILES for s in YAML_SUFFIXES}
    if not paths.content.is_dir():
        return
    for entry in sorted(paths.content.iterdir()):
        if entry.name not in known and not entry.name.startswith("."):
            folders = "、".join(CONTENT_FOLDERS)
            files = "、".join(f"{name}.yml" for name in SINGLE_FILES)
            message = f"这个文件或文件夹不会被读取：内容请放在 {folders} 文件夹里，或 {files} 中。"
            problems.add(paths.rel(entry), 1, 1, "", message, rule="file-stray")
