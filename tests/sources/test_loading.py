from pathlib import Path

import pytest

from generator.sources.loading import (
    MAX_FILE_BYTES,
    MAX_VALUE_CHARS,
    dotted_path,
    parse_yaml,
    read_source,
)
from generator.sources.problems import ProblemList


def _parse(text: str):
    problems = ProblemList()
    return parse_yaml(text, "x.yml", problems), problems


def test_positions_of_keys_and_list_items_are_one_based():
    doc, problems = _parse("id: a\nlocation:\n  street: 护国街道\nactions:\n  - 一\n  - 二\n")
    assert not problems.items
    assert doc.positions[("location", "street")] == (3, 3)
    assert doc.positions[("actions", 1)] == (6, 5)
    assert doc.position(("location", "missing")) == (2, 1)


def test_dates_stay_text_so_bad_dates_can_be_reported_later():
    doc, _ = _parse("date: 2021-06-01\nother: 2021-13-40\nyear: 2023\n")
    assert doc.data == {"date": "2021-06-01", "other": "2021-13-40", "year": 2023}


def test_duplicate_keys_are_reported_not_silently_dropped():
    doc, problems = _parse("title: 一\nsummary: 二\ntitle: 三\n")
    assert doc.data["title"] == "一"
    [problem] = problems.items
    assert (problem.line, problem.field) == (3, "title")
    assert "第 1 行" in problem.message


def test_anchors_and_aliases_are_refused_before_expansion():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    doc, problems = _parse(bomb)
    assert doc is None
    assert "锚点" in problems.items[0].message


@pytest.mark.parametrize(
    "text", ["x: !!python/object/apply:os.system ['echo hi']\n", "x: !custom 1\n"]
)
def test_tags_that_could_run_code_are_refused(text):
    doc, problems = _parse(text)
    assert problems.items and "标签" in problems.items[0].message
    assert doc is None


def test_empty_file_is_reported():
    doc, problems = _parse("# 只有注释\n")
    assert doc is None and "空" in problems.items[0].message


def test_utf8_bom_and_windows_line_endings_are_accepted(tmp_path: Path):
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbfid: a\r\ntitle: \xe6\xa0\x87\xe9\xa2\x98\r\n")
    problems = ProblemList()
    doc = read_source(path, "bom.yml", problems)
    assert doc.data == {"id": "a", "title": "标题"} and not problems.items


def test_gbk_file_gets_save_as_utf8_advice(tmp_path: Path):
    path = tmp_path / "gbk.yml"
    path.write_bytes("id: a\ntitle: 院坝改造\n".encode("gbk"))
    problems = ProblemList()
    assert read_source(path, "gbk.yml", problems) is None
    [problem] = problems.items
    assert problem.line == 2 and "GBK" in problem.message and "UTF-8" in problem.message


def test_markdown_front_matter_positions_count_the_opening_line(tmp_path: Path):
    path = tmp_path / "p.md"
    path.write_text("---\nid: p\ntitle: 标题\n---\n\n正文。\n", encoding="utf-8")
    problems = ProblemList()
    doc = read_source(path, "p.md", problems)
    assert doc.positions[("title",)] == (3, 1)
    assert doc.body == "正文。"


@pytest.mark.parametrize("text,words", [("id: p\n", "---"), ("---\nid: p\n", "结束")])
def test_markdown_without_complete_front_matter_is_reported(tmp_path: Path, text, words):
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    problems = ProblemList()
    assert read_source(path, "p.md", problems) is None
    assert words in problems.items[0].message


def test_dotted_path_counts_list_items_from_one():
    assert dotted_path(("metrics", 0, "value")) == "metrics[1].value"


def test_a_number_too_long_to_be_one_is_a_located_problem():
    doc, problems = _parse("id: a\nvalue: " + "9" * 5000 + "\n")
    assert doc is None
    [problem] = problems.items
    assert (problem.line, problem.field) == (2, "value") and "数字太长" in problem.message
    assert problem.rule == "number-too-long"


def test_a_value_or_a_body_past_the_limit_is_refused_before_any_check(tmp_path: Path):
    doc, problems = _parse("id: a\nsummary: " + "字" * (MAX_VALUE_CHARS + 1) + "\n")
    assert doc is None and "这一项太长" in problems.items[0].message
    assert problems.items[0].rule == "value-too-long"
    path = tmp_path / "g.md"
    path.write_text("---\nid: g\n---\n\n" + "字" * (MAX_VALUE_CHARS + 1), encoding="utf-8")
    problems = ProblemList()
    assert read_source(path, "g.md", problems) is None
    assert (problems.items[0].line, problems.items[0].field) == (5, "body")


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"id: a\nsummary: " + b"1 " * MAX_FILE_BYTES)
    problems = ProblemList()
    assert read_source(path, "big.yml", problems) is None
    [problem] = problems.items
    assert problem.line == 1 and "文件太大" in problem.message and "256 KB" in problem.message
    assert problem.rule == "file-too-big"


@pytest.mark.parametrize(
    "raw, kind",
    [
        (b"\x89PNG\r\n\x1a\n\xff\xfe", "PNG 图片"),
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\x80", "PDF 文件"),
        (bytes(range(256)), "二进制文件"),
    ],
)
def test_a_binary_file_is_named_as_such_not_as_gbk(tmp_path: Path, raw, kind):
    path = tmp_path / "_index.md"
    path.write_bytes(raw)
    problems = ProblemList()
    assert read_source(path, "_index.md", problems) is None
    assert f"这不是文本文件（看起来是{kind}）" in problems.items[0].message
    assert problems.items[0].rule == "file-binary"


@pytest.mark.parametrize(
    "text, rule",
    [
        ("id: a\n? [x, y]\n: z\n", "key-invalid"),
        ("id: a\ntitle: 控制\x01字符\n", "yaml-character"),
        ("actions:\n  - x\n\u3000 - y\n", "yaml-fullwidth-space"),
        ("id: a\ntitle: [\n", "yaml-syntax"),
        ("[" * 30 + "]" * 30, "yaml-too-deep"),
    ],
)
def test_each_yaml_mistake_names_its_rule(text, rule):
    _, problems = _parse(text)
    assert [p.rule for p in problems.items] == [rule]


def test_a_file_in_no_known_encoding_names_its_own_rule(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_bytes(b"id: a\ntitle: \xff\xfe\xfd\n")
    problems = ProblemList()
    assert read_source(path, "a.yml", problems) is None
    assert [p.rule for p in problems.items] == ["encoding-not-utf8"]
