"""generator/sources/attachments.py: what site_config/docs and the theme overrides may publish.
A file that would run on the site's origin is refused; an SVG is published as svg-hush rewrites
it."""

from __future__ import annotations

import pytest

from generator.sources.attachments import check_attachments
from generator.sources.file_tree import FileTree
from generator.sources.problems import ProblemList
from tests.conftest import copy_project, run_kb
from tests.sources.test_file_kinds import SAMPLES

UPLOADS = "site_config/docs/assets/uploads"
DRAWING = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">
  <inkscape:metadata>绘图软件的记录</inkscape:metadata>
  <image xlink:href="https://tracker.example.com/pixel.png" width="1" height="1"/>
  <rect width="10" height="10" fill="#b71c1c"/>
  <text x="1" y="8">党建</text>
</svg>
"""


def _check(root) -> tuple:
    problems = ProblemList()
    found = check_attachments(
        FileTree(root, problems),
        root / "site_config/docs",
        root / "site_config/overrides",
        problems,
    )
    return found, [p.text() for p in problems.sorted()]


def _write(root, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_images_documents_and_site_code_are_published_as_they_are(tmp_path):
    for rel in ("site_config/docs/assets/kb.css", "site_config/docs/assets/javascripts/a.js"):
        _write(tmp_path, rel, "x")
    for rel, sample in (("assets/photo.JPG", "a.jpg"), ("files/通知.pdf", "a.pdf")):
        _write(tmp_path, f"site_config/docs/{rel}", "")
        (tmp_path / "site_config/docs" / rel).write_bytes(SAMPLES[sample])
    _write(tmp_path, "site_config/overrides/main.html", "{% extends 'base.html' %}")
    found, problems = _check(tmp_path)
    assert problems == []
    assert found.files == {
        "assets/photo.JPG",
        "files/通知.pdf",
        "assets/kb.css",
        "assets/javascripts/a.js",
    }
    assert found.published("site_config/docs/files/通知.pdf") is True
    assert found.published("site_config/overrides/main.html") is False  # a template


@pytest.mark.parametrize(
    "name",
    ["page.html", "page.HTM", "feed.xml", "data.xhtml", "note.md", "style.xsl", "run.sh", "README"],
)
def test_files_a_browser_would_run_are_refused(tmp_path, name):
    _write(tmp_path, f"site_config/docs/assets/{name}", "<script>alert(1)</script>")
    # in the overrides, a .html file is a template: the theme reads it, MkDocs never copies it
    if not name.endswith(".html"):
        _write(tmp_path, f"site_config/overrides/assets/{name}", "<script>alert(1)</script>")
    found, problems = _check(tmp_path)
    assert found.files == set() and found.sources == set()
    assert len(problems) == (1 if name.endswith(".html") else 2)
    assert problems[0].startswith(f"site_config/docs/assets/{name}:1:1: ")
    assert "不能作为附件发布" in problems[0] and problems[0].endswith("  (attachment-type)")


def test_a_drawing_is_published_without_what_it_loads_from_elsewhere(tmp_path):
    _write(tmp_path, "site_config/docs/assets/logo.svg", DRAWING)
    found, problems = _check(tmp_path)
    assert problems == []
    published = found.published("site_config/docs/assets/logo.svg").decode("utf-8")
    assert 'fill="#b71c1c"' in published and "党建" in published
    assert "tracker.example.com" not in published and "inkscape" not in published


@pytest.mark.parametrize(
    "active, line, what",
    [
        ("<script>alert(1)</script>", 3, "脚本 <script>"),
        ("<svg:script>alert(1)</svg:script>", 3, "脚本 <script>"),
        ('<rect width="1" height="1" onload="alert(1)"/>', 3, "事件属性 onload"),
        ('<foreignObject><iframe src="x"/></foreignObject>', 3, "<foreignObject>"),
        ('<a xlink:href="JavaScript:alert(1)"><rect/></a>', 3, "javascript: 链接"),
    ],
)
def test_a_drawing_that_could_run_code_is_refused_at_its_line(tmp_path, active, line, what):
    text = DRAWING.replace('  <rect width="10"', f'{active}\n  <rect width="10"')
    text = text.replace("<inkscape:metadata>绘图软件的记录</inkscape:metadata>\n", "")
    _write(tmp_path, "site_config/docs/assets/logo.svg", text)
    found, [problem] = _check(tmp_path)[0], _check(tmp_path)[1]
    assert found.files == set()
    assert problem.startswith(f"site_config/docs/assets/logo.svg:{line + 2}:1: SVG 图片里有")
    assert what in problem and problem.endswith("  (svg-active)")


def test_a_drawing_with_entity_declarations_or_broken_xml_is_refused(tmp_path):
    _write(
        tmp_path,
        "site_config/docs/bomb.svg",
        '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">'
        "<text>&a;&a;&a;</text></svg>",
    )
    _write(tmp_path, "site_config/docs/broken.svg", "<svg><rect></svg>")
    _, problems = _check(tmp_path)
    assert problems[0].startswith("site_config/docs/bomb.svg:1:1: SVG 图片里有DOCTYPE 声明")
    assert problems[1].startswith("site_config/docs/broken.svg:1:1: SVG 文件格式有误")
    assert [p.rsplit("  ", 1)[1] for p in problems] == ["(svg-active)", "(svg-invalid)"]


def test_the_form_editors_folder_holds_only_pictures_and_pdfs(tmp_path):
    for name, data in SAMPLES.items():
        (tmp_path / UPLOADS).mkdir(parents=True, exist_ok=True)
        (tmp_path / UPLOADS / name).write_bytes(data)
    for name in ("x.js", "x.svg", "x.html", "x.css"):
        _write(tmp_path, f"{UPLOADS}/{name}", "alert(1)")
    _write(tmp_path, f"{UPLOADS}/fake.png", "<html><script>alert(1)</script></html>")
    found, problems = _check(tmp_path)
    assert found.files == {f"assets/uploads/{name}" for name in SAMPLES}
    assert [p.split(":1:1: ")[0] for p in problems] == [
        f"{UPLOADS}/{name}" for name in ("fake.png", "x.css", "x.html", "x.js", "x.svg")
    ]
    for problem in problems:
        assert f"{UPLOADS}/ 是表单编辑器放上传文件的文件夹" in problem
        assert "只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件" in problem
        assert problem.endswith("  (attachment-upload)")
    assert "「fake.png」的扩展名表示PNG 图片，但文件内容不是PNG 图片" in problems[0]


def test_elsewhere_a_picture_or_pdf_must_be_what_its_name_says(tmp_path):
    _write(tmp_path, "site_config/docs/assets/logo.png", "<html><script>alert(1)</script>")
    (tmp_path / "site_config/docs/assets/photo.png").write_bytes(SAMPLES["a.jpg"])
    (tmp_path / "site_config/docs/assets/real.png").write_bytes(SAMPLES["a.png"])
    _write(tmp_path, "site_config/docs/files/通知.pdf", "<html></html>")
    _write(tmp_path, "site_config/docs/assets/kb.js", "console.log(1)")  # the site's own code
    found, problems = _check(tmp_path)
    assert found.files == {"assets/real.png", "assets/kb.js"}
    assert problems[0].startswith("site_config/docs/assets/logo.png:1:1: 「logo.png」的扩展名")
    assert problems[1].endswith("其实是JPG 图片：请把扩展名改成 .jpg。  (attachment-mismatch)")
    assert "重新导出 PDF" in problems[2]


def test_kb_validate_refuses_a_script_or_a_fake_picture_among_the_uploads(tmp_path):
    root = copy_project(tmp_path)
    _write(root, f"{UPLOADS}/x.js", "alert(1)")
    _write(root, f"{UPLOADS}/photo.png", "<html><script>alert(1)</script></html>")
    result = run_kb(root, "validate")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if UPLOADS in line.split(":")[0]]
    assert [line.split(":1:1: ")[0] for line in lines] == [
        f"{UPLOADS}/photo.png",
        f"{UPLOADS}/x.js",
    ]
    assert "「x.js」不是" in lines[1] and "可能以本站的名义运行代码" in lines[1]
    for name in ("x.js", "photo.png"):
        (root / UPLOADS / name).unlink()
    (root / UPLOADS / "photo.png").write_bytes(SAMPLES["a.png"])
    result = run_kb(root, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
