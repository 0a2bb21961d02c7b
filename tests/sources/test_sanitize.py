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


@pytest.mark.parametrize(
    "html, kept",
    [
        ('<p onclick="alert(1)" style="position:fixed">段落</p>', "<p>段落</p>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        ('<x.y autofocus onfocus="alert(1)">文字</x.y>', "文字"),
        ('<svg onload="alert(1)"><path d="M0"/></svg>', '<svg><path d="M0"></path></svg>'),
        ("<script>alert(1)</script>后", "后"),
        # a style sheet's text is not left behind as page text either
        (
            "<p>甲</p><style>p{display:none}</style><div><style>*{}</style>乙</div>",
            "<p>甲</p><div>乙</div>",
        ),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', ""),
        (
            '<a title="&lt;img src=x onerror=alert(1)&gt;" href="https://a.org/">x</a>',
            '<a href="https://a.org/">x</a>',
        ),
        ('<h2 id="__config">标题</h2>', "<h2>标题</h2>"),
        ('<a title="a<b" href="https://a.cn/">x</a>', '<a href="https://a.cn/">x</a>'),
        ('<div class="md-dialog admonition note">x</div>', '<div class="admonition note">x</div>'),
        ('<img src="https://example.org/track.png" alt="a">', '<img alt="a">'),
        # browsers read a backslash as a slash, and drop tabs and line breaks: other hosts too
        ('<img src="/\\host/a.png" alt="a">', '<img alt="a">'),
        ('<img src="\\\\host/a.png" alt="a">', '<img alt="a">'),
        ('<img src="/&#9;/host/a.png" alt="a">', '<img alt="a">'),
        ('<img src=" //host/a.png" alt="a">', '<img alt="a">'),
    ],
)
def test_dangerous_html_never_survives(html, kept):
    assert clean_html(html) == kept
    # what was taken out is named, and the build is told the page changed
    assert removals(html) and clean_page(html) == (kept, True)


@pytest.mark.parametrize(
    "html",
    [
        "<p>a<blink>x</blink></p>",
        "<p>a<marquee>x</marquee></p>",
        "<custom-tag>x</custom-tag>",
        '<a href=" java\tscript:alert(1)">x</a>',
        "<p>a<!-- note --></p>",
    ],
)
def test_any_removal_is_reported_whatever_the_tag(html):
    assert removals(html)
    assert clean_page(html)[1] is True


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
        "<p> 的 onclick 属性",
        "<a> 的 href「javascript:y」",
        "HTML 标签「<script>」",
    ]
    assert clean_page('<p onclick="x">a</p>')[1] is True


def test_titles_become_text():
    assert clean_text("<b>标题</b>&lt;script&gt;") == "标题&lt;script&gt;"


def test_search_index_documents_are_cleaned():
    index = {
        "config": {"lang": ["zh"]},
        "docs": [
            {"location": "a/", "title": "<img src=x onerror=alert(1)>标题", "text": "<p>正文</p>"}
        ],
    }
    cleaned = json.loads(clean_search_index(json.dumps(index)))
    assert cleaned["docs"][0] == {"location": "a/", "title": "标题", "text": "<p>正文</p>"}
    assert cleaned["config"] == index["config"]


def test_the_seed_pages_need_nothing_removed():
    """Our templates and content, rendered with the site's Markdown, are already clean."""
    config = load_config(str(REPO / "mkdocs.yml"))
    parser = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
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


def test_each_removal_names_the_tag_the_attribute_and_the_value():
    html = (
        '<div class="admonition evil bad">x</div><a title="a>b" href="https://a.cn/">y</a>'
        '<h2 id="__config">t</h2><img src="//h/a.png"><a href="JavaScript:x">j</a>'
        '<!-- c --><p style="x">z</p><img src="HTTP://h/a.png"><img src="\x01//h/b.png">'
        "<div class>empty</div>"
    )
    assert [r.describe() for r in removals(html)] == [
        "<div> 的 class「evil bad」",
        "<a> 的 title「a>b」",
        "<h2> 的 id「__config」",
        "<img> 的 src「//h/a.png」",
        "<a> 的 href「JavaScript:x」",
        "HTML 标签「<!-->」",
        "<p> 的 style 属性",
        "<img> 的 src「HTTP://h/a.png」",
        "<img> 的 src「\x01//h/b.png」",
    ]
    assert clean_html('<img src="\x01//h/b.png">') == "<img>"


def test_a_long_value_is_shortened_to_thirty_characters():
    from generator.sources.sanitize import Removal

    assert Removal("a", "href", "x" * 30).describe() == f"<a> 的 href「{'x' * 30}」"
    assert Removal("a", "href", "y" * 31).describe() == f"<a> 的 href「{'y' * 30}…」"


@pytest.mark.parametrize(
    "url, local",
    [
        ("images/a.png", True),
        ("/assets/a.png", True),
        ("!//host/a.png", True),
        ("X//host/a.png", True),
        ("#top", True),
        ("//host/a.png", False),
        ("HTTP://host/a.png", False),
        ("\x01//host/a.png", False),
        (" \t//host/a.png", False),
        ("data:image/png;base64,AA", False),
    ],
)
def test_which_image_addresses_are_this_sites(url, local):
    from generator.sources.sanitize import is_local_url

    assert is_local_url(url) is local
