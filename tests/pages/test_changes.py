"""generator/changes.py: published records' changes, newest first, grouped by day."""

from generator.pages.changes import by_day, news, page_dates
from generator.publish.pipeline import build_site
from tests.helpers import case_yaml, commit_all, git, make_project


def _site(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a"),
                                   "cases/b.yml": case_yaml("b")})
    git(root, "init", "-q")
    commit_all(root, "第一批内容", "2026-01-05T09:00:00+08:00")
    (root / "cases/b.yml").write_text(case_yaml("b").replace("概述。", "新的概述。"),
                                      encoding="utf-8")
    (root / "cases/c.yml").write_text(case_yaml("c") + "status: draft\n", encoding="utf-8")
    commit_all(root, "修改案例b，新增草稿c", "2026-01-06T09:00:00+08:00")
    result = build_site(root)
    assert result.ok, result.problems.format()
    return result.library


def test_news_is_newest_first_and_leaves_drafts_out(tmp_path):
    library = _site(tmp_path)
    items = news(library, library.history)
    assert [(i.record.id, i.label, i.change.subject) for i in items][:2] == [
        ("b", "更新", "修改案例b，新增草稿c"), ("a", "新增", "第一批内容")]
    assert "c" not in {i.record.id for i in items}
    assert [day for day, _ in by_day(items)] == ["2026-01-06", "2026-01-05"]
    assert len(news(library, library.history, limit=1)) == 1


def test_a_page_has_its_first_and_last_dates(tmp_path):
    library = _site(tmp_path)
    assert page_dates(library.history, library.get("case", "b")) == ("2026-01-05", "2026-01-06")
    assert page_dates(library.history, library.get("case", "a")) == ("2026-01-05", "2026-01-05")
