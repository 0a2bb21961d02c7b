import json
import re

import markdown
import pytest
from mkdocs.config import load_config

from generator.publish.pipeline import build_pages
from generator.sources.sanitize import (
    clean_html,
    clean_page,
    clean_search_index,
    clean_text,
    removals,
)
from tests.conftest import REPO


@pytest.mark.parametrize("html, kept", [
    ('<p onclick="alert(1)" style="position:fixed">段落</p>', "<p>段落</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
    ('<img src="x" onerror="alert(1)">', '<img src="x">'),
    ('<x.y autofocus onfocus="alert(1)">文字</x.y>', "文字"),
    ('<svg onload="alert(1)"><path d="M0"/></svg>', '<svg><path d="M0"></path></svg>'),
    ("<script>alert(1)</script>后", "后"),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', ""),
    ('<a title="&lt;img src=x onerror=alert(1)&gt;" href="https://a.org/">x</a>',
     '<a href="https://a.org/">x</a>'),
    ('<h2 id="__config">标题</h2>', "<h2>标题</h2>"),
    ('<div class="md-dialog admonition note">x</div>', '<div class="admonition note">x</div>'),
    ('<img src="https://example.org/track.png" alt="a">', '<img alt="a">'),
    # browsers read a backslash as a slash, and drop tabs and line breaks: other hosts too
    ('<img src="/\\host/a.png" alt="a">', '<img alt="a">'),
    ('<img src="\\\\host/a.png" alt="a">', '<img alt="a">'),
    ('<img src="/&#9;/host/a.png" alt="a">', '<img alt="a">'),
    ('<img src=" //host/a.png" alt="a">', '<img alt="a">'),
])
def test_dangerous_html_never_survives(html, kept):
    assert clean_html(html) == kept


def test_what_our_pages_need_is_kept():
    html = (
        '<h2 id="做法">做法</h2><div class="admonition abstract"><p class="admonition-title">'
        '概述</p><p>正文 <a href="../practices/red-channel/" title="说明">链接</a> '
        '<a href="https://example.org/a?b=1&amp;c=2">外链</a></p></div>'
        '<table><thead><tr><th align="left">项</th></tr></thead></table>'
        '<div class="highlight"><pre><span></span><code><span class="l l-Scalar-Plain">x'
        '</span></code></pre></div><span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg"'
        ' viewBox="0 0 24 24"><path d="M1 2"></path></svg></span>'
    )
    assert clean_html(html) == html
    assert removals(html) == []
    assert clean_page(html) == (html, False)


def test_removals_name_what_was_taken_out():
    found = removals('<p onclick="x"><a href="javascript:y">a</a><script></script></p>')
    assert [r.describe() for r in found] == [
        "<p> 的 onclick 属性", "<a> 的 href「javascript:y」", "HTML 标签「<script>」"]
    assert clean_page('<p onclick="x">a</p>')[1] is True


def test_titles_become_text():
    assert clean_text("<b>标题</b>&lt;script&gt;") == "标题&lt;script&gt;"


def test_search_index_documents_are_cleaned():
    index = {"config": {"lang": ["zh"]}, "docs": [
        {"location": "a/", "title": "<img src=x onerror=alert(1)>标题", "text": "<p>正文</p>"}]}
    cleaned = json.loads(clean_search_index(json.dumps(index)))
    assert cleaned["docs"][0] == {"location": "a/", "title": "标题", "text": "<p>正文</p>"}
    assert cleaned["config"] == index["config"]


def test_the_seed_pages_need_nothing_removed():
    """Our templates and content, rendered with the site's Markdown, are already clean."""
    config = load_config(str(REPO / "mkdocs.yml"))
    parser = markdown.Markdown(extensions=config.markdown_extensions,
                               extension_configs=config.mdx_configs)
    for path, text in build_pages(REPO).pages.items():
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        html = parser.reset().convert(body)
        assert removals(html) == [], path
        assert clean_page(html)[1] is False, path


def test_the_built_seed_site_has_nothing_to_remove(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        article = re.search(r"<article[^>]*>(.*)</article>", page.read_text("utf-8"), re.S)
        if article:
            assert removals(article.group(1)) == [], page
