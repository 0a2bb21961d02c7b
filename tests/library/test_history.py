"""generator/library/history.py: dates and changes from one ``git log``, following renames; build
dates from git (or SOURCE_DATE_EPOCH), never the clock."""

from pathlib import Path

import pytest

from generator.library.history import (
    NO_GIT,
    SHALLOW,
    build_time,
    last_commit_time,
    read_history,
    utc,
)
from tests.helpers import commit_all, git


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "cases" / "huguo").mkdir(parents=True)
    (root / "content").mkdir()
    git(root, "init", "-q")
    case = root / "cases" / "huguo" / "a.yml"
    case.write_text("id: a\ntitle: 甲\n", encoding="utf-8")
    (root / "README.md").write_text("x", encoding="utf-8")
    commit_all(root, "新增案例甲", "2026-01-05T09:00:00+08:00")
    case.write_text("id: a\ntitle: 甲乙\n", encoding="utf-8")
    commit_all(root, "修改案例甲的标题", "2026-02-10T10:00:00+08:00")
    case.write_text("id: a\ntitle:   甲乙\n", encoding="utf-8")  # whitespace only
    commit_all(root, "调整空格", "2026-03-01T10:00:00+08:00")
    text = "# yaml-language-server: $schema=../../site_config/schema/case.schema.json\n"
    case.write_text(text + case.read_text(encoding="utf-8"), encoding="utf-8")
    commit_all(root, "加上 schema 行", "2026-03-02T10:00:00+08:00")
    (root / "cases" / "daguan").mkdir()
    git(root, "mv", "cases/huguo/a.yml", "cases/daguan/a.yml")
    commit_all(root, "移到大观街道文件夹", "2026-03-15T10:00:00+08:00")
    (root / "README.md").write_text("y", encoding="utf-8")  # not a source file
    commit_all(root, "改说明", "2026-04-01T10:00:00+08:00")
    return root


def test_dates_follow_the_file_through_a_rename_and_ignore_whitespace(repo):
    history = read_history(repo)
    assert history.problem is None
    assert list(history.changes) == ["cases/daguan/a.yml"]
    first, last = history.dates("cases/daguan/a.yml")
    assert (first.day, first.subject, first.added) == ("2026-01-05", "新增案例甲", True)
    assert (last.day, last.subject, last.added) == ("2026-02-10", "修改案例甲的标题", False)
    assert last.when.isoformat() == "2026-02-10T10:00:00+08:00"
    assert [c.subject for c in history.recent()] == ["修改案例甲的标题", "新增案例甲"]
    assert history.dates("cases/huguo/a.yml") is None


def test_a_file_renamed_twice_keeps_the_day_it_was_first_published(repo):
    (repo / "cases" / "huguo" / "b.yml").write_text("id: b\ntitle: 乙\n", encoding="utf-8")
    commit_all(repo, "新增案例乙", "2026-04-20T10:00:00+08:00")
    (repo / "cases" / "longxiang").mkdir()
    git(repo, "mv", "cases/daguan/a.yml", "cases/longxiang/a2.yml")
    git(repo, "mv", "cases/huguo/b.yml", "cases/longxiang/b2.yml")
    commit_all(repo, "移到龙翔街道文件夹并改名", "2026-05-01T10:00:00+08:00")
    a2 = repo / "cases" / "longxiang" / "a2.yml"
    a2.write_text("id: a\ntitle: 甲乙丙\n", encoding="utf-8")
    commit_all(repo, "再改案例甲的标题", "2026-05-02T10:00:00+08:00")
    history = read_history(repo)
    assert sorted(history.changes) == ["cases/longxiang/a2.yml", "cases/longxiang/b2.yml"]
    first, last = history.dates("cases/longxiang/a2.yml")
    assert (first.day, first.subject, first.added) == ("2026-01-05", "新增案例甲", True)
    assert (last.day, last.subject, last.added) == ("2026-05-02", "再改案例甲的标题", False)
    assert history.dates("cases/longxiang/b2.yml")[0].subject == "新增案例乙"
    commits = git(repo, "log", "--format=%H").split()
    assert [(c.path, c.commit) for c in history.recent()] == [
        ("cases/longxiang/a2.yml", commits[0]),
        ("cases/longxiang/b2.yml", commits[2]),
        ("cases/longxiang/a2.yml", commits[7]),
        ("cases/longxiang/a2.yml", commits[8]),
    ]


def test_a_repository_without_commits_has_no_history(tmp_path):
    git(tmp_path, "init", "-q")
    history = read_history(tmp_path)
    assert (history.problem, history.changes) == (NO_GIT, {})


def test_a_shallow_clone_or_no_git_gives_one_reason_and_no_dates(repo, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    assert read_history(shallow).problem == SHALLOW and not read_history(shallow).changes
    plain = tmp_path / "plain"
    plain.mkdir()
    assert read_history(plain).problem == NO_GIT


def test_the_last_commit_dates_the_build(repo):
    assert utc(last_commit_time(repo)).isoformat() == "2026-04-01T02:00:00+00:00"
    assert build_time(repo) == last_commit_time(repo)


def test_source_date_epoch_wins_and_no_git_means_zero(tmp_path):
    assert build_time(tmp_path, 86400) == 86400
    assert build_time(tmp_path, 0) == 0
    assert last_commit_time(tmp_path) is None
    assert build_time(tmp_path) == 0


def test_no_commit_subject_can_break_the_history(tmp_path):
    root = tmp_path / "repo"
    (root / "cases").mkdir(parents=True)
    git(root, "init", "-q")
    subjects = [
        "分隔符\x01之后",
        "换页\x0c和\x1b[31m转义",
        "\x01abc",
        "路径一样的说明\tcases/a.yml",
    ]
    for number, subject in enumerate(subjects):
        (root / "cases" / "a.yml").write_text(f"id: a\nn: {number}\n", encoding="utf-8")
        commit_all(root, subject, f"2026-01-0{number + 1}T09:00:00+08:00")
    changes = read_history(root).changes["cases/a.yml"]
    assert [c.day for c in changes] == ["2026-01-04", "2026-01-03", "2026-01-02", "2026-01-01"]
    assert [c.subject for c in changes] == [
        "路径一样的说明 cases/a.yml",
        "abc",
        "换页 和 [31m转义",
        "分隔符 之后",
    ]
    assert changes[-1].added and not changes[0].added
