"""Page paths (``cases/x.md``) to the URLs a browser uses, as MkDocs lays them out.

Pages the generator writes as HTML itself (cases) are not seen by MkDocs, so links to and from
them are made here. ``directory_urls`` is MkDocs' ``use_directory_urls``: ``cases/x/`` on a web
server, ``cases/x.html`` in the offline bundle opened from disk.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class SiteUrls:
    directory_urls: bool = True

    def url(self, page: str) -> str:
        """The URL of ``page`` relative to the site root ("" for the home page)."""
        stem = page.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"

    def output_file(self, page: str) -> str:
        """Where the HTML file of ``page`` is written inside the site folder."""
        url = self.url(page)
        return url + "index.html" if url == "" or url.endswith("/") else url

    def href(self, here: str, target: str) -> str:
        """A relative link from page ``here`` to page ``target``."""
        start = posixpath.dirname(self.output_file(here)) or "."
        destination = self.url(target)
        relative = posixpath.relpath(destination or ".", start)
        if destination.endswith("/") or destination == "":
            relative = "./" if relative == "." else relative + "/"
        return quote(relative, safe="/.-_~")

    def finder(self, here: str, filters: dict[str, str]) -> str:
        """A link to the case finder with ``filters`` set (``?street=…&practice=…``)."""
        return self.href(here, "cases/index.md") + "?" + urlencode(filters)
