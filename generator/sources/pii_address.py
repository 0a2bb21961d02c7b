"""A resident's home address in normalised text (``pii.normalise``: Chinese numerals already
folded, so 三栋二单元五〇一室 reads 3栋2单元501室).

A home is a room number together with the building or the unit it is in, written next to each
other (only blanks, a dash or a slash between them, a floor allowed before the room):

- a building: digits (十 allowed: 十二栋) or one letter, and 栋、幢、号楼 or 座 — 5楼 alone is a
  floor, and a floor and a room (5楼501室) are not an address;
- a unit: digits and 单元;
- a room: 2–5 digits and 室、户、房、号房 or 号, or 3–5 bare digits right after the building or
  unit (3号楼501, 2单元501) when no counter or measure follows (2单元120人 is a count);
- or the short form building-unit-room: 3-2-501室 (only with 室、户 or 号房).

、 and ， do not join the parts: 12栋、560户 is two counts. The article's own places are not
homes and never match: a street number (兴华街71号, 致果巷2号及5号), a yard (82号院), a grid
(第3网格), a building or unit without a room (32栋, 1栋楼, 二单元党小组) and counts (10个楼栋,
3个单元). Only the room number is masked: 住址「3栋2单元***室」.
"""

from __future__ import annotations

import re

from generator.sources.pii_contacts import Hit

_NUMBER = r"[0-9十]{1,4}"
_BUILDING = rf"(?:(?<![A-Za-z])[A-Za-z]|{_NUMBER})(?:号楼|栋|幢|座)"
_UNIT = r"[0-9十]{1,2}单元"
_FLOOR = r"[0-9十]{1,2}[楼层]"
_GAP = r"[ /-]{0,6}"  # blanks (&nbsp; is six), a dash or a slash
_BLANKS = re.compile(r"[ /-]")
# after a bare number, what makes it a count or a measure rather than a room
_COUNTERS = "人名个次位家套间元角万千百亿余多平米年月日天时分秒周期页篇章节课岁项件条张本份台辆%."
_ROOM = (
    rf"(?P<room>[0-9]{{2,5}})(?P<suffix>号房|室|户|房|号(?!院|楼))"
    rf"|(?P<bare>[0-9]{{3,5}})(?![0-9]|[{_COUNTERS}]|栋|幢|座|楼|层|单元)"
)
_ADDRESS = re.compile(
    rf"(?<![0-9十])(?P<place>{_BUILDING}{_GAP}(?:{_UNIT}{_GAP})?|{_UNIT}{_GAP})"
    rf"(?P<floor>{_FLOOR}{_GAP})?(?:{_ROOM})"
    rf"|(?<![0-9-])(?P<short>[0-9]{{1,3}}-[0-9]{{1,2}}-)(?P<short_room>[0-9]{{2,5}})"
    r"(?P<short_suffix>室|户|号房)"
)


# every address has one of these: most text has none and skips the scan
_HINT = re.compile(r"[栋幢座楼元室户房]")


def home_addresses(normal: str) -> list[Hit]:
    """Each building or unit with its room, masked: 住址「3栋2单元***室」."""
    if not _HINT.search(normal):
        return []
    return [
        Hit(match.start(), f"住址「{_masked(match)}」", rule="pii-address")
        for match in _ADDRESS.finditer(normal)
    ]


def _masked(match: re.Match[str]) -> str:
    if match.group("short") is not None:
        return f"{match.group('short')}***{match.group('short_suffix')}"
    place = _BLANKS.sub("", match.group("place") + (match.group("floor") or ""))
    return f"{place}***{match.group('suffix') or ''}"
