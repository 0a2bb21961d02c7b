"""Runs the judged queries (search_queries.yml) through a site's search worker in Chromium and
scores the answers: hit@1, hit@5, mean reciprocal rank and the queries that found nothing.

Each query is typed into Material's search box, as a reader types it, so the same judge scores
this site's search and stock Material's, each with whatever the page does to a query.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_queries.yml")

# Before the page's scripts: every RESULT the search worker sends is kept, so a query's answer
# is known to have arrived before the result list is read.
WATCH = """(() => {
  const Original = window.Worker;
  window.kbResults = [];
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) window.kbResults.push(event.data.data);
      });
    }
  };
})();"""
_READ = """() => [...document.querySelectorAll(".md-search-result__item")]
  .map(item => new URL(item.querySelector("a").getAttribute("href"), location.href).href)"""


@dataclass(frozen=True)
class Judged:
    query: str
    kind: str
    relevant: frozenset[str]


def judged_queries() -> list[Judged]:
    rows = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [Judged(str(r["query"]), r["kind"], frozenset(r["relevant"])) for r in rows]


def answers(browser, site_url: str, queries: list[str]) -> list[list[str]]:
    """Each query typed into the site's search box as a reader types it, and the pages its
    results lead to, in the order shown, as paths under ``site_url`` (``cases/x/``)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto(site_url)
    page.click("label[for=__search]")
    # Material asks with "" when the search opens: its answer must not pass for the first
    page.wait_for_function("() => window.kbResults.length > 0", timeout=15_000)
    base, found = urlsplit(site_url).path, []
    for query in queries:
        before = page.evaluate("() => window.kbResults.length")
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")  # Material's search reacts to keyup
        page.wait_for_function("n => window.kbResults.length > n", arg=before, timeout=15_000)
        page.evaluate("() => new Promise(requestAnimationFrame)")
        found.append([_path(url, base) for url in page.evaluate(_READ)])
    context.close()
    return found


def _path(url: str, base: str) -> str:
    path = unquote(urlsplit(url).path)
    return path[len(base) :] if path.startswith(base) else path


@dataclass
class Score:
    queries: int = 0
    hit1: int = 0
    hit5: int = 0
    reciprocal: float = 0.0
    empty: int = 0  # answerable queries that found nothing

    def add(self, relevant: frozenset[str], found: list[str]) -> None:
        self.queries += 1
        rank = next((n for n, path in enumerate(found, 1) if path in relevant), None)
        self.hit1 += rank == 1
        self.hit5 += rank is not None and rank <= 5
        self.reciprocal += 1 / rank if rank else 0
        self.empty += not found

    def row(self) -> list[str]:
        n = max(self.queries, 1)
        return [
            str(self.queries),
            f"{self.hit1 / n:.2f}",
            f"{self.hit5 / n:.2f}",
            f"{self.reciprocal / n:.2f}",
            str(self.empty),
        ]


def score(queries: list[Judged], found: list[list[str]]) -> dict[str, Score]:
    """Scores by kind of query, and over all of them under "全部"; queries that nothing on
    the site answers are left out of the scores."""
    scores: dict[str, Score] = {"全部": Score()}
    for judged, paths in zip(queries, found, strict=True):
        if judged.relevant:
            for kind in ("全部", judged.kind):
                scores.setdefault(kind, Score()).add(judged.relevant, paths)
    return scores


def table(scores: dict[str, Score], title: str) -> str:
    lines = [
        f"| {title} | 查询数 | hit@1 | hit@5 | MRR | 无结果 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {kind} | " + " | ".join(s.row()) + " |" for kind, s in scores.items()]
    return "\n".join(lines)
