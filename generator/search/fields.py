"""Reads a record's searched fields by the paths its kind's :class:`~generator.model.Searched`
names (see there for the path language), so that search needs no code per kind.

- ``location.street``: a nested field; a list field gives each of its values;
- ``items[text, detail]``: for each item of a list, those of its fields, as one line;
- ``practices>name``: the ``name`` of each record of the kind that reference field names,
  linked either way; ``section>short_title``: the vocabulary section's ``short_title``.

Markdown fields are read as their words (``text``), everything else as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from generator.library.linking import Library
from generator.model import Record, kind_of
from generator.model.kinds import REFERENCE_FIELDS
from generator.sources.markdown_check import markdown_fields

_GROUP = re.compile(r"^(\w+)\[([\w, ]+)\]$")


def split_path(path: str) -> tuple[str, list[str]]:
    """(field, fields read from each of its items): ``items[text, detail]`` → ("items",
    ["text", "detail"]); a plain path has no item fields."""
    group = _GROUP.match(path)
    if group:
        return group.group(1), [name.strip() for name in group.group(2).split(",")]
    return path, []


class FieldReader:
    def __init__(self, library: Library, text: Callable[[str | None], str]):
        self.library, self.text = library, text

    def summary(self, record: Record) -> str:
        name = kind_of(record.kind).search.summary
        return " ".join(self.values(record, name)) if name else ""

    def tags(self, record: Record) -> list[str]:
        return [
            value
            for path in kind_of(record.kind).search.tags
            for value in self.values(record, path)
            if value
        ]

    def body(self, record: Record) -> str:
        return "\n".join(
            value
            for path in kind_of(record.kind).search.body
            for value in self.values(record, path)
        )

    def values(self, record: Record, path: str) -> list[str]:
        """The texts ``path`` names on ``record``, in order."""
        if ">" in path:
            return self._resolved(record, *path.split(">", 1))
        name, item_fields = split_path(path)
        if item_fields:
            return [
                " ".join(v for field in item_fields for v in self._read(item, field) if v)
                for item in _as_list(getattr(record, name))
            ]
        return list(self._read(record, path))

    def _read(self, model: BaseModel, path: str) -> Iterator[str]:
        head, _, rest = path.partition(".")
        value = getattr(model, head)
        for item in _as_list(value):
            if rest:
                yield from self._read(item, rest)
            elif head in markdown_fields(type(model)):
                yield self.text(item)
            else:
                yield str(item)

    def _resolved(self, record: Record, field: str, attribute: str) -> list[str]:
        if field in REFERENCE_FIELDS:
            related = self.library.related(record, REFERENCE_FIELDS[field])
            return [str(getattr(other, attribute) or "") for other in related]
        if field == "section":
            section = self.library.vocabularies.section(getattr(record, field))
            return [str(getattr(section, attribute) or "")]
        raise ValueError(f"search cannot resolve {field}>{attribute}")


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
