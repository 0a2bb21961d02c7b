"""generator/mkdocs_plugin/live_reload.py: MkDocs' inline live-reload script becomes a file of
this origin (allowed by the pages' policy); the form editor gets none."""

from mkdocs.livereload import _SCRIPT_TEMPLATE

from generator.mkdocs_plugin.live_reload import with_live_reload_file

PAGE = "<html><head></head><body><p>正文</p>{script}</body></html>"


def _served(path: str, body: bytes, content_type: str = "text/html") -> tuple[str, dict, bytes]:
    def app(environ, start_response):
        start_response(
            "200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        )
        return [body]

    answer: dict = {}
    out = b"".join(
        with_live_reload_file(app)(
            {"PATH_INFO": path},
            lambda status, headers, *_: answer.update(status=status, headers=dict(headers)),
        )
    )
    return answer["status"], answer["headers"], out


def _injected(epoch: int = 7, request: int = 9) -> bytes:
    script = _SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request)
    return PAGE.format(script=f"<script>{script}</script>").encode()


def test_the_inline_script_becomes_a_file_of_this_origin():
    _, headers, out = _served("/cases/a/", _injected())
    assert b'<script src="/.kb-livereload/7/9.js"></script></body>' in out
    assert b"<script>" not in out and headers["Content-Length"] == str(len(out))
    status, headers, script = _served("/.kb-livereload/7/9.js", b"")
    assert status == "200 OK" and headers["Content-Type"] == "application/javascript"
    assert script.decode().strip().endswith("livereload(7, 9);")


def test_the_form_editor_is_never_reloaded():
    _, _, out = _served("/admin/", _injected())
    assert b"livereload" not in out and "<p>正文</p></body>".encode() in out


def test_other_responses_pass_unchanged():
    body = b"livereload(1, 2);"
    assert _served("/assets/x.js", body, "application/javascript")[2] == body
    page = PAGE.format(script="<script>var a = 1;</script>").encode()
    assert _served("/", page)[2] == page
