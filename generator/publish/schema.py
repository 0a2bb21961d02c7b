"""JSON Schemas for editors' tools, generated from the same models the validator uses."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.model import (
    KINDS,
    Article,
    FigureList,
    Glossary,
    SynonymList,
    Vocabularies,
)
from generator.model.fields import VOCABULARY_MARKER

SCHEMA_MODELS: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in KINDS} | {
    "glossary": Glossary,
    "figures": FigureList,
    "article": Article,
    "synonyms": SynonymList,
}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def build_schema(model: type[BaseModel], vocabularies: Vocabularies) -> dict:
    schema = model.model_json_schema()
    _fill_vocabularies(schema, vocabularies)
    return {"$id": schema_file_name(_kind_of(model))} | schema


def _kind_of(model: type[BaseModel]) -> str:
    return next(kind for kind, candidate in SCHEMA_MODELS.items() if candidate is model)


def _fill_vocabularies(node: Any, vocabularies: Vocabularies) -> None:
    """Put the site's vocabulary values in the schema, so VS Code can offer them while typing."""
    if isinstance(node, dict):
        name = node.pop(VOCABULARY_MARKER, None)
        if name is not None:
            node["enum"] = vocabularies.allowed(name)
        for value in node.values():
            _fill_vocabularies(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            _fill_vocabularies(value, vocabularies)


def render_schemas(vocabularies: Vocabularies) -> dict[str, str]:
    """File name → JSON text, stable so a stale committed schema is detected."""
    return {
        schema_file_name(kind): json.dumps(
            build_schema(model, vocabularies), ensure_ascii=False, indent=2
        )
        + "\n"
        for kind, model in SCHEMA_MODELS.items()
    }
