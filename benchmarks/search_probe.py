"""What a reader's phone downloads and waits for when searching (headless Chromium).

For each query: the files the page requests from the moment the reader types (their gzip
size, as a web server with gzip would send them) and the time from the key that finishes the
query to the first frame showing results, measured inside the page with Chromium's CPU slowed
down four times. Also what a page requests on load.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = [
    "院坝改造",
    "红色物业队伍",
    "业主大会协商",
    "主题党日",
    "三会一课",
    "党建",
    "加装电梯",
    "护国街道",
]


def gzip_size(site: Path, url: str) -> int:
    path = unquote(urlsplit(url).path).lstrip("/")
    file = site / path
    if file.is_dir() or not file.suffix:
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


# Timestamps taken by the page itself: the last keyup, and the first frame with a result.
CLOCK = """(() => {
  window.addEventListener("keyup", () => { window.__typed = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__shown || !document.querySelector(".md-search-result__item")) return;
    window.__shown = -1;
    requestAnimationFrame(() => { window.__shown = performance.now(); });
  }).observe(document, { subtree: true, childList: true });
})();"""


def _fresh_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(CLOCK)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return page, requested


def probe(site: Path, url: str, queries: list[str] = QUERIES) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page, requested = _fresh_page(browser)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        on_load = sum(gzip_size(site, u) for u in requested if "/search/" in u)
        results = {}
        for query in queries:  # a new context each time: nothing cached from the last query
            page, requested = _fresh_page(browser)
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            requested.clear()
            page.click("label[for=__search]")
            page.fill("input.md-search__input", query)
            page.keyboard.press("End")  # Material searches on keyup
            page.wait_for_function("() => window.__shown > 0", timeout=60_000)
            seconds = page.evaluate("window.__shown - window.__typed") / 1000
            page.wait_for_load_state("networkidle")
            transferred = sum(gzip_size(site, u) for u in requested)
            results[query] = {
                "first_results_s": seconds,
                "gzip_kb": transferred / 1024,
                "files": len(requested),
            }
            page.context.close()
        browser.close()
    return {"on_load_search_kb": on_load / 1024, "queries": results}
