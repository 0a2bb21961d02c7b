"""read → validate → link → render, as plain functions (no MkDocs, no disk writes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .library import Library, link_library
from .problems import ProblemList
from .project import ProjectPaths, load_vocabularies
from .reader import read_contents
from .render import PageRenderer


@dataclass
class BuildResult:
    problems: ProblemList
    library: Library | None = None
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors


def load_library(root: Path, drafts: bool = False) -> BuildResult:
    """Read and check everything; the library is only returned when there is no error."""
    paths = ProjectPaths(Path(root))
    problems = ProblemList()
    vocabularies = load_vocabularies(paths, problems)
    if vocabularies is None:
        return BuildResult(problems)
    contents = read_contents(paths, vocabularies, problems)
    library = link_library(contents, vocabularies, problems, drafts=drafts)
    if problems.has_errors:
        return BuildResult(problems)
    return BuildResult(problems, library)


def build_pages(root: Path, drafts: bool = False) -> BuildResult:
    result = load_library(root, drafts=drafts)
    if result.library is None:
        return result
    paths = ProjectPaths(Path(root))
    try:
        renderer = PageRenderer(result.library, paths.templates, result.library.intros)
        result.pages = renderer.render_all()
    except jinja2.TemplateError as error:
        _report_template_error(error, paths, result.problems)
    return result


def _report_template_error(error: jinja2.TemplateError, paths: ProjectPaths, problems) -> None:
    """A broken page template (site_config/templates) is reported like any other problem."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    rel = paths.rel(Path(name)) if name else paths.rel(paths.templates)
    line = getattr(error, "lineno", None) or 1
    message = f"页面模板出错：{error.message or error}。请检查模板，或撤销对它的修改。"
    problems.add(rel, line, 1, "", message)
