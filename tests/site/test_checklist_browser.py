"""A branch secretary works through a checklist on a phone: ticks, progress, a reload, a new
build of the site, a reset and its undo, and the page without JavaScript."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import copy_project, run_mkdocs, serve_folder

pytestmark = pytest.mark.browser

CHECKLIST = "checklists/five-powers/"


def state(page) -> dict:
    page.wait_for_selector(".kb-checklist__progress")
    return page.evaluate("""() => ({
      progress: document.querySelector(".kb-checklist__progress").innerText,
      ticked: [...document.querySelectorAll("li[id^='item-']")]
        .filter(li => li.querySelector("input[type=checkbox]").checked)
        .map(li => li.id.slice(5)),
      items: [...document.querySelectorAll("li[id^='item-']")].map(li => li.id.slice(5)),
      reset: !document.querySelector(".kb-checklist__reset").disabled,
    })""")


def tick(page, text: str) -> None:
    """Ticks the item named ``text``, or ``text：what to do`` (决策 → 决策：对公共事务……)."""
    page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(text)}(：|$)")).check()


def test_each_item_is_a_checkbox_labelled_by_its_text(phone, site_url):
    phone.goto(site_url + CHECKLIST)
    shown = state(phone)
    assert shown == {
        "progress": "已完成 0/5",
        "ticked": [],
        "reset": False,
        "items": ["decision", "suggestion", "personnel", "supervision", "evaluation"],
    }
    assert phone.get_by_role("checkbox", name="人事").count() == 1


def test_ticks_count_and_survive_a_reload(phone, site_url):
    phone.goto(site_url + CHECKLIST)
    tick(phone, "决策")
    tick(phone, "监督")
    assert state(phone)["progress"] == "已完成 2/5"
    phone.reload()
    shown = state(phone)
    assert shown["progress"] == "已完成 2/5"
    assert shown["ticked"] == ["decision", "supervision"]
    other = phone.goto(site_url + "checklists/three-lists/") and state(phone)
    assert other["progress"] == "已完成 0/3"  # each checklist keeps its own ticks


def test_the_reset_button_clears_every_tick(phone, site_url):
    phone.goto(site_url + CHECKLIST)
    tick(phone, "建议")
    phone.click("text=清空勾选")
    assert state(phone)["ticked"] == []
    phone.reload()
    assert state(phone) | {"items": []} == {
        "progress": "已完成 0/5",
        "ticked": [],
        "reset": False,
        "items": [],
    }


def test_ticks_follow_the_item_ids_through_a_new_build_that_reorders_them(
    phone, built_site, tmp_path
):
    root = copy_project(tmp_path / "project")
    source = root / "content/checklists/five-powers.yml"
    record = yaml.safe_load(source.read_text(encoding="utf-8"))
    record["items"] = [{"id": "new-item", "text": "新增的条目"}, *reversed(record["items"])]
    source.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "before").symlink_to(built_site)
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(sites / "after"))
    assert result.returncode == 0, result.stderr

    with serve_folder(sites) as origin:  # one origin, as one address serving each build
        phone.goto(origin + "before/" + CHECKLIST)
        tick(phone, "决策")
        tick(phone, "评议")
        phone.goto(origin + "after/" + CHECKLIST)
        shown = state(phone)
    assert shown["items"][:2] == ["new-item", "evaluation"]
    assert shown["ticked"] == ["evaluation", "decision"]
    assert shown["progress"] == "已完成 2/6"


def test_without_javascript_the_checklist_is_a_numbered_list(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + CHECKLIST)
    items = page.locator("ol.kb-checklist > li")
    assert items.count() == 5
    assert items.nth(2).locator(".kb-checklist__text").inner_text().strip() == "人事"
    assert page.locator("article input").count() == 0
    number = items.first.evaluate("li => getComputedStyle(li, '::before').content")
    assert number.startswith("counter(kb-item)")  # each item shows its number
    context.close()


def undo_offer(page) -> str | None:
    """The text of the offer to undo a reset, or None while none is shown."""
    offer = page.locator(".kb-checklist__cleared")
    return offer.inner_text().strip() if offer.is_visible() else None


def test_a_reset_can_be_undone_until_the_next_tick(phone, site_url):
    phone.goto(site_url + CHECKLIST)
    tick(phone, "决策")
    tick(phone, "评议")
    assert undo_offer(phone) is None
    phone.get_by_role("button", name="清空勾选").click()
    assert state(phone)["ticked"] == [] and state(phone)["progress"] == "已完成 0/5"
    assert undo_offer(phone).startswith("已清空 2 项勾选")
    phone.get_by_role("button", name="撤销").click()
    shown = state(phone)
    assert shown["ticked"] == ["decision", "evaluation"] and shown["progress"] == "已完成 2/5"
    assert shown["reset"] and undo_offer(phone) is None
    phone.reload()  # the restored ticks were saved
    assert state(phone)["ticked"] == ["decision", "evaluation"]
    assert undo_offer(phone) is None

    phone.get_by_role("button", name="清空勾选").click()
    assert undo_offer(phone).startswith("已清空 2 项勾选")
    tick(phone, "建议")  # a new tick: the cleared ticks are gone for good
    assert undo_offer(phone) is None
    assert state(phone)["ticked"] == ["suggestion"]
    phone.reload()
    assert state(phone)["ticked"] == ["suggestion"] and undo_offer(phone) is None
    assert phone.dialogs == []  # no confirm(): the test browser would dismiss it
