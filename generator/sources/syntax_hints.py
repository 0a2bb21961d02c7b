"""Turn YAML syntax errors and encoding problems into Chinese advice an editor can act on.

Chinese input methods produce full-width colons and spaces, and Windows Notepad may save in GBK;
these are the mistakes editors actually make, so they are named explicitly.
"""

from __future__ import annotations

import re

import yaml

from generator.sources.rules import RuledMessage

# (line, column, message, rule)
Hint = tuple[int, int, str, str]
_FULLWIDTH_COLON_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*|[\u4e00-\u9fff]+)\s*：")
_FULLWIDTH_SPACE_INDENT = re.compile(r"^[ ]*\u3000")


def explain_syntax_error(text: str, error: yaml.YAMLError) -> list[Hint]:
    """Specific hints for known mistakes; otherwise one located general message."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML may not hold
        code = error.character if isinstance(error.character, int) else ord(error.character)
        found = text.find(chr(code))  # PyYAML's own position is not always the character's
        before = text[: found if found >= 0 else error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        return [
            (
                line,
                column,
                *RuledMessage(_UNUSABLE_CHARACTER.format(code=code), rule="yaml-character"),
            )
        ]
    opened = getattr(error, "context_mark", None)
    mark = getattr(error, "problem_mark", None) or opened
    if "quoted scalar" in str(getattr(error, "context", "")) and opened:
        mark = opened  # an unclosed quote: point at where it opens, not at the end
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    hints = [hint for hint in _known_mistakes(text) if hint[0] <= line + 1]
    if hints:
        return hints
    detail = getattr(error, "problem", None) or ""
    message = f"YAML 格式错误（{_translate(detail)}）。{_GENERAL_ADVICE}"
    return [(line, column, *RuledMessage(message, rule="yaml-syntax"))]


_UNUSABLE_CHARACTER = (
    "这里有一个不能使用的字符（U+{code:04X}）：看不见的控制字符和 Unicode 规定不作文字使用的"
    "“非字符”不能出现在文件里，网页和订阅都不能含有它，通常是从别处复制时带进来的。请删除这个字符。"
)
_GENERAL_ADVICE = (
    "请检查这一行和上一行：冒号后要有一个空格，同级的行缩进要一样，含有冒号或 # 的文字要加引号。"
)


_TAB = RuledMessage(
    "缩进里有制表符（Tab 键）：YAML 只能用空格缩进，请把 Tab 换成空格。", rule="yaml-tab-indent"
)
_FULLWIDTH_SPACE = RuledMessage(
    "缩进里有全角空格：请关闭中文输入法后用半角空格缩进。", rule="yaml-fullwidth-space"
)


def _known_mistakes(text: str) -> list[Hint]:
    found: list[Hint] = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t\u3000"))
        if "\t" in line[:indent]:
            found.append((number, line.index("\t") + 1, *_TAB))
        elif _FULLWIDTH_SPACE_INDENT.match(line):
            found.append((number, line.index("\u3000") + 1, *_FULLWIDTH_SPACE))
        match = _FULLWIDTH_COLON_KEY.match(line)
        if match:
            column = line.index("：") + 1
            found.append(
                (
                    number,
                    column,
                    *RuledMessage(
                        f"「{match.group(1)}」后面用了全角冒号「：」：请切换到英文输入法，改成半角冒号「:」加一个空格。",
                        rule="yaml-fullwidth-colon",
                    ),
                )
            )
    return found


# PyYAML's and libyaml's wordings of the same errors
_TRANSLATIONS = {
    "that cannot start any token": "出现了不能放在开头的字符，如 Tab、@ 或 `",
    "mapping values are not allowed": "缩进不一致，或文字里的冒号没有加引号",
    "could not find expected ':'": "缺少冒号",
    "did not find expected key": "缩进不一致",
    "did not find expected '-' indicator": "列表的缩进不一致",
    "did not find expected node content": "缺少内容",
    "found undefined alias": "出现了未定义的别名",
    "expected <block end>, but found": "缩进不一致",
    "found unexpected end of stream": "引号或括号没有闭合",
    "unknown escape character": "双引号里有无法识别的反斜杠转义，可改用单引号",
}


def _translate(detail: str) -> str:
    for english, chinese in _TRANSLATIONS.items():
        if english in detail:
            return chinese
    return "无法解析"


_BINARY_SIGNATURES = {
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"%PDF": "PDF 文件",
    b"PK\x03\x04": "压缩包或 Word/Excel 文件",
    b"\xd0\xcf\x11\xe0": "旧版 Word/Excel 文件",
}


def explain_undecodable(raw: bytes) -> RuledMessage:
    kind = next((name for sign, name in _BINARY_SIGNATURES.items() if raw.startswith(sign)), None)
    if kind or b"\x00" in raw[:8192]:
        return RuledMessage(
            f"这不是文本文件（看起来是{kind or '二进制文件'}），无法读取：这里只能放 YAML 或 "
            "Markdown 文本。图片和附件请放进 site_config/docs/assets/，在正文里用链接引用。",
            rule="file-binary",
        )
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return RuledMessage(
            "文件不是 UTF-8 编码，无法读取：请在编辑器里选择“另存为”，编码选“UTF-8”后保存。",
            rule="encoding-not-utf8",
        )
    return RuledMessage(
        "文件是 GBK（ANSI）编码，不是 UTF-8：请在记事本或 WPS 里选择“另存为”，"
        "编码选“UTF-8”后保存。",
        rule="encoding-gbk",
    )
