import html

import markdown
import pytest

from generator.pages.render import indent_markdown, plain, tidy_blank_lines
from generator.publish.pipeline import build_pages
from tests.helpers import case_yaml, make_project

# Every extension that could turn text into markup, attr_list and abbr included although the
# site does not enable them: plain text must stay text even then.
EVERY_EXTENSION = [
    "attr_list",
    "abbr",
    "def_list",
    "tables",
    "admonition",
    "md_in_html",
    "pymdownx.emoji",
    "pymdownx.superfences",
    "footnotes",
]


@pytest.mark.parametrize(
    "text",
    [
        "<b>粗</b> *星* _斜_ [链](x) a|b `码` ~~删~~",
        '标题 { onclick="alert(1)" }',
        ':material-account:{ onclick="alert(1)" } :smile:',
        "# 不是标题",
        "1. 不是列表",
        "> 不是引用",
        "*[HTML]: 不是缩写",
        "[^1] 不是脚注",
        "&lt;img src=x onerror=alert(1)&gt; &amp; \\ \\*",
    ],
)
def test_plain_text_stays_text_whatever_the_extensions(text):
    rendered = markdown.markdown(plain(text), extensions=EVERY_EXTENSION)
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner and html.unescape(inner) == text


def test_indent_markdown_keeps_paragraphs_in_the_list_item():
    assert indent_markdown("一\n\n二") == "一\n\n    二"


def test_tidy_blank_lines_leaves_code_blocks_alone():
    text = "a\n\n\n\nb\n```\nx\n\n\ny\n```\n"
    assert tidy_blank_lines(text) == "a\n\nb\n```\nx\n\n\ny\n```\n"


def test_every_kind_of_page_is_rendered(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    pages = build_pages(root).pages
    assert {
        "index.md",
        "cases/index.md",
        "cases/a.md",
        "practices/sample-practice.md",
        "policies/sample-policy.md",
        "checklists/sample-checklist.md",
        "glossary.md",
        "figures.md",
        "guides/index.md",
    } <= set(pages)


def test_back_links_appear_on_practice_policy_and_checklist_pages(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a",
                extra="""
        practices: [sample-practice]
        policies: [sample-policy]
        checklists: [sample-checklist]
    """,
            )
        },
    )
    pages = build_pages(root).pages
    for page in (
        "practices/sample-practice.md",
        "policies/sample-policy.md",
        "checklists/sample-checklist.md",
    ):
        assert "[案例a](../cases/a.md)" in pages[page], page


def test_case_library_holds_the_finder_and_a_street_list_for_readers_without_scripts(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a"),
            "cases/b.yml": case_yaml("b"),
            "cases/c.yml": case_yaml("c", street="华山街道"),
        },
    )
    pages = build_pages(root).pages
    index = pages["cases/index.md"]
    assert '<div class="kb-finder" markdown>' in index
    assert "- [华山街道](streets/huashan.md)（1 个案例）" in index
    assert index.index("华山街道") < index.index("护国街道")  # vocabulary order
    assert '<a href="../../a/">案例a</a>' in pages["cases/streets/huguo.md"]


def test_practice_pages_list_a_few_cases_and_link_the_finder_for_the_rest(tmp_path):
    cases = {
        f"cases/c{n}.yml": case_yaml(f"c{n}", extra="practices: [sample-practice]\n")
        for n in range(8)
    }
    page = build_pages(make_project(tmp_path, cases)).pages["practices/sample-practice.md"]
    assert page.count("](../cases/c") == 5
    assert "[查看全部 8 个案例](../cases/index.md?practice=sample-practice)" in page


def test_a_template_in_site_config_overrides_the_page(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    (root / "site_config/templates/figures.md.j2").write_text("# 自定义\n", encoding="utf-8")
    assert build_pages(root).pages["figures.md"] == "# 自定义\n"


def test_glossary_terms_get_stable_anchors_linked_from_practices(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/glossary.yml": (
                "terms:\n  - term: 主题党日“轮值制”\n    definition: 释义。\n"
                "    practices: [sample-practice]\n"
            )
        },
    )
    pages = build_pages(root).pages
    assert "### 主题党日“轮值制”\n" in pages["glossary.md"]  # id: generator.pages.slugs
    assert "(../glossary.md#主题党日轮值制)" in pages["practices/sample-practice.md"]


def test_the_glossary_is_indexed_by_pinyin_initial_and_sorted_by_pinyin(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/glossary.yml": """
        terms:
          - {term: 网格, definition: 释义。}
          - {term: 红色物业, definition: 释义。}
          - {term: 吹哨报到, definition: 释义。}
          - {term: 党员中心户, definition: 释义。}
          - {term: 5G小区, definition: 释义。}
          - {term: 红旗, definition: 释义。}
    """
        },
    )
    page = build_pages(root).pages["glossary.md"]
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert headings == [
        "# 术语表",
        "## 5",
        "### 5G小区",
        "## C",
        "### 吹哨报到",
        "## D",
        "### 党员中心户",
        "## H",
        "### 红旗",
        "### 红色物业",
        "## W",
        "### 网格",
    ]
    assert "[C](#c) [D](#d)" in page


def test_terms_opening_with_punctuation_are_filed_under_their_first_letter(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/glossary.yml": """
        terms:
          - {term: “吹哨报到”, definition: 释义。}
          - {term: 【党建】, definition: 释义。}
          - {term: 成员, definition: 释义。}
          - {term: “”, definition: 只有标点。}
    """
        },
    )
    page = build_pages(root).pages["glossary.md"]
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert headings == [
        "# 术语表",
        "## C",
        "### 成员",
        "### “吹哨报到”",
        "## D",
        "### 【党建】",
        "## 其他",
        "### “”",
    ]
    assert "[C](#c) [D](#d) [其他](#其他)" in page  # every index link has a target


def test_figures_are_grouped_by_the_section_of_their_practice_in_the_article_order(tmp_path):
    root = make_project(
        tmp_path,
        {
            "content/figures.yml": """
        figures:
          - {value: 3, unit: 次, label: 其他数字, context: 语境一。}
          - {value: 5, unit: 个, label: 工作法里的数字, context: 语境二。,
             practices: [sample-practice]}
    """
        },
    )
    page = build_pages(root).pages["figures.md"]
    sections = [line for line in page.splitlines() if line.startswith("## ")]
    assert len(sections) == 2 and sections[-1] == "## 其他"
    assert page.index("工作法里的数字") < page.index("其他数字")
    assert '<details class="kb-figure" markdown>' in page


def test_the_rules_page_lists_every_rule_of_the_registry(tmp_path):
    from generator.sources.rules import RULES

    page = build_pages(make_project(tmp_path, {})).pages["guides/rules.md"]
    rows = [
        [html.unescape(cell.strip()) for cell in line.strip("|").split(" | ")]
        for line in page.splitlines()
        if line.startswith("| `")
    ]
    assert rows == [
        [f"`{rule.id}`", rule.title, rule.why, "警告" if rule.level == "warning" else "错误"]
        for rule in RULES.values()
    ]
    # in 使用指南, where the editors' guide links it
    assert "1. [使用指南](index.md)\n1. 检查规则\n" in page
    assert page.count("# 检查规则") == 1


def test_the_problems_page_names_each_problems_rule():
    from generator.pages.render import render_problems_page
    from generator.sources.problems import ProblemList
    from tests.conftest import REPO

    problems = ProblemList()
    problems.add("cases/a.yml", 3, 1, "summary", "含有手机号。", rule="pii-phone")
    problems.add("cases/b.yml", 1, 1, "", "不会被读取。", rule="file-stray")
    page = render_problems_page(REPO / "site_config/templates", problems)
    assert "**summary**：含有手机号。（规则 `pii-phone`）\n" in page
    assert "（警告）：不会被读取。（规则 `file-stray`）\n" in page
