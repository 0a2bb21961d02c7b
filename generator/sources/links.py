"""Relative links inside Markdown fields must lead to a page or a file the site will have."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from pydantic import BaseModel

from generator.sources.loading import dotted_path
from generator.sources.markdown_check import inspect_markdown, line_of, link_scheme, markdown_values
from generator.sources.rules import RuledMessage


def broken_links(
    text: str, page: str, pages: set[str], files: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """Relative link targets in ``text`` that resolve, from ``page``, to no page in ``pages``
    and no static file in ``files``; with the number of lines before each inside ``text``."""
    broken: list[tuple[str, int]] = []
    if "]" not in text:  # no link can be written without one
        return broken
    for link in inspect_markdown(text).links:
        target = link.url.strip()
        if not target or link_scheme(target) or target.startswith(("#", "/")):
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if path and not _exists(posixpath.join(posixpath.dirname(page), path), pages, files):
            broken.append((target, line_of(text, target)))
    return broken


def _exists(joined: str, pages: set[str], files: frozenset[str]) -> bool:
    resolved = posixpath.normpath(joined)
    if joined.endswith("/"):  # a folder: its index page
        return posixpath.normpath(posixpath.join(resolved, "index.md")) in pages
    return resolved in pages or resolved in files


def link_message(target: str, page: str) -> RuledMessage:
    if target.split("#", 1)[0].split("?", 1)[0].endswith((".md", "/")):
        return RuledMessage(
            f"链接「{target}」指向的页面不存在。链接要从本页（{page}）出发写相对路径，"
            "例如从案例链接到工作法写 ../practices/red-channel.md。",
            rule="link-missing-page",
        )
    return RuledMessage(
        f"链接「{target}」指向的文件不存在。图片和附件请放在 site_config/docs/ 里，"
        f"从本页（{page}）出发写相对路径，例如 ../assets/图片.png。",
        rule="link-missing-file",
    )


def report_broken_links(
    record: BaseModel, page: str, pages: set[str], files: frozenset[str], where, problems
) -> None:
    """``where(path)`` gives (file, line, column) for a field path of this record."""
    for path, text in markdown_values(record):
        for target, lines_before in broken_links(text, page, pages, files):
            file, line, column = where(path)
            if path == ("body",):  # the body is written as is, so its lines can be counted
                line, column = line + lines_before, 1
            message, rule = link_message(target, page)
            problems.add(file, line, column, dotted_path(path), message, rule=rule)
