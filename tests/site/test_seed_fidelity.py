"""The bundled content says exactly what the article says (checked against it line by line).

Each test pins one correction: a label of ours is marked as ours, and no link, issuer or
pairing the article does not make is presented as if it did.
"""

import html
import re
from html.parser import HTMLParser

import pytest

from generator.publish.pipeline import build_pages, load_library
from tests.conftest import REPO

# the article's own words, character for character: its commas are half-width
OPENING = (
    "近年来,云南省昆明市五华区大力加强居民小区党建工作,"
    "实施居民小区组织覆盖与物业覆盖“双推进”,下沉服务重心,延伸服务触角,"
    "不断巩固党在基层执政的根基,把居民小区党支部建设成为居民小区管理"
    "和治理的领导核心,着力构建党建引领基层治理的新格局。"
)
SECTION_STARTS = {
    "leadership": "五华区注重顶层设计、高位推动",
    "branch": "为实现“管好居民家门口的事”",
    "service": "五华区充分发挥小区党支部建在居民家门口的一线优势",
    "burden": "五华区全面检视、靶向治疗",
}


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
        p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.md")
    )
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
    guides = "".join(p.read_text(encoding="utf-8") for p in (REPO / "content/guides").glob("*.md"))
    for claim in (
        "每个工作法都链接了相关的案例和清单",
        "每个案例都有“探讨”问题",
        "原文中的“五个基本”",
    ):
        assert claim not in guides, claim


def test_our_labels_are_marked_as_ours(pages):
    assert "“工作法”是本站的叫法" in pages["index.md"]
    assert "这是本站的叫法，不是原文的" in pages["practices/index.md"]
    assert "每一个数字" not in pages["figures.md"] and "每一个数字" not in pages["index.md"]


def test_the_articles_opening_and_section_introductions_are_on_the_site(library, pages):
    assert library.article.opening == OPENING
    article, practices = (html.unescape(pages[p]) for p in ("article.md", "practices/index.md"))
    assert OPENING in article
    for section in library.article.sections:
        assert section.intro.startswith(SECTION_STARTS[section.id])
        assert section.intro in article
        assert f"> {section.intro}" in practices
    assert re.search(r"^  - 原文导读: article\.md$", (REPO / "mkdocs.yml").read_text("utf-8"), re.M)


def test_module_objectives_report_the_articles_effects_as_effects(library):
    """The article reports that 三会一课 and the rest became routine (促使……成为常态): an
    effect, not a requirement of the article."""
    objective = library.get("training", "branch-standardization").objectives[0]
    assert "原文写到的成效：促使“三会一课”、组织生活会、主题党日活动成为常态" in objective
    for module in library.all("training"):
        assert not any("原文要求" in o for o in module.objectives), module.id


def _unquoted(text: str) -> str:
    return re.sub("[“”‘’]", "", text)


def test_every_practice_a_session_teaches_is_named_in_its_title_or_the_module_summary(library):
    """No session lists a practice (注重“瘦身”减负) that neither its title nor the module's
    summary covers."""
    for module in library.all("training"):
        for session in module.sessions:
            for practice in (library.get("practice", p) for p in session.practices):
                title = _unquoted(practice.title)
                assert title in _unquoted(session.title) or title in _unquoted(module.summary), (
                    module.id,
                    session.title,
                    practice.title,
                )
    lecture = library.get("training", "branch-standardization").sessions[0]
    assert "slimming" in lecture.practices and "注重“瘦身”减负" in lecture.title


SEED = (REPO / "tests/site/source_article.txt").read_text(encoding="utf-8")
SEED_RUN = SEED.replace("\n", "")  # its page breaks fall inside sentences (小区党支\n\n部建在)


class _Passages(HTMLParser):
    """The paragraph after each h2 of 原文导读 (the passages it says are verbatim)."""

    def __init__(self):
        super().__init__()
        self.passages: dict[str, str] = {}
        self.heading, self.inside, self.after = "", "", ""

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "p") and not self.inside:
            self.inside = tag

    def handle_endtag(self, tag):
        if tag == self.inside:
            if tag == "h2":
                self.after = self.heading.strip()
            elif self.after:
                self.passages[self.after] = self.heading
                self.after = ""
            self.inside, self.heading = "", ""

    def handle_data(self, data):
        if self.inside:
            self.heading += data


def test_every_verbatim_passage_of_the_article_page_is_the_articles_character_for_character(
    built_site, library
):
    parser = _Passages()
    parser.feed((built_site / "article/index.html").read_text(encoding="utf-8"))
    passages = {h: p for h, p in parser.passages.items() if h != "来源"}
    assert len(passages) == 1 + len(library.article.sections) == 5
    for heading, passage in passages.items():
        assert passage in SEED_RUN, heading
    assert passages["原文开头"] == OPENING
    assert library.article.title in SEED


TYPO_NOTE = "原文此处作“党支部一楼道党小组”，本站按文意改为“党支部—楼道党小组”"


def test_where_the_site_quotes_the_articles_typo_corrected_it_says_so(pages):
    # the article writes 居民小区党支部一楼道党小组—党员楼长(中心)户: 一 for —
    assert "党支部一楼道党小组—党员楼长(中心)户" in SEED
    quoting = [
        path
        for path, page in pages.items()
        if any("党支部—楼道党小组" in q for q in re.findall(r"“([^”]*)”", html.unescape(page)))
    ]
    assert {"glossary.md", "practices/new-engine.md", "checklists/branch-structure.md"} <= set(
        quoting
    )
    assert "training/branch-standardization.md" in quoting
    for path in quoting:
        assert html.unescape(pages[path]).count(TYPO_NOTE) >= 1, path
    for path, page in pages.items():  # the article's 一 only where it is said to be the article's
        text = html.unescape(page).replace(TYPO_NOTE, "")
        for at in (m.start() for m in re.finditer("党支部一楼道党小组", text)):
            assert "原文" in text[max(0, at - 40) : at], path


def test_chengzhongcun_is_said_to_be_the_sites_short_label(pages, library):
    assert library.vocabularies.allowed("community_type")[-1] == "城中村"
    assert "在城中村等复杂区域" in SEED
    said = "“城中村”是本站对原文“城中村等复杂区域”的简称"
    assert said in html.unescape(pages["cases/index.md"])
    assert said in (REPO / "content/guides/editors.md").read_text(encoding="utf-8")
    assert (
        "是本站对这里“城中村等复杂区域”的简称"
        in library.get("checklist", "classified-guidance").body
    )
    assert "城中村 shortens the article's 城中村等复杂区域" in (
        REPO / "site_config/vocabularies.yml"
    ).read_text(encoding="utf-8")
