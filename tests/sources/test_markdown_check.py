import pytest
from mkdocs.config import load_config

from generator.sources.markdown_check import (
    EXTENSIONS,
    MAX_FINDINGS,
    PARSE_BUDGET,
    inspect_markdown,
    markdown_problems,
    parse_cost,
)
from tests.conftest import REPO


def _messages(text: str) -> list[str]:
    return [problem.message for problem in markdown_problems(text)]


def _rules(text: str) -> set[str]:
    return {problem.rule for problem in markdown_problems(text)}


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "成效 <img src=x onerror=alert(1)>",
        "<iframe src='https://example.org'></iframe>",
        "<!-- 注释 -->",
        "<x.y autofocus onfocus=alert(1)>",  # tag names a pattern would not recognise
        "<x_y onmouseover=alert(1)>文字</x_y>",
        "\\`<img src=x onerror=alert(1)>\\`",  # escaped backticks are not a code span
        "`开始\n\n<img src=x onerror=alert(1)>`",  # a code span does not cross a blank line
        "<div markdown>\n**粗** <b onclick=alert(1)>x</b>\n</div>",
    ],
)
def test_raw_html_is_refused_as_python_markdown_parses_it(text):
    assert any("HTML 标签" in m for m in _messages(text))
    assert "html-tag" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "点击[这里](javascript:alert(1))",
        "点击[这里](JavaScript&#58;alert(1))",
        "点击[这里](<java\tscript:alert(1)>)",
        "<javascript:alert(1)>",
        "[x][1]\n\n[1]: vbscript:msgbox",
        "> [x]: javascript:alert(1)\n\n[看][x]",  # a reference definition inside a blockquote
        "[]: javascript:alert(1)\n\n[a][]",  # with an empty label
        "[邮件](mailto:someone@example.org)",
    ],
)
def test_links_other_than_http_and_relative_are_refused(text):
    assert any("不安全" in m or "HTML" in m for m in _messages(text))
    assert _rules(text) & {"link-scheme", "html-tag"}


def test_images_from_other_hosts_and_data_urls_are_refused():
    assert "其他网站" in _messages("![图](https://example.org/a.png)")[0]
    assert _rules("![图](data:image/png;base64,AAAA)") == {"image-remote"}


def test_html_in_a_link_title_is_refused():
    [problem] = markdown_problems('[x](https://example.org "&lt;img src=x onerror=alert(1)&gt;")')
    assert "链接标题" in problem.message and problem.rule == "link-title"


@pytest.mark.parametrize(
    "text",
    [
        '[x](https://example.org){ onclick="alert(1)" }',
        "段落。\n{: onmouseover=alert(1) }",
        "## 标题 {: .danger }",
        '[x](https://example.org){: href="javascript:alert(1)" }',
        '段落\n{: style="position: fixed; inset: 0" }',
    ],
)
def test_attribute_lists_are_not_supported(text):
    assert any("属性写法" in m for m in _messages(text))
    assert "md-attr-list" in _rules(text)


def test_abbreviation_definitions_are_not_supported():
    assert any("缩写" in m for m in _messages("HTML 是什么。\n\n*[HTML]: <img src=x onerror=1>"))
    assert _rules("*[HTML]: 超文本") == {"md-abbreviation"}


@pytest.mark.parametrize(
    "text",
    [
        "**加粗**、*强调*、[链接](https://example.org)、[页面](../guides/editors.md)",
        "代码 `<b>粗</b>` 可以",
        "```\n<script>示例</script>\n```",
        "```yaml\nid: a\n```",
        "写法：`{: .note }` 是属性列表",
        "小于 5 次：a < b，或 <https://example.org>",
        "[锚点](#做法)、A&B、&amp;",
        "表格：\n\n| 项 | 值 |\n| :-- | --: |\n| 会议 | 3 |",
        "{一}和{二}",
    ],
)
def test_ordinary_markdown_is_fine(text):
    assert markdown_problems(text) == []


def test_problems_point_at_their_line_inside_the_text():
    text = "第一段。\n\n第二段 <b>粗</b>。\n\n[坏](javascript:x)"
    assert [(p.lines_before, p.rule) for p in markdown_problems(text)] == [
        (2, "html-tag"),
        (4, "link-scheme"),
    ]


def test_plain_prose_skips_the_parser():
    assert inspect_markdown("只有中文和标点，没有链接。") == inspect_markdown("")


def test_the_check_parses_with_the_sites_extensions():
    config = load_config(str(REPO / "mkdocs.yml"))
    site = {name for name in config.markdown_extensions if isinstance(name, str)}
    assert site - {"toc", "pymdownx.emoji"} == set(EXTENSIONS)


@pytest.mark.parametrize(
    "text", [r"![](/\host/a.png)", r"![](\\\\host/a.png)", "![图](<//host/a.png>)"]
)
def test_an_image_from_another_host_written_with_backslashes_is_refused(text):
    assert "其他网站" in _messages(text)[0]


def test_links_are_checked_as_the_browser_reads_them_after_backslash_escapes():
    assert _messages("[x](javascript\\:alert(1))")  # \: is an escaped colon: javascript:
    [link] = inspect_markdown("[x](a\\_b.md) 和 [y](c\\\\d.md)").links[:1]
    assert link.url == "a_b.md"
    assert "\x02" not in inspect_markdown("[y](c\\\\d.md)").links[0].url


@pytest.mark.parametrize(
    "text",
    [
        "- " * 2000 + "x",
        "1. " * 600 + "x",
        "".join("    " * i + "- x\n" for i in range(400)),
    ],
)
def test_nesting_too_deep_for_the_parser_is_a_problem_not_a_crash(text):
    [problem] = markdown_problems(text)
    assert "嵌套太深" in problem.message and problem.rule == "md-too-deep"


def test_a_hundred_copies_of_one_mistake_are_not_all_listed():
    # (a thousand would be over the parse budget: refused unparsed, one message)
    text = "".join(f'<b title="{n}">x</b>\n\n' for n in range(100))
    assert 5 <= len(markdown_problems(text)) <= MAX_FINDINGS


def test_text_over_the_budget_is_never_parsed_whoever_asks():
    text = "[a](" * 4000
    assert inspect_markdown(text).too_costly and inspect_markdown(text).links == ()
    [(_, message, rule)] = markdown_problems(text)
    assert "解析工作量" in message and rule == "md-too-costly"


def test_parse_cost_grows_with_marks_and_length_of_each_paragraph():
    assert parse_cost("一段话。")[0] == 5 * 1 + 400
    text = "第一段。\n\n" + "[" * 100 + "\n" + "<" * 100 + "\n\n末段。"
    cost, line = parse_cost(text)
    assert line == 2 and cost == (5 + 400) + (202 * 202 + 400) + (4 + 400) + 100 * len(text)


def test_parse_cost_counts_what_makes_the_parser_slow_across_paragraphs():
    tags = "\n\n".join(["<a x" * 40] * 330)  # each unclosed tag is looked for to the end
    quotes = "\n\n".join([">" * 40 + " 引用"] * 1000)  # each level parses the paragraph again
    fences = "\n\n".join(["```\nx\n```"] * 3000)  # each block is highlighted
    for text in (tags, quotes, fences):
        assert parse_cost(text)[0] > PARSE_BUDGET
    guide = (REPO / "content/guides/editors.md").read_text(encoding="utf-8")
    assert parse_cost(guide)[0] < PARSE_BUDGET / 5


# --- pinned for mutation testing (README "测试") ---------------------------------------------


def test_only_what_is_outside_code_is_reported_on_its_own_line():
    text = (
        "第一段\n\n```\n{: .x}\n*[HTML]: y\n```\n\n正文 {: #id} 和 `{: .y}`\n\n"
        "*[ABC]: 说明\n\n~~~~\n<b>\n~~~\n仍在代码里 {: .z}\n~~~~\n之后 {: .w}\n"
    )
    assert [(line, message[:11]) for line, message, _ in markdown_problems(text)] == [
        (7, "不支持「{: #id}"),
        (9, "不支持 *[缩写]: "),
        (16, "不支持「{: .w}」"),
    ]


def test_a_problem_is_placed_on_the_line_of_what_it_names():
    from generator.sources.markdown_check import line_of

    assert line_of("a\nb\nc", "c") == 2
    assert line_of("abc", "a") == 0 and line_of("abc", "") == 0 and line_of("a\nb", "z") == 0
    text = "第一行\n\n第三行 <span>x</span>\n\n[链接](javascript:alert(1))\n"
    assert [problem.lines_before for problem in markdown_problems(text)] == [2, 4]


def test_at_most_max_findings_are_listed():
    from generator.sources.markdown_check import MAX_FINDINGS

    text = "\n\n".join(f"段落 {{: .c{n}}}" for n in range(MAX_FINDINGS + 5))
    assert len(markdown_problems(text)) == MAX_FINDINGS
    text = "\n\n".join(f"*[A{n}]: 说明" for n in range(MAX_FINDINGS + 5))
    assert len(markdown_problems(text)) == MAX_FINDINGS


def test_the_costliest_paragraph_is_the_one_named():
    from generator.sources.markdown_check import parse_cost

    assert parse_cost("") == (0, 0)
    cost, line = parse_cost("a\n\n[[[[\n")
    assert (cost, line) == (827, 2)
    assert parse_cost("x\n\ny")[1] == 0  # equal paragraphs: the first is named


@pytest.mark.parametrize(
    "markdown, shown",
    [
        ("<span>x</span>", "不能使用 HTML 标签「<span>」"),
        ("<!-- 注释 -->", "不能使用 HTML 标签「<!-- 注释 -->」"),
        ("<!DOCTYPE html>", "不能使用 HTML 标签「<!DOCTYPE html>」"),
        ('[a](https://a.cn/ "x > y")', "链接标题「x > y」里有 < 或 >"),
        ('[a](https://a.cn/ "x < y")', "链接标题「x < y」里有 < 或 >"),
        ("![](//host/a.png)", "图片「//host/a.png」在其他网站上"),
        ("[a](java\\script:alert(1))", "链接地址「java\\script:alert(1)」不安全"),
        ("[a](&#x20;javascript:x)", "链接地址「&#x20;javascript:x」不安全"),
        ("[a](https://a.cn/" + "x" * 40 + ")", None),
        ("[a](ftp://" + "x" * 40 + ")", "链接地址「ftp://" + "x" * 24 + "…」不安全"),
    ],
)
def test_each_message_names_what_is_wrong(markdown, shown):
    found = [problem.message for problem in markdown_problems(markdown)]
    if shown is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(shown), found
