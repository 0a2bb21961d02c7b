from generator.model import Case, Vocabularies
from generator.sources.loading import parse_yaml
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from generator.sources.validation import validate_document
from tests.conftest import REPO

VOCABULARIES: Vocabularies = load_vocabularies(ProjectPaths(REPO), ProblemList())
VALID = "id: a\ntitle: 标题\nlocation:\n  street: 护国街道\nsummary: 概述\n"


def _check(text: str):
    problems = ProblemList()
    doc = parse_yaml(text, "cases/a.yml", problems)
    record = validate_document(doc, Case, VOCABULARIES, problems)
    return record, [(p.line, p.column, p.field, p.message) for p in problems.items]


def test_a_minimal_case_is_valid_and_gets_defaults():
    record, problems = _check(VALID)
    assert problems == []
    assert record.status == "published" and record.actions == []


def test_yaml_boolean_where_text_is_expected_explains_quoting():
    _, [(line, _, field, message)] = _check(VALID + "status: no\n")
    assert (line, field) == (6, "status")
    assert "「no」" in message and "引号" in message and "published" in message


def test_number_where_text_is_expected():
    _, [(_, _, field, message)] = _check(VALID.replace("title: 标题", "title: 2023"))
    assert field == "title" and "文字" in message


def test_text_where_a_list_is_expected():
    _, [(_, _, field, message)] = _check(VALID + "actions: 只写了一条\n")
    assert field == "actions" and "“- ”" in message


def test_impossible_date_is_located():
    _, [(line, _, field, message)] = _check(VALID + "date: 2021-13-40\n")
    assert (line, field) == (6, "date") and "不存在" in message


def test_badly_formed_date_and_id():
    _, problems = _check(VALID.replace("id: a", "id: Zhiguo_Lane") + "date: 六月\n")
    fields = {p[2]: p[3] for p in problems}
    assert "小写英文字母" in fields["id"] and "2021-06" in fields["date"]


def test_unknown_nested_key_suggests_the_right_one():
    _, problems = _check(VALID + "metrics:\n  - lable: 会议\n    value: 3\n")
    messages = {p[2]: p[3] for p in problems}
    assert "是否是「label」" in messages["metrics[1].lable"]
    assert "缺少必填项「label」" in messages["metrics[1].label"]


def test_full_width_space_before_a_key_is_named():
    _, problems = _check(VALID + "\u3000tags: [院坝]\n")
    assert any("全角空格" in p[3] for p in problems)


def test_metric_value_may_be_number_or_text_but_not_a_list():
    _, problems = _check(VALID + "metrics:\n  - {label: 会议, value: [3]}\n")
    assert problems == [(7, 17, "metrics[1].value", "应为一个数字或一段文字。")]


def test_top_level_list_is_not_a_record():
    _, [(line, _, field, message)] = _check("- id: a\n")
    assert (line, field) == (1, "") and "键: 值" in message


def test_vocabulary_values_are_checked_for_control_characters_first():
    record, problems = _check(
        'id: a\ntitle: 甲\nlocation:\n  street: "护国\\e[2J街道"\nsummary: 概述。\n')
    assert record is None
    [(_, _, field, message)] = problems
    assert field == "location.street" and "控制字符（U+001B）" in message


def test_an_id_with_a_trailing_line_break_is_not_an_id():
    record, problems = _check(
        'id: "a\\n"\ntitle: 甲\nlocation:\n  street: 护国街道\nsummary: 概述。\n')
    assert record is None and problems[0][2] == "id"


def test_a_whole_number_is_checked_for_personal_data_like_text():
    record, problems = _check("id: a\ntitle: 甲\nlocation:\n  street: 护国街道\nsummary: 概述。\n"
                              "metrics:\n  - label: 联系\n    value: 13812345678\n")
    assert record is None and "手机号「138****5678」" in problems[0][3]
