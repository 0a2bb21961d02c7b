"""Whose words each piece of the bundled glossary and checklists is.

A glossary entry's definition says how the article uses the term, in the article's words; an
explanation from outside the article is a quote with its named public source, shown with it.
A checklist item says what to do; under it stands its basis, the article's own words copied
character for character; an item worded by the site is marked 本站表述.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model.records import same_words
from generator.publish.pipeline import build_pages, load_library
from tests.conftest import REPO

ARTICLE_TITLE = "五华区：固本聚力开拓居民小区党建新格局"
# the source article as published (a copy of the seed the content was compiled from)
ARTICLE = (Path(__file__).parent / "source_article.txt").read_text(encoding="utf-8")
# one run of text: the source's page breaks fall inside sentences (小区党支\n\n部建在)
RUN = ARTICLE.replace("\n", "")
# the article's 一 for — in this phrase; the site writes — and says so (test_seed_fidelity.py)
TYPO, FIXED = "党支部一楼道党小组", "党支部—楼道党小组"
QUOTED = re.compile(r"“([^”]*)”")  # the site nests ‘…’ inside “…”


def _words(text: str) -> str:
    """Punctuation written one way, nested quotation marks as plain ones."""
    return same_words(text.replace("‘", "“").replace("’", "”"))


IN_ARTICLE = (_words(RUN), _words(RUN.replace(TYPO, FIXED)))


def in_article(fragment: str) -> bool:
    return all(
        any(_words(part) in text for text in IN_ARTICLE) for part in fragment.split("……") if part
    )


def purpose_added(text: str) -> bool:
    """用以 (a purpose the article does not state), not 作用以及 (the article's own words)."""
    return re.search(r"(?<!作)用以", text) is not None


@pytest.fixture(scope="module")
def library():
    return load_library(REPO).library


@pytest.fixture(scope="module")
def terms(library):
    return {t.term: t for t in library.glossary.terms}


def test_the_copy_of_the_article_is_the_article():
    assert ARTICLE.split("\n\n")[1] == ARTICLE_TITLE
    assert "注重品质提升" in RUN and TYPO in RUN


def test_every_definition_says_what_the_article_says_in_its_words(terms):
    for term in terms.values():
        assert term.definition.startswith("文中"), term.term
        for fragment in QUOTED.findall(term.definition):
            assert in_article(fragment), (term.term, fragment)
        assert not purpose_added(term.definition), term.term


def test_an_explanation_from_outside_the_article_is_a_quote_with_its_named_source(terms):
    quoted = {name: t.quote for name, t in terms.items() if t.quote}
    assert set(quoted) == {"三会一课", "主题党日", "组织生活会", "业主大会", "业主委员会"}
    for name, quote in quoted.items():
        assert quote.source.title and quote.source.title != ARTICLE_TITLE, name
        assert quote.source.url is None, name  # no official page was seen
        assert not in_article(quote.text), name
        # the public definition explains it now: no sentence saying nothing explains it
        assert not re.search(r"文中未对(其|该词)[^。]*解释", terms[name].definition), name
    party = "中国共产党支部工作条例（试行）"
    for name in ("三会一课", "主题党日", "组织生活会"):
        assert (quoted[name].source.title, quoted[name].source.publisher) == (party, "中共中央")
        assert quoted[name].part is None  # the article numbers are not verified
    assert quoted["业主大会"].part.startswith("第八条")
    assert quoted["业主委员会"].part == "第十五条"
    assert {quoted[n].source.title for n in ("业主大会", "业主委员会")} == {"物业管理条例"}
    assert terms["业主委员会"].aliases == ["业委会"]
    assert "文中写作“业委会”" in terms["业主委员会"].definition
    assert "文中未对该词作进一步解释" in terms["准物业"].definition  # nothing found: still said


def test_each_slogan_of_the_article_is_a_term_linked_where_the_article_places_it(terms):
    placed = {
        "指挥链": "command-chain",
        "动力轴": "power-axis",
        "同心圆": "concentric-circles",
        "阵地群": "position-cluster",
        "新引擎": "new-engine",
        "主心骨": "backbone",
        "提升组织力": "organizing-power",
        "同步引物业": "property-alongside",
        "红色通道": "red-channel",
        "红色队伍": "red-team",
        "红色标杆": "red-benchmark",
        "党群服务驿站": "position-cluster",
    }
    for name, practice in placed.items():
        assert terms[name].practices == [practice], name
    assert terms["黑气点"].practices == [] and "图片的说明" in terms["黑气点"].definition
    assert "“单元长动员作用”" in terms["单元长"].definition
    assert "“4次楼栋长会议”" in terms["楼栋长"].definition
    for name in ("单元长", "楼栋长"):
        assert terms[name].definition.startswith("文中只在大观街道三合营社区第一居民党支部的例子")


def test_no_purpose_the_article_does_not_state(library, terms):
    assert "用以" not in terms["三张清单"].definition
    for policy in library.all("policy"):
        assert not purpose_added(policy.summary + (policy.body or "")), policy.id


class _Quotes(HTMLParser):
    """Each glossary term (its h3 id) with the text of the quote box that follows it."""

    def __init__(self):
        super().__init__()
        self.boxes: dict[str, dict[str, str]] = {}
        self.term, self.part, self.depth = "", "", 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "h3":
            self.term = dict(attrs).get("id", "")
        if "kb-quote" in classes:
            self.depth, self.part = 1, "quote"
            self.boxes[self.term] = {"quote": "", "source": ""}
        elif self.depth and tag == "div":
            self.depth += 1
        if self.depth and "kb-quote__source" in classes:
            self.part = "source"

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1
        if self.depth and tag == "p" and self.part == "source":
            self.part = "quote"

    def handle_data(self, data):
        if self.depth:
            self.boxes[self.term][self.part] += data


def test_the_glossary_page_shows_each_quote_with_its_source_under_it(built_site, terms):
    parser = _Quotes()
    parser.feed((built_site / "glossary/index.html").read_text(encoding="utf-8"))
    quoted = {name for name, t in terms.items() if t.quote}
    assert set(parser.boxes) == quoted
    for name in quoted:
        quote, box = terms[name].quote, parser.boxes[name]
        shown = " ".join(box["quote"].split())
        assert "公开来源的定义" in shown and "不是原文的内容" in shown
        assert quote.text.replace("“", "‘").replace("”", "’") in shown, name
        assert box["source"].startswith(f"来源：《{quote.source.title}》"), name
        assert (quote.part or "") in box["source"] and quote.note in box["source"]
    page = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    assert "来源：《物业管理条例》（国务院，2018年修订）第十五条" in page
    assert "来源：《中国共产党支部工作条例（试行）》（中共中央，2018年）。" in page
    assert page.count("<em>文中用法</em>：") == len(terms)


def test_every_checklist_item_stands_on_the_articles_words(library):
    for checklist in library.all("checklist"):
        assert [s.title for s in checklist.sources] == [ARTICLE_TITLE], checklist.id
        for item in checklist.items:
            assert item.basis and item.basis_source is None, (checklist.id, item.id)
            for part in item.basis.split("……"):  # copied character for character
                assert part in RUN, (checklist.id, item.id, part)


def test_each_checklist_page_says_whose_words_its_items_are(library):
    pages = build_pages(REPO).pages
    for checklist in library.all("checklist"):
        page = pages[checklist.page_path]
        assert 'class="kb-checklist__about"' in page, checklist.id
        shared = len({item.basis for item in checklist.items}) == 1  # quoted once, above
        for item in checklist.items:
            block = page.split(f'<li id="item-{item.id}"')[1].split("</li>")[0]
            marked = "本站表述，依据原文：“" in block
            assert marked != item.text_is_quoted, (checklist.id, item.id)
            if shared and item.text_is_quoted:
                inner = item.basis.replace("“", "‘").replace("”", "’")  # quotes in a quote
                assert f"条目照录原文：“{inner}”" in html.unescape(page), checklist.id
            else:
                assert "原文：“" in block, (checklist.id, item.id)
    five = pages["checklists/five-powers.md"]
    assert "本站表述，依据原文：“对公共事务进行协商、议事和决策”" in five
    assert "本站归纳" in five and "没有写“人事”权的具体内容" in five
    lists = library.get("checklist", "three-lists")
    assert [i.text for i in lists.items] == ["建立资源清单", "建立需求清单", "建立服务清单"]
    assert not any(i.text_is_quoted for i in lists.items)
    assert "是本站对原文“资源、需求、服务‘三张清单’”的分称" in lists.body
    assert "都没有说它们就是这里的需求清单或服务清单" in lists.body


def test_the_four_enumerations_are_checklists_where_the_article_places_them(library):
    expected = {
        "street-community-estate": ("power-axis", ["做强街道", "做优社区", "做实小区"]),
        "service-teams": ("red-team", ["党建指导队", "治安巡逻队", "应急突击队"]),
        "secondment-rotation-shadowing": ("red-team", ["上挂", "轮岗", "跟班"]),
        "service-area-principles": (
            "quality",
            ["规模适度与优化整合相统一", "地域相邻与社情相近相统一", "资源共享与多元共治相统一"],
        ),
    }
    for checklist_id, (practice, starts) in expected.items():
        checklist = library.get("checklist", checklist_id)
        assert checklist.practices == [practice], checklist_id
        assert [i.text[: len(s)] for i, s in zip(checklist.items, starts, strict=True)] == starts
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i.id) for i in checklist.items)
        assert checklist in library.related(library.get("practice", practice), "checklist")
    assert "本站归纳" in library.get("checklist", "street-community-estate").body
    assert "没有解释每种形式" in library.get("checklist", "secondment-rotation-shadowing").body
    assert "只列出这几支服务团队的名称" in library.get("checklist", "service-teams").body
