"""Every internal link and #anchor of the built site resolves, as LinkChecker (a maintained
link checker) finds by crawling the site from its home page over HTTP."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""


def crawl(url: str, *options: str, site: str | None = None) -> list[dict]:
    """Every URL LinkChecker checked from ``url`` on, as CSV rows; ``site``: the address
    whose pages count as internal (by default, what lies under ``url``)."""
    config_text = (
        CONFIG
        if site is None
        else CONFIG.replace("[filtering]\n", f"[filtering]\ninternlinks=^{re.escape(site)}\n")
    )
    # run as root, LinkChecker drops to "nobody": its settings go where nobody can read them
    handle, name = tempfile.mkstemp(prefix="kb-linkcheck-", suffix=".ini")
    config = Path(name)
    try:
        os.write(handle, config_text.encode())
        os.close(handle)
        config.chmod(0o644)
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "linkcheck",
                "--config",
                str(config),
                "--no-status",
                "--verbose",
                "--output",
                "csv",
                *options,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        config.unlink()
    lines = [line for line in out.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def test_every_link_and_anchor_resolves(site_url):
    rows = crawl(site_url)
    checked = {r["url"] for r in rows}
    for page in (
        "cases/zhiguo-lane-courtyard/",
        "training/party-led-property/handout/",
        "glossary/",
        "changes/",
        "feed.xml",
    ):  # the crawl reached every kind of page
        assert site_url + page in checked, page
    broken = [(r["parentname"], r["urlname"], r["result"]) for r in rows if r["valid"] != "True"]
    anchors = [(r["parentname"], r["urlname"]) for r in rows if "Anchor" in r["warningstring"]]
    assert broken == [] and anchors == []


def test_the_checker_does_report_a_broken_anchor(tmp_path, built_site):
    """The test above could not fail if the checker ignored anchors: break one and see
    (from the broken page to the pages it links to: the whole crawl is the test above)."""
    import shutil

    from tests.conftest import serve_folder

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "practices" / "new-engine" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../glossary/#楼栋党小组"' in html
    page.write_text(html.replace("#楼栋党小组", "#没有这个锚点", 1), encoding="utf-8")
    with serve_folder(site) as url:
        rows = crawl(url + "practices/new-engine/", "--recursion-level", "1", site=url)
    assert any("没有这个锚点" in r["warningstring"] for r in rows)
    assert all("没有这个锚点" in r["urlname"] for r in rows if "Anchor" in r["warningstring"])
