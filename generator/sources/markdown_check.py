"""What editors' Markdown may contain, checked with the parser that renders the site.

A regular expression cannot agree with Python-Markdown on every code span, escape and
reference definition, so the checks ask Python-Markdown itself: the text is converted with
the site's extensions, raw HTML is read from the parser's stash and every link, image and link
title from the element tree, and the words a reader will see from the output (so that personal
data split by markup is found). Plain prose (no ``<``, ``&``, ``]``, emphasis, code or escape
marks) cannot hold HTML, a link or hidden digits and skips the parse, which keeps ten thousand
cases fast. No text whose estimated parse cost is over ``PARSE_BUDGET`` is ever parsed.
"""

from __future__ import annotations

import functools
import html
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

import markdown
from markdown.treeprocessors import Treeprocessor
from pydantic import BaseModel

from generator.model.fields import MARKDOWN_MARKER
from generator.sources.code_blanks import FENCE_LINE, without_code
from generator.sources.loading import FieldPath
from generator.sources.rules import RuledMessage
from generator.sources.sanitize import is_local_url, removals

# The site's Markdown extensions that change what is HTML or a link (mkdocs.yml lists the same,
# MkDocs adds tables and fenced_code itself; a test keeps them in step). toc and emoji only add
# ids and icons.
EXTENSIONS = [
    "tables",
    "fenced_code",
    "def_list",
    "admonition",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
]
SAFE_SCHEMES = {"http", "https"}

# what can hide HTML or a link (<, &, ]) or split what a reader sees (emphasis, code, escapes)
_NEEDS_PARSE = re.compile(r"[<&\]*_`\\~]")
_TAG = re.compile(r"<[^<>]*>")
# fenced code is stashed as highlighted HTML; it is an editor's code, not an editor's HTML
_CODE_BLOCK = re.compile(r'^\s*<(?:div class="highlight"|pre)[ >]')
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# a list or quote nested sixteen deep, by markers on one line or by indentation: the parser
# recurses once per level and fails at a few hundred; no page needs more than a few
_LIST_MARK = r"(?:[-*+>]|\d{1,9}[.)])"
_TOO_DEEP = re.compile(rf"^[ \t]*(?:{_LIST_MARK}[ \t]+){{16}}|^[ \t]{{64,}}{_LIST_MARK}[ \t]", re.M)
# no nested quantifiers, and no part of one attempt can start another: linear
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[A-Za-z_-]+[ \t]*=)[^{}\n]*\}")
_ABBREVIATION = re.compile(r"^[ \t>]*\*\[[^\]\n]*\]:", re.M)
# Estimated parser work per file (see parse_cost): the longest seed page costs about 0.5
# million; 8 million is at most about a second on one core for the worst inputs measured.
PARSE_BUDGET = 8_000_000
_PARAGRAPH_COST = 400
_FENCE_COST = 2_000
_QUOTE_WEIGHT = 10
MAX_FINDINGS = 20  # per field: a thousand copies of one mistake need not be listed one by one


def markdown_values(model: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every Markdown text in a record, with its field path (lists and nested models too)."""
    names = markdown_fields(type(model))
    for name, value in model:
        if value is None or isinstance(value, str | int | float) and name not in names:
            continue
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_path = path + (name,) + (() if index is None else (index,))
            if name in names and isinstance(item, str):
                yield item_path, item
            elif isinstance(item, BaseModel):
                yield from markdown_values(item, item_path)


@functools.cache
def markdown_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(
        name
        for name, info in model.model_fields.items()
        if _is_markdown(info.annotation) or MARKDOWN_MARKER in info.metadata
    )


def _is_markdown(annotation: Any) -> bool:
    args = typing.get_args(annotation)
    return any(arg is MARKDOWN_MARKER or _is_markdown(arg) for arg in args)


@dataclass(frozen=True)
class Link:
    tag: str  # "a" or "img"
    url: str
    title: str = ""


@dataclass(frozen=True)
class Inspection:
    raw_html: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    too_deep: bool = False  # nesting beyond what the parser's recursion can follow
    too_costly: bool = False  # more work than PARSE_BUDGET: never handed to the parser
    # the words a reader sees (markup and entities gone), when that differs from the source
    shown_text: str | None = None


class _Collector(Treeprocessor):
    """Runs after Python-Markdown has restored backslash escapes, so a link reads as the
    browser will see it (``a\\_b.md`` is ``a_b.md``), never with the parser's placeholders."""

    links: list[Link] = []

    def run(self, root):
        self.links = [
            Link(el.tag, el.get("href") or el.get("src") or "", el.get("title") or "")
            for el in root.iter()
            if el.tag in ("a", "img")
        ]


class _CollectLinks(markdown.Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_Collector(md), "kb_collect_links", -1)


@functools.cache
def _parser() -> markdown.Markdown:
    return markdown.Markdown(extensions=[*EXTENSIONS, _CollectLinks()])


@functools.lru_cache(maxsize=8192)
def inspect_markdown(text: str) -> Inspection:
    """Raw HTML and links in ``text``, as the site's Markdown parser sees them. Text that
    would cost the parser more than ``PARSE_BUDGET`` is never parsed, whoever asks (the
    checks of a file that failed still look at its links)."""
    if _TOO_DEEP.search(text):
        return Inspection(too_deep=True)
    if not _NEEDS_PARSE.search(text):
        return Inspection()
    if parse_cost(text)[0] > PARSE_BUDGET:
        return Inspection(too_costly=True)
    parser = _parser()
    parser.reset()
    collector = cast(_Collector, parser.treeprocessors["kb_collect_links"])
    collector.links = []
    try:
        output = parser.convert(text)
    except RecursionError:
        parser.reset()
        return Inspection(too_deep=True)
    raw = tuple(
        block
        for block in parser.htmlStash.rawHtmlBlocks
        if isinstance(block, str)
        and block.strip()
        and not block.lstrip().startswith("&")
        and not (_CODE_BLOCK.match(block) and not removals(block))
    )
    return Inspection(raw, tuple(collector.links), shown_text=html.unescape(_TAG.sub("", output)))


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see (entities decoded, blanks dropped), lower-case, or None."""
    cleaned = "".join(ch for ch in html.unescape(url).replace("\\", "") if ord(ch) > 0x20)
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


def parse_cost(text: str) -> tuple[int, int]:
    """(estimated work, lines before the costliest paragraph) for Python-Markdown to parse
    ``text``, in units of about a tenth of a microsecond, from what was measured: each paragraph
    (lines between blank lines) costs its length times the number of its lines, ``[`` and ``<``
    (the parser may scan the rest of the paragraph for each), plus a fixed amount; each fenced
    code block is highlighted; each level of ``>`` quotes parses the paragraph again; each ``<``
    may be scanned for to the end of the text."""
    total, worst, worst_line, start, length, marks, fixed = 0, -1, 0, 0, 0, 0, 0
    for number, line in enumerate(text.split("\n") + [""]):
        if line.strip():
            if not length:
                start, fixed = number, _PARAGRAPH_COST
            length += len(line) + 1
            marks += 1 + line.count("[") + line.count("<")
            marks += _QUOTE_WEIGHT * (len(line) - len(line.lstrip(">")))  # nested quotes
            fixed += _FENCE_COST if FENCE_LINE.match(line) else 0
            continue
        cost = length * marks + fixed
        total += cost
        if cost > worst:
            worst, worst_line = cost, start
        length = marks = fixed = 0
    return total + text.count("<") * len(text), worst_line


def line_of(text: str, snippet: str) -> int:
    """How many lines of ``text`` come before ``snippet`` (0 when it is not found)."""
    index = text.find(snippet) if snippet else -1
    return text.count("\n", 0, index) if index > 0 else 0


class MarkdownProblem(NamedTuple):
    lines_before: int  # lines of the text before it
    message: str  # in Chinese
    rule: str  # the rule it breaks (generator.sources.rules)


def markdown_problems(text: str) -> list[MarkdownProblem]:
    """Every unsafe or unsupported thing in ``text``, at most ``MAX_FINDINGS`` of them."""
    inspection = inspect_markdown(text)
    if inspection.too_deep:
        return [MarkdownProblem(0, _TOO_DEEP_MESSAGE, rule="md-too-deep")]
    if inspection.too_costly:
        cost, costliest = parse_cost(text)
        return [MarkdownProblem(costliest, too_costly_message(cost), rule="md-too-costly")]
    found = []
    for raw in inspection.raw_html[:MAX_FINDINGS]:
        found.append(
            MarkdownProblem(line_of(text, raw.strip()), _html_message(raw), rule="html-tag")
        )
    for link in inspection.links:
        refusal = _link_refusal(link)
        if refusal and len(found) < MAX_FINDINGS:
            found.append(MarkdownProblem(line_of(text, link.url or link.title), *refusal))
    prose = without_code(text)
    for match in _ATTR_LIST.finditer(prose):
        found.append(
            MarkdownProblem(
                prose.count("\n", 0, match.start()),
                _ATTR_MESSAGE.format(match.group(0)),
                rule="md-attr-list",
            )
        )
        if len(found) >= MAX_FINDINGS:
            break
    for match in _ABBREVIATION.finditer(prose):
        found.append(
            MarkdownProblem(
                prose.count("\n", 0, match.start()), _ABBREVIATION_MESSAGE, rule="md-abbreviation"
            )
        )
        if len(found) >= MAX_FINDINGS:
            break
    return sorted(set(found))


def too_costly_message(cost: int) -> str:
    return (
        "从这一行开始的段落太长，方括号「[」、尖括号「<」或列表项太多（估算的解析工作量 "
        f"{cost:,} 超过上限 {PARSE_BUDGET:,}），检查会非常慢：请在段落之间空一行，"
        "或删除多余的符号。"
    )


_TOO_DEEP_MESSAGE = (
    "列表、引用或方括号嵌套太深，无法解析：请检查这里是否有一长串「- 」「> 」或「[」，删掉多余的。"
)


def _html_message(raw: str) -> str:
    tag = re.match(r"\s*<\s*/?\s*([^\s/>]+)", raw)
    shown = f"<{tag.group(1)}>" if tag and not raw.lstrip().startswith("<!") else raw.strip()[:20]
    return (
        f"不能使用 HTML 标签「{shown}」：为了安全，正文只支持 Markdown 写法"
        "（如 **加粗**、[链接文字](https://网址)）。请删除这个标签。"
    )


def _link_refusal(link: Link) -> RuledMessage | None:
    scheme = link_scheme(link.url)
    if link.tag == "img" and not is_local_url(html.unescape(link.url)):
        return RuledMessage(
            f"图片「{_short(link.url)}」在其他网站上：网站不从其他网站加载任何"
            "内容。请把图片放进 site_config/docs/assets/，用相对路径引用。",
            rule="image-remote",
        )
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return RuledMessage(
            f"链接地址「{_short(link.url)}」不安全：只能链接到 http:// 或 https:// "
            "开头的网址，或本站的页面。请修改或删除这个链接。",
            rule="link-scheme",
        )
    title = html.unescape(link.title)
    if "<" in title or ">" in title:
        return RuledMessage(
            f"链接标题「{_short(title)}」里有 < 或 >：标题只能是文字，请删除这两个符号。",
            rule="link-title",
        )
    return None


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


_ATTR_MESSAGE = "不支持「{}」这种属性写法：网站不会给文字加属性，它会原样显示。请删除花括号这一段。"
_ABBREVIATION_MESSAGE = (
    "不支持 *[缩写]: 说明 这种缩写定义：术语的解释请写进 content/glossary.yml。请删除这一行。"
)
