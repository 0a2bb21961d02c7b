import itertools

import pytest

from generator.sources.pii import normalise, personal_information
from generator.sources.pii_address import home_addresses
from tests.sources.test_pii import SEPARATORS, SPELLINGS, missed, spell


def _found(text: str) -> list[str]:
    return [f.what for f in personal_information(text)]


@pytest.mark.parametrize(
    "text, shown",
    [
        ("某某住幸福小区3栋2单元501室", "3栋2单元***室"),
        ("3幢2单元501", "3幢2单元***"),
        ("3号楼2单元501室", "3号楼2单元***室"),
        ("三栋二单元五〇一室", "3栋2单元***室"),
        ("3栋501室", "3栋***室"),
        ("2单元501号", "2单元***号"),
        ("3-2-501室", "3-2-***室"),
        ("3号楼501", "3号楼***"),
        ("3号楼501，", "3号楼***"),
        ("A座1201室", "A座***室"),
        ("3栋5楼501室", "3栋5楼***室"),
        ("3栋 2单元 501室", "3栋2单元***室"),
        ("十二栋三单元六〇二室", "十2栋3单元***室"),
        ("3栋2单元1502户", "3栋2单元***户"),
        ("2单元301号房", "2单元***号房"),
        ("82号院3栋2单元501室", "3栋2单元***室"),
        ("3号2单元501室", "2单元***室"),
        ("3-2-501户", "3-2-***户"),
        ("3栋/501室", "3栋***室"),
    ],
)
def test_a_room_with_its_building_or_unit_is_a_home(text, shown):
    assert _found(text) == [f"住址「{shown}」"]


@pytest.mark.parametrize(
    "text",
    [
        # the article's own places and counts
        "致果巷2号及5号",
        "82号院",
        "45号院",
        "兴华街71号",
        "党群服务中心",
        "第3网格",
        "1栋楼",
        "10个楼栋",
        "3个单元",
        "二单元党小组",
        "32栋",
        "每栋楼",
        "楼栋长",
        "单元长",
        "建立楼栋党小组32个",
        "在小区设立楼栋党小组",
        "3栋2单元党小组",
        "共有32栋楼，1200户",
        "共12栋、560户",
        # a floor, a street number, a count after a unit, the short form without a room word
        "5楼501室",
        "501室",
        "3-2-501",
        "2单元120人",
        "第3单元120分钟",
        "3栋12个党员",
        "2021-06-1501室",
    ],
)
def test_places_and_counts_are_not_homes(text):
    assert _found(text) == []


def test_the_address_is_found_where_the_building_or_unit_starts():
    text = "居民某某住幸福小区3栋2单元501室，另一户住2单元301号"
    assert home_addresses(normalise(text)) == [
        (9, "住址「3栋2单元***室」", "pii-address"),
        (23, "住址「2单元***号」", "pii-address"),
    ]


# every home address × every way of writing its digits × every separator between its parts

ADDRESSES = {
    "栋、单元、室": (["3栋", "2单元", "501室"], "住址「3栋2单元***室」"),
    "号楼、室": (["3号楼", "501室"], "住址「3号楼***室」"),
    "单元、号": (["2单元", "501号"], "住址「2单元***号」"),
    "幢、单元、门牌": (["3幢", "2单元", "501"], "住址「3幢2单元***」"),
}
# blanks, a dash and a slash join the parts of an address; 、 . _ · do not (12栋、560户 is two
# counts), so they are left out here
ADDRESS_SEPARATORS = [name for name in SEPARATORS if name not in ("、", ".", "_", "·")]


@pytest.mark.parametrize("pattern, spelling", list(itertools.product(ADDRESSES, SPELLINGS)))
def test_every_address_in_every_spelling_with_every_separator(pattern, spelling):
    parts, what = ADDRESSES[pattern]
    prefix = "居民某某住幸福小区"
    cases = {
        name: (
            prefix + SEPARATORS[name].join(spell(parts, spelling)) + "，请勿外传",
            [(what, len(prefix))],
        )
        for name in ADDRESS_SEPARATORS
    }
    assert missed(cases) == {}
