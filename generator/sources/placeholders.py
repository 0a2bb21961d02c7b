"""The example text of ``kb new``'s templates (site_config/templates/new/), which must not be
published: a file whose ``status: draft`` was removed with 请用一段话概述这个案例（纯文字）。
still in it is a located error. The templates themselves are the list, so a line added to a
template is covered without a second list to keep."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import yaml

from generator.model import SESSION_KINDS, Vocabularies
from generator.sources.file_tree import is_link
from generator.sources.loading import FieldPath, SourceDoc, dotted_path, parse_text
from generator.sources.problems import ProblemList

_SAMPLE = {"id": "kb-sample-id", "title": "kb-sample-title"}
MESSAGE = (
    "这是 kb new 模板里的示例文字「{text}」：请换成实际的内容，或删掉这一项"
    "（还在写的文件可以保留 status: draft，草稿不会发布）。"
)


def yaml_scalar(value: str) -> str:
    """A value written so YAML reads it back as the same text (quotes only when needed)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return dumped.removesuffix("\n").removesuffix("\n...")


def template_placeholders(templates: Path, vocabularies: Vocabularies) -> frozenset[str]:
    """Every text value and body paragraph of every ``kb new`` template, as rendered."""
    folder = templates / "new"
    files = (
        tuple((p, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.j2")) if not is_link(p))
        if folder.is_dir() and not is_link(folder)
        else ()
    )
    return _placeholders(files, vocabularies.model_dump_json())


@functools.lru_cache(maxsize=8)
def _placeholders(files: tuple[tuple[Path, int], ...], vocabulary_json: str) -> frozenset[str]:
    """Cached by the templates' times and the vocabularies: read once per build, and again
    by ``kb serve`` only when they change."""
    vocabularies = Vocabularies.model_validate_json(vocabulary_json)
    found: set[str] = set()
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["yaml"] = yaml_scalar
    values = _SAMPLE | {
        "street": (vocabularies.allowed("street") or [""])[0],
        "section": (vocabularies.allowed("section") or [""])[0],
        "vocabularies": vocabularies,
        "schema_path": "schema.json",
    }
    for path, _ in files:
        try:
            text = env.from_string(path.read_text(encoding="utf-8")).render(values)
        except jinja2.TemplateError:
            continue  # a broken template is reported where templates are checked
        doc = parse_text(text, Path(path.stem).suffix, path.name, ProblemList())
        if doc is not None:
            found.update(text for _, text in _texts(doc))
    # a template may show a real choice (a street, a kind of session): that is no example text
    choices = {
        v
        for name in ("street", "community_type", "section", "policy_validity")
        for v in vocabularies.allowed(name)
    } | set(SESSION_KINDS)
    return frozenset(t for t in found if t not in values.values() and t not in choices)


def _texts(doc: SourceDoc):
    """(field path, text) of every text value and body paragraph; ids are names, not text."""
    stack: list[tuple[FieldPath, object]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack += [(path + (k,), v) for k, v in value.items() if k not in ("id", "status")]
        elif isinstance(value, list):
            stack += [(path + (i,), v) for i, v in enumerate(value)]
        elif isinstance(value, str) and value.strip():
            yield path, value.strip()
    for paragraph in (doc.body or "").split("\n\n"):
        if paragraph.strip():
            yield ("body",), paragraph.strip()


def report_placeholders(
    doc: SourceDoc, placeholders: frozenset[str], problems: ProblemList
) -> None:
    """Each value or body paragraph of a file to be published that is a template's example."""
    for path, text in _texts(doc):
        if text in placeholders:
            line, column = doc.position(path)
            if path == ("body",) and doc.body:
                line += doc.body.count("\n", 0, doc.body.find(text))
                column = 1
            shown = text if len(text) <= 20 else text[:20] + "…"
            problems.add(
                doc.rel,
                line,
                column,
                dotted_path(path),
                MESSAGE.format(text=shown),
                rule="placeholder-text",
            )
