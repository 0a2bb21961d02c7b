import pytest

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
        "配套健全小区",
        "单位代管小区",
        "无人管理小区",
        "城中村",
    ]
    assert VOCABULARIES.section("service").short_title == "凝心"


def test_a_glossary_quote_names_its_source_and_words():
    from pydantic import ValidationError

    from generator.model import GlossaryTerm

    term = GlossaryTerm.model_validate(
        {
            "term": "业主大会",
            "definition": "文中……",
            "quote": {
                "text": "物业管理区域内全体业主组成业主大会。",
                "part": "第八条",
                "source": {"title": "物业管理条例", "publisher": "国务院"},
            },
        }
    )
    assert term.quote.source.title == "物业管理条例" and term.quote.part == "第八条"
    for quote in ({"text": "只有引文"}, {"source": {"title": "只有出处"}}):
        with pytest.raises(ValidationError):
            GlossaryTerm.model_validate({"term": "x", "definition": "y", "quote": quote})


def test_a_checklist_item_knows_whether_its_text_is_its_basis_word_for_word():
    from pydantic import ValidationError

    from generator.model import ChecklistItem

    def item(**fields):
        return ChecklistItem.model_validate({"id": "a", "text": "t"} | fields)

    # full-width and half-width punctuation count as the same words (the article mixes them)
    assert item(
        text="在配套健全小区，注重思想引领", basis="在配套健全小区,注重思想引领"
    ).text_is_quoted
    assert item(text="基本队伍", basis="从基本组织、基本队伍、基本服务").text_is_quoted
    assert not item(text="决策：对公共事务进行决策", basis="对公共事务进行决策").text_is_quoted
    assert not item(text="决策").text_is_quoted  # no basis: nothing shows it is quoted
    with pytest.raises(ValidationError, match="basis"):
        item(basis_source={"title": "物业管理条例"})
    assert item(basis="原话", basis_source={"title": "物业管理条例"}).basis_source.title
