"""MkDocs events → one :class:`~generator.publish.build.SiteBuild` per build. Markdown pages
become generated files; the generator writes the case pages, search index and finder data."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.mkdocs_plugin.config import KnowledgeBaseConfig, pin_build_time, read_settings
from generator.mkdocs_plugin.form_editor import add_form_editor, serve_local_backend
from generator.mkdocs_plugin.html_pages import PageFile, ThemePages, add_pages, clean_titles
from generator.mkdocs_plugin.live_reload import with_live_reload_file
from generator.mkdocs_plugin.navigation import SectionHighlight
from generator.mkdocs_plugin.serving import DirtyNotice, Preview, nav_pages, settings_key
from generator.mkdocs_plugin.static_files import keep_checked
from generator.pages.csp import UnknownInlineScript, known_scripts, with_policy
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.build import SiteBuild
from generator.publish.handout_pdf import HandoutError
from generator.publish.writer import StagedFolder, write_text_file
from generator.sources.file_tree import LinkRefused, check_no_links
from generator.sources.sanitize import clean_page_noting
from generator.sources.template_loader import no_link_loader

log = get_plugin_logger(__name__)
UNKNOWN_SCRIPT = (
    "页面 {page} 里有一段不是网站模板自带的内联脚本「{script}」，网站没有生成。"
    "如果改过 site_config/overrides 里的模板，请把脚本写进 site_config/docs/assets/javascripts/ "
    "里的文件再引用；否则可能是设置（如网站地址 KB_SITE_URL）里混进了代码，请检查设置。"
)
LINKED_OUTPUT = (
    "网站文件夹 {folder} 是一个链接（快捷方式），或在链接里面：kb 不通过链接写文件。"
    "请删除这个链接。"
)


def _refuse_linked_output(site_dir: str, root: Path) -> None:
    try:
        if os.path.abspath(site_dir).startswith(os.path.abspath(root) + os.sep):
            check_no_links(site_dir, root)
    except LinkRefused:
        raise PluginError(LINKED_OUTPUT.format(folder=site_dir)) from None


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    preview: Preview | None = None  # kept between rebuilds while serving
    staged: StagedFolder | None = None
    files: Files | None = None
    nav: Navigation | None = None
    highlight = SectionHighlight()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.preview = Preview(dirty) if command == "serve" else None
        if dirty:  # kb serve builds "dirty" on purpose: only changed pages are written
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = read_settings(config, self.config)  # checked before anything is built
        self.known_scripts = known_scripts(Path(folder) for folder in config.theme.dirs)
        self.build = SiteBuild(
            Path(config.config_file_path).absolute().parent / self.config.root,
            SiteUrls(config.use_directory_urls),
            MarkdownRenderer(list(config.markdown_extensions), dict(config.mdx_configs)),
            self.settings.drafts,
            self.settings.handout_pdfs and self.preview is None,
            self.settings,
        )
        pin_build_time(self.build.epoch)
        self.succeeded, self.nav = False, None
        if self.preview is None:  # build into a sibling folder, swapped in on success
            self.staged = StagedFolder(config.site_dir)
            config.site_dir = str(self.staged.folder)
        else:  # kb serve writes into the site folder itself: never through a link
            _refuse_linked_output(config.site_dir, self.build.root)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        result = self.build.check(self.preview.memory.cases if self.preview else None)
        if not result.ok and self.preview:
            # printed, not logged: under --strict a logged error would abort the preview
            print("内容检查未通过：\n" + result.problems.text(), file=sys.stderr)
            return
        if not result.ok:
            raise PluginError("内容检查未通过，网站没有生成：\n" + result.problems.text())
        # warnings only; INFO so that --strict is not tripped
        for line in self.build.report(config.site_url, config.use_directory_urls, self.preview):
            log.info(line)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        keep_checked(files, config, os.path.abspath(self.build.root), self.build.attachments)
        try:
            generated = self.build.generated_files(config.site_name, config.site_url)
        except HandoutError as error:
            raise PluginError(f"讲义 PDF 没有生成，网站也没有更新：{error}") from error
        if self.build.site is None and self.preview:
            generated = self.build.problem_pages(self.preview.shown + nav_pages(config.nav))
        add_pages(files, config, generated, self.build.html_pages())
        add_form_editor(files, config, self.settings, self.build.paths, bool(self.preview), log)
        self.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Case pages and the search and finder data, written before MkDocs' own pages."""
        assert isinstance(env.loader, jinja2.FileSystemLoader)  # MkDocs' theme loader
        env.loader = no_link_loader(env.loader.searchpath, self.build.root)
        theme = ThemePages(env, config, files, self.nav, self.config.shared_theme)
        if self.build.site is None:
            if self.preview:  # serving broken content: the case pages show the problems too
                self.preview.show_problems(theme, self.build.problems_html_page())
            return env
        if self.preview is None:
            postings, altered = self.build.write_pages(theme.write)
        else:
            postings, altered = self.preview.write_pages(
                self.build, theme, settings_key(self.build.paths, config)
            )
        for page in sorted(altered):
            log.info(f"{page}：已从页面中移除不安全的内容（内容检查没有拦下它）。")
        data = self.build.data_files(postings)
        if self.preview is not None:
            data = self.preview.memory.changed_files(data, Path(config.site_dir))
        for rel, text in data.items():
            write_text_file(Path(config.site_dir) / rel, text)
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Whatever the Markdown produced, only allowlisted HTML reaches the page."""
        if self.build.site is not None:
            html = self.build.site.link_terms(page.file.src_uri, html)
        cleaned, removed = clean_page_noting(html)
        if removed:
            log.info(f"{page.file.src_uri}：已从页面中移除 {removed}（内容检查没有拦下它）。")
        clean_titles(page)
        return cleaned

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.highlight.mark(nav, page.file.src_uri)
        return context

    # Last, to cover what other plugins add; kb serve too (its live reload is made a file).
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.highlight.clear()
        return self._with_policy(output, page.file.src_uri, page.content or "")

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, template_name)

    def _with_policy(self, output: str, name: str, content: str = "") -> str:
        try:
            return with_policy(output, self.known_scripts, content)
        except UnknownInlineScript as unknown:
            raise PluginError(UNKNOWN_SCRIPT.format(page=name, script=unknown.shown)) from None

    @event_priority(-100)  # after MkDocs' sitemap and Material's search index
    def on_post_build(self, config: MkDocsConfig) -> None:
        pages = [
            f.src_uri
            for f in self.files or []
            if f.is_documentation_page() or isinstance(f, PageFile)
        ]
        self.build.finish(Path(config.site_dir), pages, config.site_url)
        self.succeeded = True
        if self.build.site is not None:
            log.info(f"共生成 {len(pages)} 个页面。")

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        for folder in self.build.paths.watched:
            if folder.exists():
                server.watch(str(folder))
        serve_local_backend(server, self.build.paths)
        app = server.get_app()
        assert app is not None  # MkDocs' own, set when the server was made
        server.set_app(with_live_reload_file(app))
        return server

    def on_build_error(self, error: Exception) -> None:
        self.succeeded = False

    def on_shutdown(self) -> None:
        if self.staged is not None and not self.staged.finish(self.succeeded):
            log.warning("构建失败：原有的网站文件夹保持不变。")
