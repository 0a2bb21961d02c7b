"""sitemap.xml for every page, the ones the generator writes included (MkDocs lists only its
own). As MkDocs does, pages are listed only when ``site_url`` gives them an address."""

from __future__ import annotations

import gzip
import html
import io


def sitemap_xml(urls: list[str], site_url: str | None) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        lines += [
            f"    <url>\n         <loc>{html.escape(base + url)}</loc>\n    </url>"
            for url in sorted(set(urls))
        ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzipped(text: str, mtime: int) -> bytes:
    """Byte-identical for the same text and time (no file name, fixed header time)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=mtime, filename="") as stream:
        stream.write(text.encode("utf-8"))
    return buffer.getvalue()
