"""generator/csp.py: each page carries a policy that allows its own inline scripts by hash."""

import base64
import hashlib

from generator.pages.csp import inline_scripts, policy, with_policy

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = "</p>";</script>
<script src="assets/x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body>{content}<script type="module">import("./m.js")</script></body></html>"""


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_only_inline_scripts_that_run_are_hashed_exactly_as_written():
    assert inline_scripts(PAGE) == ['var a = "</p>";', 'import("./m.js")']


def test_the_policy_names_each_hash_and_refuses_plugins_and_other_hosts():
    script = 'var a = "</p>";'
    value = policy([script])
    assert f"script-src 'self' 'sha256-{_hash(script)}';" in value
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                      "img-src 'self' data:"):
        assert directive in value
    assert "unsafe-inline'" not in value.split("script-src")[1].split(";")[0]


def test_the_meta_element_comes_first_and_the_content_is_not_hashed():
    content = "<p>编辑写的内容</p><script>alert(1)</script>"  # as if the sanitizer had missed it
    page = with_policy(PAGE.replace("{content}", content), content)
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<script")
    assert _hash("alert(1)") not in page and _hash('var a = "</p>";') in page
