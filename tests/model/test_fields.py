from xml.etree import ElementTree

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from generator.model.fields import PartialDate, Slug
from tests.conftest import copy_project, run_kb
from tests.helpers import commit_all, git


class _Holder(BaseModel):
    model_config = ConfigDict(strict=True)
    date: PartialDate | None = None
    id: Slug = "x"


@pytest.mark.parametrize(
    "given,stored",
    [
        (2023, "2023"),
        ("2021-6", "2021-06"),
        ("2021-06-01", "2021-06-01"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_partial_dates_are_normalised(given, stored):
    assert _Holder(date=given).date == stored


@pytest.mark.parametrize("given", ["2021-13-40", "2023-02-29", "2021/06", "六月", 20.5])
def test_bad_dates_are_rejected_with_chinese_advice(given):
    with pytest.raises(ValidationError) as caught:
        _Holder(date=given)
    assert "日期" in caught.value.errors()[0]["msg"]


@pytest.mark.parametrize("given", ["zhiguo-lane", "a1", "case-2021-06"])
def test_valid_slugs(given):
    assert _Holder(id=given).id == given


@pytest.mark.parametrize("given", ["Zhiguo", "zhiguo_lane", "-a", "a--b", "院坝", ""])
def test_invalid_slugs(given):
    with pytest.raises(ValidationError):
        _Holder(id=given)


def test_a_noncharacter_is_refused_by_kb_validate_and_never_reaches_the_feed(tmp_path):
    """U+FFFE in a title would make feed.xml ill-formed on every later build; in a commit
    subject (anyone's bytes) it is dropped from what readers see."""
    root = copy_project(tmp_path / "kb")
    git(root, "init", "-q")
    commit_all(root, "内容\ufffe更新\U0001fffe", "2026-03-04T10:00:00+08:00")
    assert run_kb(root, "build").returncode == 0
    ElementTree.parse(root / "site/feed.xml")  # well-formed
    case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("title: 致果巷", "title: 致果巷\ufffe", 1),
        encoding="utf-8",
    )
    result = run_kb(root, "validate")
    assert result.returncode == 1
    assert "cases/huguo/zhiguo-lane-courtyard.yml:2:11: 这里有一个不能使用的字符（U+FFFE）" in (
        result.stdout
    )
