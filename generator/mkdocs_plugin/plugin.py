"""MkDocs events → generator calls. Markdown pages are added as generated files; case pages,
the search index and the finder's data are rendered by the generator and written here."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from ..attachments import Attachments
from ..case_pages import HtmlPage, headings_of
from ..csp import with_policy
from ..handout_pdf import HandoutError
from ..handouts import print_handouts
from ..history import build_time
from ..library import describe_library
from ..markdown_html import MarkdownRenderer
from ..parallel import map_ranges, worker_count
from ..pipeline import build_site
from ..project import ProjectPaths
from ..render import render_problems_page
from ..sanitize import clean_page, clean_text, removals
from ..site_urls import SiteUrls
from ..sitemap import gzipped, sitemap_xml
from ..writer import replace_directory, write_text_file
from .config import KnowledgeBaseConfig
from .html_pages import PageFile, ThemePages
from .serving import DirtyNotice, Preview, settings_key
from .static_files import keep_checked

log = get_plugin_logger(__name__)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self):
        self.command = "build"
        self.pages: dict[str, str] = {}
        self.site = None
        self.nav = None
        self.files: Files | None = None
        self.stub: dict[str, str] = {}  # search/search_index.json and .js
        self._site_dir: str | None = None
        self._succeeded = False
        self.attachments = Attachments()

    def on_startup(self, *, command, dirty):
        self.command = command
        # kept between rebuilds while serving (MkDocs keeps a plugin that has on_startup)
        self.preview = Preview(dirty) if command == "serve" else None
        if dirty:  # kb serve builds "dirty" on purpose: only changed pages are written
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    def on_config(self, config):
        self.paths = ProjectPaths(Path(config.config_file_path).parent / self.config.root)
        # same commit, same dates: MkDocs' build date, the sitemap's gzip header, the PDFs
        self.epoch = build_time(self.paths.root)
        os.environ["SOURCE_DATE_EPOCH"] = str(self.epoch)
        self.urls = SiteUrls(config.use_directory_urls)
        self.markdown = MarkdownRenderer(list(config.markdown_extensions), dict(config.mdx_configs))
        if self.command == "build":
            self._stage(config)
        return config

    def on_pre_build(self, config):
        # runs before MkDocs cleans the site folder, so bad input never empties it
        result = build_site(self.paths.root, drafts=self.config.drafts, urls=self.urls,
                            markdown=self.markdown, processes=self._processes(),
                            cache=self.preview.memory.cases if self.preview else None,
                            handout_pdfs=self._handout_pdfs())
        self.site = result.site
        self.problems = result.problems
        self.attachments = result.attachments
        if not result.ok and self.command == "serve":
            # printed, not logged: under --strict a logged error would abort the preview
            print("内容检查未通过：\n" + result.problems.format(), file=sys.stderr)
            self.pages = self._problem_pages(config, result.problems)
            self.site = None
            return
        if not result.ok:
            raise PluginError("内容检查未通过，网站没有生成：\n" + result.problems.format())
        for problem in result.problems.items:  # warnings only; INFO so --strict is not tripped
            log.info(problem.format_text())
        log.info(f"内容检查通过：{describe_library(result.library)}。")
        self.pages = result.pages

    def _handout_pdfs(self) -> bool:
        return self.config.handout_pdfs and self.command == "build"

    def _processes(self) -> int:
        """Worker processes for thousands of pages (none once the server runs its threads)."""
        return worker_count()

    def _problem_pages(self, config, problems) -> dict[str, str]:
        """Every page the reader may be on shows the problems until the file is fixed."""
        page = render_problems_page(self.paths.templates, problems)
        paths = set(self.pages) | set(_nav_pages(config.nav)) | {"index.md"}
        return {path: page for path in paths}

    def on_files(self, files: Files, config) -> Files:
        keep_checked(files, config, os.path.abspath(self.paths.root), self.attachments)
        for src_uri, text in sorted(self.pages.items()):
            files.append(File.generated(config, src_uri, content=text))
        for path in self.site.html_pages() if self.site else []:
            files.append(PageFile(config, path))
        if self.site is not None:
            feed = self.site.feed(config.site_name, config.site_url)
            files.append(File.generated(config, "feed.xml", content=feed))
        if self.site is not None and self._handout_pdfs():
            for path, pdf in self._print_handouts():
                files.append(File.generated(config, path, content=pdf))
        self.files = files
        return files

    def _print_handouts(self) -> list[tuple[str, bytes]]:
        try:
            return print_handouts(self.site, self.paths.static, self.epoch)
        except HandoutError as error:
            raise PluginError(f"讲义 PDF 没有生成，网站也没有更新：{error}") from error

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        """Case pages and the search and finder data, written before MkDocs' own pages."""
        theme = ThemePages(env, config, files, self.nav, self.config.shared_theme)
        if self.site is None:
            if self.preview:  # serving broken content: the case pages show the problems too
                self.preview.show_problems(theme, self._problems_page())
            return env
        if self.preview is None:
            postings, altered = self._write_all_cases(theme)
        else:
            postings, altered = self.preview.write_pages(
                self.site, theme, settings_key(self.paths, config),
                lambda: self._write_all_cases(theme))
        for page in sorted(altered):
            log.info(f"{page}：已从页面中移除不安全的内容（内容检查没有拦下它）。")
        data = self.site.data_files(postings)
        self.stub = {rel: text for rel, text in data.items() if rel.startswith("search/search_")}
        if self.preview is not None:
            data = self.preview.memory.changed_files(data, Path(config.site_dir))
        for rel, text in data.items():
            write_text_file(Path(config.site_dir) / rel, text)
        return env

    def _write_all_cases(self, theme: ThemePages):
        site = self.site

        def build_range(start: int, stop: int):
            altered = [site.cases[i].page_path for i in range(start, stop)
                       if theme.write(site.case_page(i))]
            return site.case_postings(start, stop), altered

        parts = map_ranges(build_range, len(site.cases), self._processes())
        altered = [a for _, part in parts for a in part]
        altered += [page.path for page in site.street_html() if theme.write(page)]
        return site.all_postings([p for p, _ in parts]), altered

    def _problems_page(self) -> HtmlPage:
        text = render_problems_page(self.paths.templates, self.problems).split("---\n", 2)[2]
        html = self.markdown.render(text)
        return HtmlPage("cases/kb-problems.md", "内容检查未通过", html, headings_of(html))

    def on_page_content(self, html, page, config, files):
        """Whatever the Markdown produced, only allowlisted HTML reaches the page."""
        if self.site is not None:
            html = self.site.link_terms(page.file.src_uri, html)
        cleaned, altered = clean_page(html)
        if altered:
            found = "、".join(sorted({r.describe() for r in removals(html)})) or "不允许的内容"
            log.info(f"{page.file.src_uri}：已从页面中移除 {found}（内容检查没有拦下它）。")
        _clean_titles(page)
        return cleaned

    # Last, so that whatever other plugins add is covered. Not while serving: the preview
    # server adds an inline script of its own to every page (live reload), a new one each time.
    @event_priority(-100)
    def on_post_page(self, output, page, config):
        return output if self.preview else with_policy(output, page.content or "")

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        if self.preview or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content)

    @event_priority(-100)  # after MkDocs' sitemap and Material's search index
    def on_post_build(self, config):
        for rel, text in self.stub.items():  # Material's own index is replaced by ours
            write_text_file(Path(config.site_dir) / rel, text)
        if self.files is not None:
            urls = [self.urls.url(f.src_uri) for f in self.files
                    if f.is_documentation_page() or isinstance(f, PageFile)]
            xml = sitemap_xml(urls, config.site_url)
            site_dir = Path(config.site_dir)
            write_text_file(site_dir / "sitemap.xml", xml)
            (site_dir / "sitemap.xml.gz").write_bytes(
                gzipped(xml, self.epoch))
        self._succeeded = True
        if self.files is not None and self.site is not None:
            count = sum(1 for f in self.files if f.is_documentation_page() or
                        isinstance(f, PageFile))
            log.info(f"共生成 {count} 个页面。")

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
