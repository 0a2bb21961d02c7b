"""Our build against stock MkDocs + Material on the same pages, at N synthetic cases.

    python benchmarks/compare.py 1000 10000            # everything
    python benchmarks/compare.py 1000 --skip serve     # skip a part: serve, search, stock

For each N, in one run on this machine: a scratch project with N cases from
../shared/bench/gen_cases.py; ``kb build`` (time, peak memory of all its processes); stock
MkDocs + Material (language zh, jieba installed, default search, nav with the home page only)
building the same rendered pages; the biggest pages; what a set of search queries downloads
and how long until results show (Chromium, CPU slowed 4×); and the ``kb serve`` edit loop.
Prints one Markdown table per N.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import importlib.util
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from procmon import environment, run_measured
from search_probe import probe
from serve_probe import edit_loop
from workload import make_project, make_stock_project


def measure(count: int, skip: set[str]) -> list[tuple[str, str]]:
    if "stock" not in skip and importlib.util.find_spec("jieba") is None:
        raise SystemExit(
            "stock MkDocs + Material is measured with jieba: pip install -e '.[bench]'"
        )
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "kb", count)
        ours = run_measured([sys.executable, "-m", "generator", "build"], project, environment())
        if ours.returncode:
            raise SystemExit("kb build failed:\n" + ours.stderr[-3000:])
        rows += [("kb build", f"{ours.seconds:.1f} s, peak {ours.peak_mb:.0f} MB")]
        if "stock" not in skip:
            stock_dir = make_stock_project(project, Path(tmp) / "stock")
            stock = run_measured(
                [sys.executable, "-m", "mkdocs", "build", "-q"], stock_dir, environment()
            )
            rows += [
                ("stock MkDocs + Material", f"{stock.seconds:.1f} s, peak {stock.peak_mb:.0f} MB"),
                ("ratio (kb / stock)", f"{ours.seconds / stock.seconds:.2f}"),
            ]
        rows += _sizes(project / "site")
        if "search" not in skip:
            rows += _search(project / "site")
        if "serve" not in skip:
            case = sorted((project / "cases" / "zz-synthetic").glob("*.yml"))[count // 2]
            loop = edit_loop(project, case, case.stem)
            rows += [
                ("kb serve: first page", f"{loop['startup_s']:.1f} s"),
                (
                    "kb serve: one case edited → page updated",
                    " / ".join(f"{s:.1f} s" for s in loop["edit_s"]),
                ),
            ]
    return rows


def _sizes(site: Path) -> list[tuple[str, str]]:
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    cases = [p.stat().st_size for p in (site / "cases").glob("*/index.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    biggest = ", ".join(
        f"{p.relative_to(site)} {p.stat().st_size / 1024:.0f} KB" for p in pages[:3]
    )
    return [
        ("site", f"{total / 1e6:.0f} MB, {len(pages)} pages"),
        (
            "case library page cases/index.html",
            f"{(site / 'cases/index.html').stat().st_size / 1024:.0f} KB",
        ),
        (
            "case page (median / largest)",
            f"{statistics.median(cases) / 1024:.0f} / {max(cases) / 1024:.0f} KB",
        ),
        ("biggest pages", biggest),
    ]


def _search(site: Path) -> list[tuple[str, str]]:
    with _serving(site) as url:
        result = probe(site, url)
    queries = result["queries"]
    per_query = ", ".join(
        f"{q} {r['gzip_kb']:.0f} KB / {r['first_results_s'] * 1000:.0f} ms"
        for q, r in queries.items()
    )
    worst = max(r["gzip_kb"] for r in queries.values())
    slowest = max(r["first_results_s"] for r in queries.values())
    return [
        ("search data on page load (gzip)", f"{result['on_load_search_kb']:.1f} KB"),
        ("per query: gzip transferred / first results (CPU 4× slower)", per_query),
        ("worst query", f"{worst:.0f} KB, {slowest * 1000:.0f} ms"),
    ]


@contextlib.contextmanager
def _serving(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000])
    parser.add_argument("--skip", action="append", default=[], choices=["stock", "search", "serve"])
    args = parser.parse_args()
    for count in args.counts:
        print(f"\n### {count} cases\n\n| measure | value |\n| --- | --- |")
        for name, value in measure(count, set(args.skip)):
            print(f"| {name} | {value} |", flush=True)


if __name__ == "__main__":
    main()
