"""Golden tests: every folder under golden/ is one test (input files → expected output)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator.cli.report import format_problems
from generator.publish.pipeline import build_pages, load_library

GOLDEN = Path(__file__).parent / "golden"
REPO = GOLDEN.parent.parent
UPDATE = bool(os.environ.get("KB_UPDATE_GOLDEN"))
pytestmark = pytest.mark.golden


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (GOLDEN / kind).iterdir() if p.is_dir())


def _project(case: Path, target: Path) -> Path:
    shutil.copytree(REPO / "site_config", target / "site_config")
    shutil.copytree(GOLDEN / "base", target, dirs_exist_ok=True)
    for name in ("cases", "content"):
        if (case / name).is_dir():
            shutil.copytree(case / name, target / name, dirs_exist_ok=True)
    return target


@pytest.mark.parametrize("case", _cases("problems"), ids=lambda p: p.name)
def test_problems(case: Path, tmp_path: Path):
    result = load_library(_project(case, tmp_path))
    actual = format_problems(result.problems) + "\n"  # what kb validate prints
    expected_file = case / "expected.txt"
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


_PROBLEM = re.compile(r"^[^\s:][^:]*:\d+:\d+:")
_SUMMARY = re.compile(r"^共发现 (\d+) 个错误、(\d+) 个警告。$")


@pytest.mark.parametrize("case", _cases("problems"), ids=lambda p: p.name)
def test_every_golden_summary_counts_the_problems_it_lists(case: Path):
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    listed = [line for line in lines if _PROBLEM.match(line)]
    if lines[-1] == "检查通过：没有发现问题。":
        assert listed == []
        return
    errors, warnings = map(int, _SUMMARY.match(lines[-1]).groups())
    assert len(listed) == len(set(listed)) == errors + warnings
    assert sum("（警告）" in line for line in listed) == warnings


@pytest.mark.parametrize("case", _cases("pages"), ids=lambda p: p.name)
def test_pages(case: Path, tmp_path: Path):
    result = build_pages(_project(case, tmp_path))
    assert result.ok, result.problems.text()
    expected_dir = case / "expected"
    if UPDATE:
        for rel in _wanted_pages(case, result.pages):
            target = expected_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(result.pages[rel], encoding="utf-8")
    for expected in sorted(expected_dir.rglob("*.md")):
        rel = expected.relative_to(expected_dir).as_posix()
        assert result.pages.get(rel) == expected.read_text(encoding="utf-8"), rel


def _wanted_pages(case: Path, pages: dict[str, str]) -> list[str]:
    """On first update, keep the pages of the records the case itself adds, plus indexes."""
    existing = case / "expected"
    if existing.is_dir():
        return [p.relative_to(existing).as_posix() for p in existing.rglob("*.md")]
    return [rel for rel in pages if rel.startswith("cases/")]
