"""Check one parsed file against its model and translate every error into located Chinese."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.model import Record, Vocabularies
from generator.model.fields import SLUG_PATTERN
from generator.model.kinds import REFERENCE_FIELDS
from generator.sources.loading import FieldPath, SourceDoc, dotted_path
from generator.sources.markdown_check import (
    MAX_FINDINGS,
    PARSE_BUDGET,
    inspect_markdown,
    markdown_fields,
    markdown_problems,
    markdown_values,
    parse_cost,
    too_costly_message,
)
from generator.sources.pii import normalise, personal_information
from generator.sources.problems import ProblemList
from generator.sources.rules import RuledMessage

M = TypeVar("M", bound=BaseModel)
_YAML_BOOL_WORDS = {"yes", "no", "true", "false", "on", "off", "y", "n"}
# pydantic's error kinds (the models' own kb_… ones and pydantic's) → the rule each breaks;
# any other kind is a value of the wrong type
ERROR_RULES = {
    "kb_control": "char-control",
    "kb_noncharacter": "char-noncharacter",
    "kb_url": "url-invalid",
    "kb_search_word": "search-word",
    "kb_slug": "id-format",
    "kb_date": "date-format",
    "kb_vocabulary": "vocab-unknown",
    "kb_basis": "basis-missing",
    "missing": "key-missing",
    "extra_forbidden": "key-unknown",
    "literal_error": "value-not-allowed",
    "greater_than": "value-not-allowed",
    "greater_than_equal": "value-not-allowed",
    "string_too_short": "value-empty",
    "too_short": "value-empty",
}


def validate_document(
    doc: SourceDoc, model: type[M], vocabularies: Vocabularies | None, problems: ProblemList
) -> M | None:
    if not isinstance(doc.data, dict):
        problems.add(
            doc.rel,
            1,
            1,
            "",
            "文件内容应是一组“键: 值”（例如 id: ...、title: ...），而不是列表或单独一段文字。",
            rule="yaml-not-mapping",
        )
        return None
    found_personal = _report_personal_information(doc, (), doc.data, problems)
    try:
        record = model.model_validate(doc.data, context={"vocabularies": vocabularies})
    except ValidationError as error:
        _report(error, doc, model, problems)
        return None
    found_unsafe = _report_markdown(doc, record, problems)
    return None if found_personal or found_unsafe else record


def partial_record(doc: SourceDoc, model: type[M]) -> M | None:
    """What can still be read of a record that failed its checks: its id and title, the ids
    it names and its Markdown, so that its references and links are checked in the same run
    (and pages linking to it are not told it is missing). Never published."""
    data = doc.data
    if not isinstance(data, dict) or not issubclass(model, Record):
        return None
    slug = re.compile(SLUG_PATTERN)
    record_id = data.get("id")
    fields: dict[str, Any] = {
        "id": record_id if isinstance(record_id, str) and slug.match(record_id) else "-",
        "title": str(data.get("title") or ""),
    }
    for name in REFERENCE_FIELDS:
        if isinstance(data.get(name), list):
            fields[name] = [v for v in data[name] if isinstance(v, str) and slug.match(v)]
    for name in markdown_fields(model):
        value = data.get(name)
        if isinstance(value, str):
            fields[name] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            fields[name] = value
    record = model.model_construct(**fields)
    record._partial = True
    return record


def _report_personal_information(doc: SourceDoc, path: FieldPath, value: Any, problems) -> bool:
    """Every text value is checked, whatever its field: published pages must not carry it."""
    found = False
    if isinstance(value, dict):
        for key, item in value.items():
            found |= _report_personal_information(doc, path + (key,), item, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found |= _report_personal_information(doc, path + (index,), item, problems)
    elif isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value)
        lines_before, counted = 0, 0
        for finding in personal_information(text)[:MAX_FINDINGS]:
            lines_before += text.count("\n", counted, finding.start)
            counted = finding.start
            line, column = _where(doc, path, lines_before)
            problems.add(
                doc.rel,
                line,
                column,
                dotted_path(path),
                f"含有{finding.what}：网站公开发布，不能包含居民个人信息，请删除。",
                rule=finding.rule,
            )
            found = True
    return found


def _report_markdown(doc: SourceDoc, record: BaseModel, problems: ProblemList) -> bool:
    """Raw HTML, unsafe links and unsupported syntax in every Markdown field. A file whose
    Markdown would take the parser too long is refused unparsed (see ``parse_cost``)."""
    found, spent = False, 0
    for path, text in markdown_values(record):
        cost, costliest = parse_cost(text)
        spent += cost
        if spent > PARSE_BUDGET:
            line, column = _where(doc, path, costliest)
            problems.add(
                doc.rel,
                line,
                column,
                dotted_path(path),
                too_costly_message(spent),
                rule="md-too-costly",
            )
            return True
        for lines_before, message, rule in markdown_problems(text):
            line, column = _where(doc, path, lines_before)
            problems.add(doc.rel, line, column, dotted_path(path), message, rule=rule)
            found = True
        found |= _report_shown_personal_information(doc, path, text, problems)
    return found


def _report_shown_personal_information(
    doc: SourceDoc, path: FieldPath, text: str, problems: ProblemList
) -> bool:
    """Personal data that only appears once Markdown is rendered (``**138**1234**5678**``,
    digits written as character references): checked in the words a reader sees."""
    shown = inspect_markdown(text).shown_text
    if not shown:
        return False
    in_source = {finding.what for finding in personal_information(text)}
    hidden = [f for f in personal_information(shown) if f.what not in in_source]
    for finding in hidden[:MAX_FINDINGS]:
        line, column = _where(doc, path, _line_of_value(text, finding.what))
        problems.add(
            doc.rel,
            line,
            column,
            dotted_path(path),
            f"显示在网页上时含有{finding.what}（被 Markdown 符号或字符引用隔开）："
            "网站公开发布，不能包含居民个人信息，请删除。",
            rule=finding.rule,
        )
    return bool(hidden)


def _line_of_value(text: str, what: str) -> int:
    """Lines before where the masked value's first characters stand (0 when not found)."""
    shown = re.search(r"「([^*「」]{2})", what)  # the start of the masked value
    index = normalise(text).find(shown.group(1)) if shown else -1
    return text.count("\n", 0, index) if index > 0 else 0


def _where(doc: SourceDoc, path: FieldPath, lines_before: int) -> tuple[int, int]:
    """A field's position; inside a Markdown body, the line itself (the body is kept as is)."""
    line, column = doc.position(path)
    if path == ("body",) and doc.body is not None and lines_before:
        return line + lines_before, 1
    return line, column


def _report(error: ValidationError, doc: SourceDoc, model: type[BaseModel], problems) -> None:
    seen: set[FieldPath] = set()
    for detail in error.errors(include_url=False):
        path = _data_path(tuple(detail["loc"]), doc.data, detail["type"] == "missing")
        if path in seen:
            continue
        seen.add(path)
        union = len(path) < len(detail["loc"]) and detail["type"] != "extra_forbidden"
        message, rule = _message(detail, path, doc, model, union)
        line, column = doc.position(path)
        problems.add(doc.rel, line, column, dotted_path(path), message, rule=rule)


def _data_path(loc: tuple, data: Any, missing: bool) -> FieldPath:
    """Keep the part of pydantic's location that exists in the data (drops union branch names)."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        elif missing and isinstance(data, dict) and isinstance(part, str):
            path.append(part)
            break
        else:
            break
        path.append(part)
    return tuple(path)


def _message(
    detail: ErrorDetails, path: FieldPath, doc: SourceDoc, model, union: bool
) -> RuledMessage:
    kind, value = detail["type"], detail.get("input")
    raw = doc.scalars.get(path)
    rule = ERROR_RULES.get(kind, "type-mismatch")
    if kind.startswith("kb_"):
        return RuledMessage(detail["msg"], rule)
    if kind == "missing":
        return RuledMessage(_missing(path, model), rule)
    if kind == "extra_forbidden":
        return _unknown_key(path, model)
    if isinstance(value, bool) and raw is not None and raw.lower() in _YAML_BOOL_WORDS:
        return RuledMessage(
            f'「{raw}」在 YAML 里会被读成“是/否”而不是文字：请加上引号写成 "{raw}"，'
            "或改成正确的取值。" + _expected(kind, detail),
            rule="yaml-boolean",
        )
    if union:
        return RuledMessage("应为一个数字或一段文字。", rule="type-mismatch")
    if kind == "literal_error" and raw is not None:
        return RuledMessage(f"「{raw}」不是允许的取值。" + _expected(kind, detail), rule)
    return RuledMessage(_TYPE_MESSAGES.get(kind, "取值不正确。") + _expected(kind, detail), rule)


def _expected(kind: str, detail: ErrorDetails) -> str:
    if kind == "literal_error":
        expected = str(detail.get("ctx", {}).get("expected", ""))
        return f"可选：{expected.replace(' or ', '、').replace(', ', '、')}。".replace("'", "")
    return ""


_TYPE_MESSAGES = {
    "string_type": "应为一段文字。如果是数字，请加上引号；如果写成了列表，请合并成一段。",
    "string_too_short": "不能为空：请填写内容，或删掉这一行。",
    "list_type": "应为列表：每一项单独占一行，以“- ”（减号加空格）开头。",
    "too_short": "至少要有一项。",
    "model_type": "应为下一级的“键: 值”（换行并缩进两个空格）。",
    "dict_type": "应为下一级的“键: 值”（换行并缩进两个空格）。",
    "model_attributes_type": "应为下一级的“键: 值”（换行并缩进两个空格）。",
    "int_type": "应为整数，例如 3。",
    "literal_error": "取值不在允许范围内。",
}


def _missing(path: FieldPath, model: type[BaseModel]) -> str:
    name = path[-1]
    info = _fields_at(model, path[:-1]).get(name)
    hint = f"：{info.description}" if info is not None and info.description else ""
    return f"缺少必填项「{name}」。请补上{hint}。"


def _unknown_key(path: FieldPath, model: type[BaseModel]) -> RuledMessage:
    name = str(path[-1])
    allowed = list(_fields_at(model, path[:-1]))
    if name.strip("\u3000 ") in allowed:
        return RuledMessage(
            f"「{name.strip()}」前面有全角空格：请关闭中文输入法，用半角空格缩进。",
            rule="yaml-fullwidth-space",
        )
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    message = f"「{name}」不是可用的项目名。"
    if close:
        message += f"是否是「{close[0]}」？"
    return RuledMessage(message + f"可用的项目名：{'、'.join(allowed)}。", rule="key-unknown")


def _fields_at(model: type[BaseModel], path: FieldPath) -> dict:
    """The fields of the (nested) model found at ``path``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if _is_model(current) else None
        if info is None:
            return {}
        current = _inner_model(info.annotation)
    return current.model_fields if _is_model(current) else {}


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _is_model(value: Any) -> bool:
    return (
        isinstance(value, type)
        and issubclass(value, BaseModel)
        and not isinstance(value, types.GenericAlias)
    )
