"""A trainer with the site on a phone and at a desk: the module timetable reads on a 390 px
screen, and the handout page links its module and prints with one tap."""

from __future__ import annotations

import pytest

from tests.conftest import violations, watch_policy

pytestmark = pytest.mark.browser

TIMETABLES = [
    "training/branch-standardization/",
    "training/party-led-property/",
    "training/branch-standardization/handout/",
]
HANDOUT = "training/branch-standardization/handout/"

# each row of the timetable (课程安排) as the phone lays it out: where its cells are
ROWS = """() => {
  const heading = document.getElementById("课程安排");
  const table = [...document.querySelectorAll("article table")].find(t =>
    heading.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  const box = cell => {
    const r = cell.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
            text: cell.textContent.trim(), shown: getComputedStyle(cell).display !== "none"};
  };
  return [...table.tBodies[0].rows].map(row => [...row.cells].map(box));
}"""


@pytest.mark.parametrize("path", TIMETABLES)
def test_on_a_phone_each_session_is_a_block_with_its_time_and_minutes_on_screen(
    phone, site_url, path
):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    rows = phone.evaluate(ROWS)
    assert len(rows) >= 5
    *sessions, total = rows
    for number, time, content, kind, minutes in sessions:
        assert number["text"].isdigit() and minutes["text"].endswith("分钟")
        for cell in (number, time, content, kind, minutes):
            assert 0 <= cell["left"] and cell["right"] <= 390, (path, cell)  # on screen
        # 时间 · 时长 on one line, the content below it across the screen
        assert time["top"] == minutes["top"] == number["top"]
        assert content["top"] >= time["bottom"] - 1 and content["width"] >= 300
        assert kind["top"] >= content["bottom"] - 1
    [shown] = [c for c in total if c["shown"] and c["text"].endswith("分钟")]
    assert shown["right"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_on_a_wide_screen_and_on_paper_the_timetable_is_a_table(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + TIMETABLES[0])
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        tops = {round(c["top"]) for c in page.evaluate(ROWS)[0]}
        assert len(tops) == 1, media  # the cells of a session side by side
    page.close()


def test_the_handout_page_links_its_module_and_prints_with_its_button(phone, site_url):
    errors = watch_policy(phone)
    phone.add_init_script("window.print = () => { window.kbPrinted = 1 + (window.kbPrinted|0); }")
    phone.goto(site_url + HANDOUT)
    tools = phone.locator(".kb-handout__tools")
    phone.get_by_role("button", name="打印").click()
    assert phone.evaluate("window.kbPrinted") == 1
    assert violations(phone) == [] and errors == []
    phone.emulate_media(media="print")
    assert not tools.is_visible()  # none of the tools on paper
    phone.emulate_media(media="screen")
    tools.get_by_role("link", name="小区党支部规范化建设").click()
    phone.wait_for_url("**/training/branch-standardization/")
    assert phone.locator("h1").inner_text() == "小区党支部规范化建设"


def test_without_javascript_there_is_no_print_button_that_does_nothing(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + HANDOUT)
    assert page.locator(".kb-handout__tools").is_visible()
    assert page.get_by_role("button", name="打印").count() == 0
    context.close()
