"""What an image or PDF file really is, told from its first bytes rather than its name.

The form editor's media folder (``UPLOADS``) holds only what the form may upload: PNG, JPEG,
GIF and WebP pictures and PDF documents, each with a name whose extension agrees with its
bytes. Anything else there (a script, an SVG drawing, a web page, a "picture" that is really a
web page) could run code on the site's address when opened, so it is refused both when the
form uploads it (``generator/form_editor/files.py``) and when it is committed
(``generator/sources/attachments.py``). Elsewhere in ``site_config/docs``, an image or PDF
whose bytes are not what its extension says is refused the same way.
"""

from __future__ import annotations

from pathlib import PurePosixPath

UPLOADS = "site_config/docs/assets/uploads"  # the form editor's media folder (Decap's)
HEAD = 64  # how many leading bytes tell the kinds below apart

# kind → how editors know it, and the extensions a file of that kind may have
KINDS = {
    "png": ("PNG 图片", (".png",)),
    "jpeg": ("JPG 图片", (".jpg", ".jpeg")),
    "gif": ("GIF 图片", (".gif",)),
    "webp": ("WebP 图片", (".webp",)),
    "pdf": ("PDF 文件", (".pdf",)),
    "avif": ("AVIF 图片", (".avif",)),
    "bmp": ("BMP 图片", (".bmp",)),
    "ico": ("ICO 图标", (".ico",)),
}
UPLOAD_KINDS = ("png", "jpeg", "gif", "webp", "pdf")  # what the form editor may upload
_BY_EXTENSION = {ext: kind for kind, (_, exts) in KINDS.items() for ext in exts}
_ALLOWED_WORDS = "图片（JPG、PNG、GIF、WebP）或 PDF 文件"
_WHY = (
    "其他文件（脚本、网页、SVG 图片等）在浏览器里打开时可能以本站的名义运行代码，"
    "所以不能上传或发布。"
)


def sniff(head: bytes) -> str | None:
    """The kind (a key of ``KINDS``) the leading bytes ``head`` belong to, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head[4:8] == b"ftyp" and (b"avif" in head[8:HEAD] or b"avis" in head[8:HEAD]):
        return "avif"
    if head[:2] == b"BM" and len(head) >= 14:
        return "bmp"
    if head[:4] in (b"\x00\x00\x01\x00", b"\x00\x00\x02\x00"):
        return "ico"
    return None


def named_kind(name: str) -> str | None:
    """The kind a file name's extension promises (case ignored), or None."""
    return _BY_EXTENSION.get(PurePosixPath(name).suffix.lower())


def upload_problem(name: str, head: bytes) -> str | None:
    """Why a file called ``name`` starting with ``head`` may not be in the form editor's media
    folder, in plain Chinese; None when it may."""
    if named_kind(name) not in UPLOAD_KINDS:
        return f"只能上传{_ALLOWED_WORDS}：「{name}」不是。{_WHY}"
    mismatch = mismatch_problem(name, head)
    return f"只能上传{_ALLOWED_WORDS}，而且扩展名要和内容一致：{mismatch}" if mismatch else None


def mismatch_problem(name: str, head: bytes) -> str | None:
    """Why ``name``'s bytes are not what its extension promises; None when they are, or when
    the extension is not one of ``KINDS`` (nothing to compare)."""
    promised, actual = named_kind(name), sniff(head)
    if promised is None or actual == promised:
        return None
    said = f"「{name}」的扩展名表示{KINDS[promised][0]}，但文件内容"
    if actual is not None:
        return f"{said}其实是{KINDS[actual][0]}：请把扩展名改成 {KINDS[actual][1][0]}。"
    fix = "重新导出 PDF" if promised == "pdf" else "在看图软件里另存为 PNG 或 JPG"
    return (
        f"{said}不是{KINDS[promised][0]}（可能是改了扩展名的网页或程序）："
        f"请{fix} 后重新添加。{_WHY}"
    )
