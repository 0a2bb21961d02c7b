import ast
import re
import shutil
from pathlib import Path

from generator.publish.pipeline import load_library
from generator.sources import rules
from generator.sources.rules import RULES
from generator.sources.validation import ERROR_RULES
from tests.conftest import REPO, copy_project

HOSTILE = REPO / "tests" / "hostile"

GENERATOR = REPO / "generator"
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def _trees() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(GENERATOR.rglob("*.py"))
    ]


def _rules_named_in_code() -> dict[str, list[str]]:
    """Every ``rule="…"`` written in the generator (a call's keyword argument), with where."""
    named: dict[str, list[str]] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "rule"
                and isinstance(node.value, ast.Constant)
            ):
                named.setdefault(node.value.value, []).append(
                    f"{path.relative_to(GENERATOR)}:{node.value.lineno}"
                )
    return named


def test_every_rule_has_a_kebab_case_id_a_title_and_a_reason():
    assert len(rules._TABLE) == len(RULES)  # no id twice
    for rule in RULES.values():
        assert _KEBAB.match(rule.id), rule.id
        assert rule.title.strip() and len(rule.title) <= 16, rule  # a short name
        assert rule.why.endswith("。") and len(rule.why) >= 10, rule
        assert rule.level in ("error", "warning"), rule


def test_every_rule_the_code_names_is_registered():
    named = _rules_named_in_code()
    assert len(named) > 40  # the scan finds the checks' rules
    unknown = {rule: where for rule, where in named.items() if rule not in RULES}
    assert unknown == {}
    assert set(ERROR_RULES.values()) <= set(RULES)


def test_every_registered_rule_is_used_by_a_check():
    used = set(_rules_named_in_code()) | set(ERROR_RULES.values())
    assert sorted(set(RULES) - used) == []


def test_every_error_kind_the_models_raise_has_its_rule():
    """The models' own pydantic errors (kb_control, kb_url …) are each mapped to a rule."""
    kinds = {
        node.value
        for path, tree in _trees()
        if path.parent.name == "model"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"kb_[a-z_]+", node.value)
    }
    assert "kb_control" in kinds and "kb_basis" in kinds
    assert sorted(kinds - set(ERROR_RULES)) == []


def test_every_problem_of_the_golden_corpus_ends_with_a_registered_rule():
    golden = Path(__file__).resolve().parents[1] / "golden" / "problems"
    found: set[str] = set()
    for expected in golden.glob("*/expected.txt"):
        for line in expected.read_text(encoding="utf-8").splitlines()[:-1]:
            rule = re.search(r"  \(([a-z0-9-]+)\)$", line)
            assert rule, line
            found.add(rule.group(1))
    assert len(found) > 40 and found <= set(RULES)


def test_every_problem_of_the_hostile_corpus_names_its_family(tmp_path):
    root = copy_project(tmp_path / "kb")
    shutil.copytree(HOSTILE / "missed", root, dirs_exist_ok=True)
    rules = {problem.rule for problem in load_library(root).problems.items}
    assert (
        {"html-tag", "md-attr-list", "md-abbreviation", "link-scheme", "image-remote"}
        <= rules
        <= set(RULES)
    )
