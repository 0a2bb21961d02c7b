"""The form editor's local backend: ``kb serve`` answers the requests Decap CMS's proxy backend
sends (the protocol of ``decap-server`` in its file-system mode), so someone can fill in the
form on their own machine and see the files appear in the working tree. No Node needed.

Only the editable folders (``cases/``, ``content/``) are read or written, never through a
symbolic link; only requests from this machine, sent by a page of this preview, are answered.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

API_SUFFIX = "/admin/api/v1"
EDITABLE = ("cases", "content")
MEDIA_FOLDER = "site_config/docs/assets/uploads"  # where images from the form go
MAX_REQUEST_BYTES = 4 * 1024 * 1024
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class Refused(Exception):
    """A request the backend will not carry out; the message is shown in the editor."""


@dataclass
class LocalFiles:
    """The knowledge base's editable files, as the form editor sees them."""

    root: Path

    def resolve(self, rel: str, *, media: bool = False) -> Path:
        """``rel`` as a path under an editable folder, refusing anything that leaves it."""
        rel = rel.replace("\\", "/").lstrip("/")
        parts = rel.split("/")
        allowed = (*EDITABLE, *([MEDIA_FOLDER] if media else []))
        if ".." in parts or "" in parts or not any(
                rel == a or rel.startswith(a + "/") for a in allowed):
            raise Refused(f"不能读写 {rel}：表单编辑器只能改 {'、'.join(EDITABLE)} 里的文件。")
        path = self.root / rel
        for parent in [path, *path.parents]:
            if parent == self.root:
                break
            if parent.is_symlink():
                raise Refused(f"{rel} 经过符号链接，表单编辑器不读写它。")
        return path

    def entry(self, rel: str) -> dict:
        path = self.resolve(rel)
        try:
            data = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {"data": None, "file": {"path": rel, "id": None}}
        return {"data": data, "file": {"path": rel, "id": _sha(data.encode("utf-8"))}}

    def folder_entries(self, folder: str, extension: str, depth: int) -> list[dict]:
        base = self.resolve(folder)
        if not base.is_dir():
            return []
        found = []
        for path in _walk(base, max(int(depth), 1)):
            if path.name.endswith("." + extension) and not path.name.startswith("_"):
                found.append(self.entry(path.relative_to(self.root).as_posix()))
        return found

    def write(self, rel: str, raw: str | bytes, *, media: bool = False) -> None:
        path = self.resolve(rel, media=media)
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.kb-saving")
        temporary.write_bytes(data)
        os.replace(temporary, path)

    def delete(self, rel: str) -> None:
        path = self.resolve(rel, media=True)
        if path.is_file():
            path.unlink()

    def media(self, rel: str) -> dict:
        path = self.resolve(rel, media=True)
        content = path.read_bytes()
        return {"id": _sha(content), "content": base64.b64encode(content).decode("ascii"),
                "encoding": "base64", "path": rel, "name": path.name}


def _walk(base: Path, depth: int) -> Iterable[Path]:
    """Files under ``base`` down to ``depth`` levels, in a stable order, links skipped."""
    for path in sorted(base.iterdir()):
        if path.is_symlink() or path.name.startswith("."):
            continue
        if path.is_dir() and depth > 1:
            yield from _walk(path, depth - 1)
        elif path.is_file():
            yield path


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def answer(files: LocalFiles, action: str, params: dict) -> object:
    """What the proxy backend expects for ``action``; Refused for anything else."""
    if action == "info":
        return {"repo": files.root.name, "publish_modes": ["simple"], "type": "local_fs"}
    if action == "entriesByFolder":
        return files.folder_entries(params["folder"], params["extension"],
                                    params.get("depth", 1))
    if action == "entriesByFiles":
        return [files.entry(item["path"]) for item in params["files"]]
    if action == "getEntry":
        return files.entry(params["path"])
    if action == "persistEntry":
        return _persist(files, params)
    if action == "getMedia":
        folder = files.resolve(params["mediaFolder"], media=True)
        return [files.media(p.relative_to(files.root).as_posix())
                for p in (_walk(folder, 1) if folder.is_dir() else [])]
    if action == "getMediaFile":
        return files.media(params["path"])
    if action == "persistMedia":
        asset = params["asset"]
        files.write(asset["path"], base64.b64decode(asset["content"]), media=True)
        return files.media(asset["path"])
    if action in ("deleteFile", "deleteFiles"):
        for rel in params.get("paths") or [params["path"]]:
            files.delete(rel)
        return {"message": "已删除"}
    if action == "getDeployPreview":
        return None
    raise Refused(f"本地预览不支持「{action}」。")


def _persist(files: LocalFiles, params: dict) -> dict:
    data_files = params.get("dataFiles") or [params["entry"]]
    for asset in params.get("assets", []):
        files.write(asset["path"], base64.b64decode(asset["content"]), media=True)
    for item in data_files:
        files.write(item.get("newPath") or item["path"], item["raw"])
        if item.get("newPath") and item["newPath"] != item["path"]:
            files.resolve(item["path"]).unlink(missing_ok=True)
    return {"message": "entry persisted"}


def with_local_backend(app: Callable, root: Path) -> Callable:
    """A WSGI application: ``app``, with the backend answering at ``…/admin/api/v1``."""
    files = LocalFiles(root.resolve())

    def serve(environ, start_response):
        if not environ.get("PATH_INFO", "").endswith(API_SUFFIX):
            return app(environ, start_response)
        status, body = _handle(files, environ)
        start_response(status, [("Content-Type", "application/json; charset=utf-8"),
                                ("Cache-Control", "no-store"),
                                ("Content-Length", str(len(body)))])
        return [body]

    return serve


def _handle(files: LocalFiles, environ) -> tuple[str, bytes]:
    if not _from_this_machine(environ):
        return _reply("403 Forbidden", {"error": "只接受本机浏览器的请求。"})
    if environ.get("REQUEST_METHOD") != "POST" or not environ.get(
            "CONTENT_TYPE", "").startswith("application/json"):
        return _reply("405 Method Not Allowed", {"error": "只接受 JSON 格式的 POST 请求。"})
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_REQUEST_BYTES:
            raise Refused("请求太大（上限 4 MB）。")
        request = json.loads(environ["wsgi.input"].read(length) or b"{}")
        result = answer(files, str(request.get("action")), request.get("params") or {})
    except Refused as refused:
        return _reply("422 Unprocessable Entity", {"error": str(refused)})
    except (KeyError, TypeError, ValueError, AttributeError, OSError) as error:
        return _reply("422 Unprocessable Entity", {"error": f"请求不完整或无法完成：{error}"})
    return _reply("200 OK", result)


def _from_this_machine(environ) -> bool:
    """Loopback client, loopback Host (no DNS rebinding) and, when sent, a loopback Origin
    (another site open in the same browser cannot write files)."""
    host = environ.get("HTTP_HOST", "").rsplit(":", 1)[0].strip("[]")
    origin = environ.get("HTTP_ORIGIN", "")
    origin_host = origin.split("://", 1)[-1].rsplit(":", 1)[0].strip("[]") if origin else host
    return (environ.get("REMOTE_ADDR") in _LOOPBACK and host in _LOOPBACK
            and origin_host in _LOOPBACK)


def _reply(status: str, payload: object) -> tuple[str, bytes]:
    return status, json.dumps(payload, ensure_ascii=False).encode("utf-8")
