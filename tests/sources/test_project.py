from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from tests.helpers import make_project


def test_paths_follow_the_fixed_repository_shape(tmp_path):
    paths = ProjectPaths(tmp_path)
    assert paths.cases == tmp_path / "cases"
    assert paths.templates == tmp_path / "site_config/templates"
    assert paths.watched == [tmp_path / "cases", tmp_path / "content", tmp_path / "site_config"]
    assert paths.rel(tmp_path / "cases/a.yml") == "cases/a.yml"


def test_missing_vocabularies_file_is_a_problem_not_a_crash(tmp_path):
    problems = ProblemList()
    assert load_vocabularies(ProjectPaths(tmp_path), problems) is None
    assert "vocabularies.yml" in problems.items[0].message


def test_broken_vocabularies_file_is_located(tmp_path):
    root = make_project(tmp_path)
    (root / "site_config/vocabularies.yml").write_text(
        "district: 五华区\nstreets: 护国街道\n", encoding="utf-8"
    )
    problems = ProblemList()
    assert load_vocabularies(ProjectPaths(root), problems) is None
    fields = {p.field for p in problems.items}
    assert {"streets", "community_types", "sections", "policy_validity"} <= fields
