import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from generator.model.fields import PartialDate, Slug


class _Holder(BaseModel):
    model_config = ConfigDict(strict=True)
    date: PartialDate | None = None
    id: Slug = "x"


@pytest.mark.parametrize("given,stored", [
    (2023, "2023"), ("2021-6", "2021-06"), ("2021-06-01", "2021-06-01"),
    ("2024-02-29", "2024-02-29"),
])
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
