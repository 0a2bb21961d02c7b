import json

from generator.publish.export import export_json
from generator.publish.pipeline import load_library
from tests.helpers import case_yaml, make_project


def test_export_has_the_five_groups_with_id_title_url_and_fields(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a", extra="tags: [院坝]\n")})
    data = json.loads(export_json(load_library(root).library))
    assert set(data) == {"cases", "practices", "policies", "checklists", "training"}
    [case] = data["cases"]
    assert case["id"] == "a" and case["url"] == "cases/a/" and case["tags"] == ["院坝"]
    assert case["location"] == {"street": "护国街道"}
    assert data["practices"][0]["url"] == "practices/sample-practice/"


def test_teaching_notes_are_exported_only_when_asked_for():
    from tests.helpers import REPO

    library = load_library(REPO).library
    plain = json.loads(export_json(library))
    assert plain["training"] and "teaching_notes" not in json.dumps(plain, ensure_ascii=False)
    full = json.loads(export_json(library, teaching_notes=True))
    sessions = [s for m in full["training"] for s in m["sessions"]]
    assert any("teaching_notes" in s for s in sessions)
