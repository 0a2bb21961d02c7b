import itertools

import pytest

from generator.sources.pii import normalise, personal_information
from generator.sources.pii_contacts import accounts, emails
from tests.sources.test_pii import SEPARATORS, SPELLINGS, missed, spell


def _found(text: str) -> list[str]:
    return [f.what for f in personal_information(text)]


@pytest.mark.parametrize(
    "text",
    [
        "name @ 163.com",
        "name@ 163.com",
        "name(at)163.com",
        "name[at]163.com",
        "name {at} 163.com",
        "name（at）163.com",
        "name【at】163.com",
        "name<at>163.com",
        "name ( at ) 163.com",
        "name AT 163 DOT com",
        "name at 163 dot com",
        "name At 163.com",
        "name(at)163(dot)com",
        "name[at]163[dot]com",
        "name@163 dot com",
        "name艾特163.com",
        "name 艾特 163点com",
        "name@163点com",
        "name＠163．com",
        "ｎａｍｅ（ａｔ）１６３（ｄｏｔ）ｃｏｍ",
        "name%40163.com",
        "邮箱name@163.com，请勿外传",
        "邮箱：name at 163 dot com。",
    ],
)
def test_email_addresses_written_to_dodge_a_filter(text):
    assert _found(text) == ["电子邮箱「na***@163.com」"]


@pytest.mark.parametrize(
    "text",
    [
        "look at this.thing",
        "meet at 3 dot 5",
        "name at 163 dot c0m",
        "name at example.invalid",
        "请@小王。谢谢",
        "请大家艾特我。谢谢",
        "name艾特我.谢谢",
        "点赞点评",
        "name(at)host",
        "name(dot)com",
        "@ 163.com",
        "name @  @ 163.com 。",
    ],
)
def test_prose_that_only_looks_like_a_spelled_address(text):
    assert _found(text) == []


def test_an_address_in_chinese_needs_a_chinese_top_level_domain():
    assert _found("zhang@例子.中国") == ["电子邮箱「zh***@例子.中国」"]
    assert _found("zhang@例子.公司") == ["电子邮箱「zh***@例子.公司」"]
    assert _found("zhang@例子.谢谢") == []


def test_the_local_part_is_one_script_and_shown_as_written():
    assert _found("邮箱zhang@163.com") == ["电子邮箱「zh***@163.com」"]
    assert _found("联系张三@163.com") == ["电子邮箱「联系***@163.com」"]
    assert _found("张三@163.com") == ["电子邮箱「张三***@163.com」"]  # not 张3, as normalised
    assert _found("zhang@163.com是我的邮箱") == ["电子邮箱「zh***@163.com」"]


def test_email_scanner_positions_and_neighbouring_at_signs():
    text = "甲 name @ 163.com 乙 a(at)b(at)qq.com"
    assert emails(text, normalise(text)) == [
        (2, "电子邮箱「na***@163.com」", "pii-email"),
        (24, "电子邮箱「b***@qq.com」", "pii-email"),
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("QQ号 12345678", ["QQ号「123****78」"]),
        ("QQ：123456789", ["QQ号「123****89」"]),
        ("qq 1234567890", ["QQ号「123****90」"]),
        ("扣扣 12345", ["QQ号「1****5」"]),
        ("QQ号码：87654321", ["QQ号「876****21」"]),
        ("企鹅号 12345678", ["QQ号「123****78」"]),
        ("ＱＱ１２３４５６７８", ["QQ号「123****78」"]),
        ("QQ是12345678", ["QQ号「123****78」"]),
        ("QQ 一二三四五六七八", ["QQ号「123****78」"]),
        ("QQ 1234 5678", ["QQ号「123****78」"]),
        ("QQ 13812345678", ["手机号「138****5678」"]),  # a mobile number, found once
        ("Q号 12345678", []),
        ("QQ群 12345678", []),
        ("QQ 1234", []),
        ("QQ 012345678", []),
        ("QQ 123456789012", []),
        ("QQ音乐", []),
        ("AQQ 12345678", []),
        ("12345678@qq.com 留言", ["电子邮箱「12***@qq.com」"]),
    ],
)
def test_qq_numbers_after_their_label(text, found):
    assert _found(text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("微信号：zhangsan_1990", ["微信号「zh****」"]),
        ("微信 wxid_abc123", ["微信号「wx****」"]),
        ("vx: abc12345", ["微信号「ab****」"]),
        ("VX：abc-12345", ["微信号「ab****」"]),
        ("wx abc12345", ["微信号「ab****」"]),
        ("WX:abc12345", ["微信号「ab****」"]),
        ("weixin zhang_san", ["微信号「zh****」"]),
        ("微信是lisi2020", ["微信号「li****」"]),
        ("加我 wxid_k2j4h5g6f7", ["微信号「wx****」"]),
        ("微信号码 ｚｈａｎｇｓａｎ", ["微信号「zh****」"]),
        ("微信群", []),
        ("微信公众号 abcdefg", []),
        ("微信 WeChat 群", []),
        ("微信 abc", []),
        ("vx 12345678", []),
        ("wx.request(abcdef)", []),
        ("wxPython abcdefg", []),
        ("微信 " + "a" * 21, []),
        ("微信号：1abcdefg", []),
    ],
)
def test_wechat_ids_after_their_label(text, found):
    assert _found(text) == found


def test_account_positions_point_at_the_number_or_id():
    text = "QQ号：12345678，微信 zhangsan_1990"
    assert accounts(normalise(text)) == [
        (4, "QQ号「123****78」", "pii-qq"),
        (16, "微信号「zh****」", "pii-wechat"),
    ]


# every spelling of the at-sign × every spelling of the dot, half- and full-width

ATS = (
    "@",
    " @ ",
    "＠",
    "%40",
    "(at)",
    "[at]",
    "{at}",
    " {at} ",
    "（at）",
    "【at】",
    "<at>",
    " ( at ) ",
    "艾特",
    " 艾特 ",
    " at ",
    " AT ",
    " At ",
)
DOTS = (".", "。", "．", "(dot)", "[dot]", "{dot}", " (dot) ", "（dot）", " dot ", " DOT ", "点")


def _full_width(text: str) -> str:
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


@pytest.mark.parametrize("at", ATS)
def test_every_spelling_of_an_email_address(at):
    cases = {}
    for dot, width in itertools.product(DOTS, ("半角", "全角")):
        address = f"zhangsan{at}163{dot}com"
        written = _full_width(address) if width == "全角" else address
        cases[f"{dot} {width}"] = (f"邮箱：{written}，请勿外传", [("电子邮箱「zh***@163.com」", 3)])
    assert missed(cases) == {}


@pytest.mark.parametrize(
    "label, spelling",
    list(itertools.product(("QQ", "QQ号", "qq号码", "扣扣", "企鹅号"), SPELLINGS)),
)
def test_every_qq_number_in_every_spelling_with_every_separator(label, spelling):
    number = spell(["123", "4567", "89"], spelling)
    cases = {
        name: (
            f"{label}{gap}{gap.join(number)}，请勿外传",
            [("QQ号「123****89」", len(label) + len(gap))],
        )
        for name, gap in SEPARATORS.items()
    }
    assert missed(cases) == {}


@pytest.mark.parametrize("label", ("微信", "微信号", "微信号码", "vx", "VX", "wx", "WX", "weixin"))
def test_every_wechat_label_and_separator(label):
    gaps = (
        "",
        " ",
        "：",
        ": ",
        " : ",
        "-",
        "\u3000",
        "\u2009",
        "\u200b",
        "&nbsp;",
        "\n",
        "是",
        "为",
    )
    cases = {}
    for gap, width in itertools.product(gaps, ("半角", "全角")):
        if gap or label.startswith("微信"):  # vxzhangsan is one word, not a label and an id
            account = "zhangsan_1990" if width == "半角" else _full_width("zhangsan_1990")
            cases[f"{gap!r} {width}"] = (
                f"加{label}{gap}{account}，请勿外传",
                [("微信号「zh****」", 1 + len(label) + len(gap))],
            )
    assert missed(cases) == {}
