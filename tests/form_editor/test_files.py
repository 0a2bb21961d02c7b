"""generator/form_editor/files.py: the form editor reads and writes the editable folders only,
never through a link, with fresh temporaries, and refuses in Chinese without machine paths."""

from __future__ import annotations

import os
import stat

import pytest

from generator.form_editor.files import MEDIA, LocalFiles, Refused, shown
from tests.sources.test_file_kinds import SAMPLES

UPLOADS = MEDIA[0]


@pytest.fixture
def files(tmp_path) -> LocalFiles:
    (tmp_path / "cases" / "huguo").mkdir(parents=True)
    (tmp_path / "cases" / "huguo" / "a.yml").write_text("id: a\n", encoding="utf-8")
    (tmp_path / "content" / "practices").mkdir(parents=True)
    (tmp_path / "content" / "practices" / "_index.md").write_text("intro", encoding="utf-8")
    (tmp_path / "content" / "practices" / "p.md").write_text("---\nid: p\n---\n", "utf-8")
    (tmp_path / "secret.txt").write_text("key", encoding="utf-8")
    return LocalFiles(tmp_path)


def _names(root) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(here, name), root)
        for here, folders, names in os.walk(root)
        for name in folders + names
    )


def test_entries_of_a_folder_down_to_the_depth_asked(files):
    assert files.folder_entries("cases", "yml", 1) == []
    [entry] = files.folder_entries("cases", "yml", 2)
    assert entry["file"]["path"] == "cases/huguo/a.yml"
    assert entry["data"] == "id: a\n" and len(entry["file"]["id"]) == 64


def test_a_folders_introduction_is_not_an_entry(files):
    found = files.folder_entries("content/practices", "md", 1)
    assert [e["file"]["path"] for e in found] == ["content/practices/p.md"]


@pytest.mark.parametrize(
    "path",
    [
        "secret.txt",
        "cases/../secret.txt",
        "/etc/passwd",
        "site_config/vocabularies.yml",
        "cases//a.yml",
        "casesx/a.yml",
        "cases/./a.yml",
        "cases/a\x00.yml",
    ],
)
def test_nothing_outside_the_editable_folders_is_read_or_written(files, path):
    with pytest.raises(Refused, match="表单编辑器只能改 cases/、content/ 里的文件"):
        files.entry(path)
    with pytest.raises(Refused, match="表单编辑器只能改"):
        files.write(path, "x")
    assert (files.root / "secret.txt").read_text(encoding="utf-8") == "key"


def test_a_linked_folder_is_neither_read_nor_listed(files):
    (files.root / "cases" / "link").symlink_to(files.root)
    with pytest.raises(Refused, match="经过符号链接"):
        files.entry("cases/link/secret.txt")
    assert files.folder_entries("cases", "txt", 3) == []


def test_a_pipe_is_not_read_and_does_not_hang(files):
    os.mkfifo(files.root / "cases" / "pipe.yml")
    with pytest.raises(Refused, match="「cases/pipe.yml」不是普通的文件"):
        files.entry("cases/pipe.yml")


def test_a_save_makes_its_folders_and_leaves_no_temporary(files):
    files.write("cases/new/deep/b.yml", "id: b\n")
    assert (files.root / "cases/new/deep/b.yml").read_text(encoding="utf-8") == "id: b\n"
    assert not [name for name in _names(files.root) if "kb-saving" in name]


def test_a_saved_file_has_the_usual_permissions(files):
    umask = os.umask(0o022)
    os.umask(umask)
    files.write("cases/b.yml", "id: b\n")
    mode = stat.S_IMODE((files.root / "cases/b.yml").stat().st_mode)
    assert mode == 0o666 & ~umask  # not the 0600 of a private temporary


def test_a_file_already_at_the_temporary_name_is_left_alone(files):
    left = files.root / "cases/huguo/.a.yml.kb-saving"
    left.write_text("an old temporary", encoding="utf-8")
    files.write("cases/huguo/a.yml", "id: a\ntitle: 新\n")
    assert left.read_text(encoding="utf-8") == "an old temporary"


def test_a_temporary_is_never_an_existing_name(files, monkeypatch, tmp_path):
    """The random part is what makes a planted link harmless; should it repeat, the file or
    link already there is still neither reused nor followed."""
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("外面", encoding="utf-8")
    (files.root / "cases/huguo/.a.yml.same.kb-saving").symlink_to(outside)
    names = iter(["same", "same", "fresh"])
    monkeypatch.setattr("generator.form_editor.files.secrets.token_hex", lambda n: next(names))
    files.write("cases/huguo/a.yml", "id: a\ntitle: 新\n")
    assert outside.read_text(encoding="utf-8") == "外面"
    assert (files.root / "cases/huguo/a.yml").read_text(encoding="utf-8") == "id: a\ntitle: 新\n"
    monkeypatch.setattr("generator.form_editor.files.secrets.token_hex", lambda n: "same")
    with pytest.raises(Refused, match="保存「cases/huguo/a.yml」没有成功"):
        files.write("cases/huguo/a.yml", "id: a\n")
    assert outside.read_text(encoding="utf-8") == "外面"


def test_a_link_anywhere_on_the_way_is_refused(files):
    (files.root / "cases" / "link").symlink_to(files.root / "content")
    (files.root / "cases" / "huguo" / "b.yml").symlink_to(files.root / "cases/huguo/a.yml")
    for rel in ("cases/link/x.yml", "cases/huguo/b.yml"):
        with pytest.raises(Refused, match="经过符号链接"):
            files.write(rel, "x")
        with pytest.raises(Refused, match="经过符号链接"):
            files.entry(rel)
        with pytest.raises(Refused, match="经过符号链接"):
            files.delete(rel)
    assert not (files.root / "content" / "x.yml").exists()
    assert (files.root / "cases/huguo/a.yml").read_text(encoding="utf-8") == "id: a\n"


def test_a_file_in_place_of_a_folder_is_refused(files):
    with pytest.raises(Refused, match="「a.yml」是文件，不是文件夹"):
        files.write("cases/huguo/a.yml/b.yml", "x")


def test_a_missing_entry_is_empty_and_missing_media_is_refused(files):
    assert files.entry("cases/none.yml") == {
        "data": None,
        "file": {"path": "cases/none.yml", "id": None},
    }
    with pytest.raises(Refused, match=f"找不到文件「{UPLOADS}/none.png」"):
        files.media(f"{UPLOADS}/none.png")


def test_media_are_checked_from_their_bytes(files):
    with pytest.raises(Refused, match="只能上传图片"):
        files.check_media(f"{UPLOADS}/a.png", b"<html>")
    assert files.check_media(f"{UPLOADS}/a.png", SAMPLES["a.png"]) == files.root / UPLOADS / (
        "a.png"
    )
    (files.root / UPLOADS).mkdir(parents=True)
    (files.root / UPLOADS / "b.png").write_bytes(b"<html>")
    with pytest.raises(Refused, match="只能上传图片"):
        files.media(f"{UPLOADS}/b.png")
    assert files.media_list(UPLOADS) == []


def test_a_path_is_shown_printable_and_short():
    assert shown("cases/a\x1b[31m.yml") == "cases/a?[31m.yml"
    assert shown("a" * 200) == "a" * 120 + "…"
