"""A Content-Security-Policy on every page, as a ``<meta>`` element so that it holds where the
site is hosted without headers (GitLab and GitHub Pages) and opened from disk.

Scripts run only from the site's own files and, inline, only by hash: the build hashes every
inline script the theme and templates put on a page (the page's own content has none, it passes
the sanitizer first), so an inline script that did not come from the build is blocked. No
plugins, no ``<base>`` from elsewhere, images from the site and ``data:`` only, nothing fetched
from another host. Styles may be inline: Material sets some, and styles cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_DIRECTIVES = (
    "default-src 'self'",
    "script-src {scripts}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
_CHARSET = '<meta charset="utf-8">'


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as it stands."""
    finder = _ScriptFinder()
    finder.feed(page)
    finder.close()
    return finder.scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: list[str]) -> str:
    allowed = " ".join(["'self'", *sorted({script_hash(s) for s in scripts})])
    return "; ".join(_DIRECTIVES).format(scripts=allowed)


def with_policy(page: str, content: str = "") -> str:
    """``page`` with its policy put first in its head. ``content``: the part of the page that
    came from the editors (already sanitized); it is left out of what is hashed."""
    built = page.replace(content, "", 1) if content else page
    value = policy(inline_scripts(built)).replace('"', "&quot;")  # holds no " in practice
    meta = f'<meta http-equiv="Content-Security-Policy" content="{value}">'
    if _CHARSET in page:
        return page.replace(_CHARSET, _CHARSET + meta, 1)
    return page.replace("<head>", "<head>" + meta, 1)


class _ScriptFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        values = dict(attrs)
        kind = (values.get("type") or "").strip().lower()
        self._current = [] if "src" not in values and kind in _SCRIPT_TYPES else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None
