"""``kb new``: a commented starting file for each record type, from site_config/templates/new/."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

import jinja2
import yaml

from generator.model import Vocabularies
from generator.model.fields import SLUG_PATTERN, vocabulary_message
from generator.publish.schema import schema_file_name
from generator.sources.project import ProjectPaths

# kind → (folder under the project root, file suffix, extra fields asked for)
NEW_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "case": ("cases", ".yml", ("street",)),
    "practice": ("content/practices", ".md", ("section",)),
    "policy": ("content/policies", ".md", ()),
    "checklist": ("content/checklists", ".yml", ()),
    "guide": ("content/guides", ".md", ()),
    "training": ("content/training", ".yml", ()),
}
FIELD_LABELS = {"id": "id（小写英文字母、数字和连字符）", "title": "标题", "street": "街道",
                "section": "板块"}


@dataclass
class NewRecord:
    kind: str
    id: str
    title: str
    street: str | None = None
    section: str | None = None


def check_request(request: NewRecord, paths: ProjectPaths, vocab: Vocabularies) -> list[str]:
    """Every reason the file cannot be made, in Chinese; empty when it can."""
    reasons = []
    if not re.match(SLUG_PATTERN, request.id):
        reasons.append(f"id「{request.id}」不可用：只能用小写英文字母、数字和连字符（-），"
                       "例如 zhiguo-lane-courtyard。")
    elif request.id in existing_ids(paths, request.kind):
        reasons.append(f"id「{request.id}」已经有了：请换一个 id。")
    if not request.title.strip():
        reasons.append("标题不能为空。")
    for field in NEW_KINDS[request.kind][2]:
        value = getattr(request, field)
        if value not in vocab.allowed(field):
            allowed = vocab.allowed(field)
            reasons.append(vocabulary_message(value or "", allowed, FIELD_LABELS[field]))
    return reasons


def existing_ids(paths: ProjectPaths, kind: str) -> set[str]:
    """Ids already used by files of this kind, read leniently so a broken file still counts."""
    folder = paths.root / NEW_KINDS[kind][0]
    pattern = re.compile(r"^id:\s*['\"]?([^'\"\s#]+)", re.M)
    ids = set()
    for path in folder.rglob("*") if folder.is_dir() else []:
        if path.suffix in (".yml", ".yaml", ".md") and path.is_file():
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
        loader=jinja2.FileSystemLoader(str(paths.templates / "new")),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    env.filters["yaml"] = _yaml_scalar
    template = env.get_template(f"{request.kind}{NEW_KINDS[request.kind][1]}.j2")
    return template.render(
        id=request.id, title=request.title, street=request.street, section=request.section,
        vocabularies=vocab, schema_path=posixpath.relpath(schema, posixpath.dirname(rel)),
    )


def _yaml_scalar(value: str) -> str:
    """A value written so YAML reads it back as the same text (quotes only when needed)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return dumped.removesuffix("\n").removesuffix("\n...")

