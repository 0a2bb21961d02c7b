"""Problems found in source files, reported all at once (yamllint style): the data only; the
command line's output formats are in ``generator/cli/report.py``."""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field
from enum import StrEnum

from generator.sources.rules import RULES

# C0 and C1 controls, DEL and the bidirectional controls: what an editor's value quoted in a
# message must not carry into a terminal, a CI log or a report
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as its code, e.g. ``\\x1b``."""
    return _UNPRINTABLE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


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
    _: KW_ONLY
    rule: str  # the id of the rule it breaks (generator.sources.rules)

    def __post_init__(self):
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}: add it to generator/sources/rules.py")
        for name in ("file", "field", "message"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def text(self) -> str:
        """``file:line:column: field: message  (rule)``, as ``kb validate`` prints it."""
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.level is Level.ERROR else "（警告）"
        subject = f" {self.field}:" if self.field else ""
        return f"{where}:{subject} {label}{self.message}  ({self.rule})"


@dataclass
class ProblemList:
    """Collects problems while checking everything; sorted output for stable reports."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self, file: str, line: int, column: int, field_path: str, message: str, *, rule: str
    ) -> None:
        """One problem; ``rule`` (a key of ``RULES``) says whether it is an error or a warning."""
        level = Level(RULES[rule].level) if rule in RULES else Level.ERROR
        self.items.append(Problem(file, line, column, field_path, message, level, rule=rule))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level is Level.ERROR]

    @property
    def has_errors(self) -> bool:
        return any(p.level is Level.ERROR for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def summary(self) -> str:
        """Counts what :meth:`text` lists: the same problem found twice is one problem."""
        unique = set(self.items)
        errors = sum(1 for p in unique if p.level is Level.ERROR)
        warnings = len(unique) - errors
        if not self.items:
            return "检查通过：没有发现问题。"
        return f"共发现 {errors} 个错误、{warnings} 个警告。"

    def lines(self) -> list[str]:
        """Each problem once, sorted, as a line of text."""
        return [problem.text() for problem in self.sorted()]

    def text(self) -> str:
        """Every problem, one a line, and the summary."""
        return "\n".join([*self.lines(), self.summary()])
