"""The validated model as JSON, for other tools (``kb export``)."""

from __future__ import annotations

import json

from .library import Library

_GROUPS = {
    "cases": "case",
    "practices": "practice",
    "policies": "policy",
    "checklists": "checklist",
}


def export_model(library: Library) -> dict:
    return {
        group: [_record(record) for record in library.all(kind)]
        for group, kind in _GROUPS.items()
    }


def _record(record) -> dict:
    data = record.model_dump(mode="json", exclude_none=True)
    return {"id": record.id, "title": record.title, "url": record.url} | data


def export_json(library: Library) -> str:
    return json.dumps(export_model(library), ensure_ascii=False, indent=2, sort_keys=False)
