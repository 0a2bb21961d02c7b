"""``kb serve``: what the plugin keeps between rebuilds, so that saving one case rewrites only
the pages it changed, and a broken file shows the problems on every page until it is fixed.

``kb serve`` runs ``mkdocs serve --dirty``: MkDocs does not empty the site folder between
builds, and the plugin writes only what changed (see ``generator/publish/rebuild.py``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.pages.case_pages import HtmlPage
from generator.publish.rebuild import ServeMemory
from generator.publish.writer import write_text_file

PARKED = ".kb-parked"  # a good page set aside while the problems page stands in its place


class Preview:
    def __init__(self, dirty: bool):
        self.memory = ServeMemory()
        self.dirty = dirty  # MkDocs keeps the site folder between builds (kb serve)
        self.case_pages: list[Path] = []  # every page the last good build wrote itself
        self.shown: list[str] = []  # the Markdown pages of the last good build
        self.parked = False

    def write_pages(self, build, theme, settings: tuple):
        """After the first build, only the pages whose inputs changed; returns the search
        postings and the pages whose content the sanitizer altered."""
        self._restore()
        memory, site = self.memory, build.site
        # without --dirty MkDocs empties the site folder: everything is written again
        memory.start(settings if self.dirty else (object(),))
        self.case_pages = [Path(theme.output_file(path)) for path in site.html_pages()]
        self.shown = sorted(build.result.pages)
        if memory.empty:
            postings, altered = build.write_pages(theme.write)
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
    watched = [
        paths.templates,
        paths.site_config / "overrides",
        paths.vocabularies,
        Path(config.config_file_path),
    ]
    files = [f for w in watched for f in ([w] if w.is_file() else sorted(w.rglob("*")))]
    return tuple((str(f), f.stat().st_mtime_ns) for f in files if f.is_file())


class DirtyNotice(logging.Filter):
    """Drops MkDocs' warning about dirty builds: kb serve builds that way on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def nav_pages(nav) -> list[str]:
    """The Markdown pages named in mkdocs.yml's nav."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    return []
