"""generator/cli/handouts.py: ``kb handout`` for one module or, with ``--all``, every one."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import REPO, copy_project, run_kb

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


@pytest.mark.parametrize(
    ("args", "told"),
    [
        ([], "或者用 --all 生成全部模块的讲义"),
        ([MODULES[0], "--all"], "不要同时使用"),
        (["--all", "--out", "x.pdf"], "请用 --out-dir 指定文件夹"),
        ([MODULES[0], "--out-dir", "d"], "--out-dir 只和 --all 一起使用"),
    ],
)
def test_a_request_that_does_not_add_up_is_explained_in_chinese(tmp_path, args, told):
    result = run_kb(REPO, "handout", *args)
    assert result.returncode == 1 and told in result.stderr
    assert "Traceback" not in result.stderr
    assert not (REPO / "x.pdf").exists() and not (REPO / "d").exists()


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The bundled content with one case that fails the check: whatever builds the site
    answers with that case's problem, so an answer without it came before the build."""
    root = copy_project(tmp_path_factory.mktemp("handouts") / "kb")
    (root / "cases" / "broken.yml").write_text("id: broken\ntitle：全角冒号\n", encoding="utf-8")
    draft = root / "content/training/draft-module.yml"
    shutil.copy(root / f"content/training/{MODULES[0]}.yml", draft)
    text = draft.read_text(encoding="utf-8").replace(f"id: {MODULES[0]}", "id: draft-module", 1)
    draft.write_text(text + "status: draft\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["--all", "--out", "x.pdf"], "请用 --out-dir 指定文件夹"),
        ([], f"现有的培训模块：{'、'.join(MODULES)}），或者用 --all"),
        (["branch-standardisation"], "是否是：branch-standardization？现有的培训模块："),
        (["draft-module"], "找不到 id 为「draft-module」的培训模块"),
    ],
)
def test_the_request_is_checked_before_the_site_is_built(broken, args, told):
    result = run_kb(broken, "handout", *args)
    assert result.returncode == 1 and told in result.stderr, result.stderr
    assert "broken.yml" not in result.stderr  # the content was never checked


def test_a_module_that_is_there_goes_on_to_the_full_check(broken):
    for args in ([MODULES[0]], ["draft-module", "--drafts"]):
        result = run_kb(broken, "handout", *args)
        assert result.returncode == 1 and "cases/broken.yml" in result.stderr, result.stderr


def test_a_module_file_that_cannot_be_read_quickly_leaves_it_to_the_full_check(tmp_path):
    root = copy_project(tmp_path / "kb")
    (root / "content/training/odd.yml").write_text("id: [odd\n", encoding="utf-8")
    result = run_kb(root, "handout", "no-such-module")
    assert result.returncode == 1 and "content/training/odd.yml" in result.stderr
