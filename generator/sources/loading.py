"""Read one source file into plain data plus the line/column of every key.

Safety and honesty come first: only the plain YAML types are built (no tags that run code),
aliases are refused (they make "billion laughs" bombs possible), dates stay text so that a bad
date is a located error later, and duplicate keys are reported instead of dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.sources.file_tree import LinkRefused, link_message, open_no_follow
from generator.sources.problems import ProblemList
from generator.sources.syntax_hints import explain_syntax_error, explain_undecodable

FieldPath = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_BOM = b"\xef\xbb\xbf"


# libyaml's parser is about ten times faster; it matters at thousands of cases
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as text (a bad date becomes a located error later)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# A case is a few thousand characters; these limits keep every check fast whatever is written
# (the editors' guide states them). Checked before anything is parsed.
MAX_FILE_BYTES = 256 * 1024
MAX_VALUE_CHARS = 60_000
_MAX_NUMBER_DIGITS = 30
TOO_BIG_MESSAGE = (
    "文件太大（{size}，上限 256 KB，约 8 万个汉字）：一个案例通常只有几千字。"
    "请检查是否粘贴了图片或整份文件的内容；图片请放进 site_config/docs/assets/，用链接引用。"
)
TOO_LONG_MESSAGE = (
    "这一项太长（{length:,} 个字符，上限 {limit:,}）：请精简，或把长篇内容分成几个文件。"
)

# No record nests deeper than a few levels; a thousand levels is an attack on the parser.
MAX_DEPTH = 20
TOO_DEEP_MESSAGE = (
    f"列表或“键: 值”嵌套超过 {MAX_DEPTH} 层：这不是知识库的格式。请检查这里的方括号、花括号和缩进。"
)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first goes past MAX_DEPTH, found by reading events (no recursion)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):  # libyaml stops too early
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH and mark is not None:
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


class _Refused(Exception):
    def __init__(self, node: yaml.Node):
        super().__init__("alias")
        self.node = node


@dataclass
class SourceDoc:
    """One parsed file: its data, where each key stands, and a Markdown body if any."""

    rel: str
    data: Any = None
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[FieldPath, str] = field(default_factory=dict)
    body: str | None = None

    def position(self, path: FieldPath) -> tuple[int, int]:
        """Where a field stands; for a missing field, where its nearest parent stands."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


def read_source(path: Path, rel: str, problems: ProblemList) -> SourceDoc | None:
    raw = read_limited(path, rel, problems)
    if raw is None:
        return None
    text = decode_source(raw, rel, problems)
    if text is None:
        return None
    return parse_text(text, path.suffix, rel, problems)


def parse_text(text: str, suffix: str, rel: str, problems: ProblemList) -> SourceDoc | None:
    """A file's text as read: Markdown with front matter (``.md``) or YAML."""
    if suffix == ".md":
        return _read_markdown(text, rel, problems)
    return parse_yaml(text, rel, problems)


def read_limited(path: Path, rel: str, problems: ProblemList) -> bytes | None:
    """The file's bytes, or None (reported) when it is larger than ``MAX_FILE_BYTES`` or is a
    link (never followed, see :mod:`generator.sources.file_tree`)."""
    try:
        with open_no_follow(path) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except LinkRefused:
        problems.add(rel, 1, 1, "", link_message(path), rule="file-link")
        return None
    if len(raw) > MAX_FILE_BYTES:
        size = path.stat().st_size
        shown = f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"
        problems.add(rel, 1, 1, "", TOO_BIG_MESSAGE.format(size=shown), rule="file-too-big")
        return None
    return raw


def decode_source(raw: bytes, rel: str, problems: ProblemList) -> str | None:
    """UTF-8 text with any BOM dropped and line ends made ``\\n``; None (reported) if not UTF-8."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message, rule = explain_undecodable(raw)
        problems.add(rel, line, 1, "", message, rule=rule)
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_markdown(text: str, rel: str, problems: ProblemList) -> SourceDoc | None:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(
            rel,
            1,
            1,
            "",
            "Markdown 文件必须以一行 --- 开头，后面是信息块（id、title 等），"
            "再以一行 --- 结束。请参照编辑指南中的示例补上。",
            rule="md-front-matter",
        )
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            doc = parse_yaml("\n".join(lines[1:index]), rel, problems, line_offset=1)
            if doc is not None:
                body_lines = lines[index + 1 :]
                blank = next((i for i, text in enumerate(body_lines) if text.strip()), 0)
                doc.body = "\n".join(body_lines).strip("\n")
                doc.positions[("body",)] = (index + 2 + blank, 1)
                if len(doc.body) > MAX_VALUE_CHARS:
                    message = TOO_LONG_MESSAGE.format(length=len(doc.body), limit=MAX_VALUE_CHARS)
                    problems.add(rel, index + 2 + blank, 1, "body", message, rule="value-too-long")
                    return None
            return doc
    problems.add(
        rel, 1, 1, "", "信息块没有结束：请在信息块最后单独加一行 ---。", rule="md-front-matter"
    )
    return None


def parse_yaml(
    text: str, rel: str, problems: ProblemList, line_offset: int = 0
) -> SourceDoc | None:
    doc = SourceDoc(rel=rel)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except (yaml.YAMLError, RecursionError) as error:  # the composer recurses per level
        deep = _too_deep(text)
        if deep is not None or isinstance(error, RecursionError):
            line, column = deep or (1, 1)
            problems.add(
                rel, line + line_offset, column, "", TOO_DEEP_MESSAGE, rule="yaml-too-deep"
            )
            return None
        for line, column, message, rule in explain_syntax_error(text, error):
            problems.add(rel, line + line_offset, column, "", message, rule=rule)
        return None
    finally:
        loader.dispose()
    if node is None:
        problems.add(
            rel, 1 + line_offset, 1, "", "文件是空的：请按编辑指南填写内容。", rule="yaml-empty"
        )
        return None
    converter = _Converter(doc, rel, problems, line_offset)
    try:
        doc.data = converter.convert(node, ())
        if converter.refused:
            return None  # a file carrying code-running tags is not read any further
    except _Refused as refused:
        line, column = converter.where(refused.node)
        message = "不支持 YAML 锚点和别名（& 和 *）：请把内容直接写出来。"
        problems.add(rel, line, column, "", message, rule="yaml-alias")
        return None
    return doc


class _Converter:
    """Turns PyYAML nodes into dicts, lists and scalars, recording positions on the way."""

    def __init__(self, doc: SourceDoc, rel: str, problems: ProblemList, line_offset: int):
        self.doc, self.rel, self.problems, self.offset = doc, rel, problems, line_offset
        self.constructor = yaml.SafeLoader("")
        self.seen: set[int] = set()
        self.refused = False

    def where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        # an alias makes the composer reuse a node; walking it again is how alias bombs explode
        if id(node) in self.seen:
            raise _Refused(node)
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            line, column = self.where(node)
            self.problems.add(
                self.rel,
                line,
                column,
                dotted_path(path[:2]) + "…",
                TOO_DEEP_MESSAGE,
                rule="yaml-too-deep",
            )
            self.refused = True
            return None
        if node.tag not in _PLAIN_TAGS:
            line, column = self.where(node)
            self.problems.add(
                self.rel,
                line,
                column,
                dotted_path(path),
                f"不支持 YAML 标签「{_short_tag(node.tag)}」："
                "请去掉它，只写普通的文字、列表或键值。",
                rule="yaml-tag",
            )
            self.refused = True
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, path)
        assert isinstance(node, yaml.ScalarNode)
        self.doc.scalars[path] = node.value
        return self._scalar(node, path)

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        """A plain value; a value too long to check quickly, or a number too long to be one,
        is reported and read as nothing."""
        line, column = self.where(node)
        if len(node.value) > MAX_VALUE_CHARS:
            message = TOO_LONG_MESSAGE.format(length=len(node.value), limit=MAX_VALUE_CHARS)
            self.problems.add(
                self.rel, line, column, dotted_path(path), message, rule="value-too-long"
            )
            self.refused = True
            return None
        numeric = node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        if numeric and len(node.value) > _MAX_NUMBER_DIGITS:
            self.problems.add(
                self.rel,
                line,
                column,
                dotted_path(path),
                f"数字太长（{len(node.value)} 位）：如果这是编号或文字，请加上引号。",
                rule="number-too-long",
            )
            self.refused = True
            return None
        return self.constructor.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = self.where(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                message = "项目名的写法不受支持：项目名应是一个简单的英文单词，例如 title。"
                self.problems.add(
                    self.rel, line, column, dotted_path(path), message, rule="key-invalid"
                )
                continue
            key = key_node.value
            if key in result:
                first_line, _ = self.doc.positions[path + (key,)]
                self.problems.add(
                    self.rel,
                    line,
                    column,
                    dotted_path(path + (key,)),
                    f"「{key}」重复出现（第一次在第 {first_line} 行）。"
                    "YAML 只会保留最后一个，前面的内容会丢失：请合并成一个。",
                    rule="yaml-duplicate-key",
                )
                continue
            self.doc.positions[path + (key,)] = (line, column)
            result[key] = self.convert(value_node, path + (key,))
        return result

    def _sequence(self, node: yaml.SequenceNode, path: FieldPath) -> list:
        items = []
        for index, item in enumerate(node.value):
            self.doc.positions[path + (index,)] = self.where(item)
            items.append(self.convert(item, path + (index,)))
        return items


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def dotted_path(path: FieldPath) -> str:
    """``('actions', 2, 'text')`` → ``actions[3].text`` (list items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out
