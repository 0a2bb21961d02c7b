"""The validated model as JSON, for other tools (``kb export``)."""

from __future__ import annotations

import json

from generator.library.linking import Library
from generator.model import KINDS

# each exported kind under its folder's name (the registry says which are exported)
_GROUPS = {kind.folder: kind.name for kind in KINDS if kind.export}
# trainers' teaching notes stay out unless asked for: learners must not see them before class
_TEACHING_NOTES = {"sessions": {"__all__": {"teaching_notes"}}}


def export_model(library: Library, teaching_notes: bool = False) -> dict:
    return {
        group: [_record(record, teaching_notes) for record in library.all(kind)]
        for group, kind in _GROUPS.items()
    }


def _record(record, teaching_notes: bool) -> dict:
    hidden = _TEACHING_NOTES if record.kind == "training" and not teaching_notes else None
    data = record.model_dump(mode="json", exclude_none=True, exclude=hidden)
    return {"id": record.id, "title": record.title, "url": record.url} | data


def export_json(library: Library, teaching_notes: bool = False) -> str:
    return json.dumps(
        export_model(library, teaching_notes), ensure_ascii=False, indent=2, sort_keys=False
    )
