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


STREETS = [
    "华山街道",
    "护国街道",
    "大观街道",
    "龙翔街道",
    "丰宁街道",
    "莲华街道",
    "红云街道",
    "黑林铺街道",
    "普吉街道",
    "西翥街道",
]
THEMES = [
    "院坝改造",
    "加装电梯",
    "红色物业",
    "楼栋党小组",
    "垃圾分类",
    "停车治理",
    "志愿服务",
    "居民议事会",
]
TYPES = ["配套健全小区", "单位代管小区", "无人管理小区", "城中村"]


def write_synthetic_cases(root: Path, count: int) -> list[str]:
    """``count`` realistic cases under cases/zz-synthetic/, deterministic, their text made of
    the bundled practices' sentences (like ../shared/bench/gen_cases.py, which CI lacks)."""
    import random
    import re

    import yaml

    text = "".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "content/practices").glob("*.md"))
    )
    sentences = [s for s in re.findall(r"[^。；\n]{8,120}[。；]", text) if ":" not in s]
    practices = sorted(p.stem for p in (REPO / "content/practices").glob("[!_]*.md"))
    rng = random.Random(7)
    folder = root / "cases" / "zz-synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for n in range(1, count + 1):
        street, theme = rng.choice(STREETS), rng.choice(THEMES)
        paragraph = lambda low, high: "".join(  # noqa: E731
            rng.choice(sentences) for _ in range(rng.randint(low, high))
        )
        case = {
            "id": f"synthetic-{n:05d}",
            "title": f"{street}第{n}号小区{theme}实践",
            "date": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}",
            "location": {"street": street, "community": f"第{rng.randint(1, 40)}社区"},
            "community_type": rng.choice(TYPES),
            "summary": paragraph(1, 2),
            "background": paragraph(6, 10),
            "actions": [paragraph(2, 4) for _ in range(5)],
            "outcomes": paragraph(2, 3),
            "practices": rng.sample(practices, rng.randint(1, 2)),
            "tags": rng.sample(THEMES, 3),
            "sources": [{"title": "测试用的合成案例"}],
        }
        path = folder / f"{case['id']}.yml"
        path.write_text(
            yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
        ids.append(case["id"])
    return ids


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``root`` as a test editor; ``date`` sets the author and committer date."""
    import os
    import subprocess

    env = os.environ | {
        "GIT_AUTHOR_NAME": "编辑",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "编辑",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    out = subprocess.run(
        ["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout


def commit_all(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
