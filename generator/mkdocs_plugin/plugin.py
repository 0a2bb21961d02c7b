"""MkDocs events → one :class:`~generator.publish.build.SiteBuild` per build. Markdown pages
become generated files; the generator writes the case pages, search index and finder data."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from generator.mkdocs_plugin.config import KnowledgeBaseConfig
from generator.mkdocs_plugin.form_editor import add_form_editor, serve_local_backend
from generator.mkdocs_plugin.html_pages import PageFile, ThemePages, add_pages, clean_titles
from generator.mkdocs_plugin.navigation import SectionHighlight
from generator.mkdocs_plugin.serving import DirtyNotice, Preview, nav_pages, settings_key
from generator.mkdocs_plugin.static_files import keep_checked
from generator.pages.csp import with_policy
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.build import SiteBuild
from generator.publish.handout_pdf import HandoutError
from generator.publish.writer import StagedFolder, write_text_file
from generator.sources.sanitize import clean_page_noting

log = get_plugin_logger(__name__)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    preview: Preview | None = None  # kept between rebuilds while serving
    staged: StagedFolder | None = None
    files: Files | None = None
    highlight = SectionHighlight()

    def on_startup(self, *, command, dirty):
        self.preview = Preview(dirty) if command == "serve" else None
        if dirty:  # kb serve builds "dirty" on purpose: only changed pages are written
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    def on_config(self, config):
        self.build = SiteBuild(
            Path(config.config_file_path).absolute().parent / self.config.root,
            SiteUrls(config.use_directory_urls),
            MarkdownRenderer(list(config.markdown_extensions), dict(config.mdx_configs)),
            self.config.drafts, self.config.handout_pdfs and self.preview is None)
        self.succeeded, self.nav = False, None
        if self.preview is None:  # build into a sibling folder, swapped in on success
            self.staged = StagedFolder(config.site_dir)
            config.site_dir = str(self.staged.folder)
        return config

    def on_pre_build(self, config):
        result = self.build.check(self.preview.memory.cases if self.preview else None)
        if not result.ok and self.preview:
            # printed, not logged: under --strict a logged error would abort the preview
            print("内容检查未通过：\n" + result.problems.format(), file=sys.stderr)
            return
        if not result.ok:
            raise PluginError("内容检查未通过，网站没有生成：\n" + result.problems.format())
        # warnings only; INFO so that --strict is not tripped
        for line in self.build.report(config.site_url, config.use_directory_urls, self.preview):
            log.info(line)

    def on_files(self, files: Files, config) -> Files:
        keep_checked(files, config, os.path.abspath(self.build.root), self.build.attachments)
        try:
            generated = self.build.generated_files(config.site_name, config.site_url)
        except HandoutError as error:
            raise PluginError(f"讲义 PDF 没有生成，网站也没有更新：{error}") from error
        if self.build.site is None and self.preview:
            generated = self.build.problem_pages(self.preview.shown + nav_pages(config.nav))
        add_pages(files, config, generated, self.build.html_pages())
        add_form_editor(files, config, self.config, self.build.paths, bool(self.preview), log)
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        """Case pages and the search and finder data, written before MkDocs' own pages."""
        theme = ThemePages(env, config, files, self.nav, self.config.shared_theme)
        if self.build.site is None:
            if self.preview:  # serving broken content: the case pages show the problems too
                self.preview.show_problems(theme, self.build.problems_html_page())
            return env
        if self.preview is None:
            postings, altered = self.build.write_pages(theme.write)
        else:
            postings, altered = self.preview.write_pages(
                self.build, theme, settings_key(self.build.paths, config))
        for page in sorted(altered):
            log.info(f"{page}：已从页面中移除不安全的内容（内容检查没有拦下它）。")
        data = self.build.data_files(postings)
        if self.preview is not None:
            data = self.preview.memory.changed_files(data, Path(config.site_dir))
        for rel, text in data.items():
            write_text_file(Path(config.site_dir) / rel, text)
        return env

    def on_page_content(self, html, page, config, files):
        """Whatever the Markdown produced, only allowlisted HTML reaches the page."""
        if self.build.site is not None:
            html = self.build.site.link_terms(page.file.src_uri, html)
        cleaned, removed = clean_page_noting(html)
        if removed:
            log.info(f"{page.file.src_uri}：已从页面中移除 {removed}（内容检查没有拦下它）。")
        clean_titles(page)
        return cleaned

    def on_page_context(self, context, page, config, nav):
        self.highlight.mark(nav, page.file.src_uri)
        return context

    # Last, to cover what other plugins add. Not while serving (live reload's inline script).
    @event_priority(-100)
    def on_post_page(self, output, page, config):
        self.highlight.clear()
        return output if self.preview else with_policy(output, page.content or "")

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        serving_or_not_html = self.preview or not template_name.endswith(".html")
        return output_content if serving_or_not_html else with_policy(output_content)

    @event_priority(-100)  # after MkDocs' sitemap and Material's search index
    def on_post_build(self, config):
        pages = [f.src_uri for f in self.files or []
                 if f.is_documentation_page() or isinstance(f, PageFile)]
        self.build.finish(Path(config.site_dir), pages, config.site_url)
        self.succeeded = True
        if self.build.site is not None:
            log.info(f"共生成 {len(pages)} 个页面。")

    def on_serve(self, server, config, builder):
        for folder in self.build.paths.watched:
            if folder.exists():
                server.watch(str(folder))
        serve_local_backend(server, self.build.paths)
        return server

    def on_build_error(self, error):
        self.succeeded = False

    def on_shutdown(self):
        if self.staged is not None and not self.staged.finish(self.succeeded):
            log.warning("构建失败：原有的网站文件夹保持不变。")

