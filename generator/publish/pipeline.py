"""read → validate → link → render, as plain functions (no MkDocs, no disk writes)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.library.history import PendingHistory
from generator.library.linking import Library, link_library
from generator.pages.changes import withheld_message, withheld_notes
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.site import Site
from generator.sources.attachments import Attachments, check_attachments
from generator.sources.file_tree import FileTree
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from generator.sources.reader import CaseCache, check_everything_read, read_contents


@dataclass
class BuildResult:
    problems: ProblemList
    library: Library | None = None
    pages: dict[str, str] = field(default_factory=dict)
    # what may be published from site_config/docs and the overrides, even when content fails
    attachments: Attachments = field(default_factory=Attachments)
    site: Site | None = None

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors


def load_library(
    root: Path, drafts: bool = False, processes: int | None = None, cache: CaseCache | None = None
) -> BuildResult:
    """Read and check everything; the library is only returned when there is no error.
    ``processes``: for reading cases (None: one per core; 1 where forking is not safe).
    ``cache``: cases read by an earlier call, reused where their file has not changed."""
    paths = ProjectPaths(Path(root))
    problems = ProblemList()
    vocabularies = load_vocabularies(paths, problems)
    if vocabularies is None:
        tree = FileTree(paths.root, problems)
        attachments = check_attachments(tree, paths.static, paths.overrides, problems)
        check_everything_read(tree, paths)
        return BuildResult(problems, attachments=attachments)
    contents = read_contents(paths, vocabularies, problems, processes, cache)
    library = link_library(contents, vocabularies, problems, drafts=drafts)
    if problems.has_errors:
        return BuildResult(problems, attachments=contents.attachments)
    return BuildResult(problems, library, attachments=contents.attachments)


def build_site(
    root: Path,
    drafts: bool = False,
    urls: SiteUrls | None = None,
    markdown: MarkdownRenderer | None = None,
    processes: int | None = None,
    cache: CaseCache | None = None,
    handout_pdfs: bool = False,
) -> BuildResult:
    """The library, its Markdown pages, and a :class:`Site` to render the rest with.
    ``handout_pdfs``: module pages link the handouts' PDFs (which the caller prints)."""
    history = PendingHistory(Path(root))  # git log runs while the files are read
    result = load_library(root, drafts=drafts, processes=processes, cache=cache)
    if result.library is None:
        history.cancel()
        return result
    paths = ProjectPaths(Path(root))
    result.library.history = history.result()
    if result.library.history.problem:
        result.problems.add(
            ".git", 1, 1, "", result.library.history.problem, rule="history-unavailable"
        )
    for change, what in withheld_notes(result.library, result.library.history):
        result.problems.add(
            change.path, 1, 1, "", withheld_message(change, what), rule="pii-commit-subject"
        )
    try:
        result.site = Site(
            result.library,
            paths.templates,
            urls or SiteUrls(),
            markdown or MarkdownRenderer(),
            handout_pdfs,
        )
        result.pages = result.site.markdown_pages()
    except jinja2.TemplateError as error:
        _report_template_error(error, paths, result.problems)
        result.site = None
    return result


def build_pages(root: Path, drafts: bool = False, processes: int | None = None) -> BuildResult:
    """Every page as Markdown: the generator's HTML pages (cases, street lists) too, as their
    HTML under a title (``kb render``)."""
    result = build_site(root, drafts=drafts, processes=processes)
    if result.site is None:
        return result
    try:
        pages = [result.site.case_page(i) for i in range(len(result.site.cases))]
        for page in pages + result.site.street_html():
            title = json.dumps(page.title, ensure_ascii=False)
            result.pages[page.path] = f"---\ntitle: {title}\n---\n\n{page.html}"
    except jinja2.TemplateError as error:
        _report_template_error(error, ProjectPaths(Path(root)), result.problems)
    return result


def _report_template_error(error: jinja2.TemplateError, paths: ProjectPaths, problems) -> None:
    """A broken page template (site_config/templates) is reported like any other problem."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    rel = paths.rel(Path(name)) if name else paths.rel(paths.templates)
    line = getattr(error, "lineno", None) or 1
    message = f"页面模板出错：{error.message or error}。请检查模板，或撤销对它的修改。"
    problems.add(rel, line, 1, "", message, rule="template-error")
