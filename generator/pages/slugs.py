"""Heading ids: one function for the Markdown table of contents and for links to headings.

mkdocs.yml names it as the ``toc`` slugify, so a heading's id and a link the templates write
to it can never disagree. Ids never start with an underscore: Material's own elements use
``__`` ids (``__config``, ``__search``), and a heading must not shadow them.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s-]+")


def slugify(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFKC", str(value)).lower()
    text = _SPACES.sub(separator, _NOT_WORD.sub("", text))
    return text.strip(separator + "_") or "section"
