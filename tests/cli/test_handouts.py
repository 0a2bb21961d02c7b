"""generator/cli/handouts.py: ``kb handout`` for one module or, with ``--all``, every one."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, run_kb

MODULES = sorted(p.stem for p in (REPO / "content/training").glob("[!_]*.yml"))


def test_all_writes_each_modules_handout_into_the_folder(tmp_path):
    result = run_kb(REPO, "handout", "--all", "--teacher", "--out-dir", str(tmp_path / "教师版"))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "教师版").iterdir())
    assert written == [f"{m}-teacher.html" for m in MODULES]
    for name in written:
        assert str(tmp_path / "教师版" / name) in result.stdout
        assert "教学使用说明" in (tmp_path / "教师版" / name).read_text(encoding="utf-8")
    assert "请勿发给学员" in result.stdout


@pytest.mark.parametrize(("args", "told"), [
    ([], "或者用 --all 生成全部模块的讲义"),
    ([MODULES[0], "--all"], "不要同时使用"),
    (["--all", "--out", "x.pdf"], "请用 --out-dir 指定文件夹"),
    ([MODULES[0], "--out-dir", "d"], "--out-dir 只和 --all 一起使用"),
])
def test_a_request_that_does_not_add_up_is_explained_in_chinese(tmp_path, args, told):
    result = run_kb(REPO, "handout", *args)
    assert result.returncode == 1 and told in result.stderr
    assert "Traceback" not in result.stderr
    assert not (REPO / "x.pdf").exists() and not (REPO / "d").exists()
