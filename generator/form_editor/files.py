"""The files the form editor's local backend (``local.py``) may read and write, and how.

- Only ``cases/`` and ``content/`` (entries) and ``site_config/docs/assets/uploads`` (media)
  are touched; a path with ``..``, an empty or ``.`` part, a control character, or outside
  those folders is refused.
- No symbolic link (or Windows junction) is followed, anywhere on the way from the repository
  to the file: reads open with ``O_NOFOLLOW`` where the system has it (a link check
  otherwise) and read only regular files; a folder given as a file is refused.
- A save writes a new temporary file beside the target under a random name, created
  exclusively (``O_CREAT | O_EXCL | O_NOFOLLOW``: never an existing file, never through a
  link), then checks the target again (no link on the way, not a link, not a folder, really
  inside an editable folder) and renames the temporary over it. On any refusal nothing is
  written and the temporary is removed.
- Media must be a PNG, JPEG, GIF or WebP picture or a PDF, recognised from its bytes, with an
  extension that agrees (``generator/sources/file_kinds.py``).
- Every refusal is a :class:`Refused` with a plain Chinese message naming only the path the
  request gave, relative to the repository: never a machine path or a system error's text.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.sources.file_kinds import UPLOADS, upload_problem
from generator.sources.file_tree import LinkRefused, check_no_links, is_link

EDITABLE = ("cases", "content")
MEDIA_FOLDER = UPLOADS  # where images from the form go
MEDIA = (MEDIA_FOLDER,)
SAVING = ".kb-saving"  # the end of a temporary file's name while a save is under way
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe left in a folder must not hang the read
_BINARY = getattr(os, "O_BINARY", 0)
_REASONS = {
    errno.ENOSPC: "磁盘空间不够了",
    errno.EACCES: "没有权限（文件可能是只读的，或正被其他程序使用）",
    errno.EPERM: "没有权限（文件可能是只读的，或正被其他程序使用）",
    errno.EROFS: "磁盘是只读的",
    errno.ENOENT: "文件或它所在的文件夹不存在",
    errno.ENOTDIR: "路径里有一级不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ELOOP: "路径经过符号链接（快捷方式）",
    errno.ENAMETOOLONG: "文件名太长",
}


class Refused(Exception):
    """A request the backend will not carry out; the message is shown in the editor."""


def shown(rel: str) -> str:
    """``rel`` as a message may show it: printable, and not too long."""
    text = "".join(ch if ch.isprintable() else "?" for ch in rel)
    return text if len(text) <= 120 else text[:120] + "…"


def _link(rel: str) -> Refused:
    return Refused(f"「{shown(rel)}」经过符号链接（快捷方式），表单编辑器不读写它。")


def _folder(rel: str) -> Refused:
    return Refused(f"「{shown(rel)}」这是一个文件夹，不是文件：表单编辑器只能读写文件夹里的文件。")


@contextlib.contextmanager
def _disk(rel: str, doing: str) -> Iterator[None]:
    """A system error while reading or writing ``rel``, as a Chinese refusal without the
    system's own words (they name the machine's folders)."""
    try:
        yield
    except LinkRefused:
        raise _link(rel) from None
    except OSError as error:
        reason = _REASONS.get(error.errno or 0, "系统没有完成这次操作")
        raise Refused(f"{doing}「{shown(rel)}」没有成功：{reason}。") from None


@dataclass
class LocalFiles:
    """The knowledge base's editable files, as the form editor sees them."""

    root: Path

    def __post_init__(self) -> None:
        self.root = Path(os.path.realpath(self.root))

    def resolve(self, rel: str, folders: tuple[str, ...] = EDITABLE) -> Path:
        """``rel`` as a path under one of ``folders``, refusing anything that leaves them or
        passes a link."""
        rel = rel.replace("\\", "/").lstrip("/")
        parts = rel.split("/")
        if (
            ".." in parts
            or "." in parts
            or "" in parts
            or any(not ch.isprintable() for ch in rel)
            or not any(rel == f or rel.startswith(f + "/") for f in folders)
        ):
            where = "、".join(f"{f}/" for f in folders)
            raise Refused(f"不能读写「{shown(rel)}」：表单编辑器只能改 {where} 里的文件。")
        path = self.root / rel
        try:
            check_no_links(path, self.root)
        except LinkRefused:
            raise _link(rel) from None
        return path

    def entry(self, rel: str) -> dict:
        data = self._read(self.resolve(rel), rel, missing_ok=True)
        try:
            if data is not None:
                return {"data": data.decode("utf-8"), "file": {"path": rel, "id": _sha(data)}}
        except UnicodeDecodeError:
            pass
        return {"data": None, "file": {"path": rel, "id": None}}

    def folder_entries(self, folder: str, extension: str, depth: int) -> list[dict]:
        base = self.resolve(folder)
        with _disk(folder, "读取"):
            found = list(_walk(base, depth)) if base.is_dir() else []
        return [
            self.entry(path.relative_to(self.root).as_posix())
            for path in found
            if path.name.endswith("." + extension) and not path.name.startswith("_")
        ]

    def media(self, rel: str) -> dict:
        content = self._read(self.resolve(rel, MEDIA), rel) or b""
        name = rel.rsplit("/", 1)[-1]
        problem = upload_problem(name, content)
        if problem:
            raise Refused(problem)
        return {
            "id": _sha(content),
            "content": base64.b64encode(content).decode("ascii"),
            "encoding": "base64",
            "path": rel,
            "name": name,
        }

    def media_list(self, folder: str) -> list[dict]:
        """Every file in the media folder the form may show (others are left out)."""
        base = self.resolve(folder, MEDIA)
        with _disk(folder, "读取"):
            paths = list(_walk(base, 1)) if base.is_dir() else []
        found = []
        for path in paths:
            with contextlib.suppress(Refused):
                found.append(self.media(path.relative_to(self.root).as_posix()))
        return found

    def writable(self, rel: str, folders: tuple[str, ...] = EDITABLE) -> Path:
        """The path a save of ``rel`` replaces, refused unless that is safe right now: no link
        on the way, not a link, not a folder, and really inside one of ``folders``."""
        path = self.resolve(rel, folders)
        with _disk(rel, "读写"):
            if path.is_dir():
                raise _folder(rel)
            real = Path(os.path.realpath(path))
        if not any(real.is_relative_to(self.root / f) for f in folders):
            raise _link(rel)
        return path

    def check_media(self, rel: str, data: bytes) -> Path:
        """Where an upload goes, refused unless it is a picture or PDF (see the module)."""
        path = self.writable(rel, MEDIA)
        problem = upload_problem(path.name, data)
        if problem:
            raise Refused(problem)
        return path

    def write(self, rel: str, raw: str | bytes, folders: tuple[str, ...] = EDITABLE) -> None:
        path = self.writable(rel, folders)
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
        with _disk(rel, "保存"):
            self._make_folders(path.parent, rel)
            descriptor, temporary = _new_temporary(path)
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(data)
                self.writable(rel, folders)  # again: nothing may have changed meanwhile
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
                raise

    def delete(self, rel: str) -> None:
        path = self.writable(rel, (*EDITABLE, *MEDIA))
        with _disk(rel, "删除"):
            path.unlink(missing_ok=True)

    def _make_folders(self, folder: Path, rel: str) -> None:
        """Creates the folders up to ``folder`` one at a time, none through a link."""
        current = self.root
        for part in folder.relative_to(self.root).parts:
            current = current / part
            if is_link(current):
                raise _link(rel)
            with contextlib.suppress(FileExistsError):
                os.mkdir(current)
            if not current.is_dir():
                raise Refused(f"不能保存「{shown(rel)}」：路径里的「{part}」是文件，不是文件夹。")

    def _read(self, path: Path, rel: str, missing_ok: bool = False) -> bytes | None:
        """The bytes of the regular file ``path``, never through a link; None when it does not
        exist and ``missing_ok``."""
        if not _NO_FOLLOW and is_link(path):
            raise _link(rel)
        with _disk(rel, "读取"):
            try:
                descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCK | _BINARY)
            except FileNotFoundError:
                if missing_ok:
                    return None
                raise Refused(f"找不到文件「{shown(rel)}」。") from None
            except OSError:
                if is_link(path):
                    raise _link(rel) from None
                if path.is_dir():
                    raise _folder(rel) from None
                raise
            mode = os.fstat(descriptor).st_mode
            if not stat.S_ISREG(mode):
                os.close(descriptor)
                raise (
                    _folder(rel)
                    if stat.S_ISDIR(mode)
                    else Refused(f"「{shown(rel)}」不是普通的文件，表单编辑器不读取它。")
                )
            with os.fdopen(descriptor, "rb") as file:
                return file.read()


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty file beside ``path`` (``.<name>.<random>.kb-saving``), opened for
    writing; never an existing file or link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _BINARY
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}{SAVING}")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _walk(base: Path, depth: int) -> Iterable[Path]:
    """Regular files under ``base`` down to ``depth`` levels, in a stable order; links and
    hidden names skipped."""
    for path in sorted(base.iterdir()):
        if is_link(path) or path.name.startswith("."):
            continue
        if path.is_dir() and depth > 1:
            yield from _walk(path, depth - 1)
        elif path.is_file():
            yield path


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
