"""Relative links inside Markdown fields must lead to a page the site will have."""

from __future__ import annotations

import posixpath
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .loading import FieldPath, dotted_path
from .model.fields import MARKDOWN_CHECK
from .safety import link_scheme, link_targets, without_code


def markdown_values(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every Markdown text in a record, with its field path (lists and nested models too)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        markdown = _is_markdown(info.annotation) or MARKDOWN_CHECK in info.metadata
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_path = path + (name,) + (() if index is None else (index,))
            if markdown and isinstance(item, str):
                yield item_path, item
            elif isinstance(item, BaseModel):
                yield from markdown_values(item, item_path)


def _is_markdown(annotation: Any) -> bool:
    args = typing.get_args(annotation)
    return any(arg is MARKDOWN_CHECK or _is_markdown(arg) for arg in args)


def broken_links(text: str, page: str, pages: set[str]) -> list[tuple[str, int]]:
    """Relative ``.md`` link targets in ``text`` that do not resolve from ``page``, with the
    number of lines before each inside ``text``."""
    broken = []
    prose = without_code(text)
    for link, start in link_targets(prose):
        target = link.split()[0].rstrip(">") if link.split() else ""  # drop a "title"
        if not target or link_scheme(target) or target.startswith(("#", "/")):
            continue
        file = target.split("#", 1)[0].split("?", 1)[0]
        if file.endswith(".md"):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), file))
            if resolved not in pages:
                broken.append((target, prose.count("\n", 0, start)))
    return broken


def link_message(target: str, page: str) -> str:
    return (
        f"链接「{target}」指向的页面不存在。链接要从本页（{page}）出发写相对路径，"
        "例如从案例链接到工作法写 ../practices/red-channel.md。"
    )


def report_broken_links(record: BaseModel, page: str, pages: set[str], where, problems) -> None:
    """``where(path)`` gives (file, line, column) for a field path of this record."""
    for path, text in markdown_values(record):
        for target, lines_before in broken_links(text, page, pages):
            file, line, column = where(path)
            if path == ("body",):  # the body is written as is, so its lines can be counted
                line, column = line + lines_before, 1
            problems.add(file, line, column, dotted_path(path), link_message(target, page))
