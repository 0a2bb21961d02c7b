"""Form fields come from the models: every field the validator knows is in the form, with
its label, required flag and choices; references are pickers; Markdown has a preview."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from generator.form_editor.config import COLLECTIONS, collections
from generator.form_editor.fields import field_names, label_of
from generator.publish.schema import SCHEMA_MODELS
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from tests.conftest import REPO

KINDS = {
    "cases": "case",
    "practices": "practice",
    "policies": "policy",
    "checklists": "checklist",
    "training": "training",
    "glossary": "glossary",
}


@pytest.fixture(scope="module")
def forms() -> dict[str, list[dict]]:
    vocabularies = load_vocabularies(ProjectPaths(REPO), ProblemList())
    found = {}
    for collection in collections(vocabularies):
        fields = collection.get("fields") or collection["files"][0]["fields"]
        found[collection["name"]] = fields
    return found


def _model_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted names of a model's fields and of the fields of the models it contains."""
    names = set()
    for name, info in model.model_fields.items():
        names.add(prefix + name)
        for inner in _models_in(info.annotation):
            names |= _model_fields(inner, f"{prefix}{name}.")
    return names


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


@pytest.mark.parametrize("collection", KINDS)
def test_every_model_field_has_a_form_field(forms, collection):
    model = SCHEMA_MODELS[KINDS[collection]]
    assert _model_fields(model) == field_names(forms[collection])


def test_the_collections_cover_every_kind_an_editor_adds():
    assert {name for name, *_ in COLLECTIONS} | {"glossary"} == set(KINDS)


def _field(fields: list[dict], dotted: str) -> dict:
    first, _, rest = dotted.partition(".")
    field = next(f for f in fields if f["name"] == first)
    return _field(field["fields"], rest) if rest else field


def test_choices_come_from_the_vocabularies(forms):
    street = _field(forms["cases"], "location.street")
    assert street["widget"] == "select" and "护国街道" in street["options"]
    assert street["required"] is True
    kind = _field(forms["cases"], "community_type")
    assert kind["options"] == ["配套健全小区", "单位代管小区", "无人管理小区", "城中村"]
    assert kind["required"] is False
    assert _field(forms["practices"], "section")["widget"] == "select"


def test_references_are_pickers_showing_titles(forms):
    practices = _field(forms["cases"], "practices")
    assert practices | {"hint": None} == practices | {
        "widget": "relation",
        "collection": "practices",
        "multiple": True,
        "value_field": "id",
        "display_fields": ["title"],
        "hint": None,
    }
    assert _field(forms["cases"], "related_cases")["collection"] == "cases"
    assert _field(forms["training"], "sessions.checklists")["collection"] == "checklists"


def test_new_entries_start_as_drafts(forms):
    for name in ("cases", "practices", "policies", "checklists", "training"):
        status = _field(forms[name], "status")
        assert (status["widget"], status["default"]) == ("select", "draft")


def test_markdown_fields_have_a_preview_and_plain_fields_do_not(forms):
    assert _field(forms["cases"], "background")["widget"] == "markdown"
    assert _field(forms["cases"], "actions")["field"]["widget"] == "markdown"
    assert _field(forms["cases"], "summary")["widget"] == "text"
    assert _field(forms["cases"], "title")["widget"] == "string"


def test_dates_and_ids_are_checked_as_the_validator_checks_them(forms):
    date = _field(forms["cases"], "date")
    assert date["pattern"][0] == r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$" and date["required"] is False
    assert _field(forms["cases"], "id")["pattern"][0] == r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def test_checklist_item_ids_are_made_once_by_the_editor(forms):
    item_id = _field(forms["checklists"], "items.id")
    assert item_id["widget"] == "kb-item-id"
    assert _field(forms["checklists"], "items")["min"] == 1


def test_files_keep_their_key_order_with_sources_last(forms):
    names = [f["name"] for f in forms["cases"]]
    assert names[:4] == ["id", "title", "status", "date"] and names[-1] == "sources"


@pytest.mark.parametrize(
    ("description", "label"),
    [
        ("时间：2021、2021-06 或 2021-06-15", "时间"),
        ("相关工作法 id", "相关工作法"),
        ("具体地点，如院落、门牌", "具体地点"),
        ("时长（分钟）", "时长"),
    ],
)
def test_labels_are_the_short_part_of_the_description(description, label):
    assert label_of("x", {"description": description}) == label


def test_an_optional_group_can_be_left_empty_but_a_required_one_cannot(forms):
    basis_source = _field(forms["checklists"], "items.basis_source")
    assert basis_source["required"] is False
    assert _field(basis_source["fields"], "title")["required"] is False
    assert _field(forms["glossary"], "terms.quote.source.title")["required"] is False
    assert _field(forms["cases"], "location.street")["required"] is True
    assert _field(forms["cases"], "sources.title")["required"] is True
