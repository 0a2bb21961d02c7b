from generator.sources.loading import parse_yaml
from generator.sources.problems import ProblemList


def _messages(text: str) -> list[tuple[int, int, str]]:
    problems = ProblemList()
    parse_yaml(text, "x.yml", problems)
    return [(p.line, p.column, p.message) for p in problems.items]


def test_full_width_colon_after_a_key_is_named():
    [(line, column, message)] = _messages("id: a\ntitle：院坝\nsummary: 概述\n")
    assert (line, column) == (2, 6)
    assert "全角冒号" in message and "「title」" in message


def test_full_width_colon_after_a_chinese_key_is_named():
    [(line, _, message)] = _messages("id: a\n标题：院坝\nsummary: 概述\n")
    assert line == 2 and "「标题」" in message


def test_full_width_colon_inside_a_value_is_fine():
    assert _messages("title: 五华区：固本聚力\n") == []


def test_tab_indentation_is_named():
    [(line, column, message)] = _messages("location:\n\tstreet: 护国街道\n")
    assert (line, column) == (2, 1) and "Tab" in message


def test_other_syntax_errors_get_a_located_general_message():
    [(line, _, message)] = _messages('title: "没有闭合\nsummary: x\n')
    assert line >= 1 and message.startswith("YAML 格式错误")
