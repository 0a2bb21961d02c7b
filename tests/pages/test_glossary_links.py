import re

from generator.model import Glossary
from generator.pages.glossary_links import TOOLTIP, GlossaryLinks


def _links(*terms: dict) -> GlossaryLinks:
    return GlossaryLinks(Glossary.model_validate({"terms": list(terms)}), lambda text: text)


TERMS = _links(
    {"term": "三会一课", "definition": "支部党员大会、支部委员会、党小组会和党课。"},
    {"term": "吹哨报到", "definition": "街道吹哨、部门报到。", "aliases": ["吹哨"]},
    {"term": "红色物业", "definition": "党建引领的物业服务。"},
)


def test_the_first_mention_links_to_the_entry_with_its_definition():
    html = TERMS.link("<p>坚持三会一课，落实三会一课。</p>", "../glossary/")
    assert html == (
        '<p>坚持<a class="kb-term" href="../glossary/#三会一课" '
        'title="三会一课：支部党员大会、支部委员会、党小组会和党课。">三会一课</a>'
        "，落实三会一课。</p>"
    )


def test_an_alias_links_to_its_term_and_counts_as_its_mention():
    html = TERMS.link("<p>一吹哨，再说吹哨报到。</p>", "g/")
    assert html.count('class="kb-term"') == 1
    assert 'href="g/#吹哨报到"' in html and ">吹哨</a>" in html


def test_the_longest_word_wins_where_a_term_and_its_alias_overlap():
    assert ">吹哨报到</a>" in TERMS.link("<p>吹哨报到</p>", "g/")


def test_links_headings_code_and_summaries_are_left_alone():
    for inside in (
        '<a href="x">红色物业</a>',
        "<h2>红色物业</h2>",
        "<code>红色物业</code>",
        "<summary>红色物业</summary>",
        "<pre><code>红色物业</code></pre>",
    ):
        page = f"<div>{inside}</div>"
        assert TERMS.link(page, "g/") == page
    after = TERMS.link("<h2>红色物业</h2><p>红色物业</p>", "g/")
    assert after.startswith('<h2>红色物业</h2><p><a class="kb-term"')


def test_long_definitions_are_cut_and_markup_cannot_reach_the_title():
    links = _links({"term": "网格", "definition": "<b>长</b>" + "字" * 300})
    html = links.link("<p>网格</p>", "g/")
    title = html.split('title="')[1].split('"')[0]
    assert "<" not in title and "&lt;" not in title
    assert title.endswith("…") and len(title) <= len("网格：") + TOOLTIP + 1


def test_no_glossary_leaves_the_page_as_it_is():
    assert GlossaryLinks(None, str).link("<p>三会一课</p>", "g/") == "<p>三会一课</p>"


def test_a_quoted_public_definition_explains_the_term_with_its_source_title():
    links = _links(
        {
            "term": "业主大会",
            "definition": "文中只在一个例子中出现。文中未对其作解释。",
            "quote": {
                "text": "物业管理区域内全体业主组成业主大会。" + "字" * 200,
                "source": {"title": "物业管理条例", "publisher": "国务院"},
                "part": "第八条",
            },
        },
        {"term": "院坝", "definition": "文中未对该词作解释。"},
    )
    html = links.link("<p>业主大会在院坝召开</p>", "g/")
    titles = re.findall(r'title="([^"]*)"', html)
    assert titles[0].startswith("业主大会：物业管理区域内全体业主组成业主大会。")
    assert titles[0].endswith("…（《物业管理条例》）")  # the source is never cut off
    assert "文中" not in titles[0]
    assert titles[1] == "院坝：文中未对该词作解释。"  # no quote: the article-based definition
