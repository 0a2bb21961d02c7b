"""Glossary terms where they appear: in case, practice, policy and checklist text, the first
mention of each term or alias links to its entry and carries its definition as a tooltip
(Material shows it on hover; kb-terms.js on a tap).

Works on the HTML the generator and Python-Markdown produce (well-formed, no comments or
scripts): text between tags is searched, never the inside of links, headings or code.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.model import Glossary, GlossaryTerm
from generator.pages.slugs import slugify

TOOLTIP = 120  # characters of a definition (or a quoted one) shown in place
_TAG = re.compile(r"(<[^>]+>)")
_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
_SKIP = {
    "a",
    "abbr",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "button",
    "label",
    "summary",
    "svg",
    "nav",
}


@dataclass(frozen=True)
class _Term:
    slug: str
    title: str  # "term：definition", plain text for the title attribute


class GlossaryLinks:
    def __init__(self, glossary: Glossary | None, definition_text):
        """``definition_text`` turns a Markdown definition into plain text."""
        self.by_start: dict[str, list[tuple[str, _Term]]] = {}
        for entry in glossary.terms if glossary else []:
            title = f"{entry.term}：{_explanation(entry, definition_text)}"
            term = _Term(slugify(entry.term), re.sub(r"[<>]", "", title))
            for word in {entry.term, *entry.aliases}:
                if len(word) >= 2:
                    self.by_start.setdefault(word[:2], []).append((word, term))
        for words in self.by_start.values():
            words.sort(key=lambda item: -len(item[0]))

    def link(self, page_html: str, glossary_url: str) -> str:
        """``page_html`` with the first mention of each term linked to ``glossary_url``."""
        if not self.by_start:
            return page_html
        parts, skipping, done = _TAG.split(page_html), list[str](), set[str]()
        for index, part in enumerate(parts):
            if part.startswith("<"):
                _track(part, skipping)
            elif part and not skipping:
                parts[index] = self._link_text(part, glossary_url, done)
        return "".join(parts)

    def _link_text(self, text: str, url: str, done: set) -> str:
        out, start, position = [], 0, 0
        while position < len(text) - 1:
            found = next(
                (
                    (word, term)
                    for word, term in self.by_start.get(text[position : position + 2], ())
                    if text.startswith(word, position) and term.slug not in done
                ),
                None,
            )
            if found is None:
                position += 1
                continue
            word, term = found
            done.add(term.slug)
            out += [
                text[start:position],
                f'<a class="kb-term" href="{url}#{term.slug}" '
                f'title="{html.escape(term.title)}">{word}</a>',
            ]
            start = position = position + len(word)
        return "".join(out) + text[start:]


def _explanation(entry: GlossaryTerm, definition_text) -> str:
    """What a term means, in at most TOOLTIP characters: the public source's definition with
    its title where the entry quotes one (the article rarely explains a term), else the
    article-based definition."""
    if entry.quote:
        return _cut(entry.quote.text) + f"（《{entry.quote.source.title}》）"
    return _cut(definition_text(entry.definition))


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP else text[:TOOLTIP] + "…"


def _track(tag: str, skipping: list[str]) -> None:
    """Keeps the stack of open elements whose text is left alone."""
    match = _NAME.match(tag)
    if not match or tag.endswith("/>"):
        return
    name = match.group(1).lower()
    if tag.startswith("</"):
        if skipping and skipping[-1] == name:
            skipping.pop()
    elif name in _SKIP:
        skipping.append(name)
