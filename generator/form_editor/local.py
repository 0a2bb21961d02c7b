"""The form editor's local backend: ``kb serve`` answers the requests Decap CMS's proxy backend
sends (the protocol of ``decap-server`` in its file-system mode), so someone can fill in the
form on their own machine and see the files appear in the working tree. No Node needed.

Who is answered (anything else: 403 with a Chinese message):

- a client on this machine (a loopback address);
- that asked for this preview by name: the ``Host`` header is ``localhost``, ``127.0.0.1`` or
  ``[::1]`` with the preview server's own port (``SERVER_PORT``), so a site whose name is made
  to point at this machine (DNS rebinding) is not answered;
- from a page of this preview: the ``Origin``, when sent, is exactly ``http://<that
  host>:<that port>`` (another port on this machine is another site, and the three loopback
  names are three sites, as browsers count them), and ``Sec-Fetch-Site``, when sent, is
  ``same-origin``. Decap's page is served by the same preview, so its requests pass.

What is accepted: a JSON ``POST`` whose ``Content-Length`` is a whole number up to 4 MB
(missing, not a number or negative: 400; larger: 413), read to exactly that length, holding an
object with an ``action`` and its ``params`` (else 400). The files (``files.py``):

- only ``cases/`` and ``content/`` (entries) and ``site_config/docs/assets/uploads`` (media);
- no symbolic link followed on the way or at the end, for reading (``O_NOFOLLOW``) or
  writing; a folder given as a file is refused;
- a save writes a fresh temporary beside the target (random name, created exclusively, never
  an existing file or link), checks the target again and renames the temporary over it;
- media only PNG, JPEG, GIF, WebP and PDF, known from their bytes, with a matching extension;
- a save of several files (an entry and its pictures, a move) checks all before writing any,
  and on any refusal nothing is written and no temporary is left.

A refusal (422 when the request was understood) is a Chinese message naming at most the path
the request gave, relative to the repository: never a machine path or a system error's text.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from generator.form_editor.files import EDITABLE, MEDIA, LocalFiles, Refused, shown

API_SUFFIX = "/admin/api/v1"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 20  # folders deeper than this are not listed
_HOST = re.compile(r"(localhost|127\.0\.0\.1|\[::1\])(?::([0-9]{1,5}))?")
NOT_THIS_PAGE = (
    "只接受本机上这个预览页面里的表单编辑器发出的请求：请在 kb serve 显示的"
    "预览地址后面加 admin/ 打开表单编辑器。"
)
NOT_THIS_MACHINE = "只接受本机浏览器的请求。"


class _BadRequest(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


def with_local_backend(app: Callable, root: Path) -> Callable:
    """A WSGI application: ``app``, with the backend answering at ``…/admin/api/v1``."""
    files = LocalFiles(root)

    def serve(environ, start_response):
        if not environ.get("PATH_INFO", "").endswith(API_SUFFIX):
            return app(environ, start_response)
        status, body = _handle(files, environ)
        start_response(
            status,
            [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]

    return serve


def _handle(files: LocalFiles, environ) -> tuple[str, bytes]:
    try:
        _check_sender(environ)
        action, params = _read_request(environ)
        result = answer(files, action, params)
    except _BadRequest as bad:
        return _reply(bad.status, {"error": str(bad)})
    except Refused as refused:
        return _reply(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(refused)})
    except (KeyError, TypeError, ValueError, AttributeError, OSError, RecursionError):
        # never the error's own text: it may name the machine's folders
        return _reply(
            HTTPStatus.UNPROCESSABLE_ENTITY,
            {"error": "请求不完整或格式不对，没有完成：请刷新页面后重试。"},
        )
    return _reply(HTTPStatus.OK, result)


def _check_sender(environ) -> None:
    """Refuses (403) a request that is not from a page of this preview on this machine."""
    if not _loopback_client(environ.get("REMOTE_ADDR", "")):
        raise _BadRequest(HTTPStatus.FORBIDDEN, NOT_THIS_MACHINE)
    origin = _own_origin(environ.get("HTTP_HOST", ""), environ.get("SERVER_PORT", ""))
    sent = environ.get("HTTP_ORIGIN")
    site = environ.get("HTTP_SEC_FETCH_SITE")
    if (
        origin is None
        or (sent is not None and sent not in origin)
        or (site is not None and site != "same-origin")
    ):
        raise _BadRequest(HTTPStatus.FORBIDDEN, NOT_THIS_PAGE)


def _loopback_client(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def _own_origin(host: str, server_port: str) -> tuple[str, ...] | None:
    """The origins a page of this preview has, when ``host`` (the Host header) names this
    machine with the server's own port; None otherwise."""
    found = _HOST.fullmatch(host)
    port = found and (found[2] or "80")
    if not found or port != server_port:
        return None
    origin = f"http://{found[1]}:{port}"
    return (origin, f"http://{found[1]}") if port == "80" else (origin,)


def _read_request(environ) -> tuple[str, dict]:
    """The action and params of the request body, read to exactly its stated length."""
    if environ.get("REQUEST_METHOD") != "POST" or not environ.get("CONTENT_TYPE", "").startswith(
        "application/json"
    ):
        raise _BadRequest(HTTPStatus.METHOD_NOT_ALLOWED, "只接受 JSON 格式的 POST 请求。")
    length = environ.get("CONTENT_LENGTH") or ""
    if not re.fullmatch(r"[0-9]+", length):
        raise _BadRequest(
            HTTPStatus.BAD_REQUEST, "请求没有写明长度，或长度不是一个正整数：没有读取这个请求。"
        )
    if len(length) > 9 or int(length) > MAX_REQUEST_BYTES:
        raise _BadRequest(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            "请求太大（上限 4 MB）：图片请先缩小到 4 MB 以下再上传。",
        )
    body = environ["wsgi.input"].read(int(length))
    if len(body) != int(length):
        raise _BadRequest(HTTPStatus.BAD_REQUEST, "请求没有完整收到：请重试。")
    try:
        request = json.loads(body)
    except (ValueError, RecursionError):
        request = None
    action = request.get("action") if isinstance(request, dict) else None
    params = request.get("params", {}) if isinstance(request, dict) else None
    params = {} if params is None else params
    if not isinstance(action, str) or not isinstance(params, dict):
        raise _BadRequest(
            HTTPStatus.BAD_REQUEST,
            "请求的格式不对（应当是含有 action 和 params 的 JSON）：请刷新页面后重试。",
        )
    return action, params


def _text(params: dict, key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str):
        raise Refused(f"请求缺少「{key}」一项（或它不是文字）：请刷新页面后重试。")
    return value


def _items(params: dict, key: str) -> list[dict]:
    value = params.get(key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise Refused(f"请求缺少「{key}」一项（或它不是列表）：请刷新页面后重试。")
    return value


def _depth(params: dict) -> int:
    depth = params.get("depth", 1)
    if isinstance(depth, bool) or not isinstance(depth, int):
        raise Refused("请求里的「depth」不是整数：请刷新页面后重试。")
    return max(1, min(depth, MAX_DEPTH))


def _decoded(asset: dict) -> bytes:
    try:
        return base64.b64decode(_text(asset, "content"), validate=True)
    except binascii.Error:
        raise Refused(
            f"上传的「{shown(_text(asset, 'path'))}」内容不完整，无法读取：请重新上传。"
        ) from None


def answer(files: LocalFiles, action: str, params: dict) -> object:
    """What the proxy backend expects for ``action``; Refused for anything else."""
    handler = _ACTIONS.get(action)
    if handler is None:
        raise Refused(f"本地预览不支持「{action[:60]}」。")
    return handler(files, params)


def _persist(files: LocalFiles, params: dict) -> dict:
    """Saves an entry (and the pictures added with it), each file checked before any is
    written; a new path moves the entry."""
    items = (
        _items(params, "dataFiles")
        if params.get("dataFiles")
        else _items({"entry": [params.get("entry")]}, "entry")
    )
    entries = []
    for item in items:
        old = _text(item, "path")
        new = item.get("newPath") or old
        if not isinstance(new, str):
            raise Refused("请求里的「newPath」不是文字：请刷新页面后重试。")
        files.writable(new)
        if new != old:
            files.writable(old)
        entries.append((old, new, _text(item, "raw")))
    for rel, data in _assets(files, params.get("assets", [])):
        files.write(rel, data, MEDIA)
    for old, new, raw in entries:
        files.write(new, raw)
        if new != old:
            files.delete(old)
    return {"message": "entry persisted"}


def _assets(files: LocalFiles, assets: object) -> list[tuple[str, bytes]]:
    """Each uploaded file's path and bytes, every one checked as media before any is saved."""
    checked = []
    for asset in _items({"assets": assets}, "assets"):
        rel, data = _text(asset, "path"), _decoded(asset)
        files.check_media(rel, data)
        checked.append((rel, data))
    return checked


def _persist_media(files: LocalFiles, params: dict) -> dict:
    [(rel, data)] = _assets(files, [params.get("asset")])
    files.write(rel, data, MEDIA)
    return files.media(rel)


def _delete(files: LocalFiles, params: dict) -> dict:
    paths = params.get("paths") or [_text(params, "path")]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise Refused("请求里的「paths」不是文件路径的列表：请刷新页面后重试。")
    for rel in paths:
        files.writable(rel, (*EDITABLE, *MEDIA))
    for rel in paths:
        files.delete(rel)
    return {"message": "已删除"}


_ACTIONS: dict[str, Callable[[LocalFiles, dict], object]] = {
    "info": lambda files, _: {
        "repo": files.root.name,
        "publish_modes": ["simple"],
        "type": "local_fs",
    },
    "entriesByFolder": lambda files, params: files.folder_entries(
        _text(params, "folder"), _text(params, "extension"), _depth(params)
    ),
    "entriesByFiles": lambda files, params: [
        files.entry(_text(item, "path")) for item in _items(params, "files")
    ],
    "getEntry": lambda files, params: files.entry(_text(params, "path")),
    "persistEntry": _persist,
    "getMedia": lambda files, params: files.media_list(_text(params, "mediaFolder")),
    "getMediaFile": lambda files, params: files.media(_text(params, "path")),
    "persistMedia": _persist_media,
    "deleteFile": _delete,
    "deleteFiles": _delete,
    "getDeployPreview": lambda files, _: None,
}


def _reply(status: HTTPStatus, payload: object) -> tuple[str, bytes]:
    return (
        f"{status.value} {status.phrase}",
        json.dumps(payload, ensure_ascii=False).encode("utf-8"),
    )
