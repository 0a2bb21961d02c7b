"""How long ``kb validate FILE`` takes on one core for hostile files (issue: validation in
linear time).

    python benchmarks/validate_limits.py

For each kind of hostile text: a scratch copy of the repository with one extra case file,
(a) of 1 MB, which the size limit refuses unread, (b) of 100 KB and (c) just under the 256 KB
limit, every field as long as allowed and filled with that text, so that every check runs on
it (a file whose checks fail is still read for its links: that path is timed too). The goal:
100 KB of any text checked in at most a second beyond the clean repository's time. Each is
checked with ``kb validate`` pinned to one core (``taskset -c 0``, ``KB_PROCESSES=1``), the
median of three runs; the clean repository is the baseline (start-up and the whole
repository). Prints a Markdown table.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procmon import environment

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from generator.sources.loading import MAX_FILE_BYTES, MAX_VALUE_CHARS  # noqa: E402

HOSTILE = {
    "digit groups `1 1 1 …`": "1 ",
    "phone-like runs": "138 1234 ",
    "`[` runs": "[",
    "`[a](` runs": "[a](",
    "unclosed `<a `": "<a ",
    "backticks": "`",
    "`{.a` braces": "{.a",
    "text without `@`": "a",
    "`a@` runs": "a@",
    "`a%40` runs": "a%40",
    "list markers": "\n- ",
    "one long line": "x",
    # the personal-data guard's spelled forms and the rendered-text check
    "Chinese numerals `一 `": "一 ",
    "enclosed digits `①⑴`": "①⑴",
    "`a(at)` runs": "a(at)",
    "`a at ` words": "a at ",
    "`3栋2单元` runs": "3栋2单元",
    "`QQ 1 ` labels": "QQ 1 ",
    "emphasis between digits `**1**`": "**1**",
    "character references `&#49;`": "&#49;",
}
GOAL_SECONDS = 1.0  # checking 100 KB of any text, beyond the clean repository's own time
FIELDS = ("summary", "background", "outcomes", "actions", "lessons")  # the last two are lists


def case_text(unit: str, size: int, cap: int = MAX_VALUE_CHARS) -> str:
    """A case whose fields hold ``unit`` repeated, at most ``size`` bytes in all, no field
    longer than ``cap`` characters."""
    per_field = min(cap, size // len(FIELDS))
    while True:
        value = (unit * (per_field // len(unit) + 1))[:per_field]
        quoted = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        fields = "".join(
            f'{name}: "{quoted}"\n'
            if name not in ("actions", "lessons")
            else f'{name}:\n  - "{quoted}"\n'
            for name in FIELDS
        )
        text = f"id: hostile\ntitle: 测试\nlocation:\n  street: 护国街道\n{fields}"
        if len(text.encode("utf-8")) <= size:
            return text
        per_field -= 1000


def seconds(root: Path, *args: str) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            ["taskset", "-c", "0", sys.executable, "-m", "generator", "validate", *args],
            cwd=root,
            env=environment(KB_PROCESSES="1"),
            capture_output=True,
            check=False,
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kb-limits-") as folder:
        root = Path(folder)
        for name in ("cases", "content", "site_config"):
            shutil.copytree(REPO / name, root / name)
        path = root / "cases/huguo/hostile.yml"
        print(
            "| input | 1 MB file (refused unread) | 100 KB file (beyond the baseline) "
            "| 250 KB file, five fields of 50,000 characters at most (every check) |"
        )
        print("| --- | ---: | ---: | ---: |")
        baseline = seconds(root)
        print(f"| the bundled content, no extra file | {baseline:.2f} s | – | – |")
        for label, unit in HOSTILE.items():
            path.write_text(case_text(unit, 1024 * 1024, cap=1024 * 1024), encoding="utf-8")
            big = seconds(root, str(path))
            path.write_text(case_text(unit, 100 * 1024), encoding="utf-8")
            extra = seconds(root, str(path)) - baseline
            text = case_text(unit, MAX_FILE_BYTES - 1024)
            path.write_text(text, encoding="utf-8")
            assert len(text.encode("utf-8")) <= MAX_FILE_BYTES, label
            near = seconds(root, str(path))
            mark = "" if extra <= GOAL_SECONDS else " (over the goal)"
            print(f"| {label} | {big:.2f} s | {extra:+.2f} s{mark} | {near:.2f} s |")


if __name__ == "__main__":
    main()
