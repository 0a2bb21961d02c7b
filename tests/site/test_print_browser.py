"""A trainer prints pages as handouts: Chromium prints them to PDF and pypdf reads them back."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

# pypdf reads some CJK glyphs back as radicals NFKC does not fold
RADICALS = str.maketrans(
    {
        "⺠": "民",
        "⻚": "页",
        "⻓": "长",
        "⻔": "门",
        "⻅": "见",
        "⻣": "骨",
        "⻘": "青",
        "⻝": "食",
        "⻢": "马",
        "⻛": "风",
        "⻜": "飞",
        "⻋": "车",
        "⻉": "贝",
        "⻆": "角",
        "⻬": "齐",
        "⻰": "龙",
        "⻦": "鸟",
        "⻥": "鱼",
        "⻩": "黄",
        "戶": "户",  # the last: Noto CJK's glyph for 户
    }
)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(RADICALS).strip()


@pytest.fixture
def desk(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def printed(page, url: str) -> tuple[list[list[str]], set[str]]:
    """Each printed page's lines top to bottom, and the page's h2/h3 headings."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    headings = page.evaluate(
        "[...document.querySelectorAll('article h2, article h3')].map(h => h.textContent)"
    )
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    pages = [
        [
            normalise(line)
            for line in p.extract_text(extraction_mode="layout").splitlines()
            if line.strip()
        ]
        for p in pdf.pages
    ]
    return pages, {normalise(h) for h in headings}


def test_each_printed_page_carries_the_site_name_its_address_and_its_number(desk, site_url):
    pages, _ = printed(desk, site_url + "guides/editors/")
    assert len(pages) > 2
    for number, lines in enumerate(pages, 1):
        assert lines[0].startswith("居民小区党建知识库"), lines[0]
        assert lines[0].endswith(site_url + "guides/editors/")
        assert lines[-1] == f"{number} / {len(pages)}"


@pytest.mark.parametrize(
    "path",
    [
        "checklists/five-powers/",
        "checklists/five-basics/",
        "checklists/three-lists/",
        "cases/zhiguo-lane-courtyard/",
        "policies/grid-governance-plan/",
        "guides/editors/",
        "glossary/",
        "figures/",
    ],
)
def test_no_printed_page_is_blank_or_ends_on_a_heading(desk, site_url, path):
    pages, headings = printed(desk, site_url + path)
    for number, lines in enumerate(pages, 1):
        content = lines[1:-1]  # between the site name and the page number
        assert content, f"page {number} of {path} is blank"
        if number < len(pages):
            assert content[-1] not in headings, f"page {number} ends on “{content[-1]}”"


def test_a_printed_checklist_has_an_empty_box_and_room_to_write_for_each_item(desk, site_url):
    desk.goto(site_url + "checklists/five-powers/")
    desk.get_by_role("checkbox", name="决策").check()
    desk.emulate_media(media="print")
    looks = desk.evaluate("""() => [...document.querySelectorAll(".kb-checklist > li")].map(li => {
      const box = getComputedStyle(li, "::before"), line = getComputedStyle(li, "::after");
      const square = box.width === box.height && parseFloat(box.width) >= 12;
      return [square, box.borderTopStyle, line.borderBottomStyle,
              parseFloat(line.height) >= 2 * parseFloat(getComputedStyle(li).fontSize),
              li.querySelector("input").offsetParent === null];
    })""")
    assert looks == [[True, "solid", "dotted", True, True]] * 5
    assert not desk.locator(".kb-checklist__bar").is_visible()  # no progress or button on paper


def test_links_print_as_text_with_the_address_after_external_ones(desk, site_url):
    desk.goto(site_url + "practices/red-channel/")
    desk.evaluate("""() => {
      const p = document.querySelector("article p");
      p.insertAdjacentHTML("beforeend",
        ' <a id="out" href="https://example.org/doc">文件</a>' +
        ' <a id="bare" href="https://example.org/">https://example.org/</a>');
    }""")
    desk.emulate_media(media="print")
    desk.evaluate("dispatchEvent(new Event('beforeprint'))")
    colours = desk.evaluate("""() => {
      const inside = document.querySelector("article a[href^='../']");
      return [getComputedStyle(inside).color, getComputedStyle(inside.parentElement).color];
    }""")
    assert colours[0] == colours[1]  # not red on paper
    after = desk.evaluate(
        """id =>
      getComputedStyle(document.getElementById(id), "::after").content""",
        "out",
    )
    assert after == '" (" attr(href) ")"' or "https://example.org/doc" in after
    assert (
        desk.evaluate("getComputedStyle(document.getElementById('bare'), '::after').content")
        == "none"
    )


def test_a_printed_handout_carries_the_module_title_and_starts_each_case_on_a_page(desk, site_url):
    pages, headings = printed(desk, site_url + "training/branch-standardization/handout/")
    for number, lines in enumerate(pages, 1):
        assert lines[0].startswith("小区党支部规范化建设 · 学员版讲义"), lines[0]
        assert lines[-1] == f"{number} / {len(pages)}"
        assert lines[1:-1], f"page {number} is blank"
        if number < len(pages):
            assert lines[-2] not in headings, f"page {number} ends on “{lines[-2]}”"
    # a case starts its page, under its session's heading (up to two lines) and time at most
    for case in (
        "案例：三合营社区第一居民党支部加强对协商工作的领导",
        "案例：西站社区45号院党支部“红色物业”队伍建设",
    ):
        [content] = [lines[1:-1] for lines in pages if normalise(case) in lines]
        assert content.index(normalise(case)) <= 3, content[:5]


@pytest.mark.parametrize("module", ["branch-standardization", "party-led-property"])
def test_a_printed_handout_page_has_none_of_its_tools_and_no_page_with_a_lone_question(
    desk, site_url, module
):
    pages, _ = printed(desk, site_url + f"training/{module}/handout/")
    for number, lines in enumerate(pages, 1):
        content = lines[1:-1]
        assert "打印" not in content and not any("所属培训模块" in line for line in content)
        text = "".join("".join(line.split()) for line in content)
        assert len(text) > 60 or number == len(pages), f"page {number} holds only {content}"
