"""A trainer prints a module's handout: ``kb handout --pdf`` drives the system's Chromium;
pypdf reads the PDF back as a trainer's printer would see it."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.model.settings import Settings
from generator.publish import handout_pdf
from generator.publish.handout_pdf import find_browser
from generator.publish.pipeline import load_library
from tests.conftest import REPO, run_kb
from tests.site.test_print_browser import normalise

pytestmark = pytest.mark.browser
LIBRARY = load_library(REPO).library
MODULES = [m.id for m in LIBRARY.all("training")]


def _key(text: str) -> str:
    """Letters and digits only: extraction turns ， into , and — into ― and breaks lines."""
    return re.sub(r"[\W_]", "", normalise(text))


def _text(pdf: bytes) -> str:
    return _key("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def _lines(pdf: bytes) -> list[list[str]]:
    return [
        [
            normalise(line)
            for line in page.extract_text(extraction_mode="layout").splitlines()
            if line.strip()
        ]
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.fixture(scope="module")
def printed(tmp_path_factory, browser) -> dict[tuple[str, bool], bytes]:
    """Every module in both editions, printed by the real command (one build and one
    browser per edition: ``--all``)."""
    out = tmp_path_factory.mktemp("handouts")
    pdfs = {}
    for teacher in (False, True):
        args = ["handout", "--all", "--pdf", "--out-dir", str(out)]
        result = run_kb(REPO, *args + (["--teacher"] if teacher else []))
        assert result.returncode == 0, result.stderr
        for module in MODULES:
            target = out / f"{module}-{'teacher' if teacher else 'handout'}.pdf"
            assert str(target) in result.stdout
            pdfs[(module, teacher)] = target.read_bytes()
    return pdfs


@pytest.mark.parametrize("module_id", MODULES)
def test_the_handout_has_the_title_every_case_and_every_question(printed, module_id):
    module = LIBRARY.get("training", module_id)
    text = _text(printed[(module_id, False)])
    wanted = [module.title, *module.objectives]
    for session in module.sessions:
        wanted += [session.title, *session.questions]
        for case in (LIBRARY.get("case", c) for c in session.cases):
            wanted.append(case.title)
            if not session.questions:
                wanted += case.discussion_questions
    for item in wanted:
        assert _key(item) in text, item


@pytest.mark.parametrize("module_id", MODULES)
def test_only_the_teachers_edition_has_the_teaching_notes(printed, module_id):
    module = LIBRARY.get("training", module_id)
    notes = [s.teaching_notes for s in module.sessions if s.teaching_notes]
    assert notes
    learners, teachers = _text(printed[(module_id, False)]), _text(printed[(module_id, True)])
    for note in notes:
        key_point = _key(note.key_points[0])[:30]
        assert key_point in teachers
        assert key_point not in learners
    assert "教学使用说明" in teachers and "教学使用说明" not in learners


@pytest.mark.parametrize("module_id", MODULES)
def test_every_page_has_the_module_title_on_top_and_its_number_below(printed, module_id):
    title = LIBRARY.get("training", module_id).title
    pages = _lines(printed[(module_id, False)])
    assert len(pages) > 3
    for number, lines in enumerate(pages, 1):
        assert lines[0] == f"{title} · 学员版讲义", lines[0]
        assert lines[-1] == f"第 {number} 页 / 共 {len(pages)} 页", lines[-1]


@pytest.mark.parametrize("key", [(m, t) for m in MODULES for t in (False, True)])
def test_no_page_is_blank_or_ends_on_a_heading(printed, key):
    module = LIBRARY.get("training", key[0])
    headings = {normalise(f"第 {n} 单元\u3000{s.title}") for n, s in enumerate(module.sessions, 1)}
    headings |= {
        normalise(f"{label}：{r.title}")
        for s in module.sessions
        for label, kind, ids in (("案例", "case", s.cases), ("清单", "checklist", s.checklists))
        for r in (LIBRARY.get(kind, i) for i in ids)
    }
    headings |= {"探讨问题", "本单元探讨问题", "时间安排", "关键要点", "分析思路", "思考题"}
    pages = _lines(printed[key])
    for number, lines in enumerate(pages, 1):
        content = lines[1:-1]
        assert content, f"page {number} is blank"
        if number < len(pages):
            assert content[-1] not in headings, f"page {number} ends on “{content[-1]}”"


@pytest.mark.slow
def test_the_same_commit_prints_the_same_bytes(printed, tmp_path):
    module = MODULES[0]
    target = tmp_path / "again.pdf"
    assert run_kb(REPO, "handout", module, "--pdf", "--out", str(target)).returncode == 0
    assert target.read_bytes() == printed[(module, False)]


def test_without_a_browser_the_trainer_is_told_what_to_do(tmp_path):
    result = run_kb(
        REPO,
        "handout",
        MODULES[0],
        "--pdf",
        "--out",
        str(tmp_path / "x.pdf"),
        env={"KB_BROWSER": str(tmp_path / "no-such-browser")},
    )
    assert result.returncode == 1
    assert "没有找到可以生成 PDF 的浏览器" in result.stderr and "另存为 PDF" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_module_is_named_with_the_ones_there_are():
    result = run_kb(REPO, "handout", "branch-standardisation")
    assert result.returncode == 1
    assert "找不到 id 为「branch-standardisation」的培训模块" in result.stderr
    assert "是否是：branch-standardization" in result.stderr


def test_without_pdf_the_handout_is_one_html_file(tmp_path):
    target = tmp_path / "h.html"
    assert run_kb(REPO, "handout", MODULES[0], "--out", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_the_browser_is_found_on_this_machine():
    found = find_browser(Settings.read(os.environ))
    assert found is not None and Path(found).is_file()


def test_kb_browser_is_used_when_it_is_a_file_and_never_guessed_past(tmp_path):
    program = tmp_path / "chrome"
    program.write_bytes(b"")
    assert find_browser(Settings.read({"KB_BROWSER": str(program)})) == str(program)
    assert find_browser(Settings.read({"KB_BROWSER": str(tmp_path / "missing")})) is None


def test_on_windows_chrome_is_found_in_the_program_folder_windows_names(tmp_path, monkeypatch):
    """Windows gives its variables in capitals (os.environ has PROGRAMFILES); the folder is
    found all the same. On this machine the backslashes are part of one file name."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(handout_pdf.shutil, "which", lambda name: None)
    chrome = tmp_path / r"pf\Google\Chrome\Application\chrome.exe"
    chrome.write_bytes(b"")
    settings = Settings.read({"PROGRAMFILES": str(tmp_path / "pf")})
    assert find_browser(settings) == str(chrome)
    assert find_browser(Settings()) is None


def _questions(module) -> set[str]:
    """Every question a handout prints with room to write under it, as letters only."""
    found = set()
    for session in module.sessions:
        found |= {_key(q) for q in session.questions}
        for case in (LIBRARY.get("case", c) for c in session.cases):
            found |= {_key(q) for q in case.discussion_questions}
    return found


TABLE_HEADS = {_key("环节时长"), _key("环节时间时长"), _key("单元时间内容形式时长")}


@pytest.mark.parametrize("key", [(m, t) for m in MODULES for t in (False, True)])
def test_no_page_holds_only_one_question_box_or_one_timetable_row(printed, key):
    """A question stays with its box and a timetable with its rows: no page of either edition
    is a lone question with its writing box, or a table's last row under its header."""
    questions = _questions(LIBRARY.get("training", key[0]))
    for number, lines in enumerate(_lines(printed[key]), 1):
        content = [line for line in lines[1:-1] if _key(line) not in TABLE_HEADS]
        text = _key("".join(content))
        question = re.sub(r"^(本单元)?(探讨问题)?\d+", "", text)
        assert question not in questions, f"page {number} holds one question: {content}"
        assert not (len(content) == 1 and content[0].endswith("分钟")), (
            f"page {number} holds one timetable row: {content}"
        )
        assert len(text) > 40, f"page {number} holds only “{' / '.join(content)}”"
