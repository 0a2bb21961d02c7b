"""The site's own JavaScript passes ESLint (eslint.config.js) at the versions locked in
.ci/node/package-lock.json, which .ci/run installs with npm ci. Without them the test fails
under CI and is skipped elsewhere (install: npm ci --prefix .ci/node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

NODE_FOLDER = REPO / ".ci" / "node"
ESLINT = NODE_FOLDER / "node_modules" / "eslint" / "bin" / "eslint.js"
SCRIPTS = sorted((REPO / "site_config").rglob("*.js"))


def _eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if not node or not ESLINT.is_file():
        message = (
            "ESLint is not installed: .ci/run installs it (npm ci --prefix .ci/node), "
            "which needs Node.js 20.19 or newer with npm"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run(
        [node, str(ESLINT), "--max-warnings", "0", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_javascript_passes_eslint():
    result = _eslint(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_script_of_the_site_is_linted():
    result = _eslint("--format", "json", ".")
    linted = {Path(entry["filePath"]) for entry in json.loads(result.stdout)}
    assert SCRIPTS and linted == {*SCRIPTS, REPO / "eslint.config.js"}


def test_the_installed_eslint_is_the_locked_one():
    _eslint("--version")
    locked = json.loads((NODE_FOLDER / "package.json").read_text(encoding="utf-8"))
    for name, version in locked["devDependencies"].items():
        installed = NODE_FOLDER / "node_modules" / name / "package.json"
        assert json.loads(installed.read_text(encoding="utf-8"))["version"] == version, name


# a page script and a worker script, each with the mistakes the configuration is there to catch
PLANTED = {
    "site_config/docs/assets/javascripts/kb-page.js": (
        "function leaked() { if (total == 1) return nowhere; }\n",
        {"no-implicit-globals", "no-unused-vars", "no-undef", "eqeqeq"},
    ),
    "site_config/docs/assets/javascripts/kb-search.js": (
        "function unused() { return kbQuery.pairs(document.title) == missing; }\n",
        {"no-unused-vars", "no-undef", "eqeqeq"},
    ),
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_mistakes_are_found(name):
    text, rules = PLANTED[name]
    result = _eslint("--format", "json", "--stdin", "--stdin-filename", name, stdin=text)
    [report] = json.loads(result.stdout)
    assert {message["ruleId"] for message in report["messages"]} == rules
