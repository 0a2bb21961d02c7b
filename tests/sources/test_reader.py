from generator.model import Case, Guide
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths
from generator.sources.reader import read_contents
from tests.helpers import case_yaml, make_project
from tests.sources.test_validation import VOCABULARIES


def _read(root):
    problems = ProblemList()
    return read_contents(ProjectPaths(root), VOCABULARIES, problems), problems


def test_cases_are_read_from_any_subfolder_in_a_stable_order(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/b/deep/two.yaml": case_yaml("two"),
            "cases/a/one.yml": case_yaml("one"),
            "cases/notes.txt": "not a case",
        },
    )
    contents, problems = _read(root)
    cases = [r for r in contents.records if isinstance(r, Case)]
    assert [c.id for c in cases] == ["one", "two"]
    assert cases[0]._file == "cases/a/one.yml"
    assert not problems.items


def test_markdown_body_becomes_the_body_field_and_intros_are_not_records(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/guides/g.md": "---\nid: g\ntitle: 指南\n---\n\n# 小节\n\n正文。\n",
            "content/guides/_index.md": "栏目说明。\n",
        },
    )
    contents, problems = _read(root)
    [guide] = [r for r in contents.records if isinstance(r, Guide)]
    assert guide.body == "# 小节\n\n正文。"
    assert contents.intros["guides"].body == "栏目说明。"
    assert not problems.items


def test_files_outside_the_known_folders_get_a_warning(tmp_path):
    root = make_project(tmp_path, {"content/stray.yml": "id: x\n"})
    _, problems = _read(root)
    [problem] = problems.items
    assert problem.file == "content/stray.yml" and not problems.has_errors


def test_glossary_and_figures_are_single_files(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/glossary.yml": "terms:\n  - term: 院坝\n    definition: 释义。\n",
            "content/figures.yml": (
                "figures:\n  - {value: '304', unit: 个, label: 支部, context: 语境}\n"
            ),
        },
    )
    contents, problems = _read(root)
    assert contents.glossary.terms[0].term == "院坝"
    assert contents.figures.figures[0].value == "304"
    assert contents.origins["glossary"][0] == "content/glossary.yml"


def test_links_are_errors_and_never_read_wherever_they_lead(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(case_yaml("secret"), encoding="utf-8")
    root = make_project(tmp_path / "kb", {"cases/a/one.yml": case_yaml("one")})
    (root / "cases/stolen.yml").symlink_to(outside / "secret.yml")
    (root / "cases/folder").symlink_to(outside, target_is_directory=True)
    (root / "content/glossary.yml").symlink_to(outside / "secret.yml")
    (root / "cases/alias.yml").symlink_to(root / "cases/a/one.yml")  # inside: refused too
    contents, problems = _read(root)
    assert [r.id for r in contents.records if isinstance(r, Case)] == ["one"]
    assert contents.glossary is None
    assert sorted(p.file for p in problems.errors) == [
        "cases/alias.yml",
        "cases/folder",
        "cases/stolen.yml",
        "content/glossary.yml",
    ]
    assert all("是一个链接" in p.message for p in problems.errors)


def test_an_intro_is_checked_like_a_body(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/policies/_index.md": "说明。\n\n<b>粗</b>\n",
        },
    )
    contents, problems = _read(root)
    [problem] = problems.items
    assert (problem.file, problem.line, problem.field) == ("content/policies/_index.md", 3, "body")
    assert "policies" not in contents.intros
