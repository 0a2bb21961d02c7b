"""Decap CMS comes from its npm release, checked against the published checksum, never from
a CDN at run time."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile

import pytest

from generator.form_editor import vendor as cms_vendor
from generator.form_editor.vendor import VendorError, decap_files
from generator.model.settings import Settings


def _tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_the_pinned_release_unpacks_to_the_browser_files_only(tmp_path, monkeypatch):
    data = _tarball(
        {
            "package/dist/decap-cms.js": b"main",
            "package/dist/12.decap-cms.js": b"c",
            "package/dist/a.wasm": b"w",
            "package/dist/decap-cms.js.map": b"m",
            "package/dist/cms.js": b"copy",
            "package/src/x.js": b"s",
        }
    )
    (tmp_path / "decap.tgz").write_bytes(data)
    monkeypatch.setattr(cms_vendor, "INTEGRITY", _integrity(data))
    vendored = decap_files(tmp_path / "cache", tmp_path / "decap.tgz")
    assert sorted(vendored.files) == ["12.decap-cms.js", "a.wasm", "decap-cms.js"]
    assert (
        vendored.script_integrity
        == "sha384-" + base64.b64encode(hashlib.sha384(b"main").digest()).decode()
    )


def test_a_file_that_is_not_the_release_is_refused(tmp_path, monkeypatch):
    (tmp_path / "decap.tgz").write_bytes(_tarball({"package/dist/decap-cms.js": b"evil"}))
    with pytest.raises(VendorError, match="校验值"):
        decap_files(tmp_path / "cache", tmp_path / "decap.tgz")


def test_a_broken_download_in_the_cache_is_fetched_again(tmp_path, monkeypatch):
    good = _tarball({"package/dist/decap-cms.js": b"main"})
    monkeypatch.setattr(cms_vendor, "INTEGRITY", _integrity(good))
    settings = Settings.read({"KB_CACHE": str(tmp_path)})
    cached = tmp_path / "kb" / "decap-cms-3.16.3.tgz"
    cached.parent.mkdir()
    cached.write_bytes(b"half a download")
    monkeypatch.setattr(cms_vendor, "_download", lambda registry: good)
    assert decap_files(settings.cache_dir).files["decap-cms.js"] == b"main"
    assert cached.read_bytes() == good


def test_no_network_gives_a_chinese_message_with_the_ways_out(tmp_path):
    settings = Settings.read({"KB_CACHE": str(tmp_path), "KB_NPM_REGISTRY": "http://127.0.0.1:9/"})
    with pytest.raises(VendorError) as error:
        decap_files(settings.cache_dir, settings.decap_tarball, settings.npm_registry)
    assert "KB_NPM_REGISTRY" in str(error.value) and "KB_DECAP_TARBALL" in str(error.value)
    assert "http://127.0.0.1:9/decap-cms/" in str(error.value)


def test_the_real_release_matches_its_published_checksum():
    """Downloads once into the cache (CI reaches the npm registry)."""
    settings = Settings.read(os.environ)
    vendored = decap_files(settings.cache_dir, settings.decap_tarball, settings.npm_registry)
    assert len(vendored.files["decap-cms.js"]) == 5_167_389
    assert hashlib.sha256(vendored.files["decap-cms.js"]).hexdigest().startswith("7c1efd6b")
