import pytest
import yaml

from generator.model import Case, Checklist, SynonymList, Training, Vocabularies
from generator.sources.loading import parse_yaml
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from generator.sources.validation import validate_document
from tests.conftest import REPO, copy_project, run_kb

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
        'id: a\ntitle: 甲\nlocation:\n  street: "护国\\e[2J街道"\nsummary: 概述。\n'
    )
    assert record is None
    [(_, _, field, message)] = problems
    assert field == "location.street" and "控制字符（U+001B）" in message


def test_an_id_with_a_trailing_line_break_is_not_an_id():
    record, problems = _check(
        'id: "a\\n"\ntitle: 甲\nlocation:\n  street: 护国街道\nsummary: 概述。\n'
    )
    assert record is None and problems[0][2] == "id"


def test_a_whole_number_is_checked_for_personal_data_like_text():
    record, problems = _check(
        "id: a\ntitle: 甲\nlocation:\n  street: 护国街道\nsummary: 概述。\n"
        "metrics:\n  - label: 联系\n    value: 13812345678\n"
    )
    assert record is None and "手机号「138****5678」" in problems[0][3]


# --- pinned for mutation testing (README "测试") ---------------------------------------------


def test_personal_data_anywhere_keeps_the_record_out_of_the_site():
    record, problems = _check(VALID + "tags:\n  - 电话13812345678\n  - 正常\n")
    assert record is None and [(p[0], p[2]) for p in problems] == [(7, "tags[1]")]
    record, problems = _check(
        VALID + "metrics:\n  - {label: 电话, value: 13812345678}\n  - {label: b, value: 1}\n"
    )
    assert record is None and [p[2] for p in problems] == ["metrics[1].value"]


def test_a_missing_field_is_named_with_its_description_at_any_depth():
    _, problems = _check("id: a\ntitle: t\nlocation:\n  community: 社区\nsummary: s\n")
    [(line, _, field, message)] = problems
    assert (line, field) == (3, "location.street")  # where the group starts
    assert message == "缺少必填项「street」。请补上：街道（必填，须为站点设置中的街道之一）。"


def test_a_broken_record_still_names_what_it_links_to():
    from generator.sources.validation import partial_record

    problems = ProblemList()
    doc = parse_yaml(
        "id: ok-id\ntitle: 标题\npractices: [red-channel, Bad_Id, 3]\n"
        "background: 文字\nactions: [一, 二]\nlessons: [一, 2]\n",
        "cases/a.yml",
        problems,
    )
    record = partial_record(doc, Case)
    assert (record.id, record.title, record.practices) == ("ok-id", "标题", ["red-channel"])
    assert (record.background, record.actions) == ("文字", ["一", "二"])
    assert record.lessons == [] and record._partial
    doc = parse_yaml("id: Bad Id\ntitle:\n", "cases/b.yml", problems)
    assert (partial_record(doc, Case).id, partial_record(doc, Case).title) == ("-", "")


def test_personal_data_in_an_early_field_is_not_forgotten_by_later_ones():
    record, problems = _check(VALID.replace("title: 标题", "title: 电话13812345678"))
    assert record is None and [p[2] for p in problems] == ["title"]


def test_unsafe_markdown_keeps_the_record_out_of_the_site():
    record, problems = _check(VALID + "background: 背景<span>x</span>\n")
    assert record is None and [p[2] for p in problems] == ["background"]


def test_the_parse_budget_counts_every_field_of_a_file():
    from generator.sources.markdown_check import PARSE_BUDGET, parse_cost

    size = 10
    while parse_cost(_costly(size))[0] * 2 <= PARSE_BUDGET:
        size += 10
    assert parse_cost(_costly(size))[0] <= PARSE_BUDGET  # one field alone is within it
    one, problems = _check(VALID + f"background: '{_costly(size)}'\n")
    assert problems == [] and one is not None
    two, problems = _check(VALID + f"background: '{_costly(size)}'\noutcomes: '{_costly(size)}'\n")
    assert two is None and [p[:3] for p in problems] == [(7, 1, "outcomes")]
    assert problems[0][3].startswith("从这一行开始的段落太长") and "超过上限" in problems[0][3]


def _costly(size: int) -> str:
    return "文" * size + "[" * (size // 10)


# Personal data × how it is written × the kind of field it is in: every combination is a
# located problem on that field. Markdown spellings only apply to Markdown fields.
_NUMERALS = str.maketrans("0123456789", "〇一二三四五六七八九")
_WIDE = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
_NUMBER_SPELLINGS = {
    "plain": lambda v: v,
    "spaced": lambda v: " ".join(v[i : i + 4] for i in range(0, len(v), 4)),
    "full width": lambda v: v.translate(_WIDE),
    "Chinese numerals": lambda v: v.translate(_NUMERALS),
}
PERSONAL = {  # kind → (value, its spellings)
    "mobile": ("13812345678", _NUMBER_SPELLINGS),
    "id": ("11010519491231002X", _NUMBER_SPELLINGS),
    "qq": ("QQ号12345678", _NUMBER_SPELLINGS),
    "e-mail": (
        "zhangsan@163.com",
        {
            "plain": lambda v: v,
            "full width": lambda v: v.translate(_WIDE),
            "(at)": lambda v: v.replace("@", "(at)"),
            "spaced @": lambda v: v.replace("@", " @ "),
        },
    ),
    "address": (
        "幸福小区3栋2单元501室",
        {
            "plain": lambda v: v,
            "full width": lambda v: v.translate(_WIDE),
            "Chinese numerals": lambda v: v.translate(_NUMERALS),
        },
    ),
}
MARKDOWN_SPELLINGS = {
    "emphasis between parts": lambda v: f"**{v[:3]}**{v[3:7]}**{v[7:]}**",
    "character references": lambda v: "".join(f"&#{ord(c)};" for c in v[:4]) + v[4:],
    "inline code": lambda v: f"`{v[:5]}`{v[5:]}",
}
FIELDS = {  # dotted name → (where the text goes in a case, Markdown or not)
    "title": (lambda t: {"title": t}, False),
    "summary": (lambda t: {"summary": t}, False),
    "location.community": (lambda t: {"location": {"street": "护国街道", "community": t}}, False),
    "sources[1].title": (lambda t: {"sources": [{"title": t}]}, False),
    "background": (lambda t: {"background": t}, True),
    "actions[2]": (lambda t: {"actions": ["第一条", t]}, True),
}


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize("kind", list(PERSONAL))
def test_personal_data_is_found_in_every_field_however_written(field, kind):
    place, markdown = FIELDS[field]
    value, spellings = PERSONAL[kind]
    spellings = spellings | (MARKDOWN_SPELLINGS if markdown else {})
    missed = []
    for name, spell in spellings.items():
        data = {"id": "a", "title": "标题", "location": {"street": "护国街道"}, "summary": "概述"}
        data |= place(f"联系{spell(value)}。")
        _, problems = _check(yaml.safe_dump(data, allow_unicode=True, width=1000))
        if not any(p[2] == field and "个人信息" in p[3] for p in problems):
            missed.append(name)
    assert missed == []


def test_kb_build_refuses_personal_data_and_publishes_nothing(tmp_path):
    """Planted as an editor would paste it: through the real command, located on its line."""
    root = copy_project(tmp_path / "kb")
    case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
    text = case.read_text(encoding="utf-8")
    text = text.replace(
        "title: 致果巷2号及5号院坝微改造",
        "title: 致果巷2号及5号院坝微改造（联系人住幸福小区三栋二单元五〇一室）",
        1,
    )
    pasted = "咨询请联系 **一三八**1234**5678**，或 zhang (at) 163 dot com。"
    case.write_text(f"{text}background: {pasted}\n", encoding="utf-8")
    result = run_kb(root, "build")
    assert result.returncode == 1 and not (root / "site").exists()
    for expected in (
        ":2:1: title: 含有住址「3栋2单元***室」",
        "background: 显示在网页上时含有手机号「138****5678」",
        "background: 含有电子邮箱「zh***@163.com」",
    ):
        assert expected in result.stderr, expected


@pytest.mark.parametrize(
    "model, text, rule",
    [
        (Case, VALID + "status: no\n", "yaml-boolean"),
        (Case, VALID + "actions: 只写了一条\n", "type-mismatch"),
        (Case, VALID + "summery: 概述\n", "key-unknown"),
        (Case, VALID.replace("summary: 概述\n", ""), "key-missing"),
        (Case, VALID + "status: 已发布\n", "value-not-allowed"),
        (Case, VALID + "date: 2021年\n", "date-format"),
        (Case, VALID.replace("id: a", "id: A_1"), "id-format"),
        (Case, VALID.replace("护国街道", "护国街"), "vocab-unknown"),
        (Case, VALID.replace("summary: 概述", 'summary: "概\\x07述"'), "char-control"),
        (Case, VALID.replace("summary: 概述", 'summary: "概\\ufffe述"'), "char-noncharacter"),
        (Case, VALID + "sources:\n  - title: 来源\n    url: ftp://x\n", "url-invalid"),
        (Case, VALID + "tags: ['']\n", "value-empty"),
        (Case, VALID.replace("概述", "电话 13812345678"), "pii-phone"),
        (SynonymList, "groups:\n  - words: [红色物业, 红 色]\n", "search-word"),
        (
            Checklist,
            "id: c\ntitle: 清单\npurpose: 用途\nitems:\n  - id: a\n    text: 条目\n"
            "    basis_source:\n      title: 来源\n",
            "basis-missing",
        ),
        (
            Training,
            "id: t\ntitle: 培训\nsummary: 概述\naudience: 书记\nduration: 0\n"
            "objectives: [目标]\nsessions:\n  - title: 讲\n    kind: 讲授\n    minutes: 30\n",
            "value-not-allowed",
        ),
    ],
)
def test_each_kind_of_mistake_names_its_rule(model, text, rule):
    problems = ProblemList()
    validate_document(parse_yaml(text, "x.yml", problems), model, VOCABULARIES, problems)
    assert [p.rule for p in problems.items] == [rule], problems.text()
