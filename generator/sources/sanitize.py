"""The allowlist every page's content passes through before it reaches a reader.

Input checks (``markdown_check``, ``pii``) tell editors what is wrong and where. This module
makes the page safe even where they miss: whatever produced the HTML, only the tags,
attributes, classes and URL schemes listed here survive. It uses nh3 (Ammonia), a maintained
HTML5 sanitizer; nothing here parses HTML with regular expressions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS = HEADINGS | {
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "span",
    "div",
    "a",
    "img",
    "strong",
    "em",
    "b",
    "i",
    "del",
    "sup",
    "sub",
    "mark",
    "kbd",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "svg",
    "path",  # icons drawn by the emoji extension
    "nav",  # the breadcrumb (templates/_breadcrumb.*.j2)
}
_CLASSED = {
    "div",
    "span",
    "p",
    "code",
    "pre",
    "details",
    "ul",
    "ol",
    "li",
    "dl",
    "table",
    "a",
    "nav",
}
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "details": {"open"},
    "svg": {"xmlns", "viewBox"},
    "path": {"d"},
    "nav": {"aria-label"},
}
for _tag in _CLASSED:
    ATTRIBUTES.setdefault(_tag, set()).add("class")
for _tag in HEADINGS | {"ol", "li"}:  # headings for the contents; a checklist and its items
    ATTRIBUTES.setdefault(_tag, set()).add("id")

URL_SCHEMES = {"http", "https", "mailto"}

_ADMONITIONS = {
    "note",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "tip",
    "hint",
    "important",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "warning",
    "caution",
    "attention",
    "failure",
    "fail",
    "missing",
    "danger",
    "error",
    "bug",
    "example",
    "quote",
    "cite",
}
CLASSES = _ADMONITIONS | {
    "admonition",
    "admonition-title",
    "highlight",
    "twemoji",
    "grid",
    "cards",
    "kb-meta",
    "kb-tag",
    "kb-checklist",
    "kb-checklist__bar",
    "kb-checklist__text",
    "kb-checklist__note",
    "kb-entrances",
    "kb-finder",
    "kb-term",
    "kb-figure",
    "kb-initials",
    "kb-not-found",
    "kb-handout__edition",
    "kb-handout__case",
    "kb-handout__checklist",
    "kb-handout__session",
    "kb-boxes",
    "kb-write",
    "kb-questions",
    "kb-teaching-notes",
    "kb-dates",
    "kb-path",
    "kb-timetable",
    "kb-handout__tools",
    "kb-handout__print",  # training timetable, handout tools
    "kb-quote",
    "kb-quote__label",
    "kb-quote__source",  # a glossary term's quoted definition
    "kb-checklist__about",
    "kb-checklist__basis",  # whose words a checklist's items are
}
# Pygments token classes on code spans (k, nt, c1, l-Scalar-Plain …) and fenced-code languages
_CODE_CLASS = re.compile(r"^(?:[a-z]{1,2}[0-9]?(?:-[A-Z][A-Za-z]*)*|language-[a-z0-9+#-]+)$")
_SAFE_ID = re.compile(r"^[^\W_][\w-]*$")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Value rules nh3 cannot express; nh3 has already applied the tag/attribute allowlist."""
    if attribute == "class":
        kept = [c for c in value.split() if c in CLASSES or _CODE_CLASS.match(c)]
        return " ".join(kept) or None
    if attribute == "title":  # Material's tooltips render a title as HTML
        return None if "<" in value or ">" in value else value
    if attribute == "id":  # never shadow Material's "__config" and friends
        return value if _SAFE_ID.match(value) else None
    if attribute == "src":  # images come from this site only: no request to another host
        return value if is_local_url(value) else None
    return value


def is_local_url(url: str) -> bool:
    """True for an address on this site. Read as a browser reads it: leading blanks and
    controls dropped, tabs and line breaks removed anywhere, ``\\`` taken for ``/`` (so
    ``/\\host/a.png`` is ``//host/a.png``, another host)."""
    seen = _as_browsers_read(url).replace("\\", "/")
    return not seen.startswith("//") and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", seen)


def _as_browsers_read(url: str) -> str:
    """Leading blanks and controls dropped, tabs and line breaks removed anywhere."""
    return re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(0x21))))


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    attribute_filter=_keep_attribute,
    link_rel=None,
    url_schemes=URL_SCHEMES,
)
_TEXT_ONLY = nh3.Cleaner(tags=set(), attributes={}, link_rel=None)


def clean_html(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed."""
    return _CLEANER.clean(fragment)


def clean_text(fragment: str) -> str:
    """HTML-safe text (every tag removed, characters escaped), for titles and labels."""
    return _TEXT_ONLY.clean(fragment)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitizer takes out, described for editors."""

    tag: str
    attribute: str = ""
    value: str = ""

    def describe(self) -> str:
        if not self.attribute:
            return f"HTML 标签「<{self.tag}>」"
        if self.value:
            shown = self.value if len(self.value) <= 30 else self.value[:30] + "…"
            return f"<{self.tag}> 的 {self.attribute}「{shown}」"
        return f"<{self.tag}> 的 {self.attribute} 属性"


def removals(fragment: str) -> list[Removal]:
    """What :func:`clean_html` would remove from ``fragment`` (slower; for reports and tests)."""
    finder = _RemovalFinder()
    finder.feed(fragment)
    finder.close()
    return finder.found


class _RemovalFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Removal] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.found.append(Removal(tag))
            return
        allowed = {a.lower() for a in ATTRIBUTES.get(tag, set())}
        for name, value in attrs:
            value = value or ""
            if name == "class" and name in allowed:
                kept = set((_keep_attribute(tag, name, value) or "").split())
                dropped = " ".join(c for c in value.split() if c not in kept)
                if dropped:
                    self.found.append(Removal(tag, name, dropped))
            elif name not in allowed:
                self.found.append(Removal(tag, name))
            elif name in ("href", "src") and not _url_allowed(value):
                self.found.append(Removal(tag, name, value))
            elif name in ("title", "id", "src") and _keep_attribute(tag, name, value) is None:
                self.found.append(Removal(tag, name, value))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.found.append(Removal("!--"))


def _url_allowed(url: str) -> bool:
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", _as_browsers_read(url))
    return match is None or match.group(1).lower() in URL_SCHEMES


def clean_page(fragment: str) -> tuple[str, bool]:
    """The cleaned fragment, and whether cleaning took anything out. :func:`removals` is the
    one judge of that (it reads the same allowlist); it only runs when the output differs."""
    cleaned = clean_html(fragment)
    return cleaned, cleaned != fragment and bool(removals(fragment))


def clean_page_noting(fragment: str) -> tuple[str, str | None]:
    """The cleaned fragment, and what cleaning removed, described for editors (None when
    only the serialisation changed)."""
    cleaned, altered = clean_page(fragment)
    if not altered:
        return cleaned, None
    return cleaned, "、".join(sorted({r.describe() for r in removals(fragment)})) or "不允许的内容"


def clean_search_index(text: str) -> str:
    """A Material search index (JSON) with every document's title and text cleaned."""
    index = json.loads(text)
    for document in index.get("docs", []):
        if isinstance(document.get("title"), str):
            document["title"] = clean_text(document["title"])
        if isinstance(document.get("text"), str):
            document["text"] = clean_html(document["text"])
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
