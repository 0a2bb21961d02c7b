"""Residents' personal data that must never be published: phone numbers, ID numbers, e-mail.

Text is normalised before matching, because editors paste numbers in every form: full-width
digits and punctuation (１３８－…, ＠), spaces, dots, dashes or a line break inside a number,
a +86 / 0086 prefix, an area code in brackets. Normalising keeps every character's position,
so a finding can still point at its line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# full-width ASCII (！ to ～) → ASCII; every dash and the ideographic space → ASCII
_NORMALISE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_NORMALISE |= {ord(dash): "-" for dash in "‐‑‒–—―−﹣"} | {0x3000: " ", 0x00A0: " "}

# a run of digit groups with at most two separators between groups; an ID may end in X
_RUN = re.compile(  # at least seven digits: no phone or ID number is shorter
    r"(?<![\dA-Za-z+])\+?\d(?:[ \t\n.()\-]{0,2}\d){6,}(?:[ \t\n.\-]{0,2}[Xx])?(?![\dA-Za-z])"
)
_GROUP = re.compile(r"\+?\d+[Xx]?|[Xx]")
_EMAIL = re.compile(r"[\w.%+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class Finding:
    what: str  # a Chinese description with the number masked
    start: int  # position in the original text


def normalise(text: str) -> str:
    """Same length as ``text``: full-width forms and dashes become their ASCII equivalents."""
    return text.translate(_NORMALISE)


def personal_information(text: str) -> list[Finding]:
    normal = normalise(text)
    found = [f for run in _RUN.finditer(normal) for f in _findings_in_run(run)]
    found += [Finding(_mask_email(m.group(0)), m.start()) for m in _EMAIL.finditer(normal)]
    return sorted(found, key=lambda f: f.start)


def _findings_in_run(run: re.Match) -> list[Finding]:
    """Numbers in a run of digit groups: 138 1234 5678 139 8765 4321 holds two."""
    groups = [(m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run[0])]
    found, first = [], 0
    while first < len(groups):
        for last in range(len(groups) - 1, first - 1, -1):
            start, end = groups[first][0], groups[last][1]
            finding = _classify(run.string[start:end], start)
            if finding:
                found.append(finding)
                first = last + 1
                break
        else:
            first += 1
    return found


def _classify(written: str, start: int) -> Finding | None:
    digits = re.sub(r"[^\dXx]", "", written).upper()
    national = re.sub(r"^(?:0086|86)(?=1[3-9]\d{9}$)", "", digits)
    if re.fullmatch(r"1[3-9]\d{9}", national):
        return Finding(f"手机号「{national[:3]}****{national[-4:]}」", start)
    if re.fullmatch(r"\d{17}[\dX]", digits) and _looks_like_resident_id(digits):
        note = "" if is_resident_id(digits) else "（校验位不符，可能是输错的身份证号）"
        return Finding(f"身份证号「{digits[:6]}********{digits[-4:]}」{note}", start)
    landline = _landline(digits)
    return Finding(landline, start) if landline else None


def _landline(digits: str) -> str | None:
    """0 + area code + a 7–8 digit number (0871-12345678, (010) 1234 5678), masked."""
    if not re.fullmatch(r"0\d{9,11}", digits):
        return None
    area = digits[:3] if digits[1] in "12" else digits[:4]  # 010 and 02x have short codes
    if area[1] == "0" and area != "010" or not 7 <= len(digits) - len(area) <= 8:
        return None
    return f"固定电话「{area}-****{digits[-4:]}」"


def _looks_like_resident_id(digits: str) -> bool:
    """Region code 11–82 and a real birth date: a typo in the check digit is still an ID."""
    if not "11" <= digits[:2] <= "82":
        return False
    try:
        born = datetime.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return born.year >= 1900


def is_resident_id(number: str) -> bool:
    """An 18-character resident ID with a valid birth date and GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dXx]", number) or not _looks_like_resident_id(number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _mask_email(address: str) -> str:
    local, domain = address.split("@", 1)
    return f"电子邮箱「{local[:2]}***@{domain}」"
