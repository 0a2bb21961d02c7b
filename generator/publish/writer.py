"""The only module that writes pages to disk: all or nothing, never half a tree."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from generator.sources.file_tree import check_no_links


def write_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write pages into a fresh folder next to ``out_dir``, then swap it in."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for rel, text in sorted(pages.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        replace_directory(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_directory(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; the old tree is removed only after the swap. A link
    at ``target`` is replaced, never followed."""
    old = None
    if target.exists() or target.is_symlink():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        _remove(old)


def _remove(path: Path) -> None:
    """A folder and what is in it, or only the link when ``path`` is one."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def write_new_file(path: Path, text: str, root: Path | None = None) -> bool:
    """Create ``path`` with ``text``; never overwrite, never through a link (a folder between
    ``root`` and it that is a link raises :class:`LinkRefused`). Returns False when it already
    exists."""
    if root is not None:
        check_no_links(path.parent, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


def write_text_file(path: str | Path, text: str) -> None:
    """One output file (a page, a part of the search index), its folder made if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", errors="xmlcharrefreplace"))


def write_binary_file(path: str | Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_zip(target: Path, entries, stamp: tuple) -> None:
    """A zip of (name, bytes) entries, every one dated ``stamp`` with the same permissions,
    so the same entries always give the same bytes. Written beside the target, then moved
    into place: a failed run never leaves a half-written zip under the real name."""
    stamp = max(tuple(stamp), (1980, 1, 1, 0, 0, 0))  # zip cannot store earlier dates
    partial = target.with_name(target.name + ".partial")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.unlink(missing_ok=True)  # a link left there is removed, not written through
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.flag_bits |= 0x800  # UTF-8 names: Chinese file names open right everywhere
            archive.writestr(info, data, compresslevel=9)
    partial.replace(target)


class StagedFolder:
    """A build writes into a sibling of ``target``; ``finish`` puts it in place only when the
    build succeeded, so a failed build leaves the published folder as it was."""

    def __init__(self, target: str):
        self.target = Path(target)
        self.folder = Path(str(target).rstrip("/\\") + ".kb-staging")
        _remove(self.folder)  # a link there would let the build write wherever it points

    def finish(self, succeeded: bool) -> bool:
        """True when the new folder is in place; otherwise it is removed."""
        if succeeded and self.folder.is_dir():
            replace_directory(self.folder, self.target)
            return True
        _remove(self.folder)
        return False
