"""Small builders for tests that need a project on disk."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN_BASE = Path(__file__).parent / "golden" / "base"


def make_project(root: Path, files: dict[str, str] | None = None) -> Path:
    """The repository's site_config, the golden base content, plus ``files`` (path → text)."""
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(GOLDEN_BASE, root, dirs_exist_ok=True)
    (root / "cases").mkdir(exist_ok=True)
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def case_yaml(case_id: str, street: str = "护国街道", extra: str = "") -> str:
    text = f"id: {case_id}\ntitle: 案例{case_id}\nlocation:\n  street: {street}\nsummary: 概述。\n"
    return text + textwrap.dedent(extra).lstrip("\n")
