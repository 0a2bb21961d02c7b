from generator.model import Case, Policy, Vocabularies
from tests.sources.test_validation import VOCABULARIES


def test_record_urls_and_page_paths_follow_the_folder():
    case = Case.model_validate(
        {"id": "a", "title": "t", "location": {"street": "护国街道"}, "summary": "s"},
        context={"vocabularies": VOCABULARIES},
    )
    assert (case.page_path, case.url) == ("cases/a.md", "cases/a/")
    assert Policy.folder == "policies"


def test_vocabulary_lists_are_exposed_by_field_name():
    assert isinstance(VOCABULARIES, Vocabularies)
    assert len(VOCABULARIES.allowed("street")) == 10
    assert VOCABULARIES.allowed("community_type") == [
        "配套健全小区", "单位代管小区", "无人管理小区", "城中村"]
    assert VOCABULARIES.section("service").short_title == "凝心"
