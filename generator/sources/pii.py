"""Residents' personal data that must never be published.

What is found (each a :class:`Finding` with the number masked):

- phone numbers: mobiles (1[3-9] and nine more digits, with or without +86 / 0086) and landlines
  (0, an area code, 7–8 digits); resident ID numbers, 18 characters (a real birth date, a wrong
  check character still counts) or the old 15 digits. A number needs 10 or more digits in one
  run, so counts, dates and years in prose are never one;
- e-mail addresses, also written to dodge a filter (``name (at) 163 dot com``, ``艾特``, ``点``),
  QQ numbers and WeChat ids after their label (``pii_contacts``);
- a resident's home address: a room number with its building or unit (``3栋2单元501室``,
  ``3号楼501``; ``pii_address``).

Where the line is: the article's own places are premises, not homes, and are never found: a
street number (兴华街71号, 致果巷2号及5号), a yard (82号院), a grid (第3网格), a service centre,
counts of buildings and units (32栋, 10个楼栋, 3个单元) and a unit's party group (二单元党小组).
Only a room, together with the building or unit it is in, is somebody's home.

Text is normalised before matching, because editors paste numbers in every form: full-width
digits and punctuation (１３８－…, ＠, 。), any Unicode space, dash or dot, invisible characters
from Word and web pages (U+200B, U+00AD, ``&nbsp;``), separators such as / _ 、 between digit
groups, a +86 / 0086 prefix, an area code in brackets, and digits spelled as Chinese numerals
(一三八, 幺三八, 壹叁捌, 〇/○/零; 两 is a word, not a digit), circled and other enclosed digits
(①, ⑴, ⒈, ❶, ➀, ㈠) and other scripts' digits. Normalising keeps every character's position,
so a finding can still point at its line, and every masked number is shown in ASCII digits.

Every scan is linear in the length of the text: digit groups are found once and each group
starts at most a fixed number of candidate numbers; e-mail addresses are grown outwards from
each @ (or its spelled form) and never past the previous one; the other patterns are bounded
regular expressions.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from generator.sources.pii_address import home_addresses
from generator.sources.pii_contacts import accounts, emails

# what separates the digit groups of one written number, after normalising
_SEPARATORS = re.compile(r"[ \-./_,、()]*")
_MAX_GAP = 6  # "138 - 1234", "(0871) 6512", "138&nbsp;1234"
_MAX_MARKS = 3  # separators in a gap that are not spaces
_DOTS = "。．｡·・･‧∙⋅•"
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_GROUP = re.compile(r"[0-9]+(?:[Xx](?![A-Za-z]))?")
# a group as written: digits (ASCII or full-width) or other characters folded to digits
_ONE_KIND = re.compile(r"[0-9０-９]*[XxＸｘ]?|[^0-9０-９]*")
_KINDS = re.compile(r"[0-9０-９]+[XxＸｘ]?|[^0-9０-９]+")
_WRITTEN_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# lengths (in digits) a phone, landline or ID number can be written with
_LENGTHS = (18, 15, 13, 12, 11, 10)
# digit groups with only separators between them, where the next characters could be a number
_RUN = re.compile(
    rf"(?=[0-9Xx \-./_,、()]{{{_LENGTHS[-1]}}})[0-9]+(?:[Xx](?![A-Za-z]))?"
    rf"(?:[ \-./_,、()]{{0,{_MAX_GAP}}}[0-9]+(?:[Xx](?![A-Za-z]))?)*"
)
# Chinese numerals for 0–9, 小写 (with 幺, said for 1 in phone numbers) and 大写; 两 is a word
_CHINESE_DIGITS = {
    char: str(value)
    for value, chars in enumerate(
        ("〇○零", "一幺壹", "二贰貳", "三叁叄", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖")
    )
    for char in chars
}
# enclosed forms Unicode gives a numeric value but no digit value (㈠ ㊀ 〡 🄋)
_DIGIT_NAMES = ("DIGIT", "IDEOGRAPH", "HANGZHOU NUMERAL")


@dataclass(frozen=True)
class Finding:
    what: str  # a Chinese description with the number masked
    start: int  # position in the original text
    rule: str  # the rule it breaks, one per kind of data (generator.sources.rules)


def _fold(char: str) -> str:
    """One character as the scanners see it: ASCII digits and marks, spaces for blanks."""
    if "\uff01" <= char <= "\uff5e":  # full-width ASCII
        char = chr(ord(char) - 0xFEE0)
    if char.isascii():
        return " " if char in "\t\n\r\f\v" else char
    if char in _DOTS:
        return "."
    digit = _digit(char)
    if digit is not None:
        return digit
    category = unicodedata.category(char)
    if category == "Pd" or char in "\u2212\u2043":  # dashes, minus sign, hyphen bullet
        return "-"
    if category in ("Zs", "Zl", "Zp", "Cf"):  # spaces and invisible format characters
        return " "
    return char


def _digit(char: str) -> str | None:
    """The ASCII digit a single character stands for: a Chinese numeral, any script's decimal
    digit, a circled, parenthesised or otherwise enclosed 0–9 (never ⑩ and above)."""
    if char in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[char]
    value = unicodedata.digit(char, None)
    if (
        value is None
        and unicodedata.category(char) in ("No", "Nl")
        and any(word in unicodedata.name(char, "") for word in _DIGIT_NAMES)
    ):
        number = unicodedata.numeric(char)
        value = int(number) if number in range(10) else None
    return None if value is None else str(value)


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (C speed after)."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold(chr(code))
        return self[code]


_TABLE = _FoldTable()


def normalise(text: str) -> str:
    """Same length as ``text``: every character folded (see :func:`_fold`), and character
    references such as ``&nbsp;`` blanked out, since pasted HTML leaves them between digits."""
    folded = text.translate(_TABLE)
    if "&" in folded:
        folded = _ENTITY.sub(lambda m: " " * len(m.group(0)), folded)
    return folded


def personal_information(text: str) -> list[Finding]:
    """Every phone or ID number, e-mail address, QQ number, WeChat id and home address in
    ``text``, in the order they appear."""
    normal = normalise(text)
    found = [f for run in _runs(text, normal) for f in _numbers_in_run(normal, run)]
    numbers = {f.start for f in found}  # a QQ number that is also a mobile is found once
    hits = [hit for hit in accounts(normal) if hit.start not in numbers]
    hits += emails(text, normal) + home_addresses(normal)
    found += [Finding(hit.what, hit.start, hit.rule) for hit in hits]
    return sorted(found, key=lambda f: f.start)


_Group = tuple[int, int, bool]  # start, end, spelled (not written with digits)


def _runs(text: str, normal: str) -> Iterator[list[_Group]]:
    """Digit groups that belong to one written number (only separators stand between them),
    each run long enough to hold one; stretches too short to be one are skipped by ``_RUN``."""
    for stretch in _RUN.finditer(normal):
        run: list[_Group] = []
        for match in _GROUP.finditer(normal, *stretch.span()):
            start, end = match.span()
            written = text[start:end]
            for group in [(start, end, False)] if written.isascii() else _pieces(written, start):
                if run and not _is_gap(normal, run[-1][1], group[0]):
                    yield from _long_enough(run)
                    run = []
                run.append(group)
        yield from _long_enough(run)


def _long_enough(run: list[_Group]) -> list[list[_Group]]:
    return [run] if run[-1][1] - run[0][0] >= _LENGTHS[-1] else []


def _pieces(written: str, start: int) -> list[_Group]:
    """A digit group split where the writing changes between digits and spelled digits:
    张三13812345678 is a name and a number, not 313812345678."""
    if _ONE_KIND.fullmatch(written):
        return [(start, start + len(written), written[0] not in _WRITTEN_DIGITS)]
    return [
        (start + piece.start(), start + piece.end(), piece.group()[0] not in _WRITTEN_DIGITS)
        for piece in _KINDS.finditer(written)
    ]


def _is_gap(normal: str, start: int, end: int) -> bool:
    if end - start > _MAX_GAP or end < start:
        return False
    gap = normal[start:end]
    return _SEPARATORS.fullmatch(gap) is not None and len(gap) - gap.count(" ") <= _MAX_MARKS


def _numbers_in_run(normal: str, run: list[_Group]) -> list[Finding]:
    """Numbers in a run of digit groups (138 1234 5678 139 8765 4321 holds two): from each
    group, the longest number ending at a group boundary, then on after it. A spelled group
    may also start one character in (张三一三八…: the name's 三 is not part of the number)."""
    texts = [normal[start:end].upper() for start, end, _ in run]
    ends, total = {}, 0
    for index, group in enumerate(texts):
        total += len(group)
        ends[total] = index
    found: list[Finding] = []
    first, offset = 0, 0
    while first < len(run):
        finding, last = _longest_number(texts, ends, first, offset, run[first][0])
        if finding is None and run[first][2] and len(texts[first]) > 1:
            finding, last = _longest_number(texts, ends, first, offset, run[first][0], 1)
        if finding is None:
            offset += len(texts[first])
            first += 1
            continue
        found.append(finding)
        offset += sum(len(texts[i]) for i in range(first, last + 1))
        first = last + 1
    return found


def _longest_number(
    texts: list[str], ends: dict[int, int], first: int, offset: int, start: int, skip: int = 0
) -> tuple[Finding | None, int]:
    if texts[first][skip] not in "012345678":
        return None, first
    for length in _LENGTHS:
        last = ends.get(offset + skip + length)
        if last is None or last < first:
            continue
        finding = _classify("".join(texts[first : last + 1])[skip:], start + skip)
        if finding is not None:
            return finding, last
    return None, first


def _classify(digits: str, start: int) -> Finding | None:
    national = digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    national = national[4:] if national.startswith("0086") and len(national) == 15 else national
    if (
        len(national) == 11
        and national[0] == "1"
        and national[1] in "3456789"
        and (national.isdigit())
    ):
        return Finding(f"手机号「{national[:3]}****{national[-4:]}」", start, rule="pii-phone")
    if len(digits) == 18 and digits[:17].isdigit() and _looks_like_resident_id(digits):
        note = "" if is_resident_id(digits) else "（校验位不符，可能是输错的身份证号）"
        return Finding(
            f"身份证号「{digits[:6]}********{digits[-4:]}」{note}", start, rule="pii-id-number"
        )
    if len(digits) == 15 and digits.isdigit() and _looks_like_old_resident_id(digits):
        return Finding(
            f"身份证号「{digits[:6]}******{digits[-3:]}」（15 位旧号码）",
            start,
            rule="pii-id-number",
        )
    landline = _landline(digits)
    return Finding(landline, start, rule="pii-landline") if landline else None


def _landline(digits: str) -> str | None:
    """0 + area code + a 7–8 digit number (0871-12345678, (010) 1234 5678), masked."""
    if not (10 <= len(digits) <= 12 and digits.isdigit() and digits[0] == "0"):
        return None
    area = digits[:3] if digits[1] in "12" else digits[:4]  # 010 and 02x have short codes
    if area[1] == "0" or not 7 <= len(digits) - len(area) <= 8:
        return None
    return f"固定电话「{area}-****{digits[-4:]}」"


def _born(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _looks_like_resident_id(digits: str) -> bool:
    """Region code 11–82 and a real birth date: a typo in the check digit is still an ID."""
    return (
        "11" <= digits[:2] <= "82"
        and int(digits[6:10]) >= 1900
        and _born(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    )


def _looks_like_old_resident_id(digits: str) -> bool:
    """The 15-digit first-generation number: region, YYMMDD (19YY), a sequence number."""
    return "11" <= digits[:2] <= "82" and _born(
        1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    )


def is_resident_id(number: str) -> bool:
    """An 18-character resident ID with a valid birth date and GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dXx]", number) or not _looks_like_resident_id(number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()
