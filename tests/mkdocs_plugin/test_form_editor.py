"""A real ``mkdocs build``: /admin/ once the repository is configured, left out of search,
the sitemap and the offline bundle; no /admin/ and a plain note while it is not. A real
``kb serve``: the local backend answers the form, and refuses what it must."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile

import pytest
import yaml

from tests.conftest import REPO, copy_project, run_kb, run_mkdocs
from tests.form_editor.test_local import UPLOADS, _no_machine_words, _save, _tree, _upload
from tests.mkdocs_plugin.test_serve import _free_port, _wait_for

SETTINGS = {
    "KB_CMS_REPO": "dangjian/kb",
    "KB_CMS_BASE_URL": "https://git.example.cn",
    "KB_CMS_APP_ID": "abc123",
    "KB_SITE_URL": "https://kb.example.cn/",
}


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("cms") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(site), env=SETTINGS)
    assert result.returncode == 0, result.stderr
    return site


def test_a_configured_site_has_the_editor_saving_to_its_gitlab(configured_site):
    config = yaml.safe_load((configured_site / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "dangjian/kb"
    assert config["backend"]["auth_type"] == "pkce"
    assert config["publish_mode"] == "editorial_workflow"
    page = (configured_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "connect-src 'self' https://git.example.cn" in page
    assert (configured_site / "admin" / "decap-cms.js").stat().st_size == 5_167_389


def test_admin_is_not_in_search_or_the_sitemap(configured_site):
    sitemap = gzip.decompress((configured_site / "sitemap.xml.gz").read_bytes()).decode()
    assert "/admin" not in sitemap
    for path in (configured_site / "search").rglob("*"):
        if path.is_file():
            # a page's address never starts with admin/ (the guides may mention /admin/)
            assert not re.search(r'"(\.\./)*admin/', path.read_text("utf-8", errors="ignore"))


def test_without_settings_the_site_has_no_editor_and_says_what_is_missing(tmp_path):
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "admin").exists()
    assert "网站不含表单编辑器（/admin/）" in result.stderr and "repo、base_url、app_id" in (
        result.stderr
    )


def test_the_offline_bundle_leaves_the_editor_out(tmp_path):
    root = tmp_path / "kb"
    import shutil

    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", ".venv", "site", "dist"))
    result = run_kb(root, "build", "--offline", env=SETTINGS)
    assert result.returncode == 0, result.stderr
    [bundle] = (root / "dist").glob("*.zip")
    names = zipfile.ZipFile(bundle).namelist()
    assert any(name.endswith("/index.html") for name in names)
    assert not [name for name in names if "/admin/" in name]


def _post(url: str, body: bytes | None, length: str | None = None, **headers) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + "admin/api/v1",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "Origin": url.rstrip("/"), **headers},
    )
    if length is not None:
        request.add_unredirected_header("Content-Length", length)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.slow
def test_kb_serve_refuses_what_the_backend_must_not_do(tmp_path):
    """The real ``kb serve``: another port's page, a negative length, a folder as a file, a
    script as a picture, and a save beside a committed link: refused, nothing written."""
    root = copy_project(tmp_path / "kb")
    outside = tmp_path / "outside.html"
    outside.write_text("<p>仓库外的文件</p>", encoding="utf-8")
    os.utime(outside, ns=(1_000_000_000, 1_000_000_000))
    case = "cases/huguo/zhiguo-lane-courtyard.yml"
    (root / case).with_name(".zhiguo-lane-courtyard.yml.kb-saving").symlink_to(outside)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--drafts", "--port", str(port)],
        cwd=root,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url + "admin/config.yml", "collections", deadline=60)
        before = _tree(root)
        save = json.dumps(_save(case, "id: x\n")).encode()
        assert _post(url, save, Origin=f"http://127.0.0.1:{_free_port()}")[0] == 403
        status, reply = _post(url, save, length="-1")
        assert status == 400 and "长度" in reply["error"]
        status, reply = _post(url, json.dumps(_save("cases")).encode())
        assert status == 422 and reply["error"].startswith("「cases」这是一个文件夹")
        _no_machine_words(reply, root)
        script = {
            "action": "persistMedia",
            "params": {"asset": _upload(f"{UPLOADS}/x.js", b"alert(1)")},
        }
        status, reply = _post(url, json.dumps(script).encode())
        assert status == 422 and "只能上传图片" in reply["error"] and "「x.js」" in reply["error"]
        assert _tree(root) == before
        text = (root / case).read_text(encoding="utf-8").replace("居民满意度不断提升", "改过")
        status, reply = _post(url, json.dumps(_save(case, text)).encode())
        assert status == 200, reply
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert (root / case).read_text(encoding="utf-8") == text
    assert outside.read_text(encoding="utf-8") == "<p>仓库外的文件</p>"
    assert outside.stat().st_mtime_ns == 1_000_000_000
    after = _tree(root)
    assert {k for k in after if after[k] != before.get(k)} == {case}
