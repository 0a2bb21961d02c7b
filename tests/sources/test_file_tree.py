"""generator/sources/file_tree.py: no symbolic link is ever read or published. A link is a
located error naming the link and its target, wherever it points; pipes are errors too.
Planted as a contributor's merge request would plant them, and checked through the real
commands: ``kb validate`` (CI's check), ``kb build``, ``kb build --offline``, ``kb export``,
``kb handout``, ``kb new``."""

from __future__ import annotations

import os

import pytest

from generator.sources.file_tree import LINK, NOT_A_FILE, FileTree, LinkRefused, open_no_follow
from generator.sources.problems import ProblemList
from tests.conftest import copy_project, run_kb
from tests.helpers import git

SECRET = "CI_JOB_TOKEN=not-for-readers"
MODULE = "content/training/branch-standardization.yml"


@pytest.fixture
def project(tmp_path):
    """A copy of the repository in git, whose .git/config holds a token as in CI."""
    root = copy_project(tmp_path / "kb")
    git(root, "init", "-q")
    with open(root / ".git/config", "a", encoding="utf-8") as config:
        config.write(f'[remote "origin"]\n\turl = https://gitlab-ci-token:{SECRET}@x/kb.git\n')
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secrets.txt").write_text(SECRET, encoding="utf-8")
    return root, outside


def _link_line(rel: str, target: str) -> str:
    return f"{rel}:1:1: {LINK.format(target=target)}  (file-link)"


def _validate(root) -> tuple[int, list[str]]:
    result = run_kb(root, "validate")
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode, result.stdout.splitlines()


# every kind of place a link may be planted, and every kind of place it may lead
PLANTED = [
    ("site_config/docs/assets/remote.txt", "../../../.git/config"),
    ("site_config/docs/assets/notes.txt", f"../../../{MODULE}"),
    ("site_config/overrides/partials/footer.html", "../../../.git/config"),
    ("site_config/templates/problems.md.j2", "../../.git/config"),
    ("site_config/cms/extra.js", "../../.git/config"),
    ("cases/huguo/copy.yml", "zhiguo-lane-courtyard.yml"),
    ("content/guides/notes.md", f"../../{MODULE}"),
    ("content/stray", "../.git"),
    ("site_config/docs/passwd.txt", "/etc/passwd"),
    ("cases/loop.yml", "loop.yml"),
    ("cases/dangling.yml", "missing.yml"),
]


def test_every_link_is_a_located_error_naming_its_target(project):
    root, _ = project
    for rel, target in PLANTED:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).unlink(missing_ok=True)  # a real template replaced by a link, too
        os.symlink(target, root / rel)
    code, lines = _validate(root)
    assert code == 1
    for rel, target in PLANTED:
        assert _link_line(rel, target) in lines


@pytest.mark.parametrize(
    "folder",
    [
        "cases",
        "content",
        "content/guides",
        "site_config",
        "site_config/docs",
        "site_config/templates",
        "site_config/overrides",
        "cases/huguo",
    ],
)
def test_a_folder_replaced_by_a_link_is_not_read(project, folder):
    root, outside = project
    target = outside / "folder"
    os.rename(root / folder, target)
    os.symlink(target, root / folder)
    code, lines = _validate(root)
    assert code == 1
    assert _link_line(folder, str(target)) in lines


def test_links_to_single_files_and_mkdocs_yml_are_refused(project):
    root, outside = project
    for rel in ("site_config/vocabularies.yml", "content/glossary.yml", "mkdocs.yml"):
        (outside / "copy").write_bytes((root / rel).read_bytes())
        (root / rel).unlink()
        os.symlink(outside / "copy", root / rel)
    code, lines = _validate(root)
    assert code == 1
    for rel in ("site_config/vocabularies.yml", "content/glossary.yml", "mkdocs.yml"):
        assert _link_line(rel, str(outside / "copy")) in lines


def test_a_pipe_is_never_read(project):
    root, _ = project
    os.mkfifo(root / "cases/pipe.yml")
    code, lines = _validate(root)
    assert code == 1 and f"cases/pipe.yml:1:1: {NOT_A_FILE}  (file-not-regular)" in lines


@pytest.mark.slow
def test_kb_build_publishes_nothing_and_keeps_the_previous_site(project):
    root, _ = project
    assert run_kb(root, "build").returncode == 0
    before = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*"))
    os.symlink("../../../.git/config", root / "site_config/docs/assets/remote.txt")
    os.symlink("../../../.git/config", root / "site_config/overrides/partials-footer.html")
    result = run_kb(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site_config/docs/assets/remote.txt" in result.stderr
    assert "原有的网站文件夹保持不变" in result.stderr
    after = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*"))
    assert after == before
    assert not any(
        SECRET in p.read_text(errors="replace") for p in (root / "site").rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    "command",
    [("build", "--offline"), ("export", "--format", "json"), ("handout", "branch-standardization")],
)
def test_every_command_that_reads_the_content_refuses_links(project, command):
    root, _ = project
    os.symlink(f"../../{MODULE}", root / "content/guides/notes.md")
    result = run_kb(root, *command)
    assert result.returncode == 1, result.stderr
    assert _link_line("content/guides/notes.md", f"../../{MODULE}") in result.stderr
    assert SECRET not in result.stdout and "teaching" not in result.stdout
    assert not (root / "dist").exists()


def test_kb_new_does_not_write_through_a_linked_folder(project):
    root, outside = project
    os.rename(root / "cases/huguo", outside / "huguo")
    os.symlink(outside / "huguo", root / "cases/huguo")
    result = run_kb(
        root, "new", "case", "--id", "linked", "--title", "链接", "--street", "护国街道"
    )
    assert result.returncode == 1 and "链接" in result.stderr
    assert not (outside / "huguo/linked.yml").exists()


def test_files_are_opened_without_following_a_link(tmp_path):
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    (tmp_path / "folder").mkdir()
    os.symlink("folder", tmp_path / "linked")
    (tmp_path / "folder/inner.txt").write_text("y", encoding="utf-8")
    with open_no_follow(tmp_path / "real.txt", tmp_path) as handle:
        assert handle.read() == b"x"
    for path in (tmp_path / "link.txt", tmp_path / "linked/inner.txt"):
        with pytest.raises(LinkRefused):
            open_no_follow(path, tmp_path)


def test_hidden_names_are_left_out_but_links_among_them_are_reported(tmp_path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden/a.txt").write_text("x", encoding="utf-8")
    os.symlink("/etc/passwd", tmp_path / ".hidden/b.txt")
    (tmp_path / "shown.txt").write_text("x", encoding="utf-8")
    problems = ProblemList()
    tree = FileTree(tmp_path, problems)
    assert tree.files(tmp_path, hidden=False) == [tmp_path / "shown.txt"]
    tree.files(tmp_path)  # a second walk reports nothing twice
    assert [p.file for p in problems.errors] == [".hidden/b.txt"]
