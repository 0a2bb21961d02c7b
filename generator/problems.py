"""Problems found in source files, reported all at once (yamllint style)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    level: Level = Level.ERROR

    def format_text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.level is Level.ERROR else "（警告）"
        subject = f" {self.field}:" if self.field else ""
        return f"{where}:{subject} {label}{self.message}"

    def format_github(self) -> str:
        kind = "error" if self.level is Level.ERROR else "warning"
        title = self.field or "kb"
        message = self.message.replace("%", "%25").replace("\n", "%0A")
        return (
            f"::{kind} file={self.file},line={self.line},col={self.column},"
            f"title={title}::{message}"
        )

    def format_gitlab(self) -> dict:
        """One entry of a GitLab code quality report (shown on the merge request)."""
        key = f"{self.file}:{self.line}:{self.column}:{self.field}:{self.message}"
        return {
            "description": f"{self.field}: {self.message}" if self.field else self.message,
            "check_name": "kb-validate",
            "fingerprint": hashlib.sha1(key.encode("utf-8")).hexdigest(),
            "severity": "major" if self.level is Level.ERROR else "minor",
            "location": {"path": self.file, "lines": {"begin": self.line}},
        }


@dataclass
class ProblemList:
    """Collects problems while checking everything; sorted output for stable reports."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int,
        column: int,
        field_path: str,
        message: str,
        level: Level = Level.ERROR,
    ) -> None:
        self.items.append(Problem(file, line, column, field_path, message, level))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level is Level.ERROR]

    @property
    def has_errors(self) -> bool:
        return any(p.level is Level.ERROR for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def summary(self) -> str:
        errors = len(self.errors)
        warnings = len(self.items) - errors
        if not self.items:
            return "检查通过：没有发现问题。"
        return f"共发现 {errors} 个错误、{warnings} 个警告。"

    def format(self, style: str = "text") -> str:
        problems = self.sorted()
        if style == "github":
            return "\n".join(p.format_github() for p in problems)
        if style == "gitlab":
            return json.dumps([p.format_gitlab() for p in problems], ensure_ascii=False,
                              indent=2)
        if style == "json":
            rows = [asdict(p) | {"level": p.level.value} for p in problems]
            return json.dumps(rows, ensure_ascii=False, indent=2)
        lines = [p.format_text() for p in problems]
        lines.append(self.summary())
        return "\n".join(lines)


class ProblemsFound(Exception):
    """Raised by the pipeline when a build must stop; carries every problem."""

    def __init__(self, problems: ProblemList):
        super().__init__(problems.format())
        self.problems = problems
