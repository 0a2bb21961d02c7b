"""Glossary terms at a tap on a phone and on hover with a mouse; the glossary's pinyin index."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.browser

TERM = "a.kb-term[href$='#院坝']"


def test_a_tap_shows_the_definition_in_place_and_a_second_tap_opens_the_glossary(
    touch_phone, site_url
):
    touch_phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    touch_phone.tap(TERM)
    popover = touch_phone.locator(".kb-term-popover")
    assert popover.is_visible()
    assert popover.inner_text().startswith("院坝：文中出现在护国街道致果巷")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # fits the screen
    assert touch_phone.url.endswith("/cases/zhiguo-lane-courtyard/")  # the tap did not leave

    touch_phone.tap("article h1")
    assert popover.count() == 0  # a tap elsewhere closes it

    touch_phone.tap(TERM)
    touch_phone.tap(TERM)
    touch_phone.wait_for_url("**/glossary/**")
    anchor = unquote(touch_phone.url.split("#")[1])
    assert touch_phone.locator(f"[id='{anchor}']").inner_text().startswith("院坝")


def test_a_mouse_shows_the_definition_in_a_tooltip(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "practices/red-channel/")
    page.hover("a.kb-term >> nth=0")
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    tooltip.wait_for()
    assert "：" in tooltip.inner_text()
    page.close()


def test_terms_are_marked_on_case_practice_policy_and_checklist_pages(phone, site_url):
    for path in (
        "cases/zhiguo-lane-courtyard/",
        "practices/red-channel/",
        "policies/grid-governance-plan/",
        "checklists/five-basics/",
    ):
        phone.goto(site_url + path)
        assert phone.locator("article a.kb-term").count() >= 1, path


def test_the_glossary_index_jumps_to_each_initial(phone, site_url):
    phone.goto(site_url + "glossary/")
    letters = phone.locator(".kb-initials a")
    assert letters.count() >= 5
    letters.filter(has_text="S").click()
    heading = phone.locator("h2#s")
    assert heading.is_visible()
    following = heading.evaluate("h => h.nextElementSibling.textContent")
    assert following.startswith("三个一笔")  # san-ge before san-hui (三会一课)


def test_a_term_near_the_bottom_of_a_phone_screen_opens_its_definition_upwards(
    touch_phone, site_url
):
    touch_phone.goto(site_url + "practices/red-channel/")  # a long page, terms far down
    height = touch_phone.viewport_size["height"]
    last = touch_phone.locator("article a.kb-term").last
    # scroll so that the term sits just above the bottom edge
    last.evaluate(f"term => scrollBy(0, term.getBoundingClientRect().bottom - ({height} - 30))")
    term = last.bounding_box()
    assert height - 60 < term["y"] + term["height"] <= height
    last.tap()
    box = touch_phone.locator(".kb-term-popover").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height  # all of it on screen
    assert box["y"] + box["height"] <= term["y"]  # above the term, not over it
