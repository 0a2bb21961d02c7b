"""generator/model/kinds.py: every kind is covered by every consumer, and every text field of
its model is searched or deliberately left out, by name. A kind or a field that one consumer
forgets fails here, not silently on the site."""

from __future__ import annotations

import types
import typing

import pytest
import yaml
from pydantic import BaseModel

from generator.cli.scaffold import NEW_KINDS
from generator.form_editor.config import COLLECTIONS
from generator.model import KINDS, Kind, TrainingSession
from generator.model.kinds import REFERENCE_FIELDS
from generator.pages.wayfinding import SECTION_TITLES
from generator.publish.export import _GROUPS
from generator.publish.schema import SCHEMA_MODELS
from generator.search.fields import split_path
from generator.sources.project import _LenientLoader
from generator.sources.reader import BULK_KINDS, CONTENT_FOLDERS
from tests.conftest import REPO

TEMPLATES = REPO / "site_config/templates"
BY_NAME = pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])


def text_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field path of ``model`` whose value is (or may be) text, nested models opened."""
    found = []
    for name, info in model.model_fields.items():
        inner = _nested_model(info.annotation)
        if inner is not None:
            found += text_fields(inner, f"{prefix}{name}.")
        elif _may_be_text(info.annotation):
            found.append(prefix + name)
    return found


def _args(annotation) -> tuple:
    if typing.get_origin(annotation) is typing.Annotated:
        return (typing.get_args(annotation)[0],)
    return typing.get_args(annotation)


def _nested_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in _args(annotation) if (m := _nested_model(a)) is not None), None)


def _may_be_text(annotation) -> bool:
    if annotation is str:
        return True
    if typing.get_origin(annotation) is typing.Literal:
        return any(isinstance(value, str) for value in typing.get_args(annotation))
    return any(_may_be_text(a) for a in _args(annotation) if a is not types.NoneType)


def _covered(kind: Kind) -> tuple[set[str], tuple[str, ...]]:
    search = kind.search
    read = {"title"} | ({search.summary} if search.summary else set())
    for path in (*search.tags, *search.body):
        name, items = split_path(path.split(">")[0])
        read |= {f"{name}.{item}" for item in items} if items else {name}
    return read, search.excluded


@BY_NAME
def test_every_text_field_is_searched_or_left_out_by_name(kind):
    read, excluded = _covered(kind)
    forgotten = [
        path
        for path in text_fields(kind.model)
        if path not in read and not any(path == e or path.startswith(e + ".") for e in excluded)
    ]
    assert forgotten == [], f"{kind.name}: add to Searched.tags/body or excluded: {forgotten}"


@BY_NAME
def test_what_search_names_is_a_field_of_the_model(kind):
    fields = set(text_fields(kind.model)) | set(kind.model.model_fields)
    read, excluded = _covered(kind)
    unknown = [
        p
        for p in (*read, *excluded, *kind.search.words)
        if p not in fields and not any(f.startswith(p + ".") for f in fields)
    ]
    assert unknown == []


@BY_NAME
def test_every_kind_has_its_templates_schema_and_new_file(kind):
    for template in (kind.template, kind.index_template, kind.new_template):
        assert (TEMPLATES / template).is_file(), template
    assert (REPO / f"site_config/schema/{kind.name}.schema.json").is_file()
    assert SCHEMA_MODELS[kind.name] is kind.model
    assert NEW_KINDS[kind.name] == (kind.source, kind.suffix, kind.new_fields)


@BY_NAME
def test_every_kind_is_read_placed_in_the_navigation_and_has_its_breadcrumb(kind):
    read = kind in BULK_KINDS or CONTENT_FOLDERS.get(kind.source.removeprefix("content/"))
    assert read, f"{kind.name} is never read"
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), _LenientLoader)
    nav = {title: page for entry in config["nav"] for title, page in entry.items()}
    assert nav.get(kind.section) == f"{kind.folder}/index.md"
    assert SECTION_TITLES[kind.folder] == kind.section


@BY_NAME
def test_the_export_and_the_form_editor_follow_the_registry(kind):
    assert (_GROUPS.get(kind.folder) == kind.name) is kind.export
    collections = {name: (folder, kind_name) for name, _, folder, _, kind_name in COLLECTIONS}
    assert (collections.get(kind.folder) == (kind.source, kind.name)) is kind.form_editor


@BY_NAME
def test_references_and_training_materials_are_fields_of_their_models(kind):
    if kind.reference_field:
        assert REFERENCE_FIELDS[kind.reference_field] == kind.name
        assert any(kind.reference_field in k.model.model_fields for k in KINDS)
    assert (kind.folder in TrainingSession.model_fields) is kind.training_material


def test_names_folders_and_sources_are_unique():
    for attribute in ("name", "folder", "source"):
        values = [getattr(kind, attribute) for kind in KINDS]
        assert len(values) == len(set(values)), attribute
