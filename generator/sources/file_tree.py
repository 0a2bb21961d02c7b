"""One rule for every folder the build reads or publishes (``cases/``, ``content/`` and its
folders, ``site_config/`` with ``docs/``, ``templates/`` and ``overrides/``): the folder itself
and everything found in it must resolve inside the repository.

A link (symbolic link, or a Windows junction seen as one) that leads out of the repository,
that leads nowhere, or that leads back to itself is a located error, and nothing behind it is
read or published; a link to a folder is not followed (its files would be published twice or
from elsewhere). Pipes, devices and sockets are never read: reading one could wait forever.
Only links are resolved, so walking ten thousand plain files costs no extra system calls.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.sources.problems import Level, ProblemList

OUTSIDE = ("这是一个指向知识库以外位置的链接（快捷方式），不会被读取或发布："
           "请把文件本身放到这里，或删除这个链接。")
LOOP = "这个链接（快捷方式）指向它自己或形成了循环，无法读取：请删除这个链接。"
DANGLING = "这个链接（快捷方式）指向的文件不存在：请删除这个链接，或把文件放回原处。"
FOLDER_LINK = ("这是一个指向文件夹的链接（快捷方式），里面的文件不会被读取或发布："
               "请把文件夹本身放到这里。")
NOT_A_FILE = "这不是普通的文件（可能是管道或设备文件），不会被读取或发布：请删除它。"


class FileTree:
    """Walks folders of one repository under the rule above, reporting to ``problems``."""

    def __init__(self, root: Path, problems: ProblemList):
        self.root = Path(root)
        self.real_root = self.root.resolve()
        self.problems = problems

    def rel(self, path: Path) -> str:
        """Where the path itself stands (not where a link leads), relative to the root."""
        try:
            return Path(os.path.abspath(path)).relative_to(
                os.path.abspath(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def folder_ok(self, folder: Path) -> bool:
        """True when ``folder`` and each folder above it (up to the root) stays inside; the
        first link that leads out, nowhere or in a circle is reported."""
        current = self.root
        for part in Path(os.path.abspath(folder)).relative_to(
                os.path.abspath(self.root)).parts:
            current = current / part
            if current.is_symlink() and self._link_target(current) is None:
                return False
        return True

    def file_ok(self, path: Path) -> bool:
        """A single file the build reads (vocabularies.yml, glossary.yml …), checked alike."""
        if not self.folder_ok(path.parent):
            return False
        if path.is_symlink():
            return self._link_target(path) is not None
        return True

    def files(self, folder: Path, hidden: bool = True) -> list[Path]:
        """Every file under ``folder`` that may be read, sorted by path; ``hidden=False``
        leaves out names starting with a dot, as MkDocs does for its docs folder."""
        if not folder.is_dir() or not self.folder_ok(folder):
            return []
        found: list[Path] = []
        pending = [folder]
        while pending:
            here = pending.pop()
            with os.scandir(here) as entries:
                for entry in sorted(entries, key=lambda e: e.name, reverse=True):
                    if not hidden and entry.name.startswith("."):
                        continue
                    self._visit(Path(entry.path), entry, found, pending)
        return sorted(found, key=lambda p: p.as_posix())

    def _visit(self, path: Path, entry: os.DirEntry, found: list, pending: list) -> None:
        if entry.is_symlink():
            target = self._link_target(path)
            if target is None:
                return
            if target.is_dir():
                self.problems.add(self.rel(path), 1, 1, "", FOLDER_LINK, Level.WARNING)
            elif target.is_file():
                found.append(path)
            else:
                self.problems.add(self.rel(path), 1, 1, "", NOT_A_FILE)
        elif entry.is_dir(follow_symlinks=False):
            pending.append(path)
        elif entry.is_file(follow_symlinks=False):
            found.append(path)
        else:
            self.problems.add(self.rel(path), 1, 1, "", NOT_A_FILE)

    def _link_target(self, link: Path) -> Path | None:
        """Where a link leads, when that is inside the repository; otherwise None, reported."""
        try:
            target = link.resolve(strict=True)
            refused = None if target.is_relative_to(self.real_root) else OUTSIDE
        except FileNotFoundError:
            refused = DANGLING
        except (OSError, RuntimeError):  # RuntimeError: Python's own "Symlink loop"
            refused = LOOP
        if refused is None:
            return target
        self.problems.add(self.rel(link), 1, 1, "", refused)
        return None
