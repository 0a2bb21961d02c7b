"""generator/history.py: build dates come from git (or SOURCE_DATE_EPOCH), never the clock."""

import subprocess

from generator.history import build_time, last_commit_time, utc


def _repo(tmp_path, date: str):
    def git(*args, env=None):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True,
                       env=env)
    git("init", "-q")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    git("add", "a.txt")
    import os
    env = os.environ | {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    git("commit", "-q", "-m", "first", env=env)
    return tmp_path


def test_the_last_commit_dates_the_build(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = _repo(tmp_path, "2024-05-06T07:08:09+00:00")
    assert utc(last_commit_time(root)).isoformat() == "2024-05-06T07:08:09+00:00"
    assert build_time(root) == last_commit_time(root)


def test_source_date_epoch_wins_and_no_git_means_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert build_time(tmp_path) == 86400
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert last_commit_time(tmp_path) is None
    assert build_time(tmp_path) == 0
