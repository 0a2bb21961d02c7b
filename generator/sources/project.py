"""Where things live in a knowledge-base repository, and the site vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import Vocabularies
from generator.sources.file_tree import FileTree
from generator.sources.loading import decode_source, parse_yaml, read_limited
from generator.sources.problems import ProblemList


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def cases(self) -> Path:
        return self.root / "cases"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site_config(self) -> Path:
        return self.root / "site_config"

    @property
    def templates(self) -> Path:
        return self.site_config / "templates"

    @property
    def static(self) -> Path:
        """Images and other files published as they are (MkDocs' docs_dir)."""
        return self.site_config / "docs"

    @property
    def vocabularies(self) -> Path:
        return self.site_config / "vocabularies.yml"

    @property
    def overrides(self) -> Path:
        """Theme overrides (mkdocs.yml's custom_dir): templates, and files published as they are."""
        return self.site_config / "overrides"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def watched(self) -> list[Path]:
        """Folders whose changes must rebuild the site."""
        return [self.cases, self.content, self.site_config]

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def rel_link(self, path: Path) -> str:
        """Where a link itself stands (not where it leads), relative to the root."""
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.as_posix()


def load_vocabularies(paths: ProjectPaths, problems: ProblemList) -> Vocabularies | None:
    from generator.sources.validation import validate_document

    rel = paths.rel_link(paths.vocabularies)
    if not FileTree(paths.root, problems).file_ok(paths.vocabularies):
        return None
    if not paths.vocabularies.is_file():
        problems.add(
            rel, 1, 1, "", "找不到站点词表文件 site_config/vocabularies.yml。", rule="file-missing"
        )
        return None
    raw = read_limited(paths.vocabularies, rel, problems)
    text = None if raw is None else decode_source(raw, rel, problems)
    doc = None if text is None else parse_yaml(text, rel, problems)
    if doc is None:
        return None
    return validate_document(doc, Vocabularies, None, problems)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain values; its !ENV and !!python tags read as nothing."""


_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)


def site_name(root: Path) -> str:
    """The site's name from mkdocs.yml (the offline bundle is named after it)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _LenientLoader)
    except (OSError, yaml.YAMLError):
        return "site"
    name = config.get("site_name") if isinstance(config, dict) else None
    return str(name) if name else "site"
