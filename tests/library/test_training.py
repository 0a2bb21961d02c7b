"""generator/library/training.py: totals that add up, sessions as pages show them."""

from generator.library.training import (
    clock,
    handout_page,
    handout_pdf,
    public_editions,
    session_views,
)
from generator.publish.pipeline import load_library
from tests.helpers import REPO, case_yaml, make_project

MODULE = """
id: m
title: 模块
summary: 概述。
audience: 书记
duration: 70
objectives: [目标一]
sessions:
  - title: 讲授
    minutes: 30
    kind: 讲授
    practices: [sample-practice]
  - title: 研讨
    minutes: 40
    kind: 案例研讨
    cases: [a, b]
"""


def _library(tmp_path, module=MODULE):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="discussion_questions: [甲问？]\n"),
            "cases/b.yml": case_yaml("b", extra="discussion_questions: [乙问？]\n"),
            "content/training/m.yml": module,
        },
    )
    result = load_library(root)
    assert result.ok, result.problems.text()
    return result.library


def test_sessions_follow_each_other_and_resolve_their_materials(tmp_path):
    library = _library(tmp_path)
    first, second = session_views(library.get("training", "m"), library)
    assert (first.number, first.start, first.end) == (1, 0, 30)
    assert (second.start, second.end) == (30, 70)
    assert [p.id for p in first.practices] == ["sample-practice"]
    assert [c.id for c in second.cases] == ["a", "b"]


def test_a_session_without_questions_uses_its_cases_questions(tmp_path):
    library = _library(tmp_path)
    second = session_views(library.get("training", "m"), library)[1]
    assert second.all_questions == ["甲问？", "乙问？"]
    assert second.questions_for(second.cases[0]) == ["甲问？"]
    assert second.own_questions == []


def test_a_session_with_questions_uses_its_own(tmp_path):
    own = "    cases: [a, b]\n    questions: [自己的问题？]\n"
    text = MODULE.replace("    cases: [a, b]\n", own)
    library = _library(tmp_path, text)
    second = session_views(library.get("training", "m"), library)[1]
    assert second.all_questions == ["自己的问题？"]
    assert second.questions_for(second.cases[0]) == []


def test_steps_of_no_minutes_are_done_outside_class_not_timed(tmp_path):
    notes = """    teaching_notes:
      purpose: 目的。
      timing:
        - {step: 课前阅读, minutes: 0}
        - {step: 分组研讨, minutes: 25}
        - {step: 随堂记录, minutes: 0}
        - {step: 教师点评, minutes: 15}
        - {step: 课后作业, minutes: 0}
"""
    library = _library(tmp_path, MODULE + notes)
    first, second = session_views(library.get("training", "m"), library)
    assert first.steps == []
    shown = [(s.step, s.outside_class, s.start, s.end) for s in second.steps]
    assert shown == [
        ("课前阅读", "课前完成", 30, 30),
        ("分组研讨", None, 30, 55),
        ("随堂记录", "不单独计时", 55, 55),
        ("教师点评", None, 55, 70),
        ("课后作业", "课后完成", 70, 70),
    ]


def test_a_module_links_to_what_it_uses_both_ways(tmp_path):
    library = _library(tmp_path)
    case = library.get("case", "a")
    assert [m.id for m in library.related(case, "training")] == ["m"]


def test_clock_and_paths():
    assert clock(0) == "0:00" and clock(95) == "1:35"
    library_module = load_library(REPO).library.get("training", "branch-standardization")
    assert handout_page(library_module) == "training/branch-standardization/handout.md"
    assert handout_pdf(library_module, True).endswith("/branch-standardization-teacher.pdf")
    assert public_editions(library_module) == [False]


def test_the_seed_modules_add_up_and_use_the_articles_cases():
    library = load_library(REPO).library
    modules = {m.id: m for m in library.all("training")}
    assert set(modules) == {"branch-standardization", "party-led-property"}
    cases = {m: {c for s in module.sessions for c in s.cases} for m, module in modules.items()}
    assert cases["branch-standardization"] == {"sanheying-consultation", "xizhan-45-red-property"}
    assert cases["party-led-property"] == {"zhiguo-lane-courtyard", "xizhan-45-red-property"}
    for module in modules.values():
        assert sum(s.minutes for s in module.sessions) == module.duration
        for session in module.sessions:
            if session.kind == "案例研讨":
                notes = session.teaching_notes
                assert notes and notes.purpose and notes.analysis and notes.key_points
                assert sum(t.minutes for t in notes.timing) == session.minutes
