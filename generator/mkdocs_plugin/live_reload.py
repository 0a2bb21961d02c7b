"""``kb serve`` pages keep the built site's Content-Security-Policy. MkDocs' live reload puts
an inline script before ``</body>`` of every HTML page it serves (``livereload(epoch, id)``,
different on every request, so no hash can allow it). The preview's server answers through
:func:`with_live_reload_file`, which turns that inline script into a ``<script src>`` of the
same code served from this origin, which ``script-src 'self'`` allows. Nothing else about
the page changes; a page whose injection is not found is served as it is (without reload).
The form editor (``/admin/``) gets no reload at all: a save rebuilds the preview, and reloading
the editor then would throw away what is being typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from mkdocs.livereload import _SCRIPT_TEMPLATE

RELOAD_PATH = "/.kb-livereload/"
_INJECTED = re.compile(
    rb"<script>(\s*var livereload = function.*?"
    rb"livereload\((\d+), (\d+)\);\s*)</script>(?=\s*</body>|\s*$)",
    re.S,
)
_ANSWER = re.compile(r"/\.kb-livereload/(\d+)/(\d+)\.js")


def with_live_reload_file(app: Callable) -> Callable:
    """A WSGI application: ``app`` with its live-reload script served as a file."""

    def serve(environ, start_response):
        path = environ.get("PATH_INFO", "")
        answer = _ANSWER.fullmatch(path)
        if answer:
            script = _SCRIPT_TEMPLATE.substitute(epoch=answer[1], request_id=answer[2]).encode()
            start_response(
                "200 OK",
                [
                    ("Content-Type", "application/javascript"),
                    ("Cache-Control", "no-store"),
                    ("Content-Length", str(len(script))),
                ],
            )
            return [script]
        held: dict = {}

        def hold(status, headers, exc_info=None):
            held.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None

        body = app(environ, hold)
        if not held:  # an application may start its response on the first chunk
            body = list(body)
        if not _is_html(held["headers"]):
            start_response(held["status"], held["headers"], held["exc_info"])
            return body
        content = _rewritten(b"".join(body), keep=not _is_editor(path))
        headers = [(k, v) for k, v in held["headers"] if k.lower() != "content-length"]
        start_response(held["status"], headers + [("Content-Length", str(len(content)))])
        return [content]

    return serve


def _is_html(headers) -> bool:
    return any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)


def _is_editor(path: str) -> bool:
    return "/admin/" in path or path.endswith("/admin")


def _rewritten(content: bytes, keep: bool = True) -> bytes:
    """``content`` with the injected script as a file, or without it (``keep`` False)."""
    # MkDocs injects once, before the last </body>: take the last one
    found = next(reversed(list(_INJECTED.finditer(content))), None)
    if found is None:
        return content
    if not keep:
        return content[: found.start()] + content[found.end() :]
    src = quote(f"{RELOAD_PATH}{int(found[2])}/{int(found[3])}.js").encode()
    return (
        content[: found.start()] + b'<script src="' + src + b'"></script>' + content[found.end() :]
    )
