"""E-mail addresses, QQ numbers and WeChat ids in normalised text (``pii.normalise``: full-width
forms, Chinese numerals and invisible characters already folded).

An e-mail address is a local part, an at-sign and a domain with a dot, however the at-sign and
the dots are written to dodge a filter: ``@`` (blanks around it allowed), ``%40``, ``(at)``,
``[at]``, ``{at}``, ``<at>``, ``【at】``, ``〔at〕``, ``艾特``, the word ``at`` between blanks (any
case); ``.`` (``。``, ``．``), ``(dot)``, ``[dot]``, ``{dot}``, the word ``dot`` between blanks,
``点`` before an ASCII label. A spelled-out word (``at``, ``dot``, ``艾特``, ``点``) is prose as
often as an address, so an address written with one must end in a common top-level domain
(``name at 163 dot com``, not ``look at this.thing`` or ``艾特我。谢谢``); so must a domain
ending in Chinese (``例子.中国``, not ``@小王。谢谢``). The local part is the run of letters,
digits and ``._%+-`` before the at-sign in one script (``邮箱zhang@`` → ``zhang``).

QQ numbers (5–11 digits, not starting with 0, blanks or one mark between digit groups) follow
a label: QQ、QQ号、QQ号码、扣扣、企鹅号, then blanks, a colon or 是/为. WeChat ids (6–20
letters, digits, _ or -, starting with a letter) follow 微信、微信号、vx、wx、weixin (any case)
the same way; a ``wxid_`` id needs no label. Q号, QQ群 and 微信群 are not labels.

Each scan is linear: addresses are grown outwards from each at-sign and never past the one
before or after it; the label patterns are bounded regular expressions.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Hit(NamedTuple):
    start: int  # position in the text
    what: str  # what was found, in Chinese with the data masked
    rule: str  # the rule it breaks (generator.sources.rules)


_OPEN, _CLOSE = r"[(\[{<【〔]", r"[)\]}>】〕]"
_AT = re.compile(
    rf" {{0,3}}(?:@|%40|{_OPEN} ?at ?{_CLOSE}) {{0,3}}"
    r"|(?P<word> {1,3}at {1,3}| {0,3}艾特 {0,3})",
    re.I,
)
_DOT = re.compile(
    rf"\.| {{0,2}}{_OPEN} ?dot ?{_CLOSE} {{0,2}}|(?P<word> {{1,2}}dot {{1,2}}|点(?=[A-Za-z0-9]))",
    re.I,
)
# a domain label: ASCII letters and digits, or any other letters (例子.中国), hyphens inside
_LABEL = re.compile(r"[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*|[^\W_点]+(?:-+[^\W_点]+)*")
_LOCAL_EXTRA = frozenset("._%+-")
_COMMON_TLDS = frozenset(
    "com cn net org edu gov info biz io me cc tv co top xyz vip site online tech club shop ltd "
    "wang ink work email mail mobi name pro asia hk mo tw us uk jp kr sg de fr ru ca au "
    "中国 中國 公司 网络 网址 在线 集团 商城 手机 香港 台湾 台灣 澳门 澳門".split()
)

# between a label and what it labels (QQ号：…, 微信 …), and between the digit groups of a number
_QQ_GAP = r"[ :=./_、-]{0,8}(?:是|为)?[ :]{0,3}"
_WECHAT_GAP = r"[ :=-]{0,8}(?:是|为)?[ :]{0,3}"  # not wx.request, a mini-program's code
_DIGIT_GAP = r"(?: {0,6}| {0,2}[-./_、] {0,2})"
_QQ = re.compile(
    r"(?<![A-Za-z])(?:(?:qq|扣扣)(?:号码|号)?|企鹅号码?)"
    rf"{_QQ_GAP}(?P<number>[1-9](?:{_DIGIT_GAP}[0-9]){{4,10}})(?![0-9])",
    re.I,
)
_WECHAT = re.compile(
    r"(?:微信|(?<![A-Za-z0-9])(?:vx|wx|weixin)(?![A-Za-z]))(?:号码|号)?"
    rf"{_WECHAT_GAP}([A-Za-z][A-Za-z0-9_-]{{5,19}})(?![A-Za-z0-9_-])"
    r"|(?<![A-Za-z0-9_])(wxid_[A-Za-z0-9]{4,30})(?![A-Za-z0-9_-])",
    re.I,
)
_NOT_AN_ID = frozenset(("wechat", "weixin"))  # 微信 WeChat: the name, not an id
_AT_HINT = re.compile(r"@|%40|at|艾特", re.I)  # in every at-sign: most text has none


def emails(text: str, normal: str) -> list[Hit]:
    """Addresses grown from each at-sign: a local part to the left and a domain with a dot to
    the right, neither reaching past a neighbouring at-sign. ``text`` is what was written
    (``normal`` folds 张三 to 张3, so only the writing tells which script a character is in)."""
    if not _AT_HINT.search(normal):
        return []
    found, floor = [], 0
    ats = list(_AT.finditer(normal))
    for index, at in enumerate(ats):
        ceiling = ats[index + 1].start() if index + 1 < len(ats) else len(normal)
        start = _local_start(text, normal, floor, at.start())
        labels, spelled = _domain(normal, at.end(), ceiling) if start < at.start() else ([], False)
        if _is_domain(labels, spelled or at.group("word") is not None):
            end = min(start + 2, at.start())
            shown = _shown(text[start:end], normal[start:end])
            found.append(Hit(start, f"电子邮箱「{shown}***@{'.'.join(labels)}」", rule="pii-email"))
        floor = at.end()
    return found


def _local_start(text: str, normal: str, floor: int, at: int) -> int:
    """Where the local part before ``at`` begins: letters, digits and ._%+- written in one
    script, Latin (邮箱zhang@ → zhang) or not (张三@), never before ``floor``."""
    if at <= floor:
        return at
    latin = _is_latin(text[at - 1])
    start = at
    while start > floor and _local_char(normal[start - 1]) and _is_latin(text[start - 1]) == latin:
        start -= 1
    return start


def _local_char(char: str) -> bool:
    return char.isalnum() or char in _LOCAL_EXTRA


def _is_latin(char: str) -> bool:
    """ASCII or its full-width form."""
    return char.isascii() or "\uff01" <= char <= "\uff5e"


def _shown(written: str, normal: str) -> str:
    """Latin characters as normalised (ｚ → z), others as written (张三, not 张3)."""
    return "".join(n if _is_latin(w) else w for w, n in zip(written, normal, strict=True))


def _domain(normal: str, position: int, ceiling: int) -> tuple[list[str], bool]:
    """The labels of the domain starting at ``position``, and whether a dot was spelled out."""
    labels: list[str] = []
    spelled = False
    while True:
        label = _LABEL.match(normal, position, ceiling)
        if label is None:
            return labels, spelled
        labels.append(label.group())
        dot = _DOT.match(normal, label.end(), ceiling)
        if dot is None or _LABEL.match(normal, dot.end(), ceiling) is None:
            return labels, spelled
        spelled = spelled or dot.group("word") is not None
        position = dot.end()


def _is_domain(labels: list[str], spelled: bool) -> bool:
    """Two labels or more, the last not a number; a common top-level domain when the address is
    spelled out or ends in Chinese (小王。谢谢 after an @ is a sentence, 例子.中国 a domain)."""
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    return labels[-1].lower() in _COMMON_TLDS or not spelled and labels[-1].isascii()


_ACCOUNT_HINT = re.compile(r"qq|扣扣|企鹅|微信|vx|wx|weixin", re.I)  # in every label


def accounts(normal: str) -> list[Hit]:
    """QQ numbers and WeChat ids after their label, masked."""
    if not _ACCOUNT_HINT.search(normal):
        return []
    found = [
        Hit(m.start("number"), f"QQ号「{_mask_digits(m.group('number'))}」", rule="pii-qq")
        for m in _QQ.finditer(normal)
    ]
    for match in _WECHAT.finditer(normal):
        index = 1 if match.group(1) is not None else 2
        account = match.group(index)
        if account.lower() not in _NOT_AN_ID:
            found.append(Hit(match.start(index), f"微信号「{account[:2]}****」", rule="pii-wechat"))
    return sorted(found)


def _mask_digits(written: str) -> str:
    """123****78 for eight digits or more, 1****5 for fewer: never the whole number."""
    number = "".join(c for c in written if c.isdigit())
    head, tail = (3, 2) if len(number) >= 8 else (1, 1)
    return f"{number[:head]}****{number[-tail:]}"
