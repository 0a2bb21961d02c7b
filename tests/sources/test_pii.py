import pytest

from generator.sources.pii import is_resident_id, normalise, personal_information


def _found(text: str) -> list[str]:
    return [f.what for f in personal_information(text)]


@pytest.mark.parametrize("text", [
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
])
def test_mobile_numbers_in_every_written_form(text):
    assert _found(text) == ["手机号「138****5678」"]


@pytest.mark.parametrize("text, shown", [
    ("0871-12345678", "0871-****5678"),
    ("（0871）65123456", "0871-****3456"),
    ("(010) 1234 5678", "010-****5678"),
    ("电话：0871 6512 3456", "0871-****3456"),
    ("021-1234567", "021-****4567"),
])
def test_landline_numbers_with_area_codes(text, shown):
    assert _found(text) == [f"固定电话「{shown}」"]


@pytest.mark.parametrize("text, shown", [
    ("zhang.san@example.com", "zh***@example.com"),
    ("张三@example.com", "张三***@example.com"),
    ("zhang@例子.中国", "zh***@例子.中国"),
    ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zh***@example.com"),
    ("zhangsan@163。com", "zh***@163.com"),
    ("zhangsan＠qq。com", "zh***@qq.com"),
    ("来源 https://example.org/?contact=zhang%40example.com", "zh***@example.com"),
])
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
    text = ("共 1404 个小区、18 个街道，2021-06-15，3.5 万元，2019.10.1，编号 123456789012，"
            "304 个党支部，档案 A-2021-0035")
    assert _found(text) == []


def test_findings_keep_their_position_in_the_original_text():
    text = "第一行\n第二行 １３８１２３４５６７８"
    [finding] = personal_information(text)
    assert text[finding.start] == "１" and len(normalise(text)) == len(text)


def test_resident_id_check_digit():
    assert is_resident_id("11010519491231002X")
    assert not is_resident_id("110105194912310021")
    assert not is_resident_id("110105194913310027")  # month 13
