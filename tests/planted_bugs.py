"""Plants one known bug at a time and runs that module's tests: each must be caught.

    python tests/planted_bugs.py            # all of them
    python tests/planted_bugs.py finder     # those whose name contains "finder"

The bugs are the ones a review found getting through (issue 20); mutation testing
(``mutmut run``) looks for the rest. Sources are restored after each run.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SANITIZE, PII = "generator/sources/sanitize.py", "generator/sources/pii.py"
FINDER, TESTS_FINDER = "generator/pages/finder.py", ["tests/pages/test_finder.py"]
# (name, source file, text, the bug put in its place, tests of that module)
BUGS = [
    (
        "sanitize: protocol-relative images",
        SANITIZE,
        'return not seen.startswith("//") and not',
        "return not",
        ["tests/sources/test_sanitize.py"],
    ),
    (
        "sanitize: <style> text kept",
        SANITIZE,
        'clean_content_tags={"script", "style"},',
        'clean_content_tags={"script"},',
        ["tests/sources/test_sanitize.py"],
    ),
    (
        "pii: dashes not folded",
        PII,
        'if category == "Pd" or char in "\\u2212\\u2043":',
        'if char == "\\u2010":',
        ["tests/sources/test_pii.py"],
    ),
    (
        "validation: whole numbers not checked",
        "generator/sources/validation.py",
        "elif isinstance(value, str | int) and not isinstance(value, bool):",
        "elif isinstance(value, str):",
        ["tests/sources/test_validation.py"],
    ),
    (
        "history: second rename not followed",
        "generator/library/history.py",
        "path = today.setdefault(new, new)",
        "path = new",
        ["tests/library/test_history.py"],
    ),
    (
        "library: figures references unchecked",
        "generator/library/linking.py",
        "    if contents.figures:\n        _check_list_references(",
        "    if False:\n        _check_list_references(",
        ["tests/library/test_linking.py"],
    ),
    ("finder: only first tag", FINDER, "lambda c: c.tags)", "lambda c: c.tags[:1])", TESTS_FINDER),
    (
        "finder: year-only dates dropped",
        FINDER,
        "lambda c: c.date[:4] if c.date else None",
        "lambda c: c.date[:4] if c.date and len(c.date) > 4 else None",
        TESTS_FINDER,
    ),
    (
        "search text: hash constant",
        "generator/search/text.py",
        "0x01000193",
        "0x01000197",
        ["tests/search/test_text.py"],
    ),
    (
        "problems: summary counts duplicates",
        "generator/sources/problems.py",
        "unique = set(self.items)",
        "unique = self.items",
        ["tests/sources/test_problems.py"],
    ),
]


def main(only: list[str]) -> int:
    survived = 0
    for name, rel, old, new, tests in BUGS:
        if not only or any(o in name for o in only):
            survived += not _caught(name, rel, old, new, tests)
    return 1 if survived else 0


def _caught(name: str, rel: str, old: str, new: str, tests: list[str]) -> bool:
    path = ROOT / rel
    original = path.read_text(encoding="utf-8")
    assert original.count(old) == 1, (name, original.count(old))
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        path.write_text(original, encoding="utf-8")
    last = run.stdout.strip().splitlines()[-1]
    print(f"{'caught  ' if run.returncode else 'SURVIVED'}  {name}  ({last})", flush=True)
    return run.returncode != 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
