import pytest

from generator.publish.pipeline import load_library
from tests.helpers import case_yaml, make_project


def test_links_work_both_ways(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a",
                extra="""
        practices: [sample-practice]
        checklists: [sample-checklist]
    """,
            )
        },
    )
    library = load_library(root).library
    case = library.get("case", "a")
    practice = library.get("practice", "sample-practice")
    policy = library.get("policy", "sample-policy")
    assert library.related(practice, "case") == [case]
    assert library.related(case, "checklist") == [library.get("checklist", "sample-checklist")]
    # declared on the practice, seen from the policy
    assert library.related(policy, "practice") == [practice]


def test_drafts_are_left_out_unless_asked_for(tmp_path):
    root = make_project(tmp_path, {"cases/d.yml": case_yaml("d", extra="status: draft\n")})
    assert load_library(root).library.get("case", "d") is None
    assert load_library(root, drafts=True).library.get("case", "d") is not None


def test_link_to_a_draft_is_a_warning_and_dropped(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="practices: [draft-practice]\n"),
            "content/practices/draft-practice.md": (
                "---\nid: draft-practice\ntitle: 草稿\nsection: branch\nsummary: s\n"
                "status: draft\n---\n"
            ),
        },
    )
    result = load_library(root)
    assert result.ok
    [warning] = result.problems.items
    assert warning.field == "practices[1]" and "草稿" in warning.message
    assert result.library.related(result.library.get("case", "a"), "practice") == []


@pytest.mark.parametrize(
    "rel, text, line, field",
    [
        (
            "content/glossary.yml",
            "terms:\n  - term: 院坝\n    definition: 释义。\n    practices: [sample-practise]\n",
            4,
            "terms[1].practices[1]",
        ),
        (
            "content/figures.yml",
            "figures:\n  - value: 3\n    unit: 次\n    label: 业主大会\n"
            "    context: 先后召开3次业主大会\n    practices: [sample-practise]\n",
            6,
            "figures[1].practices[1]",
        ),
    ],
)
def test_an_unknown_practice_in_the_glossary_or_the_figures_is_located(
    tmp_path, rel, text, line, field
):
    [problem] = load_library(make_project(tmp_path, {rel: text})).problems.items
    assert (problem.file, problem.line, problem.field) == (rel, line, field)
    assert "sample-practice" in problem.message


def test_duplicate_ids_of_different_kinds_are_fine(tmp_path):
    root = make_project(tmp_path, {"cases/s.yml": case_yaml("sample-practice")})
    assert load_library(root).ok


def test_site_pages_are_exactly_the_pages_rendered(tmp_path):
    from generator.library.linking import site_pages
    from generator.publish.pipeline import build_pages

    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    result = build_pages(root)
    assert site_pages(result.library) == set(result.pages)


def test_a_record_whose_page_would_be_a_fixed_page_is_refused(tmp_path):
    """guides/rules.md is the 检查规则 page: no guide may take it; cases/rules.md is free."""
    root = make_project(
        tmp_path,
        {
            "content/guides/rules.md": "---\nid: rules\ntitle: 规则\n---\n\n正文。\n",
            "cases/rules.yml": case_yaml("rules"),
        },
    )
    result = load_library(root)
    [problem] = result.problems.items
    assert (problem.file, problem.field, problem.rule) == (
        "content/guides/rules.md",
        "id",
        "id-reserved",
    )
    assert "guides/rules 已另有用途" in problem.message
