"""The local backend answers Decap's proxy protocol for the editable folders only, and only
for a page of this preview on this machine; every refusal is a Chinese message without a
machine path, and nothing is written when a request is refused."""

from __future__ import annotations

import base64
import io
import json
import os
from pathlib import Path

import pytest

from generator.form_editor.files import LocalFiles, Refused
from generator.form_editor.local import answer, with_local_backend
from tests.sources.test_file_kinds import REFUSED, SAMPLES

CASE = "id: a\ntitle: 案例\n"
ORIGIN = "http://127.0.0.1:8000"
UPLOADS = "site_config/docs/assets/uploads"


@pytest.fixture
def files(tmp_path) -> LocalFiles:
    (tmp_path / "cases" / "huguo").mkdir(parents=True)
    (tmp_path / "cases" / "huguo" / "a.yml").write_text(CASE, encoding="utf-8")
    (tmp_path / "content" / "practices").mkdir(parents=True)
    return LocalFiles(tmp_path)


@pytest.fixture
def app(files):
    return with_local_backend(lambda environ, start: [b"site"], files.root)


def _tree(root) -> dict[str, object]:
    """Every file, folder and link under ``root`` (links not followed) with its content."""
    paths = [
        os.path.join(here, name)
        for here, folders, names in os.walk(root)
        for name in folders + names
    ]
    return {
        os.path.relpath(path, root): ("link", os.readlink(path))
        if os.path.islink(path)
        else Path(path).read_bytes()
        if os.path.isfile(path)
        else "folder"
        for path in paths
    }


def _environ(raw: bytes, **headers) -> dict:
    environ = {
        "PATH_INFO": "/admin/api/v1",
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_PORT": "8000",
        "HTTP_ORIGIN": ORIGIN,
        "HTTP_SEC_FETCH_SITE": "same-origin",
    } | headers
    return {key: value for key, value in environ.items() if value is not None}


def _send(app, environ: dict) -> tuple[str, dict]:
    answered = {}
    chunks = app(environ, lambda status, _headers: answered.setdefault("status", status))
    return answered["status"], json.loads(b"".join(chunks))


def _call(app, body: dict, **headers) -> tuple[str, dict]:
    return _send(app, _environ(json.dumps(body).encode(), **headers))


def _save(path: str, raw: str = "id: b\n", **params) -> dict:
    return {
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": path, "raw": raw}], "assets": []} | params,
    }


def _upload(path: str, data: bytes) -> dict:
    return {"path": path, "content": base64.b64encode(data).decode(), "encoding": "base64"}


def _no_machine_words(reply: dict, root) -> None:
    text = json.dumps(reply, ensure_ascii=False)
    assert str(root) not in text and "Errno" not in text and "Error" not in text
    assert '"/' not in text and "「/" not in text


def test_saving_writes_the_file_and_a_rename_moves_it(files):
    answer(files, "persistEntry", _save("cases/b.yml")["params"])
    assert (files.root / "cases" / "b.yml").read_text(encoding="utf-8") == "id: b\n"
    answer(
        files,
        "persistEntry",
        {"dataFiles": [{"path": "cases/b.yml", "newPath": "cases/huguo/b.yml", "raw": "id: b\n"}]},
    )
    assert not (files.root / "cases" / "b.yml").exists()
    assert (files.root / "cases" / "huguo" / "b.yml").is_file()
    assert not [p for p in _tree(files.root) if p.endswith(".kb-saving")]


def test_an_unknown_action_is_refused(files):
    with pytest.raises(Refused):
        answer(files, "publishUnpublishedEntry", {})


def test_a_link_committed_at_the_temporary_name_is_never_written_through(files, app, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-template.html"
    outside.write_text("<p>模板</p>", encoding="utf-8")
    os.utime(outside, ns=(1_000_000_000, 1_000_000_000))
    (files.root / "cases" / "huguo" / ".a.yml.kb-saving").symlink_to(outside)
    status, reply = _call(app, _save("cases/huguo/a.yml", "id: a\ntitle: 改过的案例\n"))
    assert status == "200 OK", reply
    assert outside.read_text(encoding="utf-8") == "<p>模板</p>"
    assert outside.stat().st_mtime_ns == 1_000_000_000
    saved = files.root / "cases" / "huguo" / "a.yml"
    assert saved.read_text(encoding="utf-8") == "id: a\ntitle: 改过的案例\n"
    assert not saved.is_symlink()
    assert [p for p in _tree(files.root) if "kb-saving" in p] == ["cases/huguo/.a.yml.kb-saving"]


def test_a_link_at_the_saved_name_is_refused_and_left_alone(files, app, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-target.txt"
    outside.write_text("外面的文件", encoding="utf-8")
    (files.root / "cases" / "b.yml").symlink_to(outside)
    before = _tree(files.root)
    for body in (
        _save("cases/b.yml"),
        {"action": "getEntry", "params": {"path": "cases/b.yml"}},
        {"action": "deleteFile", "params": {"path": "cases/b.yml"}},
    ):
        status, reply = _call(app, body)
        assert status.startswith("422") and "经过符号链接" in reply["error"], reply
        _no_machine_words(reply, files.root)
    assert _tree(files.root) == before
    assert outside.read_text(encoding="utf-8") == "外面的文件"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://127.0.0.1:1"},  # another port on this machine is another site
        {"HTTP_ORIGIN": "https://127.0.0.1:8000"},
        {"HTTP_ORIGIN": "http://localhost:8000"},  # the names are not each other
        {"HTTP_ORIGIN": "http://127.0.0.1:8000.evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": None, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": None, "HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "none"},
        {"HTTP_HOST": "evil.example:8000", "HTTP_ORIGIN": "http://evil.example:8000"},  # rebinding
        {"HTTP_HOST": "127.0.0.1:9000", "HTTP_ORIGIN": "http://127.0.0.1:9000"},  # not this port
        {"HTTP_HOST": "127.0.0.1"},
        {"HTTP_HOST": None, "HTTP_ORIGIN": None},
        {"REMOTE_ADDR": "192.168.1.20"},
    ],
)
def test_a_request_from_anywhere_but_this_preview_is_refused(files, app, headers):
    before = _tree(files.root)
    status, reply = _call(app, _save("cases/huguo/a.yml", "id: hacked\n"), **headers)
    assert status.startswith("403") and "只接受本机" in reply["error"]
    status, reply = _call(
        app, {"action": "getEntry", "params": {"path": "cases/huguo/a.yml"}}, **headers
    )
    assert status.startswith("403") and CASE not in json.dumps(reply, ensure_ascii=False)
    assert _tree(files.root) == before


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": None, "HTTP_SEC_FETCH_SITE": None},
        {"HTTP_HOST": "localhost:8000", "HTTP_ORIGIN": "http://localhost:8000"},
        {"HTTP_HOST": "[::1]:8000", "HTTP_ORIGIN": "http://[::1]:8000", "REMOTE_ADDR": "::1"},
        {"HTTP_HOST": "localhost", "HTTP_ORIGIN": "http://localhost", "SERVER_PORT": "80"},
    ],
)
def test_this_preview_is_answered(app, headers):
    status, reply = _call(app, {"action": "info", "params": {}}, **headers)
    assert status == "200 OK" and reply["type"] == "local_fs"


@pytest.mark.parametrize(
    "length, status",
    [
        ("-1", "400"),
        ("-100", "400"),
        ("abc", "400"),
        ("1_0", "400"),
        (" 10", "400"),
        (None, "400"),
        ("", "400"),
        (str(5 * 1024 * 1024), "413"),
        ("9" * 40, "413"),
    ],
)
def test_a_length_that_is_missing_or_wrong_is_refused_before_reading(files, app, length, status):
    raw = json.dumps(_save("cases/c.yml")).encode()
    environ = _environ(raw, CONTENT_LENGTH=length)
    answered, reply = _send(app, environ)
    assert answered.startswith(status) and "请求" in reply["error"]
    assert environ["wsgi.input"].tell() == 0  # not a byte read
    assert not (files.root / "cases" / "c.yml").exists()


def test_the_body_is_read_to_exactly_its_length(files, app):
    raw = json.dumps(_save("cases/c.yml")).encode()
    environ = _environ(raw + b"trailing bytes of the next request", CONTENT_LENGTH=str(len(raw)))
    assert _send(app, environ)[0] == "200 OK"
    assert environ["wsgi.input"].tell() == len(raw)
    short = _environ(raw, CONTENT_LENGTH=str(len(raw) + 10))
    assert _send(app, short)[1] == {"error": "请求没有完整收到：请重试。"}


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[1, 2]",
        b'{"params": {}}',
        b"\xff\xfe",
        b'{"action": "getEntry", "params": []}',
        b"[" * 100_000,
    ],
)
def test_a_body_that_is_not_a_request_is_refused_in_chinese(app, raw):
    status, reply = _send(app, _environ(raw))
    assert status.startswith("400") and reply["error"].startswith("请求的格式不对")


@pytest.mark.parametrize(
    "body, words",
    [
        ({"action": "getEntry", "params": {}}, "请求缺少「path」"),
        ({"action": "getEntry", "params": {"path": ["cases/a.yml"]}}, "请求缺少「path」"),
        ({"action": "persistEntry", "params": {"dataFiles": [{"path": "cases/x.yml"}]}}, "「raw」"),
        ({"action": "entriesByFiles", "params": {"files": "cases"}}, "「files」"),
        (
            {
                "action": "entriesByFolder",
                "params": {"folder": "cases", "extension": "yml", "depth": "2"},
            },
            "「depth」",
        ),
        (
            {
                "action": "persistMedia",
                "params": {"asset": {"path": f"{UPLOADS}/a.png", "content": "!!"}},
            },
            "内容不完整",
        ),
    ],
)
def test_missing_or_malformed_params_are_named_in_chinese(app, body, words):
    status, reply = _call(app, body)
    assert status.startswith("422") and words in reply["error"], reply


@pytest.mark.parametrize("path", ["cases", "cases/huguo", "content/practices"])
def test_a_folder_given_as_a_file_is_refused_and_leaves_nothing(files, app, path):
    before = _tree(files.root)
    for body in (
        _save(path),
        {"action": "getEntry", "params": {"path": path}},
        {"action": "deleteFiles", "params": {"paths": [path]}},
    ):
        status, reply = _call(app, body)
        assert status.startswith("422"), reply
        assert reply["error"].startswith(f"「{path}」这是一个文件夹，不是文件"), reply
        _no_machine_words(reply, files.root)
    assert _tree(files.root) == before


def test_a_system_error_is_told_without_its_own_words(files, app):
    path = "cases/" + "长" * 100 + ".yml"  # too long a name for the file system
    status, reply = _call(app, _save(path))
    assert status.startswith("422") and "没有成功：文件名太长。" in reply["error"], reply
    _no_machine_words(reply, files.root)
    assert not [p for p in _tree(files.root) if "kb-saving" in p]


@pytest.mark.parametrize("name", SAMPLES)
def test_pictures_and_pdfs_are_uploaded(files, app, name):
    asset = _upload(f"{UPLOADS}/{name}", SAMPLES[name])
    status, reply = _call(app, {"action": "persistMedia", "params": {"asset": asset}})
    assert status == "200 OK" and reply["name"] == name, reply
    assert (files.root / UPLOADS / name).read_bytes() == SAMPLES[name]
    status, listed = _call(app, {"action": "getMedia", "params": {"mediaFolder": UPLOADS}})
    assert [m["name"] for m in listed] == [name]


@pytest.mark.parametrize("name, data", REFUSED.items())
def test_anything_else_is_not_uploaded(files, app, name, data):
    before = _tree(files.root)
    asset = _upload(f"{UPLOADS}/{name}", data)
    status, reply = _call(app, {"action": "persistMedia", "params": {"asset": asset}})
    assert status.startswith("422") and reply["error"].startswith("只能上传图片"), reply
    status, reply = _call(app, _save("cases/d.yml", assets=[asset]))  # with an entry
    assert status.startswith("422") and reply["error"].startswith("只能上传图片"), reply
    assert _tree(files.root) == before  # not even the entry saved with it


def test_a_committed_script_in_the_media_folder_is_not_served(files, app):
    (files.root / UPLOADS).mkdir(parents=True)
    (files.root / UPLOADS / "x.js").write_text("alert(1)", encoding="utf-8")
    (files.root / UPLOADS / "a.png").write_bytes(SAMPLES["a.png"])
    status, listed = _call(app, {"action": "getMedia", "params": {"mediaFolder": UPLOADS}})
    assert [m["name"] for m in listed] == ["a.png"]
    status, reply = _call(app, {"action": "getMediaFile", "params": {"path": f"{UPLOADS}/x.js"}})
    assert status.startswith("422") and "只能上传图片" in reply["error"]


def test_media_go_to_the_media_folder_only(files, app):
    asset = _upload("cases/a.png", SAMPLES["a.png"])
    status, reply = _call(app, {"action": "persistMedia", "params": {"asset": asset}})
    assert status.startswith("422") and UPLOADS in reply["error"]
    assert not (files.root / "cases" / "a.png").exists()


def test_other_addresses_go_to_the_site(app):
    assert app({"PATH_INFO": "/cases/"}, lambda *a: None) == [b"site"]
    environ = _environ(b"{}", REQUEST_METHOD="GET")
    assert _send(app, environ)[0].startswith("405")
