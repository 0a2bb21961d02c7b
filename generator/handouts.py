"""Handouts: each training module as one document to print, in the learners' edition and,
with the teaching notes, the trainers' edition. The site publishes the learners' edition
(and the trainers' only where a module asks for it); ``kb handout`` makes either one."""

from __future__ import annotations

from pathlib import Path

from .handout_pdf import print_pdfs, standalone_html
from .library import Library
from .markdown_html import MarkdownRenderer
from .model import Training
from .render import PageRenderer
from .training import EDITIONS, handout_page, handout_pdf, public_editions

STYLES = "assets/kb-handout.css"  # under site_config/docs: the site's and the PDFs' styles


def handout_markdown(renderer: PageRenderer, module: Training, teacher: bool = False) -> str:
    return renderer.render("handout.md.j2", handout_page(module, teacher), record=module,
                           teacher=teacher)


def handout_pages(renderer: PageRenderer, library: Library) -> dict[str, str]:
    """The handout pages the site publishes, path in the docs tree → Markdown."""
    return {handout_page(module, teacher): handout_markdown(renderer, module, teacher)
            for module in library.all("training") for teacher in public_editions(module)}


def printable_handout(renderer: PageRenderer, module: Training, teacher: bool,
                      static: Path, markdown: MarkdownRenderer) -> tuple[str, str]:
    """(standalone HTML, text for the top margin) of one edition of a module's handout."""
    edition = f"{EDITIONS[teacher]}讲义"
    document = standalone_html(handout_markdown(renderer, module, teacher),
                               f"{module.title}（{edition}）", renderer.templates,
                               static / STYLES, markdown)
    return document, f"{module.title} · {edition}"


def print_handouts(site, static: Path, epoch: int) -> list[tuple[str, bytes]]:
    """(path in the site, PDF) of every handout the site publishes, printed in one browser."""
    renderer = site.page_renderer()
    editions = [(module, teacher) for module in site.library.all("training")
                for teacher in public_editions(module)]
    documents = [printable_handout(renderer, module, teacher, static, site.markdown)
                 for module, teacher in editions]
    if not documents:
        return []
    pdfs = print_pdfs(documents, epoch)
    return [(handout_pdf(module, teacher), pdf)
            for (module, teacher), pdf in zip(editions, pdfs, strict=True)]
