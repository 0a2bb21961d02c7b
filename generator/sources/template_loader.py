"""Jinja templates from the repository (``site_config/templates``, the theme overrides), never
through a link: a committed ``overrides/partials/footer.html -> ../../.git/config`` would put
the CI token into every page (see :mod:`generator.sources.file_tree`, which reports it)."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from generator.sources.file_tree import LinkRefused, check_no_links


class NoLinkLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that passes over any template under ``root`` reached through a
    link, as if it were not there: the theme's own template of that name is used instead (so
    a preview can still show the problems page), or the template is not found."""

    def __init__(self, searchpath, root: Path | str, **options):
        super().__init__(searchpath, **options)
        self.root = os.path.abspath(root)
        self.folders = {path: jinja2.FileSystemLoader(path, **options) for path in self.searchpath}

    def get_source(self, environment, template):
        for folder in self.folders.values():
            try:
                source, filename, uptodate = folder.get_source(environment, template)
            except jinja2.TemplateNotFound:
                continue
            if filename and self._linked(filename):
                continue
            return source, filename, uptodate
        raise jinja2.TemplateNotFound(template)

    def _linked(self, filename: str) -> bool:
        if not os.path.abspath(filename).startswith(self.root + os.sep):
            return False  # installed with the theme, not the repository's
        try:
            check_no_links(filename, self.root)
        except LinkRefused:
            return True
        return False


def no_link_loader(searchpath, root: Path | str | None = None) -> NoLinkLoader:
    """``root``: the repository; by default the folder above ``site_config``."""
    paths = [searchpath] if isinstance(searchpath, str | Path) else list(searchpath)
    if root is None:
        root = Path(paths[0]).parent.parent
    return NoLinkLoader([str(p) for p in paths], root)
