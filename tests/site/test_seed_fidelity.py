"""The bundled content says exactly what the article says (checked against it line by line).

Each test pins one correction: a label of ours is marked as ours, and no link, issuer or
pairing the article does not make is presented as if it did.
"""

import re

import pytest

from generator.publish.pipeline import build_pages, load_library
from tests.conftest import REPO

# the article's own words, as the site writes them (full-width punctuation)
OPENING = ("近年来，云南省昆明市五华区大力加强居民小区党建工作，"
           "实施居民小区组织覆盖与物业覆盖“双推进”，下沉服务重心，延伸服务触角，"
           "不断巩固党在基层执政的根基，把居民小区党支部建设成为居民小区管理"
           "和治理的领导核心，着力构建党建引领基层治理的新格局。")
SECTION_STARTS = {"leadership": "五华区注重顶层设计、高位推动",
                  "branch": "为实现“管好居民家门口的事”",
                  "service": "五华区充分发挥小区党支部建在居民家门口的一线优势",
                  "burden": "五华区全面检视、靶向治疗"}


@pytest.fixture(scope="module")
def library():
    return load_library(REPO).library


@pytest.fixture(scope="module")
def pages():
    return build_pages(REPO).pages


def test_five_aspects_are_titled_in_the_articles_words(library, pages):
    checklist = library.get("checklist", "five-basics")
    assert checklist.title == "基本组织、基本队伍、基本服务、基本活动、基本保障五个方面"
    shown = "".join(pages.values()) + "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.md"))
    assert "五个基本" not in shown  # not the article's phrase: nowhere presented as it


def test_the_photo_caption_case_is_linked_to_nothing_the_article_does_not_link(library):
    case = library.get("case", "xinghua-street-gas-point")
    assert case.practices == [] and case.policies == []
    assert library.get("policy", "grid-governance-plan").practices == ["command-chain"]
    assert library.get("practice", "red-channel").policies == []


def test_chuishao_baodao_is_not_given_the_red_channel_slogans_as_aliases(library):
    terms = {t.term: t for t in library.glossary.terms}
    assert terms["吹哨报到"].aliases == [] and terms["吹哨报到"].practices == []
    assert terms["网格吹哨、部门报到，群众鸣哨、党员报到"].practices == ["red-channel"]


def test_no_policy_claims_an_issuer(library, pages):
    assert all(p.issuer is None for p in library.all("policy"))
    assert not any("发文单位" in pages[p.page_path] for p in library.all("policy"))


def test_san_ge_yi_bi_is_one_method_in_three_parts(library):
    [figure] = [f for f in library.figures.figures if "三个一笔" in f.label]
    assert figure.unit == "笔" and "方式中的经费" in figure.label
    assert not any(f.unit == "类" for f in library.figures.figures)  # a count of ours


def test_the_five_powers_are_not_paired_with_activities_as_if_by_the_article(library):
    checklist = library.get("checklist", "five-powers")
    assert all(item.detail is None for item in checklist.items)
    assert "文中没有把这些做法逐项对应到5项权力" in checklist.body


def test_sanheying_is_about_consultation_work(library):
    case = library.get("case", "sanheying-consultation")
    assert "协商工作" in case.title and "协商工作" in case.tags
    assert "协商议事" not in (REPO / "cases/daguan/sanheying-consultation.yml").read_text("utf-8")


def test_the_guides_describe_the_site_as_it_is():
    guides = "".join(p.read_text(encoding="utf-8")
                     for p in (REPO / "content/guides").glob("*.md"))
    for claim in ("每个工作法都链接了相关的案例和清单", "每个案例都有“探讨”问题",
                  "原文中的“五个基本”"):
        assert claim not in guides, claim


def test_our_labels_are_marked_as_ours(pages):
    assert "“工作法”是本站的叫法" in pages["index.md"]
    assert "这是本站的叫法，不是原文的" in pages["practices/index.md"]
    assert "每一个数字" not in pages["figures.md"] and "每一个数字" not in pages["index.md"]


def test_the_articles_opening_and_section_introductions_are_on_the_site(library, pages):
    assert library.article.opening == OPENING
    assert OPENING in pages["article.md"]
    for section in library.article.sections:
        assert section.intro.startswith(SECTION_STARTS[section.id])
        assert section.intro in pages["article.md"]
        assert f"> {section.intro}" in pages["practices/index.md"]
    assert re.search(r"^  - 原文导读: article\.md$", (REPO / "mkdocs.yml").read_text("utf-8"),
                     re.M)
