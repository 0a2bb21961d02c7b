"""Step three: render Markdown pages from the linked library with Jinja templates."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2

from generator.library.linking import FIXED_PAGES, KIND_LABELS, KINDS, Library
from generator.library.streets import StreetPage
from generator.library.training import SessionView, clock, handout_page, handout_pdf, session_views
from generator.model import KINDS as REGISTRY
from generator.model import Case, Record, Training
from generator.pages.changes import NewsItem, by_day, news, page_dates
from generator.pages.pinyin_order import title_key
from generator.pages.slugs import slugify
from generator.pages.wayfinding import trail
from generator.sources.problems import ProblemList
from generator.sources.rules import RULES, Rule
from generator.sources.template_loader import no_link_loader

_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_TITLE_LINE = re.compile(r"^title: (\".*\")$", re.M)


# kinds whose pages the generator writes as HTML itself (case_pages.py), not as Markdown
HTML_KINDS = {kind.name for kind in REGISTRY if kind.html_page}


class PageRenderer:
    """Renders the site's Markdown pages (all but the cases and the streets' case lists, which
    case_pages.py writes as HTML), keyed by their path in the docs tree."""

    def __init__(
        self,
        library: Library,
        templates: Path,
        street_pages: list[StreetPage],
        handout_pdfs: bool = False,
    ):
        self.library = library
        self.street_pages = street_pages  # written as HTML by case_pages.py; linked from here
        self.handout_pdfs = handout_pdfs  # the build prints each module's handout to a PDF
        self.templates = templates
        self.env = _make_environment(templates)

    def render_all(self) -> dict[str, str]:
        pages = {path: self.render(f"{name}.md.j2", path) for path, name in FIXED_PAGES.items()}
        for kind, model in KINDS.items():
            index_path = f"{model.folder}/index.md"
            pages[index_path] = self.render(f"{kind}_index.md.j2", index_path)
            if kind in HTML_KINDS:
                continue
            for record in self.library.all(kind):
                pages[record.page_path] = self.render(
                    f"{kind}.md.j2", record.page_path, record=record
                )
        return pages

    def render(self, template: str, here: str, wayfinding: bool = True, **context) -> str:
        """One page from ``template``, its links relative to ``here`` (its path); with
        ``wayfinding``, a breadcrumb above its title where the navigation does not list it."""
        text = self.env.get_template(template).render(
            here=here,
            library=self.library,
            vocabularies=self.library.vocabularies,
            intro=self.library.intros.get(posixpath.dirname(here), ""),
            helpers=_Helpers(self, here),
            handout_pdfs=self.handout_pdfs,
            kind_labels=KIND_LABELS,
            **context,
        )
        record = context.get("record")
        title = record.title if record else _front_matter_title(text)
        crumbs = trail(self.library, here, title) if wayfinding else []
        if crumbs:
            text = _after_front_matter(
                text,
                self.env.get_template("_breadcrumb.md.j2").render(
                    trail=crumbs, helpers=_Helpers(self, here)
                ),
            )
        return tidy_blank_lines(text)


def render_problems_page(templates: Path, problems: ProblemList) -> str:
    """The page shown instead of the site while ``serve`` waits for a broken file to be fixed."""
    template = _make_environment(templates).get_template("problems.md.j2")
    return tidy_blank_lines(template.render(problems=problems.sorted(), summary=problems.summary()))


def _make_environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=no_link_loader(templates),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters["plain"] = plain
    env.filters["indent_md"] = indent_markdown
    env.filters["anchor"] = slugify
    env.filters["url"] = url
    env.filters["quoted"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _front_matter_title(text: str) -> str:
    """The title a page's front matter gives it (``m.front_matter``): the last crumb of a
    fixed page inside a section, such as guides/rules.md."""
    found = _TITLE_LINE.search(text.split("\n---\n", 1)[0]) if text.startswith("---\n") else None
    return html.unescape(json.loads(found.group(1))) if found else ""


def _after_front_matter(text: str, insert: str) -> str:
    if text.startswith("---\n") and "\n---\n" in text:
        head, body = text.split("\n---\n", 1)
        return f"{head}\n---\n\n{insert}\n{body}"
    return f"{insert}\n{text}"


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


OTHER_INITIAL = "其他"  # terms that start with no letter or digit at all


def _letters(term: str) -> str:
    """A term's pinyin from its first letter or digit on, past any opening quotation marks
    or brackets: “吹哨报到” sorts and files as chuishaobaodao…, under C."""
    return title_key(term)[0]


def _initial(term: str) -> str:
    letters = _letters(term)
    return letters[0].upper() if letters else OTHER_INITIAL


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

    def __init__(self, renderer: PageRenderer, here: str):
        self.library, self.here = renderer.library, here
        self.street_pages = renderer.street_pages

    def href(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.here) or ".")

    def link(self, record: Record, text: str | None = None) -> str:
        return f"[{plain(text or record.title)}]({self.href(record.page_path)})"

    def related(self, record: Record, kind: str) -> list[Record]:
        return self.library.related(record, kind)

    def finder(self, **filters: str) -> str:
        """The case finder with these filters set, e.g. finder(practice="red-channel")."""
        return f"{self.href('cases/index.md')}?{urlencode(filters)}"

    def top_cases(self, record: Record, limit: int = 5) -> list[Case]:
        """The few cases citing ``record`` a reader should see first: those about it alone
        before those citing several, newest first; the rest are reached through the finder."""
        cases = self.library.related(record, "case")
        cases.sort(key=lambda c: (c.title, c.id))
        cases.sort(key=lambda c: c.date or "", reverse=True)
        cases.sort(key=lambda c: len(c.practices) + len(c.policies) + len(c.checklists))
        return cases[:limit]

    def street_links(self) -> list[tuple[str, int, StreetPage]]:
        """(street, number of cases, first page of its list) for every street with cases."""
        firsts = [p for p in self.street_pages if p.number == 1]
        counts = {street: 0 for street in self.library.vocabularies.allowed("street")}
        for case in self.library.all("case"):
            counts[case.location.street] += 1
        return [(p.street, counts[p.street], p) for p in firsts]

    def practices_by_section(self) -> list[tuple[object, list[Record]]]:
        practices = self.library.all("practice")
        return [
            (section, [p for p in practices if p.section == section.id])
            for section in self.library.vocabularies.sections
        ]

    def glossary_by_initial(self) -> list[tuple[str, list]]:
        """Glossary terms grouped by the pinyin initial of their first character, A to Z
        (terms starting with a digit or a Latin letter go under it), sorted by pinyin."""
        terms = self.library.glossary.terms if self.library.glossary else []
        groups: dict[str, list] = {}
        for term in sorted(terms, key=lambda t: (_letters(t.term), t.term)):
            groups.setdefault(_initial(term.term), []).append(term)
        return sorted(groups.items(), key=lambda group: (group[0] == OTHER_INITIAL, group[0]))

    def figures_by_section(self) -> list[tuple[str, list]]:
        """The article's numbers grouped by the section of the practice they appear in, in the
        article's order (a figure without a practice goes last, under 其他)."""
        figures = self.library.figures.figures if self.library.figures else []
        sections = {s.id: s.title for s in self.library.vocabularies.sections}
        groups: dict[str, list] = {title: [] for title in sections.values()}
        for figure in figures:
            practice = next(
                (p for p in map(lambda i: self.library.get("practice", i), figure.practices) if p),
                None,
            )
            groups.setdefault(sections[practice.section] if practice else "其他", []).append(
                (figure, practice)
            )
        return [(title, items) for title, items in groups.items() if items]

    def dates(self, record: Record) -> tuple[str, str] | None:
        return page_dates(self.library.history, record)

    def news(
        self, limit: int | None = None, readers_only: bool = False
    ) -> list[tuple[str, list[NewsItem]]]:
        """The latest changes to published pages grouped by day, newest first."""
        return by_day(news(self.library, self.library.history, limit, readers_only))

    def sessions(self, module: Training) -> list[SessionView]:
        return session_views(module, self.library)

    clock = staticmethod(clock)
    handout_page = staticmethod(handout_page)
    handout_pdf = staticmethod(handout_pdf)

    def glossary_for(self, practice: Record) -> list:
        glossary = self.library.glossary
        return [t for t in (glossary.terms if glossary else []) if practice.id in t.practices]

    @staticmethod
    def rules() -> list[Rule]:
        """Every check's rule (the 检查规则 page lists them)."""
        return list(RULES.values())

    def figures_for(self, practice: Record) -> list:
        figures = self.library.figures
        return [f for f in (figures.figures if figures else []) if practice.id in f.practices]
