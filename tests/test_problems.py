import json

from generator.problems import Level, ProblemList


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
