"""generator/sources/file_kinds.py: a picture or PDF is told from its bytes, and its name must
agree; the form editor's media folder takes only PNG, JPEG, GIF, WebP and PDF."""

from __future__ import annotations

import struct
import zlib

import pytest

from generator.sources.file_kinds import mismatch_problem, named_kind, sniff, upload_problem


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xb7\x1c\x1c"))
        + chunk(b"IEND", b"")
    )


# tiny files of each kind the form may upload, built here rather than committed
SAMPLES = {
    "a.png": _png(),
    "a.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
    "a.gif": (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
        b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    ),
    "a.webp": b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11"
    b"\x88\x88\xfe\x07\x00",
    "a.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
}
REFUSED = {
    "a.js": b"alert(1)",
    "a.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "a.html": b"<script>alert(1)</script>",
    "a.png": b"<html><script>alert(1)</script>",
    "a.pdf": b"<html></html>",
    "a": b"\x89PNG\r\n\x1a\n",
}


@pytest.mark.parametrize("name", SAMPLES)
def test_each_kind_the_form_uploads_is_known_from_its_bytes(name):
    assert sniff(SAMPLES[name]) == named_kind(name)
    assert upload_problem(name, SAMPLES[name]) is None
    assert upload_problem(name.upper(), SAMPLES[name]) is None  # A.PNG is a PNG too
    assert mismatch_problem(name, SAMPLES[name]) is None


@pytest.mark.parametrize("name, data", REFUSED.items())
def test_anything_else_is_refused_in_plain_words(name, data):
    problem = upload_problem(name, data)
    assert problem and problem.startswith("只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件")
    assert f"「{name}」" in problem


def test_a_script_is_named_as_not_a_picture():
    assert upload_problem("x.js", b"alert(1)") == (
        "只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件：「x.js」不是。其他文件（脚本、网页、SVG "
        "图片等）在浏览器里打开时可能以本站的名义运行代码，所以不能上传或发布。"
    )


def test_a_picture_with_the_wrong_extension_is_told_the_right_one():
    problem = mismatch_problem("photo.png", SAMPLES["a.jpg"])
    assert problem == (
        "「photo.png」的扩展名表示PNG 图片，但文件内容其实是JPG 图片：请把扩展名改成 .jpg。"
    )


def test_a_web_page_named_like_a_picture_is_refused_but_other_names_are_not_compared():
    assert "不是PNG 图片（可能是改了扩展名的网页或程序）" in mismatch_problem("logo.png", b"<html>")
    assert "重新导出 PDF" in mismatch_problem("a.pdf", b"<html>")
    assert mismatch_problem("notes.txt", b"<html>") is None
    assert mismatch_problem("drawing.svg", b"<svg/>") is None  # svg-hush rewrites drawings


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "avif"),
        (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avif", "avif"),
        (b"BM" + bytes(12), "bmp"),
        (b"\x00\x00\x01\x00\x01\x00", "ico"),
        (b"GIF87a", "gif"),
        (b"RIFF\x00\x00\x00\x00WAVE", None),
        (b"BM", None),
        (b"", None),
    ],
)
def test_other_pictures_are_known_too(head, kind):
    assert sniff(head) == kind
