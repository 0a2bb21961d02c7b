"""generator/cli/args.py: ``kb --help`` and a mistyped command read in Chinese."""

import re

import pytest

from generator.cli.args import COMMANDS, build_parser
from generator.cli.help_layout import width
from tests.conftest import REPO, run_kb

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_main_help_lists_every_command_in_chinese():
    result = run_kb(REPO, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：kb")
    for name, (summary, _, _) in COMMANDS.items():
        assert re.search(rf"^\s+{name}\s+{re.escape(summary)}$", result.stdout, re.M), name
    for english in ("usage:", "positional arguments", "show this help message"):
        assert english not in result.stdout
    assert re.search(r"^命令:\n  validate ", result.stdout, re.M)  # the heading, once


def test_help_lines_up_with_chinese_option_names():
    """A Chinese character takes two columns: the help of --root 文件夹 and of -h starts in
    the same column."""
    result = run_kb(REPO, "serve", "--help")
    lines = [line for line in result.stdout.splitlines() if line.startswith("  -")]
    starts = [re.match(r"(\s+\S.*?\s{2,})\S", line) for line in lines]
    assert len(lines) >= 5 and all(starts), lines
    assert len({width(found.group(1)) for found in starts}) == 1, lines


@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_has_a_description_and_examples(command):
    result = run_kb(REPO, command, "--help")
    assert result.returncode == 0
    text = result.stdout
    assert COMMANDS[command][1].split("，")[0] in text
    examples = text.split("示例：\n")[1].splitlines()
    assert examples and all(line.strip().startswith("kb ") for line in examples if line.strip())


def test_every_option_is_explained_in_chinese():
    import argparse

    parser = build_parser({name: None for name in COMMANDS})
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        for action in command._actions:
            assert action.help == argparse.SUPPRESS or CJK.search(action.help), (name, action)


def test_a_mistyped_command_is_answered_in_chinese():
    result = run_kb(REPO, "biuld")
    assert result.returncode == 2
    assert "命令有误" in result.stderr and "“biuld”不是可用的选项" in result.stderr
    assert "error:" not in result.stderr and "invalid choice" not in result.stderr


def test_root_may_come_before_or_after_the_command(tmp_path):
    assert run_kb(tmp_path, "--root", str(REPO), "validate").returncode == 0
    assert run_kb(tmp_path, "validate", "--root", str(REPO)).returncode == 0


def test_version_is_the_installed_package_version(tmp_path):
    """``kb --version`` answers anywhere, even outside a knowledge base or with a bad setting."""
    import tomllib

    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    result = run_kb(tmp_path, "--version", env={"KB_ENGINE": "hugo"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"kb {declared['project']['version']}\n"
    assert "--version" in run_kb(tmp_path, "--help").stdout
