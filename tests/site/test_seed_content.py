"""The bundled content: what the article gives, all of it, linked together."""

import re

import pytest

from generator.model import Case
from generator.publish.pipeline import load_library
from generator.sources.loading import parse_yaml
from generator.sources.problems import ProblemList
from generator.sources.validation import validate_document
from tests.conftest import REPO
from tests.sources.test_validation import VOCABULARIES

ARTICLE_TITLE = "五华区：固本聚力开拓居民小区党建新格局"


@pytest.fixture(scope="module")
def library():
    result = load_library(REPO)
    assert result.ok, result.problems.text()
    assert not result.problems.items, result.problems.text()
    return result.library


def test_all_five_cases_of_the_article(library):
    assert {c.id for c in library.all("case")} == {
        "zhiguo-lane-courtyard",
        "xinghua-street-gas-point",
        "wuhuashan-82-courtyard",
        "sanheying-consultation",
        "xizhan-45-red-property",
    }


def test_fourteen_practices_in_four_sections(library):
    practices = library.all("practice")
    assert len(practices) == 14
    assert {p.section for p in practices} == {"leadership", "branch", "service", "burden"}
    assert sorted(p.order for p in practices) == list(range(1, 15))


def test_policies_checklists_glossary_and_figures(library):
    assert len(library.all("policy")) == 3
    assert {c.id for c in library.all("checklist")} >= {
        "five-basics",
        "three-funds",
        "three-lists",
        "five-powers",
        "four-shows",
        "branch-structure",
        "classified-guidance",
    }
    assert len(library.glossary.terms) >= 15
    terms = {t.term for t in library.glossary.terms}
    assert {"三会一课", "红色物业", "准物业", "吹哨报到"} <= terms
    values = {str(f.value) for f in library.figures.figures}
    assert {"304", "1404", "300余", "76", "19", "8"} <= values


def test_every_case_cites_the_article(library):
    for case in library.all("case"):
        assert ARTICLE_TITLE in [s.title for s in case.sources], case.id


def test_no_case_invents_a_date_or_community_type(library):
    # the article gives neither for any case
    assert all(c.date is None and c.community_type is None for c in library.all("case"))


def test_editors_guide_example_is_a_valid_case():
    guide = (REPO / "content/guides/editors.md").read_text(encoding="utf-8")
    example = re.search(r"## 完整示例.*?```yaml\n(.*?)```", guide, re.S).group(1)
    problems = ProblemList()
    doc = parse_yaml(example, "example.yml", problems)
    record = validate_document(doc, Case, VOCABULARIES, problems)
    assert record is not None, problems.text()
    real = (REPO / "cases/daguan/sanheying-consultation.yml").read_text(encoding="utf-8")
    assert (
        record.model_dump()
        == validate_document(
            parse_yaml(real, "real.yml", problems), Case, VOCABULARIES, problems
        ).model_dump()
    )
