"""Residents' personal data that must never be published: phone numbers, ID numbers, e-mail.

Text is normalised before matching, because editors paste numbers in every form: full-width
digits and punctuation (１３８－…, ＠, 。), any Unicode space, dash or dot, invisible characters
from Word and web pages (U+200B, U+00AD, ``&nbsp;``), separators such as / _ 、 between digit
groups, a +86 / 0086 prefix, an area code in brackets. Normalising keeps every character's
position, so a finding can still point at its line.

Every scan is linear in the length of the text: digit groups are found once and each group
starts at most a fixed number of candidate numbers; e-mail addresses are grown outwards from
each @ and never past the previous one.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

# what separates the digit groups of one written number, after normalising
_SEPARATORS = frozenset(" -./_,、()")
_MAX_GAP = 6  # "138 - 1234", "(0871) 6512", "138&nbsp;1234"
_MAX_MARKS = 3  # separators in a gap that are not spaces
_DOTS = "。．｡·・･‧∙⋅•"
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_GROUP = re.compile(r"\d+(?:[Xx](?![A-Za-z]))?")
_AT = re.compile(r"@|%40")
_LOCAL_EXTRA = frozenset("._%+-")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# lengths (in digits) a phone, landline or ID number can be written with
_LENGTHS = (18, 15, 13, 12, 11, 10)


@dataclass(frozen=True)
class Finding:
    what: str  # a Chinese description with the number masked
    start: int  # position in the original text


def _fold(char: str) -> str:
    """One character as the scanners see it: ASCII digits and marks, spaces for blanks."""
    if "\uff01" <= char <= "\uff5e":  # full-width ASCII
        char = chr(ord(char) - 0xFEE0)
    if char.isascii():
        return " " if char in "\t\n\r\f\v" else char
    if char in _DOTS:
        return "."
    category = unicodedata.category(char)
    if category == "Pd" or char in "\u2212\u2043":  # dashes, minus sign, hyphen bullet
        return "-"
    if category in ("Zs", "Zl", "Zp", "Cf"):  # spaces and invisible format characters
        return " "
    return char


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
    normal = normalise(text)
    found = [f for run in _runs(normal) for f in _numbers_in_run(normal, run)]
    found += _emails(normal)
    return sorted(found, key=lambda f: f.start)


def _runs(normal: str) -> list[list[tuple[int, int]]]:
    """Digit groups that belong to one written number: only separators stand between them."""
    runs: list[list[tuple[int, int]]] = []
    last_end = -_MAX_GAP - 1
    for match in _GROUP.finditer(normal):
        start, end = match.span()
        if runs and _is_gap(normal, last_end, start):
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
        last_end = end
    return runs


def _is_gap(normal: str, start: int, end: int) -> bool:
    if end - start > _MAX_GAP or end < start:
        return False
    gap = normal[start:end]
    return all(c in _SEPARATORS for c in gap) and sum(c != " " for c in gap) <= _MAX_MARKS


def _numbers_in_run(normal: str, run: list[tuple[int, int]]) -> list[Finding]:
    """Numbers in a run of digit groups (138 1234 5678 139 8765 4321 holds two): from each
    group, the longest number ending at a group boundary, then on after it."""
    texts = [normal[start:end].upper() for start, end in run]
    ends, total = {}, 0
    for index, group in enumerate(texts):
        total += len(group)
        ends[total] = index
    found, first, offset = [], 0, 0
    while first < len(run):
        finding, last = _longest_number(texts, ends, first, offset, run[first][0])
        if finding is None:
            offset += len(texts[first])
            first += 1
            continue
        found.append(finding)
        offset += sum(len(texts[i]) for i in range(first, last + 1))
        first = last + 1
    return found


def _longest_number(texts, ends, first: int, offset: int, start: int):
    if texts[first][0] not in "012345678":
        return None, first
    for length in _LENGTHS:
        last = ends.get(offset + length)
        if last is None or last < first:
            continue
        finding = _classify("".join(texts[first:last + 1]), start)
        if finding is not None:
            return finding, last
    return None, first


def _classify(digits: str, start: int) -> Finding | None:
    national = digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    national = national[4:] if national.startswith("0086") and len(national) == 15 else national
    if len(national) == 11 and national[0] == "1" and national[1] in "3456789" and (
            national.isdigit()):
        return Finding(f"手机号「{national[:3]}****{national[-4:]}」", start)
    if len(digits) == 18 and digits[:17].isdigit() and _looks_like_resident_id(digits):
        note = "" if is_resident_id(digits) else "（校验位不符，可能是输错的身份证号）"
        return Finding(f"身份证号「{digits[:6]}********{digits[-4:]}」{note}", start)
    if len(digits) == 15 and digits.isdigit() and _looks_like_old_resident_id(digits):
        return Finding(f"身份证号「{digits[:6]}******{digits[-3:]}」（15 位旧号码）", start)
    landline = _landline(digits)
    return Finding(landline, start) if landline else None


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
    return ("11" <= digits[:2] <= "82" and int(digits[6:10]) >= 1900
            and _born(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])))


def _looks_like_old_resident_id(digits: str) -> bool:
    """The 15-digit first-generation number: region, YYMMDD (19YY), a sequence number."""
    return "11" <= digits[:2] <= "82" and _born(
        1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))


def is_resident_id(number: str) -> bool:
    """An 18-character resident ID with a valid birth date and GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dXx]", number) or not _looks_like_resident_id(number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _emails(normal: str) -> list[Finding]:
    """Addresses grown from each @ (or its URL form %40): a local part to the left and a
    domain with a dot to the right, neither reaching past a neighbouring @."""
    found, floor = [], 0
    ats = list(_AT.finditer(normal))
    for index, at in enumerate(ats):
        ceiling = ats[index + 1].start() if index + 1 < len(ats) else len(normal)
        start = at.start()
        while start > floor and _local_char(normal[start - 1]):
            start -= 1
        end = at.end()
        while end < ceiling and _domain_char(normal[end]):
            end += 1
        domain = normal[at.end():end].rstrip(".-")
        if start < at.start() and _is_domain(domain):
            local = normal[start:at.start()]
            found.append(Finding(f"电子邮箱「{local[:2]}***@{domain}」", start))
        floor = at.end()
    return found


def _local_char(char: str) -> bool:
    return char.isalnum() or char in _LOCAL_EXTRA


def _domain_char(char: str) -> bool:
    return char.isalnum() or char in ".-"


def _is_domain(domain: str) -> bool:
    labels = domain.split(".")
    return len(labels) >= 2 and all(
        label and not label.startswith("-") and not label.endswith("-") for label in labels
    ) and not labels[-1].isdigit()
