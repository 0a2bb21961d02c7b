"""What dates from git cost a build, with every case committed on its own.

    python benchmarks/git_dates.py 1000 10000

For each N: a scratch project with N cases from ../shared/bench/gen_cases.py, the bundled
content in a first commit and then one commit per case (written with ``git fast-import``, a
second per thousand commits instead of minutes); then ``read_history`` alone (the one
``git log`` and its parsing), and ``kb build`` with the history and with git hidden (no
dates), in the same run. Prints a Markdown table.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procmon import environment, run_measured
from workload import make_project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.library.history import read_history  # noqa: E402


def commit_one_by_one(root: Path) -> int:
    """The content in one commit, then each case in a commit of its own, a minute apart."""
    tracked = ("cases", "content", "site_config", "mkdocs.yml")
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] in tracked
    )
    first = [p for p in files if "zz-synthetic" not in p.parts]
    cases = [p for p in files if p not in first]
    stream, when = [], 1_700_000_000
    for mark, batch, message in [(1, first, "导入内容")] + [
        (n + 2, [path], f"新增案例 {path.stem}") for n, path in enumerate(cases)
    ]:
        when += 60
        data = message.encode()
        stream.append(
            f"commit refs/heads/main\nmark :{mark}\n"
            f"committer 编辑 <editor@example.org> {when} +0800\n"
            f"data {len(data)}\n".encode()
            + data
            + b"\n"
        )
        if mark > 1:
            stream.append(f"from :{mark - 1}\n".encode())
        for path in batch:
            body = path.read_bytes()
            rel = path.relative_to(root).as_posix()
            stream.append(f"M 100644 inline {rel}\ndata {len(body)}\n".encode() + body + b"\n")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream), check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=root, check=True)
    return len(cases) + 1


def measure(count: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "kb", count)
        commits = commit_one_by_one(root)
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            history = read_history(root)
            timings.append(time.perf_counter() - start)
        assert history.problem is None and len(history.changes) >= count
        with_git = run_measured([sys.executable, "-m", "generator", "build"], root, environment())
        (root / ".git").rename(root / ".git-hidden")
        without = run_measured([sys.executable, "-m", "generator", "build"], root, environment())
        (root / ".git-hidden").rename(root / ".git")
    return [
        ("commits", f"{commits:,}"),
        (
            "read_history (one git log + parsing), median of 3",
            f"{statistics.median(timings):.2f} s",
        ),
        ("kb build with dates", f"{with_git.seconds:.1f} s"),
        ("kb build without git (no dates)", f"{without.seconds:.1f} s"),
        ("cost of the dates in the build", f"{with_git.seconds - without.seconds:+.1f} s"),
    ]


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [1000]
    for count in counts:
        rows = measure(count)
        print(f"\n### {count:,} cases, each committed\n\n| measure | value |\n| --- | --- |")
        for name, value in rows:
            print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
