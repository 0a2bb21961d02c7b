import itertools

import pytest

from generator.sources.pii import is_resident_id, normalise, personal_information
from tests.conftest import REPO


def _found(text: str) -> list[str]:
    return [f.what for f in personal_information(text)]


@pytest.mark.parametrize(
    "text",
    [
        "联系13812345678",
        "１３８１２３４５６７８",
        "１３８－１２３４－５６７８",
        "138 1234 5678",
        "138.1234.5678",
        "138-1234-\n5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "8613812345678",
        "0086 138 1234 5678",
        # spellings editors really produce: spaced dashes, slashes, middle dots, underscores,
        # enumeration commas, and invisible characters from Word and web pages
        "138 - 1234 - 5678",
        "138/1234/5678",
        "138·1234·5678",
        "138・1234・5678",
        "138_1234_5678",
        "138、1234、5678",
        "138\u200b1234\u200b5678",
        "138\u20091234\u20095678",
        "138\u202f1234\u202f5678",
        "138\u00ad1234\u00ad5678",
        "138\u20601234\ufeff5678",
        "138&nbsp;1234&nbsp;5678",
        "138&#160;1234&#xa0;5678",
        "Tel13812345678",
        "TEL:13812345678",
        "138—1234—5678",
        "138–1234–5678",
        "138−1234−5678",
    ],
)
def test_mobile_numbers_in_every_written_form(text):
    assert _found(text) == ["手机号「138****5678」"]


@pytest.mark.parametrize(
    "text, shown",
    [
        ("0871-12345678", "0871-****5678"),
        ("（0871）65123456", "0871-****3456"),
        ("(010) 1234 5678", "010-****5678"),
        ("电话：0871 6512 3456", "0871-****3456"),
        ("021-1234567", "021-****4567"),
    ],
)
def test_landline_numbers_with_area_codes(text, shown):
    assert _found(text) == [f"固定电话「{shown}」"]


@pytest.mark.parametrize(
    "text, shown",
    [
        ("zhang.san@example.com", "zh***@example.com"),
        ("张三@example.com", "张三***@example.com"),
        ("zhang@例子.中国", "zh***@例子.中国"),
        ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zh***@example.com"),
        ("zhangsan@163。com", "zh***@163.com"),
        ("zhangsan＠qq。com", "zh***@qq.com"),
        ("来源 https://example.org/?contact=zhang%40example.com", "zh***@example.com"),
    ],
)
def test_email_addresses_ascii_or_not(text, shown):
    assert _found(text) == [f"电子邮箱「{shown}」"]


def test_resident_ids_valid_or_with_a_mistyped_check_digit():
    assert _found("身份证 11010519491231002X") == ["身份证号「110105********002X」"]
    [typo] = _found("身份证 110105194912310021")
    assert typo.startswith("身份证号「110105********0021」") and "校验位" in typo
    assert _found("１１０１０５ １９４９１２３１ ００２Ｘ") == ["身份证号「110105********002X」"]


def test_first_generation_fifteen_digit_ids():
    assert _found("身份证 530102900101123") == ["身份证号「530102******123」（15 位旧号码）"]
    assert _found("编号 530102901301123") == []  # month 13: not a date, not an ID


def test_several_numbers_in_one_run_are_each_found():
    assert _found("13812345678 13912345678") == ["手机号「138****5678」", "手机号「139****5678」"]


def test_ordinary_numbers_are_not_personal_information():
    text = (
        "共 1404 个小区、18 个街道，2021-06-15，3.5 万元，2019.10.1，编号 123456789012，"
        "304 个党支部，档案 A-2021-0035"
    )
    assert _found(text) == []


def test_each_kind_of_data_names_its_own_rule():
    text = (
        "手机 13812345678；电话 0871-65123456；身份证 110105194912310021；"
        "旧身份证 110105491231002；邮箱 zhang@163.com；QQ号 12345678；"
        "微信 zhangsan_1990；住 3栋2单元501室"
    )
    assert [f.rule for f in personal_information(text)] == [
        "pii-phone",
        "pii-landline",
        "pii-id-number",
        "pii-id-number",
        "pii-email",
        "pii-qq",
        "pii-wechat",
        "pii-address",
    ]


def test_findings_keep_their_position_in_the_original_text():
    text = "第一行\n第二行 １３８１２３４５６７８"
    [finding] = personal_information(text)
    assert text[finding.start] == "１" and len(normalise(text)) == len(text)


def test_resident_id_check_digit():
    assert is_resident_id("11010519491231002X")
    assert not is_resident_id("110105194912310021")
    assert not is_resident_id("110105194913310027")  # month 13


# --- boundaries and positions, pinned so that mutation testing finds no gap (README "测试") --

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643-1999


def _with_check(first17: str) -> str:
    """An 18-character ID: ``first17`` and its check character, computed independently."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


@pytest.mark.parametrize(
    "char, folded",
    [
        ("１", "1"),
        ("！", "!"),
        ("～", "~"),
        ("\uff00", "\uff00"),
        ("\uff5f", "\uff5f"),
        ("\t", " "),
        ("\n", " "),
        ("\f", " "),
        ("\v", " "),
        ("a", "a"),
        ("-", "-"),
        ("。", "."),
        ("·", "."),
        ("•", "."),
        ("—", "-"),
        ("–", "-"),
        ("\u2212", "-"),
        ("\u2043", "-"),
        ("\u3000", " "),
        ("\u2028", " "),
        ("\u2029", " "),
        ("\u200b", " "),
        ("中", "中"),
        ("、", "、"),
        ("Ａ", "A"),
        # digits spelled out: Chinese numerals, enclosed digits, other scripts
        ("〇", "0"),
        ("零", "0"),
        ("○", "0"),
        ("一", "1"),
        ("幺", "1"),
        ("二", "2"),
        ("九", "9"),
        ("壹", "1"),
        ("贰", "2"),
        ("叁", "3"),
        ("肆", "4"),
        ("伍", "5"),
        ("陆", "6"),
        ("柒", "7"),
        ("捌", "8"),
        ("玖", "9"),
        ("①", "1"),
        ("⑨", "9"),
        ("⓪", "0"),
        ("⓿", "0"),
        ("⑴", "1"),
        ("⒐", "9"),
        ("❶", "1"),
        ("➀", "1"),
        ("➒", "9"),
        ("🄋", "0"),
        ("㈠", "1"),
        ("㊈", "9"),
        ("〡", "1"),
        ("٣", "3"),
        ("३", "3"),
        ("²", "2"),
        # not one digit: a word, ten and above, Roman numerals, fractions, 十
        ("两", "两"),
        ("十", "十"),
        ("⑩", "⑩"),
        ("⑽", "⑽"),
        ("⒑", "⒑"),
        ("❿", "❿"),
        ("㈩", "㈩"),
        ("Ⅲ", "Ⅲ"),
        ("½", "½"),
        ("参", "参"),
        ("仨", "仨"),
    ],
)
def test_each_character_is_folded_the_way_the_scanners_read_it(char, folded):
    from generator.sources.pii import _fold, _FoldTable

    assert _fold(char) == folded
    assert _FoldTable()[ord(char)] == folded  # a fresh table, not the one filled by other tests


def test_findings_point_at_where_the_number_starts():
    text = "联系：13012345678，邮箱 ab@example.com，座机 0871-65123456，证件 " + _with_check(
        "53010219920229001"
    )
    found = personal_information(text)
    assert [(f.what[:2], f.start) for f in found] == [
        ("手机", 3),
        ("电子", 18),
        ("固定", 36),
        ("身份", 53),
    ]
    assert [f.start for f in personal_information("0086 138 1234 5678")] == [0]
    assert [f.start for f in personal_information("甲8613812345678")] == [1]


@pytest.mark.parametrize(
    "first17, found",
    [
        ("11010519491231002", True),
        ("82010519000101001", True),
        ("10010519491231002", False),
        ("83010519491231002", False),
        ("53010218991231001", False),
        ("53010219000101003", True),
        ("53010219920229001", True),
        ("53010219930229001", False),
        ("53010219921301001", False),
    ],
)
def test_an_id_needs_a_region_code_from_11_to_82_and_a_real_birth_date(first17, found):
    number = _with_check(first17)
    assert is_resident_id(number) is found
    assert bool(personal_information(number)) is found
    assert bool(personal_information(number[:17] + ("0" if number[17] != "0" else "1"))) is found


def test_the_check_character_decides_the_note_and_x_may_be_lowercase():
    number = _with_check("11010519491231002")
    assert number.endswith("X") and is_resident_id(number.lower())
    assert _found(number.lower()) == ["身份证号「110105********002X」"]
    wrong = number[:17] + "5"
    assert _found(wrong) == ["身份证号「110105********0025」（校验位不符，可能是输错的身份证号）"]
    assert not is_resident_id(number[:16] + "A" + number[17])


@pytest.mark.parametrize(
    "number, found",
    [
        ("110105491231002", True),
        ("820105000101001", True),
        ("100105491231002", False),
        ("830105491231002", False),
        ("530102920230001", False),
        ("530102921301001", False),
    ],
)
def test_old_fifteen_digit_ids_need_a_region_and_a_date(number, found):
    assert bool(personal_information(number)) is found


@pytest.mark.parametrize(
    "text, found",
    [
        ("13012345678", ["手机号「130****5678」"]),
        ("12812345678", []),  # no mobile number starts 12
        ("0013812345678", []),  # 13 digits: only 86 + a number is a number
        ("008613812345678", ["手机号「138****5678」"]),
        ("0086138123456789", []),
        ("1234567890", []),  # ten digits not starting 0: not a landline
        ("010 123456789", []),  # Beijing's code and 9 more digits: too long
        ("0871 123456", []),  # and too short
        ("0087 1234567", []),  # area codes do not start 00
    ],
)
def test_what_is_and_is_not_a_phone_number(text, found):
    assert _found(text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("138 1234 5678", True),
        ("138      1234 5678", True),  # a gap of six blanks still joins the groups
        ("138       1234 5678", False),  # seven do not
        ("138 -/- 1234 5678", True),  # three marks in a gap
        ("138 -/-- 1234 5678", False),  # four are a different thing
        ("138 x 1234 5678", False),  # a letter ends the number
    ],
)
def test_how_far_apart_the_groups_of_one_number_may_be(text, found):
    assert bool(_found(text)) is found


def test_two_numbers_in_one_run_are_both_found_with_their_positions():
    found = personal_information("138 1234 5678 139 8765 4321 0871 6512 3456")
    assert [(f.what, f.start) for f in found] == [
        ("手机号「138****5678」", 0),
        ("手机号「139****4321」", 14),
        ("固定电话「0871-****3456」", 28),
    ]
    assert [f.start for f in personal_information("7 7 13812345678")] == [4]


@pytest.mark.parametrize(
    "text, shown",
    [
        ("a@b.cn", ["电子邮箱「a***@b.cn」"]),
        ("x@y@mail.example.cn", ["电子邮箱「y***@mail.example.cn」"]),
        ("name@host", []),
        ("name@1.2", []),
        ("name@-a.cn", []),
        ("name@a-.cn", []),
        ("name@a..cn", []),
        ("@a.cn", []),
        ("name@a.cn.", ["电子邮箱「na***@a.cn」"]),
        ("first.last+tag@a.b.cn", ["电子邮箱「fi***@a.b.cn」"]),
        ("张三@例子.中国", ["电子邮箱「张三***@例子.中国」"]),
        ("a@x.123.cn", ["电子邮箱「a***@x.123.cn」"]),
        ("a@x.cn.123", []),
    ],
)
def test_email_addresses_and_things_that_only_look_like_them(text, shown):
    assert _found(text) == shown


def test_a_character_reference_keeps_the_positions_after_it():
    assert [f.start for f in personal_information("&nbsp;&#160;13812345678")] == [12]


# --- digits spelled out: Chinese numerals, enclosed digits, other scripts ---------------------

MOBILE = "手机号「138****5678」"


@pytest.mark.parametrize(
    "text, found",
    [
        ("一三八一二三四五六七八", [(MOBILE, 0)]),
        ("幺三八 一二三四 五六七八", [(MOBILE, 0)]),
        ("壹叁捌壹贰叁肆伍陆柒捌", [(MOBILE, 0)]),
        ("①③⑧①②③④⑤⑥⑦⑧", [(MOBILE, 0)]),
        ("138一二三四5678", [(MOBILE, 0)]),
        ("电话：壹叁捌 壹贰叁肆 伍陆柒捌", [(MOBILE, 3)]),
        ("一一〇一〇五一九四九一二三一〇〇二X", [("身份证号「110105********002X」", 0)]),
        ("〇八七一-六五一二三四五六", [("固定电话「0871-****3456」", 0)]),
        # a name ending in a numeral, glued to the number, is not part of it
        ("张三13812345678", [(MOBILE, 2)]),
        ("王一13812345678", [(MOBILE, 2)]),
        ("张三一三八一二三四五六七八", [(MOBILE, 2)]),
        ("13812345678一位", [(MOBILE, 0)]),
        # years, dates, enumerations and counts in prose
        ("二〇二一年", []),
        ("二〇一九—二〇二一年", []),
        ("一九四九年十月一日", []),
        ("一、二、三、四、五、六、七、八、九、十", []),
        ("①②③④⑤⑥⑦⑧⑨⑩", []),
        ("第一二三四五六七八九届", []),
        ("两千一百三十八万", []),
    ],
)
def test_numbers_spelled_in_chinese_numerals_or_enclosed_digits(text, found):
    assert [(f.what, f.start) for f in personal_information(text)] == found


# every number × every way of writing its digits × every separator between its groups

SPELLINGS = {  # how each of 0–9 is written
    "ASCII": "0123456789",
    "全角": "０１２３４５６７８９",
    "小写": "〇一二三四五六七八九",
    "小写零": "零一二三四五六七八九",
    "幺": "〇幺二三四五六七八九",
    "大写": "零壹贰叁肆伍陆柒捌玖",
    "①": "⓪①②③④⑤⑥⑦⑧⑨",
    "❶": "⓿❶❷❸❹❺❻❼❽❾",
    "⑴": "⓪⑴⑵⑶⑷⑸⑹⑺⑻⑼",
    "⒈": "🄀⒈⒉⒊⒋⒌⒍⒎⒏⒐",
    "➀": "🄋➀➁➂➃➄➅➆➇➈",
    "➊": "🄌➊➋➌➍➎➏➐➑➒",
    "⓵": "⓪⓵⓶⓷⓸⓹⓺⓻⓼⓽",
    "㈠": "〇㈠㈡㈢㈣㈤㈥㈦㈧㈨",
    "阿拉伯文": "٠١٢٣٤٥٦٧٨٩",
    "天城文": "०१२३४५६७८९",
    "混写（每组）": "",
    "混写（每位）": "",
}
MIXED = ("ASCII", "小写", "大写", "①")
SEPARATORS = {
    "无": "",
    "空格": " ",
    "-": "-",
    " - ": " - ",
    ".": ".",
    "/": "/",
    "_": "_",
    "、": "、",
    "·": "·",
    "U+2009": "\u2009",
    "U+200B": "\u200b",
    "U+00AD": "\u00ad",
    "&nbsp;": "&nbsp;",
    "&#160;": "&#160;",
    "换行": "\n",
}
NUMBERS = {  # groups as people write them, and the finding
    "手机号": (["138", "1234", "5678"], "手机号「138****5678」"),
    "固定电话": (["0871", "6512", "3456"], "固定电话「0871-****3456」"),
    "身份证号": (["110105", "19491231", "002X"], "身份证号「110105********002X」"),
    "15 位身份证号": (["530102", "900101", "123"], "身份证号「530102******123」（15 位旧号码）"),
}


def spell(parts: list[str], spelling: str) -> list[str]:
    """``parts`` with every ASCII digit written the ``spelling`` way (mixed: group by group,
    or digit by digit between ASCII and 小写); other characters kept."""
    written, count = [], 0
    for index, part in enumerate(parts):
        chars = []
        for char in part:
            if char.isdigit():
                way = {"混写（每组）": MIXED[index % 4], "混写（每位）": MIXED[count % 2]}.get(
                    spelling, spelling
                )
                char, count = SPELLINGS[way][int(char)], count + 1
            chars.append(char)
        written.append("".join(chars))
    return written


def missed(cases: dict[str, tuple[str, list[tuple[str, int]]]]) -> dict[str, object]:
    """The cases (name → text and the findings expected, with their positions) that fail,
    each with the text and what was found instead."""
    found = {
        name: (text, [(f.what, f.start) for f in personal_information(text)])
        for name, (text, _) in cases.items()
    }
    return {
        name: found[name] for name, (_, expected) in cases.items() if found[name][1] != expected
    }


@pytest.mark.parametrize("pattern, spelling", list(itertools.product(NUMBERS, SPELLINGS)))
def test_every_number_in_every_spelling_with_every_separator(pattern, spelling):
    groups, what = NUMBERS[pattern]
    prefix = "联系人电话："
    cases = {
        name: (
            prefix + separator.join(spell(groups, spelling)) + "，请勿外传",
            [(what, len(prefix))],
        )
        for name, separator in SEPARATORS.items()
    }
    assert missed(cases) == {}


# --- the repository's own content is the article's text: nothing in it is personal data --------


def test_nothing_in_the_repository_content_is_found():
    files = sorted(
        p
        for folder in ("content", "cases")
        for p in (REPO / folder).rglob("*")
        if p.suffix in (".yml", ".yaml", ".md")
    )
    assert len(files) > 20
    found = {str(p.relative_to(REPO)): _found(p.read_text(encoding="utf-8")) for p in files}
    assert {path: what for path, what in found.items() if what} == {}
