"""generator/pages/changes.py: published records' changes, newest first, grouped by day."""

from generator.pages.changes import by_day, news, page_dates
from generator.publish.pipeline import build_site
from tests.helpers import case_yaml, commit_all, git, make_project


def _site(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a"), "cases/b.yml": case_yaml("b")})
    git(root, "init", "-q")
    commit_all(root, "第一批内容", "2026-01-05T09:00:00+08:00")
    (root / "cases/b.yml").write_text(
        case_yaml("b").replace("概述。", "新的概述。"), encoding="utf-8"
    )
    (root / "cases/c.yml").write_text(case_yaml("c") + "status: draft\n", encoding="utf-8")
    commit_all(root, "修改案例b，新增草稿c", "2026-01-06T09:00:00+08:00")
    return _library(root)


def _library(root):
    result = build_site(root)
    assert result.ok, result.problems.text()
    return result.library


def test_news_is_newest_first_and_leaves_drafts_out(tmp_path):
    library = _site(tmp_path)
    items = news(library, library.history)
    assert [(i.record.id, i.label, i.change.subject) for i in items][:2] == [
        ("b", "更新", "修改案例b，新增草稿c"),
        ("a", "新增", "第一批内容"),
    ]
    assert "c" not in {i.record.id for i in items}
    assert [day for day, _ in by_day(items)] == ["2026-01-06", "2026-01-05"]
    assert len(news(library, library.history, limit=1)) == 1


def test_a_page_has_its_first_and_last_dates(tmp_path):
    library = _site(tmp_path)
    assert page_dates(library.history, library.get("case", "b")) == ("2026-01-05", "2026-01-06")
    assert page_dates(library.history, library.get("case", "a")) == ("2026-01-05", "2026-01-05")


def _busy_day(tmp_path):
    """One case edited three times and a guide edited on one day, and a new case at noon."""
    guide = "---\nid: g\ntitle: 指南\n---\n\n正文。\n"
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a"), "content/guides/g.md": guide})
    git(root, "init", "-q")
    commit_all(root, "第一批内容", "2026-01-05T09:00:00+08:00")
    for n, hour in enumerate(("09", "15", "18")):
        (root / "cases/a.yml").write_text(
            case_yaml("a").replace("概述。", f"概述{n}。"), encoding="utf-8"
        )
        commit_all(root, f"修改案例甲第{n + 1}次", f"2026-02-01T{hour}:00:00+08:00")
    (root / "content/guides/g.md").write_text(guide.replace("正文", "新的正文"), encoding="utf-8")
    commit_all(root, "改指南", "2026-02-01T19:00:00+08:00")
    (root / "cases/b.yml").write_text(case_yaml("b"), encoding="utf-8")
    commit_all(root, "新增案例乙", "2026-02-01T12:00:00+08:00")
    return _library(root)


def test_a_page_changed_several_times_in_a_day_is_one_entry(tmp_path):
    library = _busy_day(tmp_path)
    [day] = [items for day, items in by_day(news(library, library.history)) if day == "2026-02-01"]
    assert [(i.record.id, i.label) for i in day] == [("a", "更新"), ("b", "新增"), ("g", "更新")]
    [edited] = [i for i in day if i.record.id == "a"]
    assert edited.note == "修改案例甲第3次；修改案例甲第2次；修改案例甲第1次"


def test_readers_content_comes_before_the_guides_and_alone_on_the_home_page(tmp_path):
    library = _busy_day(tmp_path)
    everything = [i.record.id for i in news(library, library.history)]
    assert everything.index("b") < everything.index("g")  # the guide was edited later
    home = [i.record.id for i in news(library, library.history, 5, readers_only=True)]
    assert "g" not in home and home[:2] == ["a", "b"]
