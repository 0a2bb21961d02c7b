"""A toy content kind, 通知 (notices), added the way CONTRIBUTING.md says a kind is added: its
model, its templates (``templates/`` here) and one registry entry. In the repository the entry
would be written into ``KINDS`` in generator/model/kinds.py; this test kind calls
``register`` instead, before anything else of the generator is imported."""

from __future__ import annotations

from pydantic import Field

from generator.model.fields import Markdown, Text
from generator.model.kinds import Kind, Searched, register
from generator.model.records import Record


class Notice(Record):
    summary: Text = Field(description="一段话概述")
    body: Markdown | None = Field(None, description="正文（Markdown）")


NOTICE = Kind(
    "notice",
    Notice,
    "notices",
    "content/notices",
    ".md",
    "通知",
    "通知",
    Searched(body=("body",), excluded=("sources", "id", "status")),
)
register(NOTICE)
