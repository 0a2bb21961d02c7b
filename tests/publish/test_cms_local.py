"""The local backend answers Decap's proxy protocol for the editable folders only, and only
for a page of this preview on this machine."""

from __future__ import annotations

import io
import json

import pytest

from generator.publish.cms_local import LocalFiles, Refused, answer, with_local_backend

CASE = "id: a\ntitle: 案例\n"


@pytest.fixture
def files(tmp_path) -> LocalFiles:
    (tmp_path / "cases" / "huguo").mkdir(parents=True)
    (tmp_path / "cases" / "huguo" / "a.yml").write_text(CASE, encoding="utf-8")
    (tmp_path / "content" / "practices").mkdir(parents=True)
    (tmp_path / "content" / "practices" / "_index.md").write_text("intro", encoding="utf-8")
    (tmp_path / "content" / "practices" / "p.md").write_text("---\nid: p\n---\n", "utf-8")
    (tmp_path / "secret.txt").write_text("key", encoding="utf-8")
    return LocalFiles(tmp_path)


def test_entries_of_a_folder_down_to_the_depth_asked(files):
    shallow = answer(files, "entriesByFolder", {"folder": "cases", "extension": "yml",
                                                "depth": 1})
    deep = answer(files, "entriesByFolder", {"folder": "cases", "extension": "yml",
                                             "depth": 2})
    assert shallow == []
    assert [e["file"]["path"] for e in deep] == ["cases/huguo/a.yml"]
    assert deep[0]["data"] == CASE and len(deep[0]["file"]["id"]) == 64


def test_a_folders_introduction_is_not_an_entry(files):
    found = answer(files, "entriesByFolder", {"folder": "content/practices",
                                              "extension": "md", "depth": 1})
    assert [e["file"]["path"] for e in found] == ["content/practices/p.md"]


def test_saving_writes_the_file_and_a_rename_moves_it(files):
    answer(files, "persistEntry", {"dataFiles": [{"path": "cases/b.yml", "raw": "id: b\n"}],
                                   "assets": [], "options": {}})
    assert (files.root / "cases" / "b.yml").read_text(encoding="utf-8") == "id: b\n"
    answer(files, "persistEntry", {"dataFiles": [
        {"path": "cases/b.yml", "newPath": "cases/huguo/b.yml", "raw": "id: b\n"}]})
    assert not (files.root / "cases" / "b.yml").exists()
    assert (files.root / "cases" / "huguo" / "b.yml").is_file()


@pytest.mark.parametrize("path", ["secret.txt", "cases/../secret.txt", "/etc/passwd",
                                  "site_config/vocabularies.yml", "cases//a.yml",
                                  "casesx/a.yml"])
def test_nothing_outside_the_editable_folders_is_read_or_written(files, path):
    with pytest.raises(Refused):
        answer(files, "getEntry", {"path": path})
    with pytest.raises(Refused):
        answer(files, "persistEntry", {"dataFiles": [{"path": path, "raw": "x"}]})
    assert (files.root / "secret.txt").read_text(encoding="utf-8") == "key"


def test_a_symbolic_link_is_not_followed(files):
    (files.root / "cases" / "link").symlink_to(files.root)
    with pytest.raises(Refused):
        answer(files, "getEntry", {"path": "cases/link/secret.txt"})
    found = answer(files, "entriesByFolder", {"folder": "cases", "extension": "txt",
                                              "depth": 3})
    assert found == []


def test_an_unknown_action_is_refused(files):
    with pytest.raises(Refused):
        answer(files, "publishUnpublishedEntry", {})


def _call(app, body: dict, **headers) -> tuple[str, dict]:
    raw = json.dumps(body).encode()
    environ = {"PATH_INFO": "/admin/api/v1", "REQUEST_METHOD": "POST",
               "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(raw)),
               "wsgi.input": io.BytesIO(raw), "REMOTE_ADDR": "127.0.0.1",
               "HTTP_HOST": "127.0.0.1:8000"} | headers
    answered = {}
    chunks = app(environ, lambda status, _headers: answered.setdefault("status", status))
    return answered["status"], json.loads(b"".join(chunks))


def test_the_server_answers_this_machine_only(files):
    app = with_local_backend(lambda environ, start: [b"site"], files.root)
    info = {"action": "info", "params": {}}
    assert _call(app, info)[0] == "200 OK"
    assert _call(app, info, HTTP_ORIGIN="http://localhost:8000")[0] == "200 OK"
    assert _call(app, info, HTTP_ORIGIN="https://evil.example")[0].startswith("403")
    assert _call(app, info, HTTP_HOST="evil.example:8000")[0].startswith("403")  # rebinding
    assert _call(app, info, REMOTE_ADDR="192.168.1.20")[0].startswith("403")
    assert _call(app, info, CONTENT_TYPE="text/plain")[0].startswith("405")


def test_a_refusal_is_a_chinese_message_not_a_traceback(files):
    app = with_local_backend(lambda environ, start: [b"site"], files.root)
    status, body = _call(app, {"action": "getEntry", "params": {"path": "../x"}})
    assert status.startswith("422") and "表单编辑器只能改" in body["error"]
    status, body = _call(app, {"action": "getEntry", "params": {}})
    assert status.startswith("422") and "请求不完整" in body["error"]


def test_other_addresses_go_to_the_site(files):
    app = with_local_backend(lambda environ, start: [b"site"], files.root)
    assert app({"PATH_INFO": "/cases/"}, lambda *a: None) == [b"site"]
