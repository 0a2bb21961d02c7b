"""The files of ``/admin/``: the form editor's page, its configuration, Decap CMS itself and
our additions to it (``site_config/cms/``). ``/admin/`` is not part of the reading site: it is
left out of search, the sitemap and the offline bundle."""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from generator.form_editor.config import EditorSettings, render_config
from generator.form_editor.vendor import MAIN_SCRIPT, VendoredFiles
from generator.model import Vocabularies
from generator.sources.file_tree import open_no_follow

ADMIN = "admin"
OUR_SCRIPT = "kb-cms.js"
PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>表单编辑 · {site_name}</title>
<link rel="icon" href="../assets/images/favicon.png">
</head>
<body>
<noscript>表单编辑器需要启用 JavaScript。</noscript>
<script src="{main}" integrity="{integrity}"></script>
<script src="{ours}"></script>
</body>
</html>
"""


def editor_policy(settings: EditorSettings | None) -> str:
    """Decap's styles are inline (emotion) and its config check compiles code; it talks to
    this site and to the repository's host only."""
    hosts = ""
    if settings is not None:
        hosts = " ".join(
            sorted(
                {_origin(settings.base_url)}
                | ({"https://api.github.com"} if settings.backend == "github" else set())
            )
        )
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: {hosts}".strip(),
            f"connect-src 'self' {hosts}".strip(),
            "font-src 'self' data:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def admin_files(
    vendored: VendoredFiles,
    vocabularies: Vocabularies,
    settings: EditorSettings | None,
    site_name: str,
    site_config: Path,
    base_path: str = "/",
) -> dict[str, bytes]:
    """Path under the site → content. ``settings`` None: the local backend (kb serve)."""
    page = PAGE.format(
        policy=escape(editor_policy(settings), quote=False),
        site_name=escape(site_name),
        main=MAIN_SCRIPT,
        integrity=vendored.script_integrity,
        ours=OUR_SCRIPT,
    )
    files = {f"{ADMIN}/{name}": data for name, data in vendored.files.items()}
    files[f"{ADMIN}/index.html"] = page.encode("utf-8")
    config = render_config(vocabularies, settings, base_path, site_name)
    files[f"{ADMIN}/config.yml"] = config.encode("utf-8")
    with open_no_follow(site_config / "cms" / OUR_SCRIPT, site_config.parent) as handle:
        files[f"{ADMIN}/{OUR_SCRIPT}"] = handle.read()
    return files


def is_admin_path(rel: str) -> bool:
    return rel == ADMIN or rel.startswith(ADMIN + "/")
