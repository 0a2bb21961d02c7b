"""Scratch projects for benchmarks: the repository's content plus N synthetic cases."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GEN_CASES = REPO.parent / "shared" / "bench" / "gen_cases.py"

STOCK_MKDOCS_YML = """\
site_name: stock
theme:
  name: material
  language: zh
  font: false
nav:
  - index.md
plugins:
  - search
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: info
    unrecognized_links: info
markdown_extensions:
  - admonition
  - def_list
  - md_in_html
  - tables
  - toc
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
"""


_NOT_EXCLUDED = re.compile(r"^search:\n  exclude: true.*\n", re.M)


def make_project(target: Path, cases: int) -> Path:
    """The bundled content, config and mkdocs.yml, with ``cases`` synthetic cases added."""
    for name in ("cases", "content", "site_config"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    if not GEN_CASES.is_file():
        raise SystemExit(f"workload generator not found: {GEN_CASES}")
    folder = target / "cases" / "zz-synthetic"
    subprocess.run([sys.executable, str(GEN_CASES), str(cases), str(folder)], check=True)
    return target


def make_stock_project(project: Path, target: Path) -> Path:
    """The same rendered pages, for stock MkDocs + Material (no kb plugin)."""
    docs = target / "docs"
    subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "render", "--out", str(docs)],
        check=True,
        capture_output=True,
    )
    for page in docs.rglob("*.md"):  # stock search indexes every page, as sites usually do
        text = page.read_text(encoding="utf-8")
        page.write_text(_NOT_EXCLUDED.sub("", text, count=1), encoding="utf-8")
    shutil.copytree(project / "site_config" / "docs", docs, dirs_exist_ok=True)
    (target / "mkdocs.yml").write_text(STOCK_MKDOCS_YML, encoding="utf-8")
    return target
