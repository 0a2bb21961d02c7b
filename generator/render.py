"""Step three: render Markdown pages from the linked library with Jinja templates."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

import jinja2

from .library import FIXED_PAGES, KINDS, Library
from .model import Case, Record
from .problems import ProblemList
from .slugs import slugify

_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


class PageRenderer:
    """Renders every page of the site to Markdown text keyed by its path in the docs tree."""

    def __init__(self, library: Library, templates: Path, intros: dict[str, str] | None = None):
        self.library = library
        self.intros = intros or {}
        self.env = _make_environment(templates)
        self.similar = SimilarCases(library.all("case"))

    def render_all(self) -> dict[str, str]:
        pages = {path: self._render(f"{name}.md.j2", path) for path, name in FIXED_PAGES.items()}
        for kind, model in KINDS.items():
            index_path = f"{model.folder}/index.md"
            pages[index_path] = self._render(f"{kind}_index.md.j2", index_path)
            for record in self.library.all(kind):
                pages[record.page_path] = self._render(
                    f"{kind}.md.j2", record.page_path, record=record
                )
        return pages

    def _render(self, template: str, here: str, **context) -> str:
        text = self.env.get_template(template).render(
            here=here,
            library=self.library,
            vocabularies=self.library.vocabularies,
            intro=self.intros.get(posixpath.dirname(here), ""),
            helpers=_Helpers(self.library, here, self.similar),
            **context,
        )
        return tidy_blank_lines(text)


def render_problems_page(templates: Path, problems: ProblemList) -> str:
    """The page shown instead of the site while ``serve`` waits for a broken file to be fixed."""
    template = _make_environment(templates).get_template("problems.md.j2")
    return tidy_blank_lines(template.render(problems=problems.sorted(), summary=problems.summary()))


def _make_environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["plain"] = plain
    env.filters["indent_md"] = indent_markdown
    env.filters["anchor"] = slugify
    env.filters["url"] = url
    env.filters["quoted"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def tidy_blank_lines(text: str) -> str:
    """At most one blank line in a row, except inside fenced code blocks."""
    out: list[str] = []
    fenced = False
    for line in text.strip().split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and not line.strip() and out and not out[-1].strip():
            continue
        out.append(line.rstrip() if not fenced else line)
    return "\n".join(out) + "\n"


def plain(text: object) -> str:
    """Plain text that stays text inside Markdown: every ASCII punctuation mark becomes a
    character reference, so no Markdown syntax or extension (links, emphasis, attribute lists,
    emoji shortcodes, tables) and no HTML can be formed from it. Readers see the same text."""
    flat = " ".join(str(text).split())
    return _ASCII_PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};", flat)


def url(value: object) -> str:
    """A validated absolute URL made safe as a Markdown link target."""
    return quote(str(value), safe=":/?#@!$&'*+,;=%~")


def indent_markdown(text: str, width: int = 4) -> str:
    """Indent continuation lines so multi-paragraph Markdown stays inside a list item."""
    pad = " " * width
    lines = text.split("\n")
    return "\n".join([lines[0]] + [(pad + line) if line else line for line in lines[1:]])


class _Helpers:
    """Functions templates call; bound to the page being rendered so links are relative."""

    def __init__(self, library: Library, here: str, similar: SimilarCases):
        self.library, self.here, self.similar = library, here, similar

    def href(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.here) or ".")

    def link(self, record: Record, text: str | None = None) -> str:
        return f"[{plain(text or record.title)}]({self.href(record.page_path)})"

    def related(self, record: Record, kind: str) -> list[Record]:
        return self.library.related(record, kind)

    def by_street(self) -> list[tuple[str, list[Case]]]:
        cases = self.library.all("case")
        groups = [(street, [c for c in cases if c.location.street == street])
                  for street in self.library.vocabularies.allowed("street")]
        return [group for group in groups if group[1]]

    def by_community_type(self) -> list[tuple[str, list[Case]]]:
        cases = self.library.all("case")
        groups = [(t.name, [c for c in cases if c.community_type == t.name])
                  for t in self.library.vocabularies.community_types]
        untyped = [c for c in cases if not c.community_type]
        return [g for g in groups if g[1]] + ([("未标注类型", untyped)] if untyped else [])

    def practices_by_section(self) -> list[tuple[object, list[Record]]]:
        practices = self.library.all("practice")
        return [(section, [p for p in practices if p.section == section.id])
                for section in self.library.vocabularies.sections]

    def similar_cases(self, case: Case, limit: int = 5) -> list[Case]:
        return self.similar.for_case(case, limit)

    def glossary_for(self, practice: Record) -> list:
        glossary = self.library.glossary
        return [t for t in (glossary.terms if glossary else []) if practice.id in t.practices]

    def figures_for(self, practice: Record) -> list:
        figures = self.library.figures
        return [f for f in (figures.figures if figures else []) if practice.id in f.practices]


class SimilarCases:
    """Cases sharing practices (counted twice) or tags; an inverted index keeps this linear."""

    def __init__(self, cases: list[Case]):
        self.by_id = {case.id: case for case in cases}
        self.order = {case.id: index for index, case in enumerate(cases)}
        self.index: dict[tuple[str, str], list[str]] = defaultdict(list)
        for case in cases:
            for key in self._keys(case):
                self.index[key].append(case.id)

    @staticmethod
    def _keys(case: Case) -> set[tuple[str, str]]:
        return {("practice", p) for p in case.practices} | {("tag", t) for t in case.tags}

    def for_case(self, case: Case, limit: int) -> list[Case]:
        scores: Counter[str] = Counter()
        for key in self._keys(case):
            weight = 2 if key[0] == "practice" else 1
            for other in self.index[key]:
                if other != case.id:
                    scores[other] += weight
        ranked = sorted(scores, key=lambda i: (-scores[i], self.order[i]))
        return [self.by_id[i] for i in ranked[:limit]]
