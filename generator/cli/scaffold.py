"""``kb new``: a commented starting file for each record type, from site_config/templates/new/."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

import jinja2

from generator.model import KINDS, Vocabularies
from generator.model.fields import SLUG_PATTERN, vocabulary_message
from generator.publish.schema import schema_file_name
from generator.sources.placeholders import yaml_scalar
from generator.sources.project import ProjectPaths
from generator.sources.template_loader import no_link_loader

# kind → (folder under the project root, file suffix, extra fields asked for)
NEW_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    kind.name: (kind.source, kind.suffix, kind.new_fields) for kind in KINDS
}
FIELD_LABELS = {
    "id": "id（小写英文字母、数字和连字符）",
    "title": "标题",
    "street": "街道",
    "section": "板块",
}


@dataclass
class NewRecord:
    kind: str
    id: str
    title: str
    street: str | None = None
    section: str | None = None


def check_request(request: NewRecord, paths: ProjectPaths, vocab: Vocabularies) -> list[str]:
    """Every reason the file cannot be made, in Chinese; empty when it can."""
    fields = ["id", "title", *NEW_KINDS[request.kind][2]]
    found = (check_field(request, f, getattr(request, f) or "", paths, vocab) for f in fields)
    return [reason for reason in found if reason]


def check_field(
    request: NewRecord, field: str, value: str, paths: ProjectPaths, vocab: Vocabularies
) -> str | None:
    """Why ``value`` cannot be the new file's ``field``, in Chinese; None when it can (asked
    as each answer is typed, so a wrong id is said at once)."""
    if field == "id" and not re.fullmatch(SLUG_PATTERN.strip("^$"), value):
        return (
            f"id「{value}」不可用：只能用小写英文字母、数字和连字符（-），"
            "例如 zhiguo-lane-courtyard。"
        )
    if field == "id" and value in existing_ids(paths, request.kind):
        return f"id「{value}」已经有了：请换一个 id。"
    if field == "title" and not value.strip():
        return "标题不能为空。"
    if field in ("street", "section") and value not in vocab.allowed(field):
        return vocabulary_message(value, vocab.allowed(field), FIELD_LABELS[field])
    return None


def existing_ids(paths: ProjectPaths, kind: str) -> set[str]:
    """Ids already used by files of this kind, read leniently so a broken file still counts."""
    folder = paths.root / NEW_KINDS[kind][0]
    pattern = re.compile(r"^id:\s*['\"]?([^'\"\s#]+)", re.M)
    ids = set()
    for path in folder.rglob("*") if folder.is_dir() else []:
        if path.suffix in (".yml", ".yaml", ".md") and path.is_file() and not path.is_symlink():
            ids.update(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
    return ids


def new_file_path(request: NewRecord, vocab: Vocabularies) -> str:
    folder, suffix, _ = NEW_KINDS[request.kind]
    if request.kind == "case":
        street = next(s for s in vocab.streets if s.name == request.street)
        folder = f"{folder}/{street.folder}"
    return f"{folder}/{request.id}{suffix}"


def render_new_file(request: NewRecord, paths: ProjectPaths, vocab: Vocabularies) -> str:
    rel = new_file_path(request, vocab)
    schema = f"site_config/schema/{schema_file_name(request.kind)}"
    env = jinja2.Environment(
        loader=no_link_loader(paths.templates / "new", paths.root),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_scalar
    template = env.get_template(f"{request.kind}{NEW_KINDS[request.kind][1]}.j2")
    return template.render(
        id=request.id,
        title=request.title,
        street=request.street,
        section=request.section,
        vocabularies=vocab,
        schema_path=posixpath.relpath(schema, posixpath.dirname(rel)),
    )
