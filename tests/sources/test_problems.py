import pytest

from generator.sources.problems import Level, Problem, ProblemList


def _sample() -> ProblemList:
    problems = ProblemList()
    problems.add("cases/b.yml", 3, 1, "title", "标题不能为空。", rule="value-empty")
    problems.add("cases/a.yml", 7, 3, "location.street", "街道写错了。", rule="vocab-unknown")
    problems.add("cases/a.yml", 2, 1, "", "只是提醒。", rule="file-stray")
    return problems


def test_text_is_file_line_column_field_message_and_rule_sorted():
    assert _sample().text().splitlines() == [
        "cases/a.yml:2:1: （警告）只是提醒。  (file-stray)",
        "cases/a.yml:7:3: location.street: 街道写错了。  (vocab-unknown)",
        "cases/b.yml:3:1: title: 标题不能为空。  (value-empty)",
        "共发现 2 个错误、1 个警告。",
    ]


def test_the_rule_decides_whether_a_problem_is_an_error_or_a_warning():
    levels = {p.rule: p.level for p in _sample().items}
    assert levels == {
        "value-empty": Level.ERROR,
        "vocab-unknown": Level.ERROR,
        "file-stray": Level.WARNING,
    }


def test_warnings_alone_are_not_errors():
    problems = ProblemList()
    problems.add("x.yml", 1, 1, "", "提醒", rule="ref-draft")
    assert not problems.has_errors and problems.errors == []
    assert ProblemList().text() == "检查通过：没有发现问题。"


def test_a_rule_that_is_not_registered_is_refused():
    with pytest.raises(ValueError, match="no-such-rule"):
        ProblemList().add("x.yml", 1, 1, "", "提醒", rule="no-such-rule")
    with pytest.raises(TypeError):
        ProblemList().add("x.yml", 1, 1, "", "提醒")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Problem("x.yml", 1, 1, "", "提醒", Level.ERROR, "pii-phone")  # type: ignore[misc]


def test_control_characters_quoted_from_content_are_shown_not_sent():
    problems = ProblemList()
    problems.add(
        "cases/a.yml",
        1,
        1,
        "location.street",
        "「护国\x1b[2J街道」不在列表中。",
        rule="vocab-unknown",
    )
    text = problems.text()
    assert "\x1b" not in text and "护国\\x1b[2J街道" in text


def test_the_count_is_of_the_problems_listed():
    problems = ProblemList()
    for _ in range(2):
        problems.add("cases/a.yml", 3, 1, "summary", "含有手机号。", rule="pii-phone")
    assert len(problems.lines()) == 1
    assert problems.text().splitlines()[-1] == "共发现 1 个错误、0 个警告。"
