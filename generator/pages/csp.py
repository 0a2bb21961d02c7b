"""A Content-Security-Policy on every page, as a ``<meta>`` element so that it holds where the
site is hosted without headers (GitLab and GitHub Pages) and opened from disk.

Scripts run only from the site's own files and, inline, only those the generator ships: the
inline ``<script>`` snippets written in the theme's templates (Material's and
``site_config/overrides``), read from the template files themselves. A template's ``{{ … }}``
may only have become a plain path or word (``"../.."``, ``"/kb/"``), never quotes, brackets or
spaces. Every inline script on a built page must be one of these, or the page is refused
(:class:`UnknownInlineScript`): a script that reached the page through a setting or a missed
check is never allowed "because it is there". No plugins, no ``<base>`` from elsewhere, images
from the site and ``data:`` only, nothing fetched from another host. Styles may be inline:
Material sets some, and styles cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

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
# an inline script as a template writes it: <script> with no attributes, then its text
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_STATEMENT = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
# what a template expression may become: a path or a word, optionally as a JSON string
_VALUE = r'"?[\w.~/%-]*"?'


class UnknownInlineScript(ValueError):
    """A page holds an inline script that no template of the theme ships."""

    def __init__(self, script: str):
        super().__init__(script)
        self.script = script

    @property
    def shown(self) -> str:
        text = " ".join(self.script.split())
        return text if len(text) <= 60 else text[:60] + "…"


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts the theme's templates ship, as patterns for their rendered text."""

    patterns: tuple[re.Pattern, ...] = ()

    def allows(self, script: str) -> bool:
        return any(pattern.fullmatch(script) for pattern in self.patterns)


def known_scripts(template_folders: Iterable[Path]) -> KnownScripts:
    """Every inline script written in the ``.html`` templates under ``template_folders``
    (links are skipped: a template reached through one is refused where it is loaded)."""
    found: dict[str, re.Pattern] = {}
    for folder in template_folders:
        for path in sorted(Path(folder).rglob("*.html")):
            if path.is_symlink() or not path.is_file():
                continue
            for body in _TEMPLATE_SCRIPT.findall(path.read_text(encoding="utf-8")):
                if not _STATEMENT.search(body):
                    found.setdefault(body, _pattern(body))
    return KnownScripts(tuple(found[body] for body in sorted(found)))


def _pattern(body: str) -> re.Pattern:
    parts = _EXPRESSION.split(body)
    return re.compile(_VALUE.join(re.escape(part) for part in parts), re.S)


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


def with_policy(page: str, known: KnownScripts, content: str = "") -> str:
    """``page`` with its policy put first in its head; raises :class:`UnknownInlineScript`
    for an inline script the theme does not ship. ``content``: the part of the page that came
    from the editors (already sanitized); it is left out, so it can never add a script."""
    built = page.replace(content, "", 1) if content else page
    scripts = inline_scripts(built)
    for script in scripts:
        if not known.allows(script):
            raise UnknownInlineScript(script)
    value = policy(scripts).replace('"', "&quot;")  # holds no " in practice
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
