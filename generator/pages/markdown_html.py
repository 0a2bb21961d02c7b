"""Markdown fields to HTML for the pages the generator writes itself (cases).

Most of a case is plain Chinese prose: paragraphs with no Markdown syntax at all. Python-Markdown
turns such text into ``<p>…</p>`` and nothing else, so it is done here directly, which is what
lets ten thousand case pages build quickly. Anything that could be Markdown goes through
Python-Markdown with the site's own extensions; a test checks that both paths agree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import markdown

from generator.pages.slugs import slugify
from generator.sources.markdown_check import EXTENSIONS

# Any ASCII character Markdown or one of the site's extensions gives a meaning to
_SYNTAX = re.compile(r"[\\`*_\[\]!<>&#|~:{}^=+]|^\s*(?:-|\d+[.)])|^[ \t]|[ \t]$", re.M)


@dataclass
class MarkdownRenderer:
    """Renders with the site's extensions (MkDocs passes its own configuration in)."""

    extensions: list = field(default_factory=lambda: [*EXTENSIONS, "toc"])
    configs: dict = field(default_factory=lambda: {"toc": {"slugify": slugify}})

    def __post_init__(self):
        self._parser = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)

    def render(self, text: str) -> str:
        if is_plain_prose(text):
            return plain_paragraphs(text)
        return self._parser.reset().convert(text)


def is_plain_prose(text: str) -> bool:
    return not _SYNTAX.search(text)


def plain_paragraphs(text: str) -> str:
    """What Python-Markdown makes of prose without syntax: one <p> per blank-line block."""
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return "\n".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks)
