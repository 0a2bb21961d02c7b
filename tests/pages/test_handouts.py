"""generator/pages/handouts.py: the handout pages the site publishes, and the printable
documents."""

from generator.pages.handouts import handout_pages, printable_handout
from generator.publish.pipeline import build_site
from generator.sources.project import ProjectPaths
from tests.helpers import REPO, case_yaml, make_project

NOTES = "只有培训师能看到的分析思路"
MODULE = f"""
id: m
title: 模块甲
summary: 概述。
audience: 书记
duration: 40
objectives: [目标一]
sessions:
  - title: 研讨
    minutes: 40
    kind: 案例研讨
    cases: [a]
    checklists: [sample-checklist]
    teaching_notes:
      purpose: 教学目的。
      analysis: {NOTES}。
      timing:
        - step: 课前阅读
          minutes: 0
        - step: 分组研讨
          minutes: 40
"""


def _site(tmp_path, module=MODULE):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a", extra="background: 背景一段。\ndiscussion_questions: [案例自带的问题？]\n"
            ),
            "content/training/m.yml": module,
        },
    )
    result = build_site(root)
    assert result.ok, result.problems.text()
    return root, result.site


def test_the_site_publishes_the_learners_edition_only(tmp_path):
    _, site = _site(tmp_path)
    pages = handout_pages(site.page_renderer(), site.library)
    assert list(pages) == ["training/m/handout.md"]
    assert NOTES not in "".join(site.markdown_pages().values())


def test_a_module_can_publish_its_teachers_edition(tmp_path):
    _, site = _site(tmp_path, MODULE + "publish_teacher_edition: true\n")
    pages = handout_pages(site.page_renderer(), site.library)
    assert sorted(pages) == ["training/m/handout.md", "training/m/teacher.md"]
    assert NOTES in pages["training/m/teacher.md"]
    assert NOTES not in pages["training/m/handout.md"]


def test_a_handout_has_the_case_in_full_its_questions_room_to_write_and_boxes(tmp_path):
    root, site = _site(tmp_path)
    document, header = printable_handout(
        site.page_renderer(),
        site.library.get("training", "m"),
        False,
        ProjectPaths(root).static,
        site.markdown,
    )
    assert header == "模块甲 · 学员版讲义"
    assert "<title>模块甲（学员版讲义）</title>" in document
    for text in (
        "背景一段。",
        "案例自带的问题？",
        'class="kb-write"',
        'class="kb-boxes"',
        "第一项工作",
        "<h3",
        "合计",
    ):
        assert text in document, text
    assert NOTES not in document


def test_the_teachers_document_carries_the_notes(tmp_path):
    root, site = _site(tmp_path)
    document, header = printable_handout(
        site.page_renderer(),
        site.library.get("training", "m"),
        True,
        ProjectPaths(root).static,
        site.markdown,
    )
    assert header == "模块甲 · 教师版讲义"
    assert NOTES in document and "教学使用说明" in document
    # the time each step takes in class; reading before class is no 0-minute slot
    assert "<td>课前阅读</td>\n<td>课前完成</td>\n<td>不占课时</td>" in document
    assert "<td>分组研讨</td>\n<td>0:00–0:40</td>\n<td>40 分钟</td>" in document
    assert "<td>0 分钟</td>" not in document


def test_the_handout_page_links_its_module_and_the_printed_document_has_no_tools(tmp_path):
    root, site = _site(tmp_path)
    module = site.library.get("training", "m")
    page = handout_pages(site.page_renderer(), site.library)["training/m/handout.md"]
    assert "所属培训模块：[模块甲](../m.md)" in page
    assert '<span class="kb-handout__print"></span>' in page  # kb-page.js puts 打印 there
    assert "下载 PDF" not in page  # no PDF is built without --pdf
    for teacher in (False, True):
        document, _ = printable_handout(
            site.page_renderer(), module, teacher, ProjectPaths(root).static, site.markdown
        )
        body = document.split("<article", 1)[1]
        assert "所属培训模块" not in body and "kb-handout__print" not in body


def test_with_pdfs_the_handout_page_links_its_own_pdf(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a"),
            "content/training/m.yml": MODULE + "publish_teacher_edition: true\n",
        },
    )
    site = build_site(root, handout_pdfs=True).site
    pages = handout_pages(site.page_renderer(), site.library)
    assert "[下载 PDF](m-handout.pdf)" in pages["training/m/handout.md"]
    assert "[下载 PDF](m-teacher.pdf)" in pages["training/m/teacher.md"]


def test_a_printable_document_loads_nothing_and_runs_nothing():
    result = build_site(REPO)
    site = result.site
    for module in site.library.all("training"):
        for teacher in (False, True):
            document, _ = printable_handout(
                site.page_renderer(), module, teacher, ProjectPaths(REPO).static, site.markdown
            )
            assert "<script" not in document and "<link" not in document
            head = document.split("<article", 1)[0]
            assert "http://" not in head and "https://" not in head
            assert "default-src 'none'" in head  # its policy refuses anything loaded
