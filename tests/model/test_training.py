"""generator/model/training.py: what a training module's file may contain."""

import pytest
from pydantic import ValidationError

from generator.model import SESSION_KINDS, Training
from generator.model.kinds import references

VALID = {
    "id": "m",
    "title": "模块",
    "summary": "概述。",
    "audience": "书记",
    "duration": 30,
    "objectives": ["目标"],
    "sessions": [{"title": "讲授", "minutes": 30, "kind": "讲授"}],
}


def test_a_minimal_module_is_valid_and_keeps_the_teachers_edition_private():
    module = Training.model_validate(VALID)
    assert module.publish_teacher_edition is False
    assert module.url == "training/m/"


def test_session_kinds_are_the_four_forms_of_cadre_training():
    assert SESSION_KINDS == ("讲授", "案例研讨", "实操演练", "交流")
    with pytest.raises(ValidationError):
        Training.model_validate(VALID | {"sessions": [VALID["sessions"][0] | {"kind": "座谈"}]})


@pytest.mark.parametrize(
    "change",
    [
        {"objectives": []},
        {"sessions": []},
        {"duration": 0},
        {"sessions": [{"title": "讲授", "minutes": 0, "kind": "讲授"}]},
    ],
)
def test_empty_or_zero_is_refused(change):
    with pytest.raises(ValidationError):
        Training.model_validate(VALID | change)


def test_references_name_every_material_of_every_session():
    session = {
        "title": "研讨",
        "minutes": 30,
        "kind": "案例研讨",
        "cases": ["a"],
        "checklists": ["c"],
    }
    module = Training.model_validate(VALID | {"sessions": [session]})
    assert list(references(module)) == [
        (("sessions", 0, "cases", 0), "case", "a"),
        (("sessions", 0, "checklists", 0), "checklist", "c"),
    ]
