"""The form editor at /admin/, as an editor without git uses it on their own machine:
``kb serve --drafts``, fill in the form, 发布 → 立即发布, and the case is a file in the working
tree that passes ``kb validate`` and appears in the preview. Decap CMS runs for real, against
the local backend the preview server answers (``generator/form_editor/local.py``)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_project, run_kb
from tests.helpers import commit_all, git
from tests.mkdocs_plugin.test_serve import _serving, _wait_for

SEED = "cases/daguan/sanheying-consultation.yml"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
pytestmark = [pytest.mark.browser, pytest.mark.slow]  # each test works in a running kb serve


@pytest.fixture
def editing(tmp_path):
    """A fresh copy of the project under git, previewed with drafts."""
    root = copy_project(tmp_path)
    git(root, "init", "-q")
    commit_all(root, "bundled content", "2026-01-01T00:00:00")
    with _serving(root, "generator", "serve", "--drafts") as url:
        _wait_for(url + "admin/config.yml", "collections")
        yield root, url


def _open_editor(browser, url: str, size: str):
    context = browser.new_context(viewport=SIZES[size], is_mobile=size == "phone")
    page = context.new_page()
    page.foreign_requests = []
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(url[:-1]) or r.url.startswith(("data:", "blob:"))
            else page.foreign_requests.append(r.url)
        ),
    )
    page.goto(url + "admin/")
    page.get_by_role("button", name="登录").click()
    return context, page


def _choose(page, label: str, option: str) -> None:
    page.get_by_label(re.compile(f"^{label}")).click()
    page.get_by_role("option", name=option, exact=True).click()


def _markdown(page, label: str):
    field = page.locator('[aria-label="markdown field"]').filter(
        has=page.locator("label", has_text=label)
    )
    return field.get_by_role("textbox")


def _publish(page) -> None:
    page.get_by_role("button", name="发布").click()
    page.get_by_text("立即发布").click()
    page.get_by_text(re.compile("已发布|已保存")).first.wait_for()


@pytest.mark.parametrize("size", SIZES)
def test_a_case_made_in_the_form_is_a_valid_file_and_appears_in_the_preview(editing, browser, size):
    root, url = editing
    context, page = _open_editor(browser, url, size)
    page.goto(url + "admin/#/collections/cases/new")
    page.get_by_label("标识", exact=True).fill(f"form-case-{size}")
    page.get_by_label("标题", exact=True).fill(f"表单新建的案例（{size}）")
    _choose(page, "街道", "护国街道")
    page.get_by_label("一段话概述", exact=True).fill("用表单新建的一个案例。")
    _markdown(page, "背景").click()
    page.keyboard.insert_text("居民提出**停车难**。")
    page.get_by_label(re.compile("^相关工作法")).click()
    page.keyboard.insert_text("红色通道")
    page.get_by_role("option", name="拓宽“红色通道”").click()
    _publish(page)

    saved = root / "cases" / f"form-case-{size}.yml"
    assert saved.read_text(encoding="utf-8") == (
        f"id: form-case-{size}\ntitle: 表单新建的案例（{size}）\nstatus: draft\nlocation:\n"
        "  street: 护国街道\nsummary: 用表单新建的一个案例。\nbackground: 居民提出**停车难**。\n"
        "practices:\n  - red-channel\n"
    )
    checked = run_kb(root, "validate")
    assert checked.returncode == 0, checked.stderr
    body = _wait_for(url + f"cases/form-case-{size}/", f"表单新建的案例（{size}）")
    assert "<strong>停车难</strong>" in body and "red-channel" in body
    assert page.foreign_requests == []
    context.close()


def test_changing_one_field_of_a_seed_case_changes_only_that_line(editing, browser):
    root, url = editing
    context, page = _open_editor(browser, url, "desktop")
    page.goto(url + "admin/#/collections/cases/entries/daguan/sanheying-consultation")
    community = page.get_by_label(re.compile("^社区"))
    community.wait_for()
    assert community.input_value() == "三合营社区"
    community.fill("三合营社区（表单修改）")
    _publish(page)

    diff = git(root, "diff", "-U0", "--", SEED)
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-  community: 三合营社区", "+  community: 三合营社区（表单修改）"]
    assert run_kb(root, "validate").returncode == 0
    assert page.foreign_requests == []
    context.close()


def test_the_editor_refuses_requests_from_other_sites(editing):
    import json
    import urllib.error
    import urllib.request

    _, url = editing
    request = urllib.request.Request(
        url + "admin/api/v1",
        method="POST",
        data=json.dumps({"action": "getEntry", "params": {"path": SEED}}).encode(),
        headers={"Content-Type": "application/json", "Origin": "https://evil.example"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_a_new_checklist_item_gets_an_id_made_once(editing, browser):
    root, url = editing
    context, page = _open_editor(browser, url, "desktop")
    page.goto(url + "admin/#/collections/checklists/new")
    page.get_by_label("标识", exact=True).fill("form-checklist")
    page.get_by_label("标题", exact=True).fill("表单新建的清单")
    page.get_by_label("用途", exact=True).fill("试用表单。")
    page.get_by_role("button", name=re.compile("新增条目")).click()
    page.get_by_label("条目内容", exact=True).fill("开一次会。")
    made = page.locator("output").first
    made.wait_for()
    shown = made.inner_text()
    assert re.fullmatch(r"item-[a-z0-9]+-[a-z0-9]+", shown)
    _publish(page)

    text = (root / "content" / "checklists" / "form-checklist.yml").read_text("utf-8")
    assert f"items:\n  - id: {shown}\n    text: 开一次会。\n" in text
    assert run_kb(root, "validate").returncode == 0
    assert page.foreign_requests == []
    context.close()
