"""A branch secretary on a phone: every kind of page loads from this host only and fits the screen.

Search: test_site_search_browser.py; the case finder: test_site_finder_browser.py.
"""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", [
    "",
    "cases/",
    "cases/?street=护国街道",
    "cases/streets/huguo/",
    "cases/zhiguo-lane-courtyard/",
    "practices/red-channel/",
    "policies/grid-governance-plan/",
    "checklists/five-powers/",
    "glossary/",
    "figures/",
    "guides/editors/",
])
def test_pages_make_no_request_to_another_host(phone, site_url, path):
    phone.goto(site_url + path)
    phone.wait_for_load_state("networkidle")
    assert phone.locator("h1").count() >= 1
    assert phone.foreign_requests == []


def test_case_page_fits_a_phone_screen(phone, site_url):
    phone.goto(site_url + "cases/zhiguo-lane-courtyard/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
