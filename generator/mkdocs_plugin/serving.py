"""``kb serve``: what the plugin keeps between rebuilds, so that saving one case rewrites only
the pages it changed, and a broken file shows the problems on every page until it is fixed.

``kb serve`` runs ``mkdocs serve --dirty``: MkDocs does not empty the site folder between
builds, and the plugin writes only what changed (see ``generator/rebuild.py``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..case_pages import HtmlPage
from ..rebuild import ServeMemory
from ..writer import write_text_file

PARKED = ".kb-parked"  # a good page set aside while the problems page stands in its place


class Preview:
    def __init__(self, dirty: bool):
        self.memory = ServeMemory()
        self.dirty = dirty  # MkDocs keeps the site folder between builds (kb serve)
        self.case_pages: list[Path] = []  # every page the last good build wrote itself
        self.parked = False

    def write_pages(self, site, theme, settings: tuple, write_all):
        """After the first build, only the pages whose inputs changed; returns the search
        postings and the pages whose content the sanitizer altered."""
        self._restore()
        memory = self.memory
        # without --dirty MkDocs empties the site folder: everything is written again
        memory.start(settings if self.dirty else (object(),))
        self.case_pages = [Path(theme.output_file(path)) for path in site.html_pages()]
        if memory.empty:
            postings, altered = write_all()
            memory.remember(site, postings)
            memory.changed_pages(site.street_html())
            return postings, altered
        changed = memory.changed_cases(site)
        altered = [site.cases[i].page_path for i in changed if theme.write(site.case_page(i))]
        altered += [p.path for p in memory.changed_pages(site.street_html()) if theme.write(p)]
        return memory.updated_postings(site, changed), altered

    def show_problems(self, theme, page: HtmlPage) -> None:
        """Every case page shows the problems; the good pages wait beside them."""
        html = theme.render_html(page)
        for output in self.case_pages:
            if output.is_file() and not self.parked:
                os.replace(output, output.with_name(output.name + PARKED))
            write_text_file(output, html)
        self.parked = True

    def _restore(self) -> None:
        if not self.parked:
            return
        for output in self.case_pages:
            parked = output.with_name(output.name + PARKED)
            if parked.is_file():
                os.replace(parked, output)
        self.parked = False


def settings_key(paths, config) -> tuple:
    """Changes to templates, theme overrides or settings make every page render again."""
    watched = [paths.templates, paths.site_config / "overrides", paths.vocabularies,
               Path(config.config_file_path)]
    files = [f for w in watched for f in ([w] if w.is_file() else sorted(w.rglob("*")))]
    return tuple((str(f), f.stat().st_mtime_ns) for f in files if f.is_file())


class DirtyNotice(logging.Filter):
    """Drops MkDocs' warning about dirty builds: kb serve builds that way on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()
