"""Publishing through git, as editors do it: commits with known dates (an edit, a change of
spaces only, a file moved to another folder, a new case), then ``kb build``; and the same
site from a shallow clone, as CI checks it out by default."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.library.history import SHALLOW
from tests.conftest import copy_project, run_kb
from tests.helpers import case_yaml, commit_all, git

NS = {"a": "http://www.w3.org/2005/Atom"}
SITE_URL = "https://kb.example.org/"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("history") / "kb")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "site_url: !ENV KB_SITE_URL", f"site_url: {SITE_URL}"
        ),
        encoding="utf-8",
    )
    git(root, "init", "-q")
    commit_all(root, "导入第一批内容", "2026-01-05T09:00:00+08:00")
    edit(root / "cases/huguo/zhiguo-lane-courtyard.yml", "居民满意度不断提升", "居民满意度不断提高")
    commit_all(root, "修改致果巷案例的成效", "2026-02-10T10:00:00+08:00")
    edit(root / "content/practices/red-channel.md", "\ntitle:", "\ntitle:  ")
    commit_all(root, "调整空格", "2026-03-01T10:00:00+08:00")
    (root / "cases/huguo/photos").mkdir()
    git(root, "mv", "cases/huguo/xinghua-street-gas-point.yml", "cases/huguo/photos/")
    commit_all(root, "把图片说明里的案例放进单独的文件夹", "2026-03-15T10:00:00+08:00")
    (root / "cases/huguo/new-case.yml").write_text(case_yaml("new-case"), encoding="utf-8")
    commit_all(root, "新增案例：new-case", "2026-04-01T16:30:00+08:00")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def built(repo) -> tuple[Path, str]:
    result = run_kb(repo, "build")
    assert result.returncode == 0, result.stderr
    return repo / "site", result.stdout + result.stderr


def dates(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<p class="kb-dates">([^<]*)</p>', html)
    return found.group(1) if found else ""


def test_pages_show_first_publication_and_last_real_change(built):
    site, _ = built
    assert dates(site, "cases/zhiguo-lane-courtyard") == "首次发布 2026-01-05 · 最近更新 2026-02-10"
    # spaces only: no change; moved to another folder: the same file, still first published
    assert dates(site, "practices/red-channel") == "首次发布 2026-01-05 · 最近更新 2026-01-05"
    assert dates(site, "cases/xinghua-street-gas-point") == (
        "首次发布 2026-01-05 · 最近更新 2026-01-05"
    )
    assert dates(site, "cases/new-case") == "首次发布 2026-04-01 · 最近更新 2026-04-01"
    for page in (
        "policies/grid-governance-plan",
        "checklists/five-powers",
        "guides/editors",
        "training/party-led-property",
    ):
        assert dates(site, page).startswith("首次发布 2026-01-05"), page


def test_the_changes_page_lists_news_by_day_newest_first(built):
    site, _ = built
    html = (site / "changes/index.html").read_text(encoding="utf-8")
    days = re.findall(r"<h2 [^>]*>(\d{4}-\d\d-\d\d)</h2>", html)
    assert days == ["2026-04-01", "2026-02-10", "2026-01-05"]
    first_day = html.split("2026-04-01</h2>")[1].split("<h2")[0]
    assert "新增：" in first_day and "案例new-case" in first_day
    assert "新增案例：new-case" in first_day  # the commit's subject
    assert 'href="../cases/new-case/"' in first_day
    second_day = html.split("2026-02-10</h2>")[1].split("<h2")[0]
    assert "更新：" in second_day and "致果巷2号及5号院坝微改造" in second_day


def test_the_home_page_shows_the_five_latest_changes(built):
    site, _ = built
    html = (site / "index.html").read_text(encoding="utf-8")
    latest = html.split("最近更新</h2>")[1].split("<h2")[0]
    assert len(re.findall(r"<li>", latest)) == 5
    assert latest.index("案例new-case") < latest.index("致果巷2号及5号院坝微改造")
    assert 'href="changes/"' in latest


def test_the_feed_is_valid_atom_with_absolute_ids_dates_and_links(built):
    site, _ = built
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall("a:entry", NS)
    assert 5 < len(entries) <= 50
    first = entries[0]
    assert first.find("a:title", NS).text == "新增：案例new-case"
    assert first.find("a:updated", NS).text == "2026-04-01T16:30:00+08:00"
    assert first.find("a:link", NS).get("href") == SITE_URL + "cases/new-case/"
    ids = [e.find("a:id", NS).text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(SITE_URL) for i in ids)
    assert all(e.find("a:link", NS).get("href").startswith(SITE_URL) for e in entries)
    assert feed.find("a:updated", NS).text == "2026-04-01T16:30:00+08:00"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page


def test_the_editor_sees_short_chinese_lines_only(built):
    _, output = built
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines and all(re.search(r"[\u4e00-\u9fff]", line) for line in lines), lines
    assert any(line.startswith("内容检查通过：") for line in lines)
    assert any(line.startswith("网站已生成到 site/") for line in lines)


def test_a_shallow_clone_builds_with_one_warning_and_no_dates(repo, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    result = run_kb(shallow, "build")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(SHALLOW) == 1
    site = shallow / "site"
    assert dates(site, "cases/zhiguo-lane-courtyard") == ""
    assert "暂时没有更新记录" in (site / "changes/index.html").read_text(encoding="utf-8")
    assert "最近更新</h2>" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_second_build_of_the_same_commit_is_byte_identical(repo, built):
    site, _ = built

    def digest(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    first = digest(site)
    result = run_kb(repo, "build")
    assert result.returncode == 0, result.stderr
    second = digest(site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


@pytest.fixture(scope="module")
def hostile_subjects(tmp_path_factory) -> tuple[Path, str]:
    """Commit subjects as a careless or hostile contributor writes them."""
    root = copy_project(tmp_path_factory.mktemp("subjects") / "kb")
    git(root, "init", "-q")
    commit_all(root, "导入第一批内容", "2026-01-05T09:00:00+08:00")
    case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
    edit(case, "居民满意度不断提升", "居民满意度不断提高")
    commit_all(
        root,
        "按张大爷（电话13812345678，身份证530102199001011234）意见修改",
        "2026-02-10T10:00:00+08:00",
    )
    edit(case, "居民满意度不断提高", "居民满意度持续提高")
    commit_all(root, "改正\x1b[31m错字\x0c和\x01分隔符", "2026-02-11T10:00:00+08:00")
    result = run_kb(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site", result.stdout + result.stderr


def test_a_subject_with_personal_data_is_withheld_with_a_warning(hostile_subjects):
    site, output = hostile_subjects
    published = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".xml", ".js")
    )
    assert "13812345678" not in published and "张大爷" not in published
    warning = next(line for line in output.splitlines() if "张大爷" not in line and "提交" in line)
    assert "cases/huguo/zhiguo-lane-courtyard.yml" in warning and "手机号「138****5678」" in warning


def test_control_characters_in_a_subject_never_reach_readers(hostile_subjects):
    site, _ = hostile_subjects
    feed = ElementTree.parse(site / "feed.xml").getroot()  # well-formed XML
    summaries = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}summary")]
    assert "改正 [31m错字 和 分隔符" in summaries
    changes = (site / "changes/index.html").read_text(encoding="utf-8")
    assert "改正 [31m错字 和 分隔符" in changes and "\x1b" not in changes
