"""Shared fixtures: the real repository, a real MkDocs build, a local server and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Debian's Chromium; KB_TEST_CHROMIUM only so that a test can show what a machine without it does
CHROMIUM = os.environ.get("KB_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation():
    """mutmut runs each mutant's tests in a process forked from one that already ran them:
    the parser, per-text results and the character table cached there would hide the
    mutated code. Under mutmut only; a normal run keeps its caches."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        for name, module in list(sys.modules.items()):
            if name.startswith("generator.") and module is not None:
                _clear_caches(vars(module).values())
    yield


def _clear_caches(values) -> None:
    for value in list(values):
        if hasattr(value, "cache_clear"):
            value.cache_clear()
        elif isinstance(value, dict) and hasattr(type(value), "__missing__"):
            value.clear()  # a table filled on first sight, like pii's


def run_mkdocs(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_kb(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(target: Path) -> Path:
    """A throw-away copy of the repository's content, config and mkdocs.yml."""
    for name in ("cases", "content", "site_config"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled content built once by a real ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory) -> Path:
    """The bundled content plus 2,000 generated cases, built by a real ``mkdocs build``."""
    from tests.helpers import write_synthetic_cases

    root = copy_project(tmp_path_factory.mktemp("generated"))
    write_synthetic_cases(root, 2000)
    site = root / "site"
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def disk_site(tmp_path_factory) -> Path:
    """The bundled content built to be opened from disk (file://): .html addresses."""
    site = tmp_path_factory.mktemp("disk") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--no-directory-urls", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    with serve_folder(built_site) as url:
        yield url


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/"):
    """A static file server on a free loopback port, like any web server would serve the site;
    ``prefix``: the path the site is published under, as project Pages do (``/kb/``)."""
    handler = functools.partial(_QuietHandler, directory=str(folder), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web server configured for it would: 404.html for a missing page,
    and nothing outside the path it is published under."""

    def __init__(self, *args, prefix: str = "/", **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "kb-no-such-file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, *args):
        pass

    def end_headers(self):
        # lets LinkChecker check this server as fast as it can (its rule for local servers)
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A 390×844 page that records every request leaving 127.0.0.1 and every dialog."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.foreign_requests = []
    page.dialogs = []
    page.on("request", lambda r: _note_foreign(page, r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


@pytest.fixture
def touch_phone(browser):
    """A phone that is tapped, not clicked (glossary terms answer a tap in place)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


def _note_foreign(page, url: str) -> None:
    if not url.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:")):
        page.foreign_requests.append(url)


CSP_WATCH = """
window.kbViolations = [];
document.addEventListener("securitypolicyviolation", event => window.kbViolations.push(
  `${event.violatedDirective} ${event.blockedURI} ${event.sample || ""}`.trim()));
"""


def watch_policy(page) -> list[str]:
    """Records, on every page ``page`` opens, each Content-Security-Policy violation (read
    with :func:`violations`) and returns the list its script errors are added to."""
    page.add_init_script(CSP_WATCH)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def violations(page) -> list[str]:
    return page.evaluate("window.kbViolations || []")


BROWSER_FIXTURES = {"browser", "phone", "touch_phone"}


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium is marked ``browser``, whether or not its file says so
    (``-m "not browser"`` must leave none of them in)."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
