import json

from generator.sources.problems import Level, ProblemList


def _sample() -> ProblemList:
    problems = ProblemList()
    problems.add("cases/b.yml", 3, 1, "title", "标题不能为空。")
    problems.add("cases/a.yml", 7, 3, "location.street", "街道写错了。")
    problems.add("cases/a.yml", 2, 1, "", "只是提醒。", Level.WARNING)
    return problems


def test_text_format_is_file_line_column_field_message_sorted():
    lines = _sample().format().splitlines()
    assert lines == [
        "cases/a.yml:2:1: （警告）只是提醒。",
        "cases/a.yml:7:3: location.street: 街道写错了。",
        "cases/b.yml:3:1: title: 标题不能为空。",
        "共发现 2 个错误、1 个警告。",
    ]


def test_github_format_is_a_workflow_annotation():
    lines = _sample().format("github").splitlines()
    assert lines[1] == "::error file=cases/a.yml,line=7,col=3,title=location.street::街道写错了。"
    assert lines[0].startswith("::warning file=cases/a.yml,line=2,col=1")


def test_json_format_lists_every_problem():
    rows = json.loads(_sample().format("json"))
    assert [r["level"] for r in rows] == ["warning", "error", "error"]
    assert rows[1]["field"] == "location.street"


def test_warnings_alone_are_not_errors():
    problems = ProblemList()
    problems.add("x.yml", 1, 1, "", "提醒", Level.WARNING)
    assert not problems.has_errors
    assert ProblemList().format() == "检查通过：没有发现问题。"


def test_content_cannot_write_its_own_workflow_commands():
    problems = ProblemList()
    problems.add("cases/a,title=x::y.yml", 1, 1, "tags[1]:x",
                 "「护国\r\n::error file=README.md::伪造」不在列表中。%0A")
    [line] = problems.format("github").splitlines()  # one line: nothing can start a second
    assert line.startswith("::error file=cases/a%2Ctitle=x%3A%3Ay.yml,line=1,col=1,"
                           "title=tags[1]%3Ax::")
    assert "%250A" in line and "\n" not in line and "\r" not in line


def test_control_characters_quoted_from_content_are_shown_not_sent():
    problems = ProblemList()
    problems.add("cases/a.yml", 1, 1, "location.street", "「护国\x1b[2J街道」不在列表中。")
    text = problems.format()
    assert "\x1b" not in text and "护国\\x1b[2J街道" in text


def test_the_count_is_of_the_problems_listed():
    problems = ProblemList()
    for _ in range(2):
        problems.add("cases/a.yml", 3, 1, "summary", "含有手机号。")
    assert problems.format().splitlines()[-1] == "共发现 1 个错误、0 个警告。"
