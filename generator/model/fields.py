"""Field types shared by all records; each carries its own Chinese error message."""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..safety import unsafe_markdown

VOCABULARY_MARKER = "x-kb-vocabulary"  # replaced by an enum when schemas are generated
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _check_markdown(value: str) -> str:
    problem = unsafe_markdown(value)
    if problem:
        raise PydanticCustomError("kb_markdown", problem)
    return value


MARKDOWN_CHECK = AfterValidator(_check_markdown)  # also marks a field as Markdown
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    MARKDOWN_CHECK,
    Field(json_schema_extra={"contentMediaType": "text/markdown"}),
]


def _check_slug(value: str) -> str:
    if not re.match(SLUG_PATTERN, value):
        raise PydanticCustomError(
            "kb_slug",
            "「{value}」不能用作 id：只能用小写英文字母、数字和连字符（-），"
            "例如 zhiguo-lane-courtyard。",
            {"value": value},
        )
    return value


Slug = Annotated[
    str, AfterValidator(_check_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})
]

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _normalise_date(value: object) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD; a bare number year is fine. Returns zero-padded text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError(
            "kb_date", "日期要写成 2021、2021-06 或 2021-06-15 这样的格式。", {}
        )
    match = _DATE.match(value.strip())
    if not match:
        raise PydanticCustomError(
            "kb_date",
            "「{value}」不是有效日期：请写成 2021、2021-06 或 2021-06-15。",
            {"value": value},
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError(
            "kb_date",
            "「{value}」这个日期不存在（月份应在 1–12，日期不能超过当月天数）。",
            {"value": value},
        ) from None
    parts = [f"{year:04d}"] + [f"{n:02d}" for n in (month, day) if n]
    return "-".join(parts)


_DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ]
}
PartialDate = Annotated[str, BeforeValidator(_normalise_date), WithJsonSchema(_DATE_SCHEMA)]


def vocabulary(name: str, label: str):
    """A text field whose value must be in the vocabulary ``name`` passed as context."""

    def check(value: str, info: ValidationInfo) -> str:
        allowed = _allowed(info, name)
        if allowed is None or value in allowed:
            return value
        raise PydanticCustomError("kb_vocabulary", vocabulary_message(value, allowed, label))

    return Annotated[
        str,
        StringConstraints(strip_whitespace=True),
        AfterValidator(check),
        Field(json_schema_extra={VOCABULARY_MARKER: name}),
    ]


def _allowed(info: ValidationInfo, name: str) -> list[str] | None:
    vocabularies = (info.context or {}).get("vocabularies")
    return None if vocabularies is None else vocabularies.allowed(name)


def vocabulary_message(value: str, allowed: list[str], label: str) -> str:
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    prefix = [a for a in allowed if a.startswith(value) or value.startswith(a)]
    guess = close or prefix
    message = f"「{value}」不在{label}列表中。"
    if guess:
        message += f"是否是「{guess[0]}」？"
    return message + f"可选：{'、'.join(allowed)}。"
