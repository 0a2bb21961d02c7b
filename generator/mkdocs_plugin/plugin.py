"""MkDocs events → generator calls. Pages are added as generated files; nothing is written here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from ..pipeline import build_pages
from ..project import ProjectPaths
from ..render import render_problems_page
from ..sanitize import clean_page, clean_search_index, clean_text, removals
from ..search_terms import domain_terms
from ..writer import replace_directory
from .config import KnowledgeBaseConfig

log = get_plugin_logger(__name__)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self):
        self.command = "build"
        self.pages: dict[str, str] = {}
        self._site_dir: str | None = None
        self._succeeded = False

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.paths = ProjectPaths(Path(config.config_file_path).parent / self.config.root)
        os.environ.setdefault("SOURCE_DATE_EPOCH", _last_commit_time(self.paths.root))
        if self.command == "build":
            self._stage(config)
        return config

    def on_pre_build(self, config):
        # runs before MkDocs cleans the site folder, so bad input never empties it
        result = build_pages(self.paths.root, drafts=self.config.drafts)
        if not result.ok and self.command == "serve":
            # printed, not logged: under --strict a logged error would abort the preview
            print("内容检查未通过：\n" + result.problems.format(), file=sys.stderr)
            self.pages = self._problem_pages(config, result.problems)
            return
        if not result.ok:
            raise PluginError("内容检查未通过，网站没有生成：\n" + result.problems.format())
        for problem in result.problems.items:  # warnings only; INFO so --strict is not tripped
            log.info(problem.format_text())
        self.pages = result.pages
        _teach_segmenter(domain_terms(result.library))

    def _problem_pages(self, config, problems) -> dict[str, str]:
        """Every page the reader may be on shows the problems until the file is fixed."""
        page = render_problems_page(self.paths.templates, problems)
        paths = set(self.pages) | set(_nav_pages(config.nav)) | {"index.md"}
        return {path: page for path in paths}

    def on_files(self, files: Files, config) -> Files:
        for src_uri, text in sorted(self.pages.items()):
            files.append(File.generated(config, src_uri, content=text))
        return files

    def on_page_content(self, html, page, config, files):
        """Whatever the Markdown produced, only allowlisted HTML reaches the page."""
        cleaned, altered = clean_page(html)
        if altered:
            found = "、".join(sorted({r.describe() for r in removals(html)})) or "不允许的内容"
            log.info(f"{page.file.src_uri}：已从页面中移除 {found}（内容检查没有拦下它）。")
        _clean_titles(page)
        return cleaned

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config):
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            text = clean_search_index(index.read_text(encoding="utf-8"))
            index.write_text(text, encoding="utf-8")
        self._succeeded = True

    def on_serve(self, server, config, builder):
        for folder in self.paths.watched:
            if folder.exists():
                server.watch(str(folder))
        return server

    def on_build_error(self, error):
        self._succeeded = False

    def on_shutdown(self):
        self._finish_staging()

    def _stage(self, config) -> None:
        """Build into a sibling folder; the real site folder is replaced only on success."""
        self._site_dir = config.site_dir
        staging = config.site_dir.rstrip("/\\") + ".kb-staging"
        shutil.rmtree(staging, ignore_errors=True)
        config.site_dir = staging

    def _finish_staging(self) -> None:
        if self._site_dir is None:
            return
        staging = Path(self._site_dir.rstrip("/\\") + ".kb-staging")
        if self._succeeded and staging.is_dir():
            replace_directory(staging, Path(self._site_dir))
        else:
            shutil.rmtree(staging, ignore_errors=True)
            log.warning("构建失败：原有的网站文件夹保持不变。")


def _clean_titles(page) -> None:
    """Material puts titles into the header, the <title> and the table of contents unescaped."""
    if "title" in page.meta:
        page.meta["title"] = clean_text(str(page.meta["title"]))
    if page.title:
        page.title = clean_text(page.title)
    items = list(page.toc)
    while items:
        item = items.pop()
        item.title = clean_text(item.title)
        items.extend(item.children)


def _nav_pages(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def _teach_segmenter(words: list[str]) -> None:
    """Material's search segments Chinese with jieba; keep domain terms whole in the index."""
    try:
        import jieba
    except ImportError:  # search then falls back to Material's own splitting
        return
    for word in words:
        jieba.add_word(word, freq=None)


def _last_commit_time(root: Path) -> str:
    """Same commit, same build date: the sitemap and its gzip header stay byte-identical."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True
        )
        return out.stdout.strip() or "0"
    except OSError:
        return "0"
