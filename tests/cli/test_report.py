import json

import pytest

from generator.cli.args import COMMANDS, build_parser
from generator.cli.report import FORMATS, format_problems
from generator.sources.problems import ProblemList


def _sample() -> ProblemList:
    problems = ProblemList()
    problems.add("cases/b.yml", 3, 1, "title", "标题不能为空。", rule="value-empty")
    problems.add("cases/a.yml", 7, 3, "location.street", "街道写错了。", rule="vocab-unknown")
    problems.add("cases/a.yml", 2, 1, "", "只是提醒。", rule="file-stray")
    return problems


def test_text_is_what_kb_validate_prints_with_the_rule_last():
    assert format_problems(_sample()).splitlines() == [
        "cases/a.yml:2:1: （警告）只是提醒。  (file-stray)",
        "cases/a.yml:7:3: location.street: 街道写错了。  (vocab-unknown)",
        "cases/b.yml:3:1: title: 标题不能为空。  (value-empty)",
        "共发现 2 个错误、1 个警告。",
    ]
    assert format_problems(ProblemList()) == "检查通过：没有发现问题。"


def test_github_format_is_a_workflow_annotation_titled_with_the_rule():
    lines = format_problems(_sample(), "github").splitlines()
    assert lines[0] == "::warning file=cases/a.yml,line=2,col=1,title=file-stray::只是提醒。"
    assert lines[1] == (
        "::error file=cases/a.yml,line=7,col=3,title=vocab-unknown::location.street: 街道写错了。"
    )


def test_content_cannot_write_its_own_workflow_commands():
    problems = ProblemList()
    problems.add(
        "cases/a,title=x::y.yml",
        1,
        1,
        "tags[1]:x",
        "「护国\r\n::error file=README.md::伪造」不在列表中。%0A",
        rule="vocab-unknown",
    )
    [line] = format_problems(problems, "github").splitlines()  # nothing can start a second
    assert line.startswith(
        "::error file=cases/a%2Ctitle=x%3A%3Ay.yml,line=1,col=1,title=vocab-unknown::tags[1]:x: "
    )
    assert "%250A" in line and "\n" not in line and "\r" not in line


def test_gitlab_report_names_the_rule_and_keeps_each_problems_fingerprint():
    entries = json.loads(format_problems(_sample(), "gitlab"))
    assert [e["check_name"] for e in entries] == ["file-stray", "vocab-unknown", "value-empty"]
    assert [e["severity"] for e in entries] == ["minor", "major", "major"]
    assert entries[1]["description"] == "location.street: 街道写错了。"
    assert entries[1]["location"] == {"path": "cases/a.yml", "lines": {"begin": 7}}
    # the fingerprint before rules had ids: sha1 of file:line:column:field:message
    assert entries[1]["fingerprint"] == "f7eb3bec560a78e73bb98d6ed6754ccddf4f07ed"


def test_gitlab_fingerprints_differ_per_problem_and_stay_across_runs():
    first = [e["fingerprint"] for e in json.loads(format_problems(_sample(), "gitlab"))]
    again = [e["fingerprint"] for e in json.loads(format_problems(_sample(), "gitlab"))]
    assert first == again and len(set(first)) == 3


def test_json_lists_every_problem_with_its_rule():
    rows = json.loads(format_problems(_sample(), "json"))
    assert [r["level"] for r in rows] == ["warning", "error", "error"]
    assert [r["rule"] for r in rows] == ["file-stray", "vocab-unknown", "value-empty"]
    assert rows[1] == {
        "file": "cases/a.yml",
        "line": 7,
        "column": 3,
        "field": "location.street",
        "message": "街道写错了。",
        "level": "error",
        "rule": "vocab-unknown",
    }


@pytest.mark.parametrize("style", FORMATS)
def test_kb_validate_offers_every_format(style: str):
    args = build_parser(dict.fromkeys(COMMANDS, lambda args: 0)).parse_args(
        ["validate", "--format", style]
    )
    assert args.format == style
