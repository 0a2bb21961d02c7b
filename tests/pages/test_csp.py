"""generator/pages/csp.py: each page's policy allows only the inline scripts the theme's
templates ship, by hash; any other inline script refuses the page."""

import base64
import hashlib
import os

import pytest

from generator.pages.csp import (
    KnownScripts,
    UnknownInlineScript,
    inline_scripts,
    known_scripts,
    policy,
    with_policy,
)

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = "</p>";</script>
<script src="assets/x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body>{content}<script type="module">import("./m.js")</script></body></html>"""
TEMPLATE = """{% block scripts %}<script>var a = "</p>";</script>
<script>__scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>
<script>{% if x %}var b = 1;{% endif %}</script>
<script>config.search = {{ ("x.js" | url) | tojson }};</script>{% endblock %}"""


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture
def known(tmp_path) -> KnownScripts:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/scripts.html").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "module.html").write_text('<script>import("./m.js")</script>', "utf-8")
    return known_scripts([tmp_path])


def test_only_inline_scripts_that_run_are_hashed_exactly_as_written():
    assert inline_scripts(PAGE) == ['var a = "</p>";', 'import("./m.js")']


def test_the_policy_names_each_hash_and_refuses_plugins_and_other_hosts():
    script = 'var a = "</p>";'
    value = policy([script])
    assert f"script-src 'self' 'sha256-{_hash(script)}';" in value
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "img-src 'self' data:",
    ):
        assert directive in value
    assert "unsafe-inline'" not in value.split("script-src")[1].split(";")[0]


def test_the_meta_element_comes_first_and_the_content_is_not_hashed(known):
    content = "<p>编辑写的内容</p><script>alert(1)</script>"  # as if the sanitizer had missed it
    page = with_policy(PAGE.replace("{content}", content), known, content)
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<script")
    assert _hash("alert(1)") not in page and _hash('var a = "</p>";') in page


@pytest.mark.parametrize(
    "script",
    [
        '__scope=new URL("../..",location)',
        '__scope=new URL("/kb/",location)',
        '__scope=new URL(".",location)',
        'config.search = "../assets/x.js";',
    ],
)
def test_a_template_expression_may_become_a_path(known, script):
    assert known.allows(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        '__scope=new URL("/kb/"),alert(1),("",location)',  # a site address with code in it
        '__scope=new URL("/kb/ ",location)',
        'config.search = "x.js";alert(1);"";',
        "var b = 1;",  # a template script with a statement inside is not known
        'var a = "</p>";alert(1)',
    ],
)
def test_anything_else_refuses_the_page(known, script):
    assert not known.allows(script)
    with pytest.raises(UnknownInlineScript):
        with_policy(PAGE.replace("{content}", f"<script>{script}</script>"), known)


def test_templates_reached_through_a_link_are_not_known(tmp_path):
    (tmp_path / "outside.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    os.symlink(tmp_path / "outside.html", tmp_path / "templates/main.html")
    assert not known_scripts([tmp_path / "templates"]).allows("alert(1)")
