"""Where am I, as a reader finds out on a phone and a desktop: the breadcrumb above a page's
title and the navigation's section marked on pages the navigation does not list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CASE = "cases/zhiguo-lane-courtyard/"


def crumbs(page) -> list[str]:
    return [t.strip() for t in page.locator("nav.kb-path li").all_inner_texts()]


def test_a_case_on_a_phone_says_where_it_is_and_leads_back_to_its_list(phone, site_url):
    phone.goto(site_url + CASE)
    assert crumbs(phone) == ["首页", "案例库", "护国街道", "致果巷2号及5号院坝微改造"]
    path = phone.locator("nav.kb-path").bounding_box()
    title = phone.locator("article h1").bounding_box()
    assert 0 <= path["y"] < title["y"] < 844 and path["x"] + path["width"] <= 390
    phone.locator("nav.kb-path a", has_text="护国街道").click()
    phone.wait_for_url("**/cases/streets/huguo/")
    assert phone.locator("article a", has_text="致果巷2号及5号院坝微改造").count() == 1
    assert crumbs(phone) == ["首页", "案例库", "护国街道的案例"]
    phone.go_back()
    phone.locator("nav.kb-path a", has_text="案例库").click()
    phone.wait_for_url("**/cases/")
    phone.wait_for_selector(".kb-finder__count")


def test_the_crumbs_are_big_enough_to_tap(phone, site_url):
    phone.goto(site_url + CASE)
    for link in phone.locator("nav.kb-path a").all():
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.5.8 minimum target


@pytest.mark.parametrize(
    "page, section, trail",
    [
        (CASE, "案例库", ["首页", "案例库", "护国街道"]),
        ("practices/red-channel/", "工作法", ["首页", "工作法"]),
        ("checklists/five-powers/", "清单", ["首页", "清单"]),
        ("policies/grid-governance-plan/", "政策文件", ["首页", "政策文件"]),
        (
            "training/party-led-property/handout/",
            "培训模块",
            ["首页", "培训模块", "党建引领物业服务"],
        ),
        ("cases/streets/huguo/", "案例库", ["首页", "案例库"]),
    ],
)
def test_the_navigation_marks_the_section_of_a_page_it_does_not_list(
    browser, site_url, page, section, trail
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desktop = context.new_page()
    desktop.goto(site_url + page)
    active = desktop.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link")
    assert [t.strip() for t in active.all_inner_texts()] == [section]
    assert crumbs(desktop)[:-1] == trail
    context.close()


def test_pages_the_navigation_lists_mark_only_themselves(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desktop = context.new_page()
    for page, title in (("", "首页"), ("glossary/", "术语表"), ("cases/", "案例库")):
        desktop.goto(site_url + page)
        active = desktop.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link")
        # the page's own entry is drawn twice (a link, and a label opening its contents)
        assert {t.strip() for t in active.all_inner_texts()} == {title}
        assert desktop.locator("nav.kb-path").count() == 0
    context.close()
