"""Training modules on the built site (a real ``mkdocs build``): module pages a trainer plans
with, the learners' handouts, and no teaching notes anywhere a learner could find them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

from generator.publish.pipeline import load_library
from tests.conftest import REPO

LIBRARY = load_library(REPO).library
MODULE = "training/branch-standardization/"


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _links(html: str, page: str) -> list[str]:
    return [
        unquote(urljoin("/" + page, href)).split("#")[0]
        for href in re.findall(r'<a [^>]*href="([^":]+)"', html)
    ]


def test_the_module_page_has_objectives_a_timetable_that_adds_up_and_the_handout(built_site):
    html = _html(built_site, MODULE)
    module = LIBRARY.get("training", "branch-standardization")
    assert "学习目标" in html and module.objectives[0] in html
    rows = re.findall(r"<td[^>]*>(\d+) 分钟</td>", html)
    assert sum(map(int, rows)) == module.duration
    assert f"<strong>{module.duration} 分钟</strong>" in html
    assert "0:00–0:40" in html and "2:40–3:00" in html
    assert 'href="handout/"' in html
    assert "kb handout branch-standardization --teacher --pdf" in html


def test_every_link_on_module_pages_and_handouts_leads_to_a_page(built_site):
    for module in LIBRARY.all("training"):
        for page in (f"training/{module.id}/", f"training/{module.id}/handout/"):
            for target in _links(_html(built_site, page), page):
                path = built_site / target.lstrip("/")
                assert path.is_file() or (path / "index.html").is_file(), (page, target)


def test_the_module_page_links_every_case_practice_and_checklist_it_uses(built_site):
    for module in LIBRARY.all("training"):
        page = f"training/{module.id}/"
        links = set(_links(_html(built_site, page), page))
        for session in module.sessions:
            for folder, ids in (
                ("cases", session.cases),
                ("practices", session.practices),
                ("checklists", session.checklists),
                ("policies", session.policies),
            ):
                for record_id in ids:
                    assert f"/{folder}/{record_id}/" in links, (module.id, record_id)


def test_the_handout_has_each_case_in_full_with_room_to_write_and_empty_boxes(built_site):
    html = _html(built_site, MODULE + "handout/")
    for case_id in ("sanheying-consultation", "xizhan-45-red-property"):
        case = LIBRARY.get("case", case_id)
        assert case.summary in html and case.actions[0] in html
    assert html.count('class="kb-write"') >= 10
    assert html.count('class="kb-handout__case"') == 2
    assert "学员版讲义" in html and "教学使用说明" not in html


def test_the_training_index_lists_the_modules_and_the_nav_has_it(built_site):
    html = _html(built_site, "training/")
    for module in LIBRARY.all("training"):
        assert module.title in html
    assert 'href="../training/"' in _html(built_site, "cases/")


def test_no_teaching_note_is_anywhere_in_the_published_site(built_site):
    notes = [
        n for m in LIBRARY.all("training") for s in m.sessions for n in [s.teaching_notes] if n
    ]
    snippets = [n.analysis[:24] for n in notes] + [n.purpose[:24] for n in notes]
    snippets += [p[:24] for n in notes for p in n.key_points if "原文写" not in p[:4]]
    files = [p for p in built_site.rglob("*") if p.suffix in (".html", ".js", ".json", ".xml")]
    assert not list(built_site.rglob("teacher*"))
    for path in files:
        text = path.read_text(encoding="utf-8", errors="ignore")
        for snippet in snippets:
            assert snippet not in text, (path, snippet)


def test_a_case_page_names_the_modules_that_teach_it(built_site):
    page = "cases/zhiguo-lane-courtyard/"
    html = _html(built_site, page)
    assert "用于培训模块" in html
    assert "/training/party-led-property/" in _links(html, page)
