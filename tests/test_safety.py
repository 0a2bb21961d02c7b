import pytest

from generator.safety import is_resident_id, personal_information, unsafe_markdown


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "成效 <img src=x onerror=alert(1)>",
    "<iframe src='https://example.org'></iframe>",
    "<!-- 注释 -->",
    "点击[这里](javascript:alert(1))",
    "点击[这里](JavaScript&#58;alert(1))",
    "点击[这里]( java\tscript:alert(1))",
    "<javascript:alert(1)>",
    "[x][1]\n\n[1]: vbscript:msgbox",
    "![图](data:text/html;base64,PHNjcmlwdD4=)",
])
def test_unsafe_markdown_is_named(text):
    assert unsafe_markdown(text)


@pytest.mark.parametrize("text", [
    "**加粗**、*强调*、[链接](https://example.org)、[页面](../guides/editors.md)",
    "代码 `<b>粗</b>` 可以",
    "```\n<script>示例</script>\n```",
    "小于 5 次：a < b，或 <https://example.org>",
    "[锚点](#做法)",
])
def test_ordinary_markdown_is_fine(text):
    assert unsafe_markdown(text) is None


def test_personal_information_is_found_and_masked():
    found = personal_information(
        "联系 13812345678 或 138-1234-5678，身份证 11010519491231002X，邮箱 zhang.san@example.com")
    assert found == ["手机号「138****5678」", "手机号「138****5678」",
                     "身份证号「110105********002X」", "电子邮箱「zh***@example.com」"]


def test_numbers_that_are_not_personal_information():
    assert personal_information("编号 110105194912310021 和 123456789012，共 1404 个小区") == []


def test_resident_id_check_digit():
    assert is_resident_id("11010519491231002X")
    assert not is_resident_id("110105194912310021")
    assert not is_resident_id("110105194913310027")  # month 13
