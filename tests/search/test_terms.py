from generator.publish.pipeline import load_library
from generator.search.terms import domain_terms
from tests.helpers import case_yaml, make_project


def test_domain_terms_come_from_glossary_tags_and_vocabularies(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="tags: [院坝, 双报到双服务双报告, 'a b']\n"),
            "content/glossary.yml": "terms:\n  - term: 三会一课\n    definition: 释义\n"
            "    aliases: [吹哨报到]\n",
        },
    )
    terms = domain_terms(load_library(root).library)
    expected = {"院坝", "双报到双服务双报告", "三会一课", "吹哨报到", "护国街道", "城中村"}
    assert expected <= set(terms)
    assert "a b" not in terms
    assert terms == sorted(terms)
