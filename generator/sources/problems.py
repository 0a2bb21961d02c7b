"""Problems found in source files, reported all at once (yamllint style)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum

# C0 and C1 controls, DEL and the bidirectional controls: what an editor's value quoted in a
# message must not carry into a terminal, a CI log or a report
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as its code, e.g. ``\\x1b``."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


def _github_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so it cannot end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file=, title=): also : and , escaped."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


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

    def __post_init__(self):
        for name in ("file", "field", "message"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def format_text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.level is Level.ERROR else "（警告）"
        subject = f" {self.field}:" if self.field else ""
        return f"{where}:{subject} {label}{self.message}"

    def format_github(self) -> str:
        kind = "error" if self.level is Level.ERROR else "warning"
        file, title = _github_property(self.file), _github_property(self.field or "kb")
        return (
            f"::{kind} file={file},line={self.line},col={self.column},"
            f"title={title}::{_github_data(self.message)}"
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
        """Counts what :meth:`format` lists: the same problem found twice is one problem."""
        unique = set(self.items)
        errors = sum(1 for p in unique if p.level is Level.ERROR)
        warnings = len(unique) - errors
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
