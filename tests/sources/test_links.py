from generator.model import Case
from generator.publish.pipeline import load_library
from generator.sources.links import broken_links, markdown_values
from tests.helpers import case_yaml, make_project
from tests.sources.test_validation import VOCABULARIES

PAGES = {"cases/a.md", "practices/p.md", "practices/index.md", "glossary.md"}


def test_relative_md_links_must_resolve_from_the_page():
    text = (
        "[工作法](../practices/p.md#举措) [坏](../practices/x.md) [同目录](a.md) "
        "[外链](https://example.org/x.md) [锚点](#做法) [目录](../practices/)"
    )
    assert broken_links(text, "cases/a.md", PAGES) == [("../practices/x.md", 0)]


def test_markdown_values_finds_markdown_fields_only():
    case = Case.model_validate(
        {
            "id": "a",
            "title": "t",
            "summary": "s",
            "location": {"street": "护国街道"},
            "actions": ["一", "二"],
            "background": "背景",
            "tags": ["院坝"],
        },
        context={"vocabularies": VOCABULARIES},
    )
    assert dict(markdown_values(case)) == {
        ("background",): "背景",
        ("actions", 0): "一",
        ("actions", 1): "二",
    }


def test_broken_links_are_located_problems(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="actions:\n  - 见[工作法](../practices/nope.md)\n"),
            "content/glossary.yml": (
                "terms:\n  - term: 院坝\n    definition: 见[案例](cases/a.md)\n"
            ),
        },
    )
    problems = load_library(root).problems.sorted()
    assert [(p.file, p.line, p.field) for p in problems] == [("cases/a.yml", 7, "actions[1]")]
    assert "../practices/nope.md" in problems[0].message


def test_links_in_code_are_examples_not_links():
    assert broken_links("写法：`[标题](x.md)`\n\n```\n[标题](y.md)\n```\n", "a.md", set()) == []


def test_a_broken_link_in_a_markdown_body_points_at_its_line(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/guides/g.md": (
                "---\nid: g\ntitle: 指南\n---\n\n第一段。\n\n见[案例](../cases/x.md)。\n"
            ),
        },
    )
    [problem] = load_library(root).problems.items
    assert (problem.file, problem.line, problem.field) == ("content/guides/g.md", 8, "body")
