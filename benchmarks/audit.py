"""Lighthouse (mobile) and axe-core over every kind of page, served with gzip.

    python benchmarks/audit.py              # builds the bundled content into a temporary folder
    python benchmarks/audit.py --site site  # or audits a site already built

Lighthouse comes from the npm registry (installed once into ~/.cache/kb-audit; needs Node.js
18 or newer); axe-core from the test extras (axe-playwright-python). Chromium is
/usr/bin/chromium. Prints one Markdown table: the four Lighthouse scores and the number of
axe violations per page.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = {
    "首页": "",
    "案例库": "cases/",
    "案例查找（筛选后）": "cases/?street=护国街道",
    "案例": "cases/zhiguo-lane-courtyard/",
    "工作法": "practices/red-channel/",
    "清单": "checklists/five-powers/",
    "政策文件": "policies/grid-governance-plan/",
    "术语表": "glossary/",
    "数说": "figures/",
    "原文导读": "article/",
    "按街道浏览": "cases/streets/huguo/",
    "编辑指南": "guides/editors/",
    "培训模块": "training/branch-standardization/",
    "讲义": "training/branch-standardization/handout/",
    "最近更新": "changes/",
    "404": "no-such-page/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TIMINGS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server as a real one would be set up: gzip, and 404.html for a missing page."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        packed = gzip.compress(body) if "gzip" in self.headers.get("Accept-Encoding", "") else None
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Cache-Control", "max-age=3600")
        if packed is not None:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(packed if packed is not None else body)))
        self.end_headers()
        return io.BytesIO(packed if packed is not None else body)


LIGHTHOUSE = "12"  # the last major version that runs on Node.js 18 and 20


def lighthouse() -> Path:
    home = Path.home() / ".cache" / "kb-audit"
    package = home / "node_modules" / "lighthouse"
    installed = package / "package.json"
    if not installed.is_file() or not json.loads(installed.read_text())["version"].startswith(
        LIGHTHOUSE + "."
    ):
        home.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(home),
                "--no-audit",
                "--no-fund",
                f"lighthouse@{LIGHTHOUSE}",
            ],
            check=True,
        )
    return package / "cli" / "index.js"


def version(cli: Path) -> str:
    return json.loads((cli.parent.parent / "package.json").read_text())["version"]


def scores(cli: Path, url: str) -> dict[str, int]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                "node",
                str(cli),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={FLAGS}",
            ],
            check=True,
            env=os.environ | {"CHROME_PATH": CHROMIUM},
        )
        result = json.loads(Path(report.name).read_text(encoding="utf-8"))
    audits = result["audits"]
    out = {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}
    out["timings"] = " / ".join(audits[a]["displayValue"].replace("\xa0", " ") for a in TIMINGS)
    # audits below full marks outside performance (whose timings are shown instead)
    counted = {
        ref["id"]
        for c in CATEGORIES[1:]
        for ref in result["categories"][c]["auditRefs"]
        if ref["weight"] > 0
    }
    out["failed"] = [a for a in sorted(counted) if (audits[a].get("score") or 1) < 1]
    return out


def axe_violations(url: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS.split()[1:])
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found = [v["id"] for v in Axe().run(page).response["violations"]]
        browser.close()
    return found


def build(target: Path) -> Path:
    site = target / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=REPO,
        check=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp))
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(GzipHandler, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        cli = lighthouse()
        print(f"Lighthouse {version(cli)}，手机模式，gzip 服务；axe-core 视口 390×844\n")
        print(
            "| 页面 | performance | FCP / LCP / TBT / CLS | accessibility | best practices "
            "| SEO | axe | 其他未满分的审计项 |"
        )
        print("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |")
        for name, path in PAGES.items():
            axe = axe_violations(base + path)
            if name == "404":  # Lighthouse refuses to audit a page served with status 404
                print(f"| {name} | – | – | – | – | – | {len(axe)} {' '.join(axe)} | |", flush=True)
                continue
            result = scores(cli, base + path)
            print(
                f"| {name} | {result['performance']} | {result['timings']} | "
                f"{result['accessibility']} | "
                f"{result['best-practices']} | {result['seo']} | {len(axe)} {' '.join(axe)} | "
                f"{', '.join(result['failed'][:6])} |",
                flush=True,
            )
        server.shutdown()


if __name__ == "__main__":
    main()
