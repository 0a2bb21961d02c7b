"""read → validate → link → render, as plain functions (no MkDocs, no disk writes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
    library.intros = contents.intros
    if problems.has_errors:
        return BuildResult(problems)
    return BuildResult(problems, library)


def build_pages(root: Path, drafts: bool = False) -> BuildResult:
    result = load_library(root, drafts=drafts)
    if result.library is not None:
        renderer = PageRenderer(
            result.library, ProjectPaths(Path(root)).templates, result.library.intros
        )
        result.pages = renderer.render_all()
    return result
