import json

import jsonschema
import pytest

from generator.publish.schema import SCHEMA_MODELS, render_schemas
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from tests.conftest import REPO, run_kb
from tests.sources.test_validation import VOCABULARIES


def test_committed_schemas_are_up_to_date():
    """Fails when a model or vocabulary changed without running ``kb schema``."""
    for name, text in render_schemas(VOCABULARIES).items():
        committed = REPO / "site_config/schema" / name
        assert committed.is_file(), f"{name} missing: run kb schema"
        assert committed.read_text(encoding="utf-8") == text, f"{name} is stale: run kb schema"


def test_case_schema_offers_vocabularies_and_forbids_unknown_keys():
    schema = json.loads(render_schemas(VOCABULARIES)["case.schema.json"])
    street = schema["$defs"]["Location"]["properties"]["street"]
    assert street["enum"][:2] == ["华山街道", "护国街道"] and street["description"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "location", "summary"}
    assert schema["properties"]["id"]["pattern"].startswith("^[a-z0-9]")
    assert "x-kb-vocabulary" not in json.dumps(schema)
    community = schema["properties"]["community_type"]["anyOf"][0]
    assert community["enum"] == ["配套健全小区", "单位代管小区", "无人管理小区", "城中村"]


def test_every_record_type_has_a_schema():
    assert set(render_schemas(VOCABULARIES)) == {f"{k}.schema.json" for k in SCHEMA_MODELS}


@pytest.mark.parametrize(
    "given,valid",
    [
        ({"date": 2023}, True),
        ({"date": "2021-06"}, True),
        ({"summery": "x"}, False),
        ({"status": "no"}, False),
    ],
)
def test_schema_agrees_with_the_validator_on_common_cases(given, valid):
    schema = json.loads(render_schemas(VOCABULARIES)["case.schema.json"])
    record = {"id": "a", "title": "t", "location": {"street": "护国街道"}, "summary": "s"} | given
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    assert (not errors) == valid


def test_kb_schema_check_detects_a_stale_file(tmp_path):
    from tests.helpers import make_project

    root = make_project(tmp_path)
    assert run_kb(root, "schema", "--check").returncode == 0
    vocab = root / "site_config/vocabularies.yml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace("城中村", "城中村社区"), encoding="utf-8"
    )
    stale = run_kb(root, "schema", "--check")
    assert stale.returncode == 1 and "kb schema" in stale.stderr
    assert run_kb(root, "schema").returncode == 0
    assert run_kb(root, "schema", "--check").returncode == 0
    assert load_vocabularies(ProjectPaths(root), ProblemList()) is not None
