"""What must never reach a public page: residents' personal data and script-capable markup.

Decision (documented in the editors' guide): Markdown fields reject raw HTML and links that are
not http(s) or relative, with a located error; plain-text fields are escaped when rendered.
"""

from __future__ import annotations

import datetime
import html
import re

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])|<!--|<![A-Za-z]|<\?")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()]|\([^()]*\))*)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https"}


def link_targets(prose: str) -> list[tuple[str, int]]:
    """Targets of inline links and reference definitions, with where each starts in ``prose``."""
    found = [(m.group(1), m.start()) for m in _LINK_TARGET.finditer(prose)]
    found += [(m.group(1), m.start()) for m in _REFERENCE.finditer(prose)]
    return found


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see (entities decoded, blanks dropped), lower-case, or None."""
    cleaned = "".join(ch for ch in html.unescape(url).replace("\\", "") if ord(ch) > 0x20)
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


def without_code(text: str) -> str:
    """Markdown with code blocks and code spans blanked out (same line count)."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def unsafe_markdown(text: str) -> str | None:
    """A Chinese explanation of the first unsafe thing in Markdown ``text``, or None."""
    prose = without_code(text)
    for match in _AUTOLINK.finditer(prose):
        if link_scheme(match.group(1)) not in _SAFE_SCHEMES:
            return _bad_link(match.group(1))
    prose_without_autolinks = _AUTOLINK.sub("", prose)
    tag = _TAG.search(prose_without_autolinks)
    if tag:
        shown = f"<{tag.group(1)}>" if tag.group(1) else tag.group(0)
        return (
            f"不能使用 HTML 标签「{shown}」：为了安全，正文只支持 Markdown 写法"
            "（如 **加粗**、[链接文字](https://网址)）。请删除这个标签。"
        )
    for target, _ in link_targets(prose):
        scheme = link_scheme(target)
        if scheme is not None and scheme not in _SAFE_SCHEMES:
            return _bad_link(target)
    return None


def _bad_link(url: str) -> str:
    shown = url if len(url) <= 30 else url[:30] + "…"
    return (
        f"链接地址「{shown}」不安全：只能链接到 http:// 或 https:// 开头的网址，"
        "或本站的页面。请修改或删除这个链接。"
    )


_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
_RESIDENT_ID = re.compile(r"(?<![\dXx])(\d{17}[\dXx])(?![\dXx])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def personal_information(text: str) -> list[str]:
    """Chinese descriptions (masked) of phone numbers, ID numbers and e-mail addresses."""
    found = [f"手机号「{m.group(1)}****{m.group(3)}」" for m in _MOBILE.finditer(text)]
    found += [f"身份证号「{m[:6]}********{m[-4:]}」" for m in _RESIDENT_ID.findall(text)
              if is_resident_id(m)]
    found += [f"电子邮箱「{m.split('@')[0][:2]}***@{m.split('@')[1]}」"
              for m in _EMAIL.findall(text)]
    return found


def is_resident_id(number: str) -> bool:
    """An 18-digit resident ID: valid birth date and GB 11643 check character."""
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()
