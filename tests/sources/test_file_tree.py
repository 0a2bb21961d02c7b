"""generator/file_tree.py: every folder the build reads or publishes, and everything in it,
resolves inside the repository; links out, loops, dangling links and pipes are located errors.
Checked through ``kb validate``, as CI runs it on a merge request."""

from __future__ import annotations

import os

import pytest

from generator.sources.file_tree import DANGLING, FOLDER_LINK, LOOP, NOT_A_FILE, OUTSIDE
from tests.conftest import copy_project, run_kb

SECRET = "CI_DEPLOY_TOKEN=not-for-readers"


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "kb")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secrets.txt").write_text(SECRET, encoding="utf-8")
    return root, outside


def _validate(root) -> tuple[int, list[str]]:
    result = run_kb(root, "validate")
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode, result.stdout.splitlines()


def test_a_linked_attachment_from_the_build_machine_is_refused(project):
    root, outside = project
    os.symlink(outside / "secrets.txt", root / "site_config/docs/assets/readme.txt")
    os.symlink("/etc/passwd", root / "site_config/docs/passwd.txt")
    code, lines = _validate(root)
    assert code == 1
    assert f"site_config/docs/assets/readme.txt:1:1: {OUTSIDE}" in lines
    assert f"site_config/docs/passwd.txt:1:1: {OUTSIDE}" in lines


@pytest.mark.parametrize("folder", ["cases", "content", "content/guides", "site_config/docs",
                                    "site_config/templates", "site_config/overrides"])
def test_a_folder_replaced_by_a_link_to_outside_is_not_read(project, folder):
    root, outside = project
    target = outside / "folder"
    os.rename(root / folder, target)
    os.symlink(target, root / folder)
    code, lines = _validate(root)
    assert code == 1
    assert f"{folder}:1:1: {OUTSIDE}" in lines


def test_site_config_and_the_vocabularies_are_checked_too(project):
    root, outside = project
    (outside / "vocabularies.yml").write_bytes((root / "site_config/vocabularies.yml").read_bytes())
    (root / "site_config/vocabularies.yml").unlink()
    os.symlink(outside / "vocabularies.yml", root / "site_config/vocabularies.yml")
    code, lines = _validate(root)
    assert code == 1 and f"site_config/vocabularies.yml:1:1: {OUTSIDE}" in lines


def test_loops_dangling_links_and_pipes_are_located_errors(project):
    root, _ = project
    os.symlink("loop.yml", root / "cases/loop.yml")
    os.symlink("b.yml", root / "cases/a.yml")
    os.symlink("a.yml", root / "cases/b.yml")
    os.symlink("missing.yml", root / "cases/dangling.yml")
    os.mkfifo(root / "cases/pipe.yml")
    code, lines = _validate(root)
    assert code == 1
    for name, message in [("loop", LOOP), ("a", LOOP), ("b", LOOP), ("dangling", DANGLING),
                          ("pipe", NOT_A_FILE)]:
        assert f"cases/{name}.yml:1:1: {message}" in lines


def test_links_inside_the_repository_lead_to_files_not_folders(project):
    root, _ = project
    case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
    os.rename(case, root / "zhiguo.yml")
    os.symlink("../../zhiguo.yml", case)  # a file kept elsewhere in the repository: read
    os.symlink("../huashan", root / "cases/huguo/linked-folder")  # a folder: not followed
    code, lines = _validate(root)
    assert code == 0, lines
    assert f"cases/huguo/linked-folder:1:1: （警告）{FOLDER_LINK}" in lines
