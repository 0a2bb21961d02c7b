"""The pre-commit hook as another repository would use it: installed from this repo."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.helpers import case_yaml, make_project

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_manifest_and_config_are_valid():
    for command, name in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        result = subprocess.run(
            [*PRE_COMMIT, command, name], cwd=REPO, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _snapshot_of_this_repository(target: Path) -> Path:
    """The working tree as it is (untracked files included) committed in a scratch repo."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for rel in listed.splitlines():
        if (REPO / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, target / rel)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "snapshot")
    return target


@pytest.mark.slow
def test_another_repository_can_use_kb_validate_as_a_hook(tmp_path):
    hooks_repo = _snapshot_of_this_repository(tmp_path / "hooks")
    project = make_project(tmp_path / "kb", {"cases/a.yml": case_yaml("a", street="护国街")})
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = os.environ | {"PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(hooks_repo), "kb-validate", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cases/a.yml:4:3: location.street: 「护国街」不在街道列表中" in result.stdout
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)
