"""Form fields for the form editor (Decap CMS), made from the JSON Schema of the models that
validate the content: the same labels, help texts, required fields and choices."""

from __future__ import annotations

import re
from typing import Any

from generator.model import KINDS
from generator.model.kinds import MATERIAL_FIELDS, REFERENCE_FIELDS

MARKDOWN = "text/markdown"
DATE_PATTERN = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"
DATE_MESSAGE = "写成 2021、2021-06 或 2021-06-15"
# kind of record other records name → the collection that holds it (see config.py)
KIND_COLLECTIONS = {
    kind.name: kind.folder
    for kind in KINDS
    if kind.form_editor and (kind.reference_field or kind.training_material)
}
# fields whose label the description does not give well
LABELS = {"status": "发布状态", "id": "标识"}
STATUS_OPTIONS = [
    {"label": "草稿（不发布）", "value": "draft"},
    {"label": "发布", "value": "published"},
]
STATUS_HINT = "新建的条目是草稿，不会发布；审核确认可以发布时，改为“发布”。"
_LABEL_END = re.compile(r"[：；，（]")
# plain-text fields that hold a paragraph: a text box, not a one-line input
PARAGRAPHS = {"summary", "purpose", "basis", "text", "context", "intro", "opening", "note"}


def form_fields(schema: dict) -> list[dict]:
    """The Decap fields of a record's schema, in the order editors' files use."""
    names = list(schema["properties"])
    if "sources" in names:  # inherited from Record, but written last in every file
        names.remove("sources")
        names.append("sources")
    return [
        _field(
            name, schema["properties"][name], name in schema.get("required", []), schema, top=True
        )
        for name in names
    ]


def _field(name: str, node: dict, required: bool, root: dict, *, top: bool = False) -> dict:
    node = _resolve(node, root)
    options = [n for n in node.get("anyOf", [node]) if n.get("type") != "null"]
    nullable = len(options) < len(node.get("anyOf", [node]))
    field: dict[str, Any] = {"name": name, "label": label_of(name, node)}
    description = node.get("description") or options[0].get("description")
    if description and description != field["label"]:
        field["hint"] = description
    field["required"] = required and not nullable
    field.update(_widget(name, options, node, root, top))
    if field["widget"] == "object" and not field["required"]:
        _relax(field["fields"])
    return field


def _relax(fields: list[dict]) -> None:
    """An optional group (a checklist item's 依据的来源) may be left empty: the form would
    otherwise demand its required parts; kb validate checks a group that is filled in."""
    for field in fields:
        field["required"] = False
        if field["widget"] == "object":
            _relax(field["fields"])


def label_of(name: str, node: dict) -> str:
    if name in LABELS:
        return LABELS[name]
    description = node.get("description") or node.get("title") or name
    label = _LABEL_END.split(description, 1)[0]
    return label.removesuffix(" id").strip() or name


def _widget(name: str, options: list[dict], node: dict, root: dict, top: bool) -> dict:
    if name == "status" and top:
        return {
            "widget": "select",
            "options": STATUS_OPTIONS,
            "default": "draft",
            "hint": STATUS_HINT,
        }
    first = _resolve(options[0], root)
    if any(o.get("pattern") == DATE_PATTERN for o in options):
        return {"widget": "string", "pattern": [DATE_PATTERN, DATE_MESSAGE]}
    if len(options) > 1:  # a number or a text (a metric's value)
        return {"widget": "string"}
    kind = first.get("type")
    if "enum" in first:
        return {"widget": "select", "options": list(first["enum"])}
    if kind == "string":
        return {"widget": "text"} if name in PARAGRAPHS else _string(first)
    if kind == "integer":
        low = first.get("minimum", first.get("exclusiveMinimum", -1) + 1)
        return {"widget": "number", "value_type": "int", **({"min": low} if low >= 0 else {})}
    if kind == "boolean":
        return {"widget": "boolean", "default": bool(node.get("default", False))}
    if kind == "object":
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                _field(n, p, n in first.get("required", []), root)
                for n, p in first["properties"].items()
            ],
        }
    if kind == "array":
        return _list(name, first, root)
    raise ValueError(f"no form widget for field {name!r} ({first})")


def _string(node: dict) -> dict:
    if node.get("contentMediaType") == MARKDOWN:
        # plain text first: the rich-text view rewrites Markdown it did not change
        return {
            "widget": "markdown",
            "modes": ["raw", "rich_text"],
            "editor_components": [],
            "sanitize_preview": True,
        }
    if "pattern" in node:
        return {"widget": "string", "pattern": [node["pattern"], _pattern_message(node)]}
    return {"widget": "string"}


def _pattern_message(node: dict) -> str:
    if node.get("format") == "uri":
        return "写完整网址，以 https:// 或 http:// 开头"
    return "只用小写英文字母、数字和连字符（-），如 red-channel"


def _list(name: str, node: dict, root: dict) -> dict:
    items = _resolve(node["items"], root)
    minimum = {"min": node["minItems"]} if "minItems" in node else {}
    kind = (REFERENCE_FIELDS | MATERIAL_FIELDS).get(name)
    if kind in KIND_COLLECTIONS and items.get("type") == "string":
        return {
            "widget": "relation",
            "collection": KIND_COLLECTIONS[kind],
            "multiple": True,
            "value_field": "id",
            "search_fields": ["title", "id"],
            "display_fields": ["title"],
            "options_length": 50,
            **minimum,
        }
    if items.get("type") == "object":
        fields = [
            _field(n, p, n in items.get("required", []), root)
            for n, p in items["properties"].items()
        ]
        if name == "items":  # checklist items: the id is made once and never changed
            fields[0] |= {"widget": "kb-item-id", "required": True}
        summary = "{{fields.%s}}" % fields[1 if name == "items" else 0]["name"]  # noqa: UP031
        return {
            "widget": "list",
            "fields": fields,
            "summary": summary,
            "collapsed": True,
            **minimum,
        }
    return {
        "widget": "list",
        "field": _field(name, items, True, root) | {"label": "一项"},
        **minimum,
    }


def _resolve(node: dict, root: dict) -> dict:
    """A ``$ref`` replaced by its definition (keeping the description written beside it)."""
    if "$ref" not in node:
        return node
    target = dict(root["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    if "description" in node:
        target["description"] = node["description"]
    return target


def field_names(fields: list[dict], prefix: str = "") -> set[str]:
    """Dotted names of every field and sub-field (``sessions.teaching_notes.timing.step``)."""
    names: set[str] = set()
    for field in fields:
        name = prefix + field["name"]
        names.add(name)
        children: Any = field.get("fields") or []
        names |= field_names(children, name + ".")
    return names
