"""site_config/deploy/nginx.conf in a real nginx, serving the built site: the security headers
reach every kind of response, location blocks included, and 404 is the Chinese page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _main_config(folder: Path, site: Path, port: int) -> Path:
    server = (REPO / "site_config/deploy/nginx.conf").read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /var/www/kb;", f"root {site};")
    temp = " ".join(
        f"{name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(
        f"{user}\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log stderr;\n"
        f"events {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{temp}\n"
        f"{server}\n}}\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: .ci/run must install Debian's nginx")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    folder, port = tmp_path_factory.mktemp("nginx"), _free_port()
    config = _main_config(folder, built_site, port)
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(folder), "-c", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(config), "-g", "daemon off;"], stderr=subprocess.PIPE
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_pages_get_the_policy_and_the_security_headers(nginx_url):
    status, headers, _ = _get(nginx_url + "/cases/")
    assert status == 200
    assert headers["Content-Security-Policy"].startswith(PAGE_POLICY)
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-cache"


def test_fingerprinted_theme_files_are_cached_and_keep_the_headers(nginx_url, built_site):
    [css] = (built_site / "assets/stylesheets").glob("main.*.min.css")
    status, headers, _ = _get(f"{nginx_url}/assets/stylesheets/{css.name}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"  # not lost to a location block


def test_scripts_may_run_as_workers_and_other_files_run_nothing(nginx_url):
    _, worker, _ = _get(nginx_url + "/assets/javascripts/kb-search.js")
    assert worker["Content-Security-Policy"].startswith(PAGE_POLICY)
    _, feed, _ = _get(nginx_url + "/feed.xml")
    assert feed["Content-Security-Policy"].startswith("default-src 'none'")
    assert feed["Content-Security-Policy"].endswith("sandbox")


def test_a_missing_page_is_the_chinese_404_with_the_same_headers(nginx_url):
    status, headers, body = _get(nginx_url + "/no-such-page/")
    assert status == 404
    assert "页面不存在" in body.decode("utf-8")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"].startswith(PAGE_POLICY)
