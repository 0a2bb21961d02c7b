"""A trainer takes the site to a classroom without internet: ``kb build --offline --pdf`` in a
git repository, the zip unpacked, ``index.html`` opened from disk (file://)."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_kb, violations, watch_policy
from tests.site.test_checklist_browser import state, tick
from tests.site.test_finder_browser import finder
from tests.site.test_search_browser import search, top

pytestmark = pytest.mark.browser
COMMIT_DATE = "2026-03-04T10:00:00+08:00"
BUNDLE = "居民小区党建知识库-offline-20260304"


def _commit(root: Path) -> None:
    env = os.environ | {
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
        "GIT_AUTHOR_NAME": "编辑",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "编辑",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "内容"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, browser) -> Path:
    """The zip ``kb build --offline --pdf`` writes for the bundled content."""
    root = copy_project(tmp_path_factory.mktemp("offline"))
    _commit(root)
    result = run_kb(root, "build", "--offline", "--pdf")
    assert result.returncode == 0, result.stderr
    assert f"dist/{BUNDLE}.zip" in result.stdout
    assert not (root / "site").exists()  # the published site is not touched
    return root / "dist" / f"{BUNDLE}.zip"


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target / BUNDLE


@pytest.mark.slow
def test_the_zip_is_named_by_the_commit_date_and_rebuilds_byte_for_byte(bundle):
    first = bundle.read_bytes()
    result = run_kb(bundle.parent.parent, "build", "--offline", "--pdf")
    assert result.returncode == 0, result.stderr
    assert bundle.read_bytes() == first


def test_the_bundle_has_the_site_the_handout_pdfs_and_how_to_open_it(unpacked):
    assert (unpacked / "index.html").is_file()
    assert "双击" in (unpacked / "使用说明.txt").read_text(encoding="utf-8")
    assert (unpacked / "cases" / "zhiguo-lane-courtyard.html").is_file()
    pdf = unpacked / "training" / "branch-standardization" / "branch-standardization-handout.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    page = (unpacked / "training" / "branch-standardization.html").read_text(encoding="utf-8")
    assert 'href="branch-standardization/branch-standardization-handout.pdf"' in page
    handout = (pdf.parent / "handout.html").read_text(encoding="utf-8")
    assert '<a href="branch-standardization-handout.pdf">下载 PDF</a>' in handout


def test_the_bundle_never_carries_teaching_notes(unpacked):
    from generator.publish.pipeline import load_library
    from tests.conftest import REPO

    notes = [
        s.teaching_notes
        for m in load_library(REPO).library.all("training")
        for s in m.sessions
        if s.teaching_notes
    ]
    texts = [
        p.read_text(encoding="utf-8", errors="ignore")
        for p in unpacked.rglob("*")
        if p.suffix in (".html", ".js", ".json")
    ]
    assert not list(unpacked.rglob("*teacher*"))
    for note in notes:
        assert not any(note.analysis[:24] in text for text in texts)


def test_search_finds_chinese_from_disk(phone, unpacked):
    results = search(phone, (unpacked / "index.html").as_uri(), "院坝改造")
    assert top(results, 1) == ["致果巷2号及5号院坝微改造"]
    assert phone.foreign_requests == []


def test_the_finder_filters_from_disk(phone, unpacked):
    shown = finder(phone, (unpacked / "cases" / "index.html").as_uri() + "?street=护国街道")
    assert shown["count"] == "共 2 个案例"
    phone.click("text=致果巷2号及5号院坝微改造")
    phone.wait_for_url("**/cases/zhiguo-lane-courtyard.html")
    assert phone.foreign_requests == []


def test_a_checklist_tick_survives_a_reload_from_disk(phone, unpacked):
    phone.goto((unpacked / "checklists" / "five-powers.html").as_uri())
    tick(phone, "决策")
    phone.reload()
    assert state(phone)["ticked"] == ["decision"]
    assert phone.foreign_requests == []


def test_glossary_terms_and_the_handout_work_from_disk(touch_phone, phone, unpacked):
    touch_phone.goto((unpacked / "cases" / "zhiguo-lane-courtyard.html").as_uri())
    touch_phone.tap("a.kb-term[href$='#院坝']")
    assert touch_phone.locator(".kb-term-popover").inner_text().startswith("院坝")
    phone.goto((unpacked / "training" / "branch-standardization.html").as_uri())
    phone.click("text=学员版讲义（可打印）")
    phone.wait_for_url("**/training/branch-standardization/handout.html")
    assert phone.locator(".kb-write").count() > 5
    assert phone.locator(".kb-boxes > li").count() >= 8
    assert phone.foreign_requests == []


def test_every_page_of_the_bundle_loads_nothing_from_another_host(browser, unpacked):
    pages = [
        "index.html",
        "article.html",
        "cases/index.html",
        "practices/red-channel.html",
        "glossary.html",
        "training/party-led-property/handout.html",
        "404.html",
    ]
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    for rel in pages:
        page.goto((unpacked / rel).as_uri())
        page.wait_for_load_state("networkidle")
    context.close()
    assert requests and all(url.startswith(("file://", "data:", "blob:")) for url in requests), [
        url for url in requests if not url.startswith(("file://", "data:", "blob:"))
    ]


def test_the_policy_holds_from_disk_without_a_violation(phone, unpacked):
    errors = watch_policy(phone)
    for rel in [
        "index.html",
        "cases/zhiguo-lane-courtyard.html",
        "glossary.html",
        "training/party-led-property/handout.html",
        "404.html",
    ]:
        phone.goto((unpacked / rel).as_uri())
        phone.wait_for_load_state("networkidle")
        assert "Content-Security-Policy" in phone.content()
    assert top(search(phone, (unpacked / "index.html").as_uri(), "三会一课"), 5)
    phone.goto((unpacked / "checklists" / "five-powers.html").as_uri())
    tick(phone, "决策")
    assert violations(phone) == [] and errors == []
