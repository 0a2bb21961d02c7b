"""``kb`` as an editor runs it: a real subprocess, real files, checked output and exit codes."""

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, run_kb
from tests.helpers import case_yaml, make_project


def _snapshot(root):
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_validate_passes_on_the_bundled_content():
    result = run_kb(REPO, "validate")
    assert result.returncode == 0, result.stdout
    assert "检查通过" in result.stdout


def test_validate_reports_every_problem_and_exits_1_without_traceback(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", street="护国街"),
            "cases/b.yml": "id: b\ntitle：标题\n",
        },
    )
    before = _snapshot(root)
    result = run_kb(root, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "cases/a.yml:4:3: location.street: 「护国街」不在街道列表中。是否是「护国街道」？"
    )
    assert lines[1].startswith("cases/b.yml:2:6: 「title」后面用了全角冒号")
    assert lines[-1] == "共发现 2 个错误、0 个警告。"
    assert _snapshot(root) == before  # sources are never modified


def test_validate_can_limit_the_report_to_given_files(tmp_path):
    root = make_project(
        tmp_path, {"cases/a.yml": case_yaml("a", street="护国街"), "cases/b.yml": case_yaml("b")}
    )
    assert run_kb(root, "validate", "cases/b.yml").returncode == 0
    assert run_kb(root, "validate", "cases/a.yml").returncode == 1


def test_validate_names_the_rule_in_every_format(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a", street="护国街")})
    github = run_kb(root, "validate", "--format", "github")
    assert github.stdout.startswith(
        "::error file=cases/a.yml,line=4,col=3,title=vocab-unknown::location.street: "
    )
    rows = json.loads(run_kb(root, "validate", "--format", "json").stdout)
    assert rows[0]["field"] == "location.street" and rows[0]["line"] == 4
    assert rows[0]["rule"] == "vocab-unknown"
    [entry] = json.loads(run_kb(root, "validate", "--format", "gitlab").stdout)
    assert entry["check_name"] == "vocab-unknown"
    text = run_kb(root, "validate").stdout.splitlines()
    assert text[0].startswith("cases/a.yml:4:3: location.street: 「护国街」不在街道列表中。")
    assert text[0].endswith("  (vocab-unknown)")


def test_export_prints_the_model_and_hides_drafts_unless_asked(tmp_path):
    root = make_project(
        tmp_path,
        {"cases/a.yml": case_yaml("a"), "cases/d.yml": case_yaml("d", extra="status: draft\n")},
    )
    public = json.loads(run_kb(root, "export", "--format", "json").stdout)
    assert [c["id"] for c in public["cases"]] == ["a"]
    everything = json.loads(run_kb(root, "export", "--drafts").stdout)
    assert [c["id"] for c in everything["cases"]] == ["a", "d"]


def test_export_of_the_bundled_content():
    data = json.loads(run_kb(REPO, "export").stdout)
    assert len(data["cases"]) == 5 and len(data["practices"]) == 14
    assert all({"id", "title", "url"} <= set(item) for group in data.values() for item in group)


def test_render_writes_plain_markdown_without_mkdocs(tmp_path):
    out = tmp_path / "pages"
    result = run_kb(REPO, "render", "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "cases/zhiguo-lane-courtyard.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "致果巷2号及5号院坝微改造"\n---\n')
    assert '<h2 id="做法">做法</h2>' in page  # case pages are HTML (generator/pages/case_pages.py)
    assert "## 按街道浏览" in (out / "cases/index.md").read_text(encoding="utf-8")


def test_render_with_bad_input_keeps_the_previous_output(tmp_path):
    root = make_project(tmp_path / "kb", {"cases/a.yml": case_yaml("a")})
    out = tmp_path / "pages"
    assert run_kb(root, "render", "--out", str(out)).returncode == 0
    (root / "cases/a.yml").write_text("id: a\n", encoding="utf-8")
    result = run_kb(root, "render", "--out", str(out))
    assert result.returncode == 1 and "缺少必填项「title」" in result.stderr
    assert (out / "cases/a.md").is_file()


def test_new_writes_a_file_once_and_never_overwrites(tmp_path):
    root = make_project(tmp_path)
    args = ("new", "case", "--id", "new-case", "--title", "新案例", "--street", "护国街道")
    first = run_kb(root, *args)
    assert first.returncode == 0 and "cases/huguo/new-case.yml" in first.stdout
    path = root / "cases/huguo/new-case.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# 编辑过\n", encoding="utf-8")
    edited = path.read_bytes()
    again = run_kb(root, *args)
    assert again.returncode == 1 and "已经有了" in again.stderr
    assert path.read_bytes() == edited


def test_new_without_a_terminal_names_the_missing_options(tmp_path):
    root = make_project(tmp_path)
    result = run_kb(root, "new", "practice", "--title", "标题")
    assert result.returncode == 1
    assert "--id" in result.stderr and "--section" in result.stderr
    assert not list((root / "content/practices").glob("*.md"))[1:]  # only the base practice


@pytest.mark.slow
def test_no_command_modifies_an_existing_source_file(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/huguo/a.yml": case_yaml("a"),
            "cases/huguo/bad.yml": case_yaml("bad", street="护国街"),
        },
    )
    (root / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    before = _snapshot(root)
    for args in (
        ["validate"],
        ["validate", "--format", "json"],
        ["export"],
        ["render", "--out", str(tmp_path / "out")],
        ["build"],
        ["schema", "--check"],
        ["new", "case", "--id", "b", "--title", "标题", "--street", "华山街道"],
    ):
        run_kb(root, *args)
    after = _snapshot(root)
    assert {p: after[p] for p in before} == before
    assert set(after) - set(before) == {root / "cases/huashan/b.yml"}


def test_new_asks_for_what_is_missing_at_a_terminal_and_asks_again(tmp_path):
    root = make_project(tmp_path, {"cases/huguo/taken.yml": case_yaml("taken-id")})
    # a wrong id is said at once and asked again; so are an empty title and a misspelt street
    answers = "Bad_ID\ntaken-id\nasked-case\n\n问答新建的案例\n护国街\n护国街道\n"
    command = f"{sys.executable} -m generator new case"
    result = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        cwd=root,
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
    shown = result.stdout
    assert shown.index("id「Bad_ID」不可用") < shown.index("id「taken-id」已经有了")
    assert shown.index("id「taken-id」已经有了") < shown.index("标题不能为空")
    assert shown.index("标题不能为空") < shown.index("是否是「护国街道」")
    assert "title: 问答新建的案例" in (root / "cases/huguo/asked-case.yml").read_text("utf-8")


def test_outside_a_knowledge_base_kb_says_where_it_looked(tmp_path):
    result = run_kb(tmp_path, "handout", "some-module")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"这里不是知识库文件夹：在 {tmp_path.resolve()}" in result.stderr
    assert "--root" in result.stderr and "vocabularies.yml:1:1" not in result.stderr
