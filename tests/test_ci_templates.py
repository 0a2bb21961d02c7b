"""The CI/CD templates an office copies: they parse, fetch full history for the dates, and
every kb command they run exists and passes on the bundled content."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys

import pytest
import yaml

from generator.cli.args import COMMANDS, build_parser
from tests.conftest import REPO, copy_project, run_kb
from tests.helpers import commit_all, git

GITLAB = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
GITHUB = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))


def _gitlab_commands() -> list[str]:
    jobs = [job for name, job in GITLAB.items() if isinstance(job, dict) and "script" in job]
    return GITLAB["before_script"] + [line for job in jobs for line in job["script"]]


def _github_commands() -> list[str]:
    return [
        step["run"] for job in GITHUB["jobs"].values() for step in job["steps"] if "run" in step
    ]


# what the platforms put in place of their variables when the job runs
PLATFORM = {
    "$CI_PAGES_URL": "https://group.gitlab.example/kb",
    "${{ steps.pages.outputs.base_url }}": "https://owner.github.io/kb",
}


def _kb_commands() -> list[list[str]]:
    found = []
    for line in _gitlab_commands() + _github_commands():
        for variable, value in PLATFORM.items():
            line = line.replace(variable, value)
        for part in line.split("&&"):
            words = shlex.split(part.split(">")[0].split("||")[0])
            if words and words[0] == "kb":
                found.append(words[1:])
    return found


def test_both_templates_validate_everywhere_and_publish_the_default_branch_with_history():
    assert GITLAB["variables"]["GIT_DEPTH"] == "0"
    assert GITLAB["pages"]["artifacts"]["paths"][0] == "public"
    assert "codequality" in GITLAB["validate"]["artifacts"]["reports"]
    assert GITLAB["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    on = GITHUB[True]  # YAML reads the key "on" as true
    assert set(on) == {"push", "pull_request"}
    checkout = GITHUB["jobs"]["build"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    assert "kb validate --format github" in _github_commands()
    assert GITHUB["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_every_kb_command_in_the_templates_exists():
    parser = build_parser({name: None for name in COMMANDS})
    commands = _kb_commands()
    assert {c[0] for c in commands} == {"validate", "build", "handout"}
    for words in commands:
        parser.parse_args(words)  # exits (fails the test) on an unknown command or option


@pytest.mark.browser
@pytest.mark.slow
def test_every_kb_command_in_the_templates_passes_on_the_bundled_content(tmp_path, browser):
    root = copy_project(tmp_path / "kb")
    git(root, "init", "-q")
    commit_all(root, "导入内容", "2026-01-05T09:00:00+08:00")
    results = {words: run_kb(root, *words) for words in sorted({tuple(c) for c in _kb_commands()})}
    for words, result in results.items():
        assert result.returncode == 0, (words, result.stderr)
    assert json.loads(results["validate", "--format", "gitlab"].stdout) == []
    assert (root / "site" / "index.html").is_file() and list((root / "dist").glob("*.zip"))
    modules = sorted(p.stem for p in (root / "content/training").glob("[!_]*.yml"))
    teachers = sorted(p.name for p in (root / "teachers").iterdir())
    assert teachers == [f"{m}-teacher.pdf" for m in modules]
    assert not [p for p in (root / "site").rglob("*teacher*")]


TEACHERS = "kb handout --all --teacher --pdf --out-dir teachers"


def test_the_teachers_edition_is_a_private_artifact_never_published():
    # GitLab: its own job, its own folder, members with the Developer role or above only
    [job] = [
        job
        for name, job in GITLAB.items()
        if isinstance(job, dict) and TEACHERS in job.get("script", [])
    ]
    assert job["artifacts"]["paths"] == ["teachers"] and job["artifacts"]["access"] == "developer"
    assert job["rules"] == GITLAB["pages"]["rules"]
    assert "--teacher" not in " ".join(GITLAB["pages"]["script"])
    assert not any("teacher" in path for path in GITLAB["pages"]["artifacts"]["paths"])
    assert "教师版" in (REPO / ".gitlab-ci.yml").read_text(encoding="utf-8").split("teachers:")[0]
    # GitHub: its own job, only in a private repository, uploaded as an artifact, not to Pages
    jobs = GITHUB["jobs"]
    teachers = jobs["teachers"]
    assert "github.event.repository.private" in teachers["if"]
    assert jobs["build"]["if"] in " ".join(teachers["if"].split())
    runs = [step.get("run", "") for step in teachers["steps"]]
    assert TEACHERS in runs
    [upload] = [
        step
        for step in teachers["steps"]
        if "uses" in step and step["uses"].startswith("actions/upload-artifact@")
    ]
    assert upload["with"]["path"] == "teachers/"
    assert "pages" not in teachers.get("permissions", {})
    assert jobs["deploy"]["needs"] == "build"
    for step in jobs["build"]["steps"]:
        assert "--teacher" not in step.get("run", "")
        if step.get("uses", "").startswith("actions/upload-pages-artifact@"):
            assert step["with"]["path"] == "site"


def test_the_gitlab_report_locates_each_problem(tmp_path):
    root = copy_project(tmp_path / "kb")
    case = root / "cases/huguo/zhiguo-lane-courtyard.yml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("street: 护国街道", "street: 护国街"),
        encoding="utf-8",
    )
    result = run_kb(root, "validate", "--format", "gitlab")
    assert result.returncode == 1
    [first, *_] = json.loads(result.stdout)
    assert first["location"] == {
        "path": "cases/huguo/zhiguo-lane-courtyard.yml",
        "lines": {"begin": 4},
    }
    assert first["severity"] == "major" and "护国街道" in first["description"]
    assert len(first["fingerprint"]) == 40


def test_the_plain_server_files_are_sound():
    nginx = (REPO / "site_config/deploy/nginx.conf").read_text(encoding="utf-8")
    for directive in ("gzip on;", "error_page 404 /404.html;", "immutable", "no-cache"):
        assert directive in nginx
    script = REPO / "site_config/deploy/publish.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    assert "--delay-updates" in script.read_text(encoding="utf-8")


def test_ci_run_fails_on_a_machine_without_chromium(tmp_path):
    """.ci/run sets CI, and with CI set a missing browser fails the run instead of skipping
    every browser test (a green run that tested nothing in a browser)."""
    assert 'export CI="${CI:-true}"' in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    outcomes = {}
    for ci in ("true", ""):
        env = os.environ | {
            "KB_TEST_CHROMIUM": str(tmp_path / "no-chromium"),
            "CI": ci,
            "NO_MKDOCS_2_WARNING": "1",
        }
        outcomes[ci] = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-x",
                "-p",
                "no:cacheprovider",
                "tests/site/test_browser.py",
                "-k",
                "fit_a_phone_screen",
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert outcomes["true"].returncode == 1
    assert "is missing: .ci/run must install Debian's chromium" in outcomes["true"].stdout
    assert outcomes[""].returncode == 0 and "skipped" in outcomes[""].stdout
