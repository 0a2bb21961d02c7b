"""One build of the site, driven by a site builder (the MkDocs plugin calls it from its
events): read and check everything, hand the builder the pages it renders, render and write
the pages it does not (cases and street lists, in worker processes), then the search index,
the finder's data and the sitemap. Nothing here knows MkDocs; the builder passes in how to
write a page in its theme.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.library.history import build_time
from generator.library.linking import describe_library
from generator.model.settings import Settings
from generator.pages.case_pages import HtmlPage, headings_of
from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.render import render_problems_page
from generator.pages.site_urls import SiteUrls
from generator.pages.sitemap import gzipped, sitemap_xml
from generator.publish.handout_pdf import print_handouts
from generator.publish.pipeline import BuildResult, build_site
from generator.publish.writer import write_text_file
from generator.sources.attachments import Attachments
from generator.sources.parallel import map_ranges, worker_count
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths

WritePage = Callable[[HtmlPage], bool]  # writes a page in the theme; True if it was cleaned
PROBLEMS_PAGE = "cases/kb-problems.md"
NO_SITE_URL = (
    "没有设置网站地址（site_url）：网站发布在网站根目录下时没有影响；如果发布在子路径下（如 "
    "GitLab/GitHub 项目 Pages 的 https://…/项目名/），找不到页面时的 404 页会没有样式、链接失效，"
    "订阅（feed.xml）里只有相对链接，sitemap.xml 是空的。设置方法：kb build --site-url 网址，"
    "或环境变量 KB_SITE_URL（CI 模板已设置）。"
)


@dataclass
class SiteBuild:
    root: Path
    urls: SiteUrls = field(default_factory=SiteUrls)
    markdown: MarkdownRenderer = field(default_factory=MarkdownRenderer)
    drafts: bool = False
    handout_pdfs: bool = False  # print every published handout and link the PDFs
    settings: Settings = field(default_factory=Settings)  # processes, browser, build time

    def __post_init__(self):
        self.paths = ProjectPaths(Path(self.root))
        # same commit, same bytes: the builder's own dates (it is told this epoch), the
        # sitemap's gzip header, the PDFs
        self.epoch = build_time(self.paths.root, self.settings.build_epoch)
        self.result = BuildResult(ProblemList())
        self.stub: dict[str, str] = {}  # the builder's own search index, replaced by ours

    def check(self, cache=None) -> BuildResult:
        """Reads and checks everything; ``cache``: cases read by an earlier build (serve).
        Runs before the builder touches its output, so bad input never empties the site."""
        self.result = build_site(
            self.paths.root,
            drafts=self.drafts,
            urls=self.urls,
            markdown=self.markdown,
            processes=self.processes,
            cache=cache,
            handout_pdfs=self.handout_pdfs,
        )
        return self.result

    @property
    def processes(self) -> int:
        return worker_count(self.settings.processes)

    @property
    def site(self):
        return self.result.site if self.result.ok else None

    @property
    def attachments(self) -> Attachments:
        return self.result.attachments

    def report(self, site_url: str | None, directory_urls: bool, serving) -> list[str]:
        """What a good build says: its warnings, what was read, and, when it knows no address
        to publish at, what that breaks (not for a preview, nor for the offline bundle, which
        is opened from disk)."""
        library = self.result.library
        lines = [problem.text() for problem in self.result.problems.items]
        lines.append(f"内容检查通过：{describe_library(library) if library else '没有内容'}。")
        if not site_url and directory_urls and not serving:
            lines.append(NO_SITE_URL)
        return lines

    def problem_pages(self, also: list[str]) -> dict[str, str | bytes]:
        """While content is broken: every page a reader may be on (the site's own and
        ``also``) shows the problems until the file is fixed."""
        page = render_problems_page(self.paths.templates, self.result.problems)
        paths = set(self.result.pages) | set(also) | {"index.md"}
        return dict[str, str | bytes].fromkeys(paths, page)

    def problems_html_page(self) -> HtmlPage:
        text = render_problems_page(self.paths.templates, self.result.problems)
        html = self.markdown.render(text.split("---\n", 2)[2])
        return HtmlPage(PROBLEMS_PAGE, "内容检查未通过", html, headings_of(html))

    def generated_files(self, site_name: str, site_url: str | None) -> dict[str, str | bytes]:
        """Files the builder adds as they are: the Markdown pages it renders, the feed and,
        when asked for, the handouts' PDFs (printed here: raises ``HandoutError``)."""
        files: dict[str, str | bytes] = dict(self.result.pages)
        if self.site is None:
            return files
        files["feed.xml"] = self.site.feed(site_name, site_url)
        if self.handout_pdfs:
            files.update(print_handouts(self.site, self.paths.static, self.epoch, self.settings))
        return files

    def html_pages(self) -> list[str]:
        """Pages the generator writes as HTML; the builder must link to them, never render."""
        return self.site.html_pages() if self.site else []

    def write_pages(self, write: WritePage):
        """Every case page and street list written with ``write``, the cases spread over one
        worker process per core; returns the search postings and the pages that the
        sanitizer had to change."""
        site = self.site

        def write_range(start: int, stop: int):
            altered = [
                site.cases[i].page_path for i in range(start, stop) if write(site.case_page(i))
            ]
            return site.case_postings(start, stop), altered

        parts = map_ranges(write_range, len(site.cases), self.processes)
        altered = [path for _, part in parts for path in part]
        altered += [page.path for page in site.street_html() if write(page)]
        return site.all_postings([postings for postings, _ in parts]), altered

    def data_files(self, postings) -> dict[str, str]:
        """The search index and the finder's data; the stub that stands in for the builder's
        own search index is kept to be written last."""
        data = self.site.data_files(postings)
        self.stub = {rel: text for rel, text in data.items() if rel.startswith("search/search_")}
        return data

    def finish(self, site_dir: Path, pages: list[str], site_url: str | None) -> None:
        """After the builder: our search stub over its index, and the sitemap of ``pages``."""
        for rel, text in self.stub.items():
            write_text_file(site_dir / rel, text)
        xml = sitemap_xml([self.urls.url(page) for page in pages], site_url)
        write_text_file(site_dir / "sitemap.xml", xml)
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(xml, self.epoch))
