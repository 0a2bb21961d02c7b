"""``kb serve`` as an editor uses it.

A broken file shows the problems in the browser; fixing it brings the site back.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import copy_project

CASE = "cases/huguo/zhiguo-lane-courtyard.yml"
pytestmark = pytest.mark.slow  # every test runs kb serve or mkdocs serve


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, deadline: float = 90) -> str:
    """Poll until the page contains ``text``; a deadline only so that a hang fails the test."""
    end = time.monotonic() + deadline
    body = ""
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last body starts {body[:300]!r}")


@contextlib.contextmanager
def _serving(root, *command: str):
    """Run a serve command on a free port; yields the base URL and stops the server after.
    The server builds into a folder under ``root/.serve-tmp``."""
    port = _free_port()
    (root / ".serve-tmp").mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", *command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(root / ".serve-tmp")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def served(tmp_path):
    root = copy_project(tmp_path)
    with _serving(root, "generator", "serve") as url:
        yield root, url


def _edit(root, old: str, new: str) -> None:
    path = root / CASE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_broken_file_shows_a_problems_page_and_fixing_it_restores_the_site(served):
    root, url = served
    case_url = url + "cases/zhiguo-lane-courtyard/"
    _wait_for(case_url, "致果巷2号及5号院坝微改造")
    _edit(root, "street: 护国街道", "street: 护国街")
    page = _wait_for(case_url, "内容检查未通过")
    assert "cases/huguo/zhiguo-lane-courtyard.yml:4:3" in page and "是否是「护国街道」" in page
    _wait_for(url, "内容检查未通过")  # every page says so, not just the broken one
    _edit(root, "street: 护国街", "street: 护国街道")
    _wait_for(case_url, "居民满意度不断提升")


def test_serve_starts_even_when_content_is_broken(tmp_path):
    root = copy_project(tmp_path)
    _edit(root, "summary:", "summery:")
    with _serving(root, "mkdocs", "serve") as url:
        page = _wait_for(url, "内容检查未通过")
    assert "是否是「summary」" in page


def test_stopping_kb_serve_stops_the_server(tmp_path):
    root = copy_project(tmp_path)
    with _serving(root, "generator", "serve") as url:
        _wait_for(url, "居民小区党建知识库")
    with pytest.raises(OSError):  # nothing is left listening once kb has stopped
        urllib.request.urlopen(url, timeout=5)


def test_the_problems_page_shows_hostile_file_names_and_keys_as_text(tmp_path):
    root = copy_project(tmp_path)
    hostile = root / "cases/huguo/<img src=x onerror=alert(1)>.yml"
    hostile.write_text('id: x\n"<script>alert(2)</script>": 1\n', encoding="utf-8")
    with _serving(root, "mkdocs", "serve") as url:
        page = _wait_for(url, "内容检查未通过")
    assert "&lt;img src=x onerror=alert(1)&gt;.yml" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<img" not in page and "<script>alert" not in page


def test_saving_one_case_rewrites_its_page_and_leaves_the_others(served):
    root, url = served
    case_url = url + "cases/zhiguo-lane-courtyard/"
    _wait_for(case_url, "致果巷2号及5号院坝微改造")
    [site] = (root / ".serve-tmp").glob("mkdocs_*")
    pages = {p: p.stat().st_mtime_ns for p in site.glob("cases/*/index.html")}
    _edit(root, "居民满意度不断提升", "居民满意度不断提升，院里种了鹦鹉螺")
    _wait_for(case_url, "院里种了鹦鹉螺")
    rewritten = {p.parent.name for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime}
    assert rewritten == {"zhiguo-lane-courtyard"}  # its title, shown elsewhere, is unchanged
    shards = "".join(p.read_text(encoding="utf-8") for p in site.glob("search/t/*.js"))
    assert '"鹦鹉":' in shards  # the search terms it touched


def test_a_link_is_neither_served_nor_rendered_by_the_preview(tmp_path):
    """The preview is the same gate: a committed link to the repository's settings shows the
    problems page and its target is served nowhere, not even through a theme override."""
    root = copy_project(tmp_path)
    (root / ".git").mkdir()
    (root / ".git/config").write_text("url = https://gitlab-ci-token:SECRET-1@x\n", "utf-8")
    os.symlink("../../../.git/config", root / "site_config/docs/assets/remote.txt")
    (root / "site_config/overrides/partials").mkdir()
    os.symlink("../../../.git/config", root / "site_config/overrides/partials/footer.html")
    with _serving(root, "generator", "serve") as url:
        page = _wait_for(url, "内容检查未通过")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url + "assets/remote.txt", timeout=5)
    assert "site_config/docs/assets/remote.txt:1:1" in page and "SECRET-1" not in page
