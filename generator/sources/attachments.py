"""What ``site_config/docs`` may publish: images, documents and the site's own scripts and
styles. A file a browser would run on the site's origin when opened (HTML, XML, a page
template) is refused; an SVG drawing is published only as rewritten by svg-hush (Cloudflare's
SVG filter: drawing elements kept; script, event handlers, foreign objects and references to
other hosts dropped). Script or handlers written into an SVG are also reported, with their
line, so that an editor knows the published drawing is not the file they added.

The form editor's media folder (``site_config/docs/assets/uploads``) holds only PNG, JPEG, GIF,
WebP and PDF files whose bytes agree with their extension; elsewhere an image or PDF whose
bytes are not what its extension says is refused too (``generator/sources/file_kinds.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from py_svg_hush import filter_svg

from generator.sources.file_kinds import (
    HEAD,
    UPLOADS,
    mismatch_problem,
    named_kind,
    upload_problem,
)
from generator.sources.file_tree import FileTree, open_no_follow
from generator.sources.loading import decode_source
from generator.sources.problems import ProblemList
from generator.sources.rules import RuledMessage

IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".svg"}
DOCUMENTS = {
    ".pdf",
    ".ofd",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".wps",
    ".et",
    ".dps",
    ".odt",
    ".ods",
    ".odp",
    ".rtf",
    ".txt",
    ".csv",
    ".zip",
}
MEDIA = {".mp3", ".m4a", ".wav", ".ogg", ".mp4", ".webm"}
SITE_CODE = {".js", ".css", ".woff", ".woff2", ".ttf", ".otf"}  # the site's own, reviewed as code
ALLOWED = IMAGES | DOCUMENTS | MEDIA | SITE_CODE
# raster images an SVG may carry inline as data: addresses
_SVG_DATA_IMAGES = {"image": ["png", "jpeg", "gif", "webp"]}
_SVG_ACTIVE = re.compile(
    r"<\s*(?:[\w-]+:)?(script|foreignObject)\b|\s(on[a-z]+)\s*=|(javascript)\s*:|<!(DOCTYPE|ENTITY)",
    re.I,
)
_SVG_ACTIVE_NAMES = {
    "script": "脚本 <script>",
    "foreignobject": "嵌入的网页内容 <foreignObject>",
    "javascript": "javascript: 链接",
    "doctype": "DOCTYPE 声明",
    "entity": "ENTITY 声明",
}


@dataclass(frozen=True)
class Attachments:
    """What MkDocs may copy from ``site_config/docs`` and the theme overrides folder."""

    files: frozenset[str] = frozenset()  # under the docs folder, relative to it: pages link these
    sources: frozenset[str] = frozenset()  # every publishable file, relative to the repository
    rewritten: dict[str, bytes] = field(default_factory=dict)  # source → what is published

    def published(self, source: str) -> bytes | bool:
        """False for a file that must not be published, its rewritten bytes for an SVG, else
        True (copied as it is). ``source``: relative to the repository."""
        if source not in self.sources:
            return False
        return self.rewritten.get(source, True)


def check_attachments(
    tree: FileTree, docs: Path, overrides: Path, problems: ProblemList
) -> Attachments:
    """Every publishable file under ``docs`` and ``overrides`` (whose ``.html`` files are page
    templates, read by the theme and never copied); each refused one is a located problem."""
    files, sources, rewritten = [], [], {}
    for folder in (docs, overrides):
        for path in tree.files(folder, hidden=False):
            suffix, source = path.suffix.lower(), tree.rel(path)
            if folder == overrides and suffix == ".html":
                continue
            refusal = (
                _content_refusal(path, source)
                if suffix in ALLOWED or source.startswith(UPLOADS + "/")
                else _refused_message(suffix)
            )
            if refusal:
                problems.add(source, 1, 1, "", refusal.message, rule=refusal.rule)
                continue
            if suffix == ".svg":
                drawing = _filtered_svg(path, source, problems)
                if drawing is None:
                    continue
                rewritten[source] = drawing
            sources.append(source)
            if folder == docs:
                files.append(path.relative_to(docs).as_posix())
    return Attachments(frozenset(files), frozenset(sources), rewritten)


def _content_refusal(path: Path, source: str) -> RuledMessage | None:
    """Why a file whose name is allowed is refused all the same: in the form editor's media
    folder, anything but an image or PDF; anywhere, bytes that are not what the name says."""
    uploaded = source.startswith(UPLOADS + "/")
    if not uploaded and named_kind(path.name) is None:
        return None  # nothing to compare: no need to open it
    with open_no_follow(path) as file:
        head = file.read(HEAD)
    if uploaded:
        problem = upload_problem(path.name, head)
        return (
            RuledMessage(
                f"{UPLOADS}/ 是表单编辑器放上传文件的文件夹。{problem}", rule="attachment-upload"
            )
            if problem
            else None
        )
    mismatch = mismatch_problem(path.name, head)
    return RuledMessage(mismatch, rule="attachment-mismatch") if mismatch else None


def _refused_message(suffix: str) -> RuledMessage:
    kind = f"「{suffix}」文件" if suffix else "没有扩展名的文件"
    return RuledMessage(
        f"{kind}不能作为附件发布：网页、XML、Markdown 等文件在浏览器里打开时"
        "可能以本站的名义运行代码（网页内容请写在 content/ 里）。"
        "可以发布的附件：图片（png、jpg、gif、webp、svg），"
        "文档（pdf、ofd、doc、docx、xls、xlsx、ppt、pptx、wps、txt、csv、zip），"
        "音频和视频（mp3、m4a、mp4、webm）。",
        rule="attachment-type",
    )


def _filtered_svg(path: Path, rel: str, problems: ProblemList) -> bytes | None:
    with open_no_follow(path) as handle:
        raw = handle.read()
    text = decode_source(raw, rel, problems)
    if text is None:
        return None
    active = _SVG_ACTIVE.search(text)
    if active:
        found = next(g for g in active.groups() if g)
        what = _SVG_ACTIVE_NAMES.get(found.lower(), f"事件属性 {found}")
        problems.add(
            rel,
            text.count("\n", 0, active.start()) + 1,
            1,
            "",
            f"SVG 图片里有{what}：图片不能含有可以运行的代码或外部定义。"
            "请在绘图软件里去掉它后重新导出，或改用 PNG 图片。",
            rule="svg-active",
        )
        return None
    try:
        return filter_svg(text.encode("utf-8"), _SVG_DATA_IMAGES)
    except ValueError:
        problems.add(
            rel,
            1,
            1,
            "",
            "SVG 文件格式有误，无法读取：请在绘图软件里重新导出，或改用 PNG 图片。",
            rule="svg-invalid",
        )
        return None
