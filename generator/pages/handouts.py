"""Handouts: each training module as one document to print, in the learners' edition and,
with the teaching notes, the trainers' edition. The site publishes the learners' edition
(and the trainers' only where a module asks for it); ``kb handout`` makes either one."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.library.linking import Library
from generator.library.training import EDITIONS, handout_page, public_editions
from generator.model import Training
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.render import PageRenderer
from generator.sources.file_tree import open_no_follow
from generator.sources.sanitize import clean_page
from generator.sources.template_loader import no_link_loader

STYLES = "assets/kb-handout.css"  # under site_config/docs: the site's and the PDFs' styles


def handout_markdown(
    renderer: PageRenderer, module: Training, teacher: bool = False, on_site: bool = True
) -> str:
    """The handout page; ``on_site`` False for the printed document (no breadcrumb, and none
    of the page's tools: the link to the module, 打印, 下载 PDF)."""
    return renderer.render(
        "handout.md.j2",
        handout_page(module, teacher),
        wayfinding=on_site,
        record=module,
        teacher=teacher,
        on_site=on_site,
    )


def handout_pages(renderer: PageRenderer, library: Library) -> dict[str, str]:
    """The handout pages the site publishes, path in the docs tree → Markdown."""
    return {
        handout_page(module, teacher): handout_markdown(renderer, module, teacher)
        for module in library.all("training")
        for teacher in public_editions(module)
    }


def printable_handout(
    renderer: PageRenderer,
    module: Training,
    teacher: bool,
    static: Path,
    markdown: MarkdownRenderer,
) -> tuple[str, str]:
    """(standalone HTML, text for the top margin) of one edition of a module's handout."""
    edition = f"{EDITIONS[teacher]}讲义"
    document = standalone_html(
        handout_markdown(renderer, module, teacher, on_site=False),
        f"{module.title}（{edition}）",
        renderer.templates,
        static / STYLES,
        markdown,
    )
    return document, f"{module.title} · {edition}"


def standalone_html(
    markdown_text: str, title: str, templates: Path, styles: Path, markdown: MarkdownRenderer
) -> str:
    """The handout page's Markdown as a document that needs nothing else to print."""
    body = markdown.render(_without_front_matter(markdown_text))
    env = jinja2.Environment(loader=no_link_loader(templates), autoescape=True)
    return env.get_template("handout.html.j2").render(
        title=title, body=clean_page(body)[0], styles=_read_text(styles)
    )


def _read_text(path: Path) -> str:
    with open_no_follow(path) as handle:
        return handle.read().decode("utf-8")


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        return text.split("\n---\n", 1)[1]
    return text
