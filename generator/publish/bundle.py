"""The offline bundle (``kb build --offline``): the site built to be opened from disk, in one
zip named after the site and the date of the last commit. The same commit gives the same
bytes: entries in a fixed order, dated by the commit, with fixed permissions."""

from __future__ import annotations

import re
from pathlib import Path

from generator.form_editor.admin import is_admin_path
from generator.library.history import utc
from generator.publish.writer import write_zip

README_NAME = "使用说明.txt"
README_TEXT = """\
{site_name}（离线版，{date}）

使用方法：把整个文件夹解压到电脑或 U 盘上，双击其中的 index.html，用浏览器打开即可。
不需要联网：搜索、案例筛选、清单勾选、术语解释和讲义打印都可以使用。
建议使用 Chrome、Edge、360 浏览器（极速模式）等较新的浏览器。
清单的勾选保存在这台电脑的浏览器里，换一台电脑或浏览器不会带过去。
"""


def bundle_folder(site_name: str, epoch: int) -> str:
    """``<site-name>-offline-<YYYYMMDD>``: the zip's name and the folder inside it."""
    safe = re.sub(r'[\\/:*?"<>|\s]+', "-", site_name).strip("-.") or "site"
    return f"{safe}-offline-{utc(epoch):%Y%m%d}"


def zip_entries(site_dir: Path) -> list[Path]:
    """Every file of the site but the form editor, which needs the repository's server."""
    return sorted(
        (
            p
            for p in site_dir.rglob("*")
            if p.is_file()
            and not p.is_symlink()
            and not is_admin_path(p.relative_to(site_dir).as_posix())
        ),
        key=lambda p: p.relative_to(site_dir).as_posix(),
    )


def bundle_entries(site_dir: Path, site_name: str, epoch: int):
    """(name in the zip, bytes) of every file of the bundle, in a fixed order."""
    folder = bundle_folder(site_name, epoch)
    readme = README_TEXT.format(site_name=site_name, date=f"{utc(epoch):%Y-%m-%d}")
    yield f"{folder}/{README_NAME}", readme.encode("utf-8")
    for path in zip_entries(site_dir):
        yield f"{folder}/{path.relative_to(site_dir).as_posix()}", path.read_bytes()


def write_bundle(site_dir: Path, site_name: str, epoch: int, out: Path) -> Path:
    """The zip of ``site_dir`` in the folder ``out``; returns its path."""
    target = out / f"{bundle_folder(site_name, epoch)}.zip"
    write_zip(target, bundle_entries(site_dir, site_name, epoch), utc(epoch).timetuple()[:6])
    return target
