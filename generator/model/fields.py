"""Field types shared by all records; each carries its own Chinese error message."""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

VOCABULARY_MARKER = "x-kb-vocabulary"  # replaced by an enum when schemas are generated
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides that
# make text read differently from how it is stored
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of every plane) and
# lone surrogates: XML forbids U+FFFE, U+FFFF and surrogates, so one of them in a title would
# make feed.xml unreadable on every later build
NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_NONCHARACTER = re.compile(f"[{NONCHARACTERS}]")


# (pattern, error type, message): one rule for every text field, Markdown or not
_UNUSABLE = (
    (
        _CONTROL,
        "kb_control",
        "第 {position} 个字符是看不见的控制字符（U+{code}）：通常是从别处复制时带进来的。"
        "请删除这一项里的这个字符，或重新输入这段文字。",
    ),
    (
        _NONCHARACTER,
        "kb_noncharacter",
        "第 {position} 个字符（U+{code}）不是可以显示的文字（Unicode 规定不作文字使用），"
        "网页和订阅都不能含有它：通常是从别处复制时带进来的。请删除这个字符，或重新输入这段文字。",
    ),
)


def _check_characters(value: str) -> str:
    for pattern, kind, message in _UNUSABLE:
        found = pattern.search(value)
        if found:
            raise PydanticCustomError(
                kind, message, {"position": found.start() + 1, "code": f"{ord(found.group()):04X}"}
            )
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_characters)
]


# Marks a field as Markdown; what Markdown may contain is checked by ``markdown_check`` once the
# record is read, so that a problem in a long body can point at its own line.
def _check_markdown_characters(value: str) -> str:
    return _check_characters(value)


MARKDOWN_MARKER = AfterValidator(_check_markdown_characters)
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    MARKDOWN_MARKER,
    Field(json_schema_extra={"contentMediaType": "text/markdown"}),
]


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = urlsplit("")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError(
            "kb_url",
            "「{value}」不是完整的网址：请写成 https:// 或 http:// 开头的网址，"
            "例如 https://www.example.gov.cn/news/1.html。",
            {"value": value[:40]},
        )
    if re.search(r"[\s<>\"'`\\]", value):
        raise PydanticCustomError(
            "kb_url",
            "网址里不能有空格、换行、引号、尖括号或反斜杠：请从浏览器地址栏重新复制网址。",
            {},
        )
    return value


Url = Annotated[
    Text,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


SEARCH_WORD_PATTERN = r"^[\u4e00-\u9fff0-9A-Za-z]{2,12}$"


def _check_search_word(value: str) -> str:
    if not re.fullmatch(SEARCH_WORD_PATTERN.strip("^$"), value):
        raise PydanticCustomError(
            "kb_search_word",
            "「{value}」不能用作搜索词：应为 2 到 12 个汉字、字母或数字，中间不要有空格或标点。",
            {"value": value[:20]},
        )
    return value


SearchWord = Annotated[
    Text,
    AfterValidator(_check_search_word),
    WithJsonSchema({"type": "string", "pattern": SEARCH_WORD_PATTERN}),
]


def _check_slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN.strip("^$"), value):
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
    year, month, day = (int(part) if part else 0 for part in match.groups())
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
        AfterValidator(_check_characters),
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
