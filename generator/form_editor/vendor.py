"""Decap CMS's browser files, vendored into the site: the npm package's release tarball, pinned
by version and checked against its published sha512, downloaded once into a cache. The site
never loads it from a CDN (unpkg and jsDelivr are unreachable from many government networks).

For a machine without internet access, copy the tarball there and set ``KB_DECAP_TARBALL``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from generator.model.settings import NPM_REGISTRY

DECAP_VERSION = "3.16.3"
TARBALL = f"decap-cms/-/decap-cms-{DECAP_VERSION}.tgz"
# dist.integrity of decap-cms@3.16.3 on registry.npmjs.org
INTEGRITY = (
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0o"
    "IpwUYhUJDYtYw=="
)
MAIN_SCRIPT = "decap-cms.js"
LICENSE = "decap-cms.js.LICENSE.txt"
DOWNLOAD_SECONDS = 120


class VendorError(Exception):
    """The editor's files could not be had; the message says why, in Chinese."""


@dataclass(frozen=True)
class VendoredFiles:
    files: dict[str, bytes]  # file name under admin/ → content

    @property
    def script_integrity(self) -> str:
        digest = hashlib.sha384(self.files[MAIN_SCRIPT]).digest()
        return "sha384-" + base64.b64encode(digest).decode("ascii")


def decap_files(
    cache_dir: Path, local: Path | None = None, registry: str = NPM_REGISTRY
) -> VendoredFiles:
    """The browser files of the pinned Decap CMS, from the cache (``cache_dir``), a local copy
    (KB_DECAP_TARBALL) or the registry (KB_NPM_REGISTRY)."""
    return VendoredFiles(_unpack(_tarball(cache_dir, local, registry)))


def _tarball(cache_dir: Path, local: Path | None, registry: str) -> bytes:
    if local:
        try:
            return _verified(local.read_bytes(), str(local))
        except OSError as error:
            raise VendorError(f"读不到 KB_DECAP_TARBALL 指定的文件 {local}：{error}") from error
    cached = cache_dir / Path(TARBALL).name
    if cached.is_file():
        try:
            return _verified(cached.read_bytes(), str(cached))
        except VendorError:
            cached.unlink()  # a broken download: fetch it again
    data = _verified(_download(registry), "下载的文件")
    cached.parent.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_name(cached.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, cached)
    return data


def _download(registry: str) -> bytes:
    url = f"{registry.rstrip('/')}/{TARBALL}"
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_SECONDS) as response:
            return response.read()
    except OSError as error:
        raise VendorError(
            f"无法下载表单编辑器 Decap CMS {DECAP_VERSION}（{url}）：{error}。"
            "可以设置 KB_NPM_REGISTRY 使用国内镜像，或把 decap-cms-"
            f"{DECAP_VERSION}.tgz 复制到本机后设置 KB_DECAP_TARBALL。"
        ) from error


def _verified(data: bytes, where: str) -> bytes:
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if digest != INTEGRITY:
        raise VendorError(
            f"{where} 的校验值与 decap-cms {DECAP_VERSION} 发布时的不符，没有使用。请重新下载。"
        )
    return data


def _unpack(data: bytes) -> dict[str, bytes]:
    """The main script, its lazily loaded parts (code editors, image encoders) and licence."""
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/dist/")
            if member.isfile() and "/" not in name and _wanted(name):
                extracted = archive.extractfile(member)
                assert extracted is not None  # a regular file
                files[name] = extracted.read()
    return dict(sorted(files.items()))


def _wanted(name: str) -> bool:
    return name in (MAIN_SCRIPT, LICENSE) or name.endswith((".decap-cms.js", ".wasm"))
