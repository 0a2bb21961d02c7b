"""How well search answers the judged queries (tests/site/search_queries.yml), this site's
search side by side with stock MkDocs + Material (jieba, language zh) over the same pages.

    python benchmarks/search_quality.py

Builds the bundled content both ways into a scratch folder, serves each, and types every
query into each site's search box in headless Chromium (tests/site/search_judge.py). Prints one
Markdown table per site: hit@1, hit@5, MRR and queries with no result, by kind of query.
Needs the test and bench extras (Playwright, jieba) and /usr/bin/chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from procmon import environment
from search_probe import ARGS
from workload import REPO, make_stock_project

sys.path.insert(0, str(REPO))
from tests.conftest import serve_folder  # noqa: E402
from tests.site.search_judge import answers, judged_queries, score, table  # noqa: E402


def build(root: Path, site: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=root,
        env=environment(),
        check=True,
        capture_output=True,
    )


def main() -> None:
    from playwright.sync_api import sync_playwright

    queries = judged_queries()
    with tempfile.TemporaryDirectory(prefix="kb-quality-") as folder:
        ours, stock = Path(folder) / "ours", Path(folder) / "stock"
        build(REPO, ours)
        stock_root = make_stock_project(REPO, Path(folder) / "stock-project")
        build(stock_root, stock)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for title, site in [("本站搜索", ours), ("Material + jieba", stock)]:
                with serve_folder(site) as url:
                    found = answers(browser, url, [q.query for q in queries])
                print(table(score(queries, found), title) + "\n")
            browser.close()


if __name__ == "__main__":
    main()
