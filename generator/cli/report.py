"""What ``kb validate`` prints: its problems as text (yamllint style, the rule id last), as
GitHub workflow commands, as a GitLab code quality report or as JSON."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from generator.sources.problems import Level, Problem, ProblemList

FORMATS = ("text", "github", "gitlab", "json")


def format_problems(problems: ProblemList, style: str = "text") -> str:
    """Every problem once, sorted, in ``style`` (one of ``FORMATS``)."""
    if style == "github":
        return "\n".join(github_command(p) for p in problems.sorted())
    if style == "gitlab":
        return json.dumps(
            [gitlab_entry(p) for p in problems.sorted()], ensure_ascii=False, indent=2
        )
    if style == "json":
        rows = [asdict(p) | {"level": p.level.value} for p in problems.sorted()]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    return problems.text()


def _github_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so it cannot end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file=, title=): also : and , escaped."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(problem: Problem) -> str:
    """One annotation on the pull request, titled with the rule id."""
    kind = "error" if problem.level is Level.ERROR else "warning"
    file, title = _github_property(problem.file), _github_property(problem.rule)
    return (
        f"::{kind} file={file},line={problem.line},col={problem.column},"
        f"title={title}::{_github_data(_described(problem))}"
    )


def gitlab_entry(problem: Problem) -> dict:
    """One entry of a GitLab code quality report (shown on the merge request). The
    fingerprint leaves the rule out, so a problem keeps the one it had before rules had ids."""
    key = f"{problem.file}:{problem.line}:{problem.column}:{problem.field}:{problem.message}"
    return {
        "description": _described(problem),
        "check_name": problem.rule,
        "fingerprint": hashlib.sha1(key.encode("utf-8")).hexdigest(),
        "severity": "major" if problem.level is Level.ERROR else "minor",
        "location": {"path": problem.file, "lines": {"begin": problem.line}},
    }


def _described(problem: Problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message
