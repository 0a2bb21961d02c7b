import markdown
import pytest

from generator.pages.markdown_html import MarkdownRenderer, is_plain_prose, plain_paragraphs
from generator.pages.slugs import slugify
from generator.publish.pipeline import load_library
from generator.sources.markdown_check import EXTENSIONS
from tests.conftest import REPO

PYTHON_MARKDOWN = markdown.Markdown(
    extensions=[*EXTENSIONS, "toc"], extension_configs={"toc": {"slugify": slugify}}
)


def _texts() -> list[str]:
    library = load_library(REPO).library
    texts = []
    for case in library.all("case"):
        texts += [case.summary, case.background or "", case.outcomes or ""]
        texts += case.actions + case.lessons
    for practice in library.all("practice"):
        texts += practice.steps
    return [t for t in texts if t]


def test_the_fast_path_gives_exactly_what_python_markdown_gives():
    plain = [t for t in _texts() if is_plain_prose(t)]
    assert len(plain) > 30
    extra = ["第一段。\n第一段第二行。\n\n第二段。", "“引号”、（括号）；分号，逗号,句号."]
    for text in plain + extra:
        assert plain_paragraphs(text) == PYTHON_MARKDOWN.reset().convert(text), text


@pytest.mark.parametrize(
    "text",
    [
        "**加粗**",
        "[链接](https://example.org)",
        "- 列表",
        "1. 列表",
        "> 引用",
        "# 标题",
        "a | b",
        "`代码`",
        "缩进\n    代码",
        "行尾两个空格  \n换行",
        ":material-check:",
        "a < b",
        "标题\n===",
        "*[HTML]: x",
        "{: .x }",
        "2021. 年份",
    ],
)
def test_anything_that_could_be_markdown_takes_the_full_path(text):
    assert not is_plain_prose(text)
    assert MarkdownRenderer().render(text) == PYTHON_MARKDOWN.reset().convert(text)


def test_the_renderer_takes_the_sites_extensions():
    renderer = MarkdownRenderer(["admonition"], {})
    assert 'class="admonition note"' in renderer.render('!!! note "注意"\n    内容')
