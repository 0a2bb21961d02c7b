"""generator/sources/placeholders.py: the example text of every ``kb new`` template is a
located error once a file is no longer a draft; the templates themselves are the list."""

import pytest

from generator.cli.scaffold import NEW_KINDS
from tests.conftest import run_kb
from tests.helpers import make_project

EXTRA = {"case": ["--street", "护国街道"], "practice": ["--section", "service"]}


@pytest.mark.parametrize("kind", list(NEW_KINDS))
def test_a_new_file_published_with_its_example_text_is_refused(tmp_path, kind):
    root = make_project(tmp_path)
    made = run_kb(
        root, "new", kind, "--id", f"new-{kind}", "--title", "新文件", *EXTRA.get(kind, [])
    )
    assert made.returncode == 0, made.stderr
    [path] = [p for p in root.rglob(f"new-{kind}.*")]
    assert run_kb(root, "validate").returncode == 0  # a draft may keep it
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8"
    )
    result = run_kb(root, "validate")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "kb new 模板里的示例文字" in line]
    rel = path.relative_to(root).as_posix()
    assert lines and all(line.startswith(f"{rel}:") for line in lines), result.stdout


def test_a_line_added_to_a_template_is_covered_without_a_list(tmp_path):
    root = make_project(tmp_path)
    template = root / "site_config/templates/new/case.yml.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "summary: ", "outcomes: 在这里写成效。\nsummary: "
        ),
        encoding="utf-8",
    )
    assert (
        run_kb(
            root, "new", "case", "--id", "c", "--title", "标题", "--street", "护国街道"
        ).returncode
        == 0
    )
    path = root / "cases/huguo/c.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8"
    )
    assert "示例文字「在这里写成效。」" in run_kb(root, "validate").stdout
