import pytest

from generator.cli.scaffold import NewRecord, check_request, new_file_path, render_new_file
from generator.publish.pipeline import load_library
from generator.sources.loading import parse_yaml
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths
from tests.helpers import case_yaml, make_project
from tests.sources.test_validation import VOCABULARIES


@pytest.fixture
def paths(tmp_path):
    return ProjectPaths(make_project(tmp_path, {"cases/huguo/taken.yml": case_yaml("taken")}))


def test_new_case_goes_to_the_street_folder_with_a_schema_line(paths):
    request = NewRecord("case", "new-case", "新案例: 标题 #1", street="华山街道")
    assert new_file_path(request, VOCABULARIES) == "cases/huashan/new-case.yml"
    text = render_new_file(request, paths, VOCABULARIES)
    schema_line = "# yaml-language-server: $schema=../../site_config/schema/case.schema.json"
    assert text.startswith(schema_line + "\n")
    problems = ProblemList()
    data = parse_yaml(text, "x.yml", problems).data
    assert data["title"] == "新案例: 标题 #1" and data["status"] == "draft"


@pytest.mark.parametrize(
    "kind,extra",
    [
        ("case", {"street": "护国街道"}),
        ("practice", {"section": "service"}),
        ("policy", {}),
        ("checklist", {}),
        ("guide", {}),
        ("training", {}),
    ],
)
def test_every_new_file_is_a_valid_draft(paths, kind, extra):
    request = NewRecord(kind, f"new-{kind}", f"新{kind}", **extra)
    rel = new_file_path(request, VOCABULARIES)
    target = paths.root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_new_file(request, paths, VOCABULARIES), encoding="utf-8")
    result = load_library(paths.root, drafts=True)
    assert result.ok, result.problems.text()
    record = result.library.get(kind, f"new-{kind}")
    assert record is not None and record.is_draft
    assert load_library(paths.root).library.get(kind, f"new-{kind}") is None


def test_requests_are_checked_before_anything_is_written(paths):
    reasons = check_request(
        NewRecord("case", "taken", "标题", street="护国街"), paths, VOCABULARIES
    )
    assert reasons[0] == "id「taken」已经有了：请换一个 id。"
    assert "是否是「护国街道」" in reasons[1]
    assert (
        "小写英文字母" in check_request(NewRecord("guide", "Bad_Id", "t"), paths, VOCABULARIES)[0]
    )
