"""One rule for every folder the build reads or publishes (``cases/``, ``content/``,
``site_config/`` and everything in them, and ``mkdocs.yml``): **no symbolic link is ever read
or published**. A content repository has no need for links, and git stores them: a committed
link to ``.git/config`` (which holds the CI job's token) or to a trainers-only file would
otherwise be published under an innocent name. Each link is a located error naming the link
and where it points, whether that is inside the repository, outside it, nowhere or itself;
nothing behind it is read. Windows junctions count as links. Pipes, devices and sockets are
never read either: reading one could wait forever.

The walk costs no system call beyond the folder listing for plain files. Files are opened
with :func:`open_no_follow`, so a link that appears after the walk is still not followed.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.sources.problems import ProblemList

LINK = (
    "这是一个链接（符号链接或快捷方式），指向「{target}」。知识库里不能有链接：它会把所指的"
    "文件（例如仓库的设置或只给培训师的材料）当作这里的内容发布，所以不会被读取或发布。"
    "请删除这个链接（git rm），把文件本身放到这里。"
)
NOT_A_FILE = "这不是普通的文件（可能是管道或设备文件），不会被读取或发布：请删除它。"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_is_junction = getattr(os.path, "isjunction", lambda path: False)  # Python 3.12 and later


class LinkRefused(OSError):
    """Raised by :func:`open_no_follow` and :func:`check_no_links` for a path through a link."""


def is_link(path: Path | str) -> bool:
    """A symbolic link, or a Windows junction (which Python does not call a link)."""
    return os.path.islink(path) or _is_junction(path)


def link_message(link: Path | str) -> str:
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    shown = "".join(ch if ch.isprintable() else "?" for ch in str(target))
    return LINK.format(target=shown if len(shown) <= 80 else shown[:80] + "…")


def check_no_links(path: Path | str, root: Path | str) -> None:
    """Raises :class:`LinkRefused` when ``path`` or a folder between ``root`` and it is a
    link (``root`` itself may be one: the repository can be checked out anywhere)."""
    current = Path(os.path.abspath(root))
    for part in Path(os.path.abspath(path)).relative_to(current).parts:
        current = current / part
        if is_link(current):
            raise LinkRefused(f"{current} is a link")


def open_no_follow(path: Path | str, root: Path | str | None = None):
    """``path`` opened for reading as bytes, never through a link: the last part is refused
    by the system (``O_NOFOLLOW``) where it can, the folders above it up to ``root`` by
    :func:`check_no_links`."""
    if root is not None:
        check_no_links(path, root)
    elif is_link(path):
        raise LinkRefused(f"{path} is a link")
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW | _BINARY)
    except OSError as error:
        if is_link(path):
            raise LinkRefused(f"{path} is a link") from error
        raise
    return os.fdopen(descriptor, "rb")


class FileTree:
    """Walks folders of one repository under the rule above, reporting to ``problems``; each
    link or odd file is reported once, however many walks pass it."""

    def __init__(self, root: Path, problems: ProblemList):
        self.root = Path(root)
        self.problems = problems
        self._reported: set[str] = set()

    def rel(self, path: Path) -> str:
        """Where the path itself stands (not where a link leads), relative to the root."""
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def folder_ok(self, folder: Path) -> bool:
        """True when neither ``folder`` nor a folder above it (up to the root) is a link; the
        first link is reported."""
        current = self.root
        for part in Path(os.path.abspath(folder)).relative_to(os.path.abspath(self.root)).parts:
            current = current / part
            if is_link(current):
                self._report(current, link_message(current), rule="file-link")
                return False
        return True

    def file_ok(self, path: Path) -> bool:
        """A single file the build reads (vocabularies.yml, glossary.yml …), checked alike."""
        return self.folder_ok(path)

    def files(self, folder: Path, hidden: bool = True) -> list[Path]:
        """Every file under ``folder`` that may be read, sorted by path; ``hidden=False``
        leaves out names starting with a dot, as MkDocs does for its docs folder (links among
        them are reported all the same)."""
        if not self.folder_ok(folder) or not folder.is_dir():
            return []
        found: list[Path] = []
        pending = [(folder, True)]
        while pending:
            here, collect = pending.pop()
            with os.scandir(here) as entries:
                for entry in sorted(entries, key=lambda e: e.name, reverse=True):
                    keep = collect and (hidden or not entry.name.startswith("."))
                    self._visit(entry, found if keep else None, pending, keep)
        return sorted(found, key=lambda p: p.as_posix())

    def _visit(self, entry: os.DirEntry, found: list | None, pending: list, keep: bool) -> None:
        path = Path(entry.path)
        if entry.is_symlink() or getattr(entry, "is_junction", lambda: False)():
            self._report(path, link_message(path), rule="file-link")
        elif entry.is_dir(follow_symlinks=False):
            pending.append((path, keep))
        elif entry.is_file(follow_symlinks=False):
            if found is not None:
                found.append(path)
        else:
            self._report(path, NOT_A_FILE, rule="file-not-regular")

    def _report(self, path: Path, message: str, *, rule: str) -> None:
        rel = self.rel(path)
        if rel not in self._reported:
            self._reported.add(rel)
            self.problems.add(rel, 1, 1, "", message, rule=rule)
