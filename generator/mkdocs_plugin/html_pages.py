"""Pages the generator renders as HTML (cases), put into the theme here instead of by MkDocs.

MkDocs still knows every such page (a :class:`PageFile` in its file list), so Markdown links to
them resolve as usual; it just never renders or copies them.

The theme's ``main.html`` is rendered once per folder, for a stand-in page whose title,
content, table of contents and address are markers; each real page is that shell with the
markers replaced (its table of contents drawn by the theme's own ``toc-item`` partial). That
is what keeps ten thousand pages fast: every other part of a case page is the same for all.
A page the shell cannot express is rendered in full, exactly as MkDocs would.
"""

from __future__ import annotations

import html
import posixpath
from typing import Any, cast

from mkdocs.commands.build import get_context
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.pages.case_pages import HtmlPage
from generator.publish.writer import write_text_file
from generator.sources.sanitize import clean_page, clean_text

_TITLE, _NAME, _H1 = "KbShellTitle", "kb-shell-page", "kb-shell-h1"
_CONTENT = f'<h1 id="{_H1}">{_TITLE}</h1>KbShellContent'  # Material looks for an <h1 id
_MARKERS = ((2, "kb-shell-one", "KbShellTocOne"), (2, "kb-shell-two", "KbShellTocTwo"))


class PageFile(File):
    """A page MkDocs links to but never renders: the kb plugin writes it."""

    def __init__(self, config, src_uri: str):
        super().__init__(src_uri, None, config.site_dir, config.use_directory_urls)
        self.generated_by = "kb"
        # where MkDocs would put a Markdown page of this name
        parent, name = posixpath.split(src_uri.removesuffix(".md"))
        if config.use_directory_urls and name != "index":
            self.dest_uri = posixpath.join(parent, name, "index.html")
        else:
            self.dest_uri = posixpath.join(parent, name + ".html")

    def is_documentation_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: the plugin writes the page."""


def add_pages(files: Files, config, generated: dict[str, str | bytes], html_pages) -> None:
    """The generator's Markdown pages and the pages it writes as HTML, into MkDocs' files."""
    for path, content in sorted(generated.items()):
        files.append(File.generated(config, path, content=content))
    for path in html_pages:
        files.append(PageFile(config, path))


class ThemePages:
    """Renders :class:`HtmlPage` objects with the theme, as MkDocs renders its own pages."""

    def __init__(self, env, config, files: Files, nav, shells: bool = True):
        self.config, self.files, self.nav, self.use_shells = config, files, nav, shells
        self.template = env.get_template("main.html")
        self.toc_item = env.get_template("partials/toc-item.html")
        self.pages = files.documentation_pages()  # listed once: get_context would list per page
        self.shells: dict[str, tuple[str, str, str] | None] = {}
        self.toc_items: dict[tuple[str, str], str] = {}  # most cases share their section titles

    def write(self, page: HtmlPage) -> bool:
        """Writes the page; True when the sanitizer had to change its content."""
        output, altered = self._page_html(page)
        write_text_file(self.output_file(page.path), output)
        return altered

    def render_html(self, page: HtmlPage) -> str:
        return self._page_html(page)[0]

    def output_file(self, path: str) -> str:
        return self._file(path).abs_dest_path

    def _file(self, path: str) -> File:
        return self.files.get_file_from_path(path) or PageFile(self.config, path)

    def _page_html(self, page: HtmlPage) -> tuple[str, bool]:
        content, altered = clean_page(page.html)
        output = self._from_shell(page, content)
        if output is None:
            output = self.render(
                self._file(page.path), html.escape(page.title), content, _toc_tokens(page.headings)
            )
        return output, altered

    def render(self, file: File, title: str, content: str, toc_tokens: list[dict]) -> str:
        """The page exactly as MkDocs' own build renders a page."""
        page = Page(title, file, self.config)
        page.content = content
        page.meta = {"search": {"exclude": True}}  # indexed by the kb plugin
        page.toc = get_toc(cast(Any, toc_tokens))
        context = get_context(self.nav, self.pages, self.config, page)
        context = self.config.plugins.on_page_context(
            context, page=page, config=self.config, nav=self.nav
        )
        output = self.template.render(context)
        return self.config.plugins.on_post_page(output, page=page, config=self.config)

    def _from_shell(self, page: HtmlPage, content: str) -> str | None:
        h2s = [h for h in page.headings if h[0] == 2]
        one_h1 = bool(page.headings) and page.headings[0][0] == 1
        # the shell's table of contents has entries; a page without any is drawn differently
        if not self.use_shells or not one_h1 or not h2s or len(h2s) != len(page.headings) - 1:
            return None
        folder = posixpath.dirname(page.path)
        if folder not in self.shells:
            self.shells[folder] = self._shell(folder)
        found = self.shells[folder]
        if found is None:
            return None
        shell, marker_items, separator = found
        items = separator.join(self._toc_item(anchor, title) for _, anchor, title in h2s)
        name = posixpath.basename(page.path).removesuffix(".md")
        return (
            shell.replace(_CONTENT, content)
            .replace(marker_items, items)
            .replace(_TITLE, html.escape(page.title))
            .replace(_H1, page.headings[0][1])
            .replace(_NAME, name)
        )

    def _toc_item(self, anchor: str, title: str) -> str:
        if (anchor, title) not in self.toc_items:
            item = next(iter(get_toc(cast(Any, _toc_tokens(((2, anchor, title),))))))
            self.toc_items[(anchor, title)] = self.toc_item.render(toc_item=item)
        return self.toc_items[(anchor, title)]

    def _shell(self, folder: str) -> tuple[str, str, str] | None:
        """The theme's page for a stand-in with two table-of-contents entries; those entries
        as the theme wrote them; and what the theme puts between two entries."""
        file = PageFile(self.config, posixpath.join(folder, _NAME + ".md"))
        tokens = _toc_tokens(((1, _H1, _TITLE), *_MARKERS))
        shell = self.render(file, _TITLE, _CONTENT, tokens)
        one, two = (self.toc_item.render(toc_item=item) for item in get_toc(tokens[0]["children"]))
        start, end = shell.find(one), shell.find(two)
        if start < 0 or end < start:
            return None
        marker_items = shell[start : end + len(two)]
        separator = shell[start + len(one) : end]
        # every marker must stand alone: nothing else of the theme may contain one
        rest = shell.replace(marker_items, "").replace(_CONTENT, "")
        usable = (
            shell.count(marker_items) == 1
            and shell.count(_CONTENT) == 1
            and not separator.strip()
            and "KbShellToc" not in rest
            and "KbShellContent" not in rest
        )
        return (shell, marker_items, separator) if usable else None


def _toc_tokens(headings) -> list[dict]:
    """The h1 holds the h2s, as Python-Markdown's toc extension nests them."""
    tokens: list[dict] = []
    for level, anchor, title in headings:
        token = {"level": level, "id": anchor, "name": clean_text(title), "children": []}
        if level > 1 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def clean_titles(page) -> None:
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
