"""Measure build time and site size as the number of cases grows.

    python benchmarks/scale.py 100 1000

For each count, makes a throw-away project with that many cases (copies of the seed cases under
new ids, spread over the streets), then times the generator alone (read → link → render) and a
real ``mkdocs build``, and reports the site size, the size per case and the search index size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.pipeline import build_pages  # noqa: E402


def make_project(target: Path, count: int) -> None:
    for name in ("content", "site_config"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    seeds = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted((REPO / "cases").rglob("*.yml"))]
    streets = yaml.safe_load((REPO / "site_config/vocabularies.yml").read_text("utf-8"))["streets"]
    for n in range(count):
        case = dict(seeds[n % len(seeds)])
        case["id"] = f"{case['id']}-{n}"
        case["title"] = f"{case['title']}（{n}）"
        case["location"] = dict(case["location"], street=streets[n % len(streets)])
        path = target / "cases" / f"s{n % 10}" / f"{case['id']}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")


def measure(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, count)
        start = time.perf_counter()
        result = build_pages(root)
        generate = time.perf_counter() - start
        assert result.ok, result.problems.format()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
                       cwd=root, check=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
        build = time.perf_counter() - start
        site = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
        index = (root / "site/search/search_index.json").stat().st_size
    return {
        "cases": count, "generate_s": generate, "mkdocs_build_s": build, "site_mb": site / 1e6,
        "kb_per_case": site / 1e3 / count, "search_index_mb": index / 1e6,
    }


def main(counts: list[int]) -> None:
    print("| cases | generate s | mkdocs build s | site MB | KB per case | search index MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in counts:
        r = measure(count)
        print(f"| {r['cases']} | {r['generate_s']:.2f} | {r['mkdocs_build_s']:.1f} | "
              f"{r['site_mb']:.1f} | {r['kb_per_case']:.1f} | {r['search_index_mb']:.2f} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
