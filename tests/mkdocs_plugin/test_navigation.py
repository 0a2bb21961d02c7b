"""The section of the navigation marked on pages the navigation does not list (the built
HTML; tests/site/test_wayfinding_browser.py checks what a reader sees)."""

import re

import pytest


def active_sections(html: str) -> list[str]:
    items = re.findall(
        r'md-nav__item--active">\s*<a href="[^"]*" class="md-nav__link[^"]*">'
        r'\s*<span class="md-ellipsis">\s*([^<\s]+)',
        html,
    )
    return sorted(set(items))


@pytest.mark.parametrize(
    "page, section",
    [
        ("cases/zhiguo-lane-courtyard/index.html", "案例库"),  # written through the theme shell
        ("cases/streets/huguo/index.html", "案例库"),
        ("practices/red-channel/index.html", "工作法"),
        ("training/party-led-property/handout/index.html", "培训模块"),
        ("guides/editors/index.html", "使用指南"),
    ],
)
def test_a_page_outside_the_navigation_marks_its_section(built_site, page, section):
    assert active_sections((built_site / page).read_text(encoding="utf-8")) == [section]


def test_the_mark_is_taken_off_again_for_the_next_page(built_site):
    for page in ("index.html", "glossary/index.html", "figures/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "案例库" not in active_sections(html) and "工作法" not in active_sections(html)
