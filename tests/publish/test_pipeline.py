from generator.publish.pipeline import build_pages, load_library
from tests.helpers import case_yaml, make_project


def test_errors_stop_before_rendering_but_every_problem_is_reported(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", street="护国街"),
            "cases/b.yml": case_yaml("b", extra="practices: [nope]\n"),
        },
    )
    result = build_pages(root)
    assert not result.ok and result.library is None and result.pages == {}
    assert [p.file for p in result.problems.sorted()] == ["cases/a.yml", "cases/b.yml"]


def test_warnings_do_not_stop_the_build(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a"), "content/notes.txt": "x"})
    result = build_pages(root)
    assert result.ok and result.problems.items and "cases/a.md" in result.pages


def test_the_same_input_renders_the_same_pages(tmp_path):
    root = make_project(tmp_path, {f"cases/{n}.yml": case_yaml(n) for n in "cab"})
    assert build_pages(root).pages == build_pages(root).pages
    assert list(load_library(root).library.records["case"]) == ["a", "b", "c"]


def test_a_broken_template_is_a_located_problem_not_a_crash(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    (root / "site_config/templates/figures.md.j2").write_text(
        "# 数说\n\n{% if %}\n", encoding="utf-8"
    )
    result = build_pages(root)
    [problem] = result.problems.errors
    assert (problem.file, problem.line) == ("site_config/templates/figures.md.j2", 3)
    assert problem.message.startswith("页面模板出错") and not result.ok


def test_a_template_naming_a_missing_value_is_reported(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    (root / "site_config/templates/figures.md.j2").write_text(
        "# {{ no_such_value }}\n", encoding="utf-8"
    )
    [problem] = build_pages(root).problems.errors
    assert "no_such_value" in problem.message
