"""What git knows about the repository: when each source file was first published and last
changed, what changed lately, and the time of the last commit (so that the same commit always
builds the same bytes: sitemap, feed, PDFs, the offline bundle).

The whole history is read with one ``git log`` for the repository, following renames. A
change that only touches whitespace or the schema comment line is no change here.
"""

from __future__ import annotations

import datetime
import re
import secrets
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.fields import NONCHARACTERS

SOURCE_FOLDERS = ("cases", "content")
_SCHEMA_LINE = "-I^# yaml-language-server:"  # editors' tools add this line; readers see nothing
# No pathspec: limiting git log to cases/ and content/ makes it compare every commit's tree
# with its parent's along those paths, which at 10,000 commits costs more than the diffs
# themselves (8.7 s against 3.4 s, benchmarks/git_dates.py); other files are skipped here.
# A commit's subject and file names are anyone's bytes, so the fields are told apart by
# markers that carry a random word chosen for each run, which no commit can know in advance.
_LOG = ["log", "-M", "-z", "--relative", "--numstat", "-w", _SCHEMA_LINE]
# what a reader must never see in a subject: controls (C0, C1), bidirectional and other
# invisible format characters, and the code points XML 1.0 forbids
_UNSHOWABLE = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff{NONCHARACTERS}]"
)
_SOURCES = tuple(f"{folder}/" for folder in SOURCE_FOLDERS)
NO_GIT = (
    "没有找到 git 历史（这个文件夹不是 git 仓库，或没有安装 git）：页面上不显示“首次发布”"
    "和“最近更新”日期，也没有“最近更新”列表。"
)
SHALLOW = (
    "这是一个浅克隆（只取了最近的提交），看不到完整的修改历史：页面上不显示“首次发布”和"
    "“最近更新”日期，也没有“最近更新”列表。请在 CI 中取完整历史（GitLab：GIT_DEPTH: 0；"
    "GitHub Actions：fetch-depth: 0）。"
)


@dataclass(frozen=True)
class Change:
    """One commit's change to one source file, named by the file's path today."""

    path: str
    commit: str
    when: datetime.datetime  # the commit's time, in the committer's own time zone
    subject: str
    added: bool = False

    @property
    def day(self) -> str:
        return self.when.strftime("%Y-%m-%d")


@dataclass
class History:
    """Each source file's changes, newest first; empty with a ``problem`` when git cannot
    tell (no repository, a shallow clone)."""

    changes: dict[str, list[Change]] = field(default_factory=dict)
    problem: str | None = None

    def dates(self, path: str) -> tuple[Change, Change] | None:
        """(first publication, last change) of a source file, or None when not committed."""
        found = self.changes.get(path)
        return (found[-1], found[0]) if found else None

    def recent(self) -> list[Change]:
        """Every change, newest first (the same time: by path)."""
        everything = [c for changes in self.changes.values() for c in changes]
        return sorted(everything, key=lambda c: (-c.when.timestamp(), c.path))


class PendingHistory:
    """``git log`` running beside the build (it reads the case files meanwhile); its output
    goes to a temporary file, so git never waits for us to read it."""

    def __init__(self, root: Path):
        self.problem, self.process = None, None
        self.marker = secrets.token_hex(8)
        shallow = _git(root, ["rev-parse", "--is-shallow-repository"])
        if shallow is None or shallow.strip() == "true":
            self.problem = NO_GIT if shallow is None else SHALLOW
            return
        self.output = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                ["git", *_LOG, _format(self.marker)],
                cwd=root,
                stdout=self.output,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.problem = NO_GIT

    def result(self) -> History:
        if self.process is None:
            return History(problem=self.problem)
        code = self.process.wait()
        self.output.seek(0)
        log = self.output.read().decode("utf-8", errors="replace")
        self.output.close()
        return parse_log(log, self.marker) if code == 0 else History(problem=NO_GIT)

    def cancel(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def read_history(root: Path) -> History:
    return PendingHistory(root).result()


def _format(marker: str) -> str:
    return f"--format=%x01{marker}C%H%x00%cI%x00%s%x01{marker}E"


def parse_log(log: str, marker: str) -> History:
    """``git log`` output (see ``_LOG`` and ``_format``), newest commit first, into each
    file's changes. A commit whose fields cannot be read is skipped, never a failed build."""
    changes: dict[str, list[Change]] = {}
    today: dict[str, str] = {}  # a path in an older commit → the same file's path today
    for chunk in log.split(f"\x01{marker}C")[1:]:
        head, _, numstat = chunk.partition(f"\x01{marker}E")
        commit, _, rest = head.partition("\0")
        when, _, subject = rest.partition("\0")
        try:
            moment = datetime.datetime.fromisoformat(when)
        except ValueError:
            continue
        subject = showable(subject)
        for path, changed in _files(numstat.split("\0")):
            if isinstance(path, tuple):  # renamed: older commits know it by its old name
                old, new = path
                path = today.setdefault(new, new)
                today[old] = path
            else:
                path = today.setdefault(path, path)
            if changed and path.startswith(_SOURCES):
                changes.setdefault(path, []).append(Change(path, commit, moment, subject))
    for path, found in changes.items():  # the oldest change made the file
        oldest = found[-1]
        found[-1] = Change(path, oldest.commit, oldest.when, oldest.subject, added=True)
    return History(changes)


def showable(subject: str) -> str:
    """A commit subject as readers may see it: invisible and control characters removed."""
    return " ".join(_UNSHOWABLE.sub(" ", subject).split())


def _files(entries: list[str]):
    """(path or (old path, new path), whether its lines changed) of each numstat entry."""
    tokens = iter(entries)
    for token in tokens:
        token = token.lstrip("\n")
        if not token:
            continue
        fields = token.split("\t", 2)
        if len(fields) != 3:
            continue
        added, deleted, path = fields
        changed = (added, deleted) != ("0", "0")
        if path:
            yield path, changed
        else:
            yield (next(tokens, ""), next(tokens, "")), changed


def _git(root: Path, args: list[str]) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.decode("utf-8", errors="replace") if out.returncode == 0 else None


def last_commit_time(root: Path) -> int | None:
    """Seconds since 1970 of the last commit, or None without git or outside a repository."""
    value = (_git(root, ["log", "-1", "--format=%ct"]) or "").strip()
    return int(value) if value.isdigit() else None


def build_time(root: Path, configured: int | None = None) -> int:
    """``configured`` when set (SOURCE_DATE_EPOCH, the reproducible-builds convention), else
    the last commit's time, else 0: never the clock."""
    if configured is not None:
        return configured
    return last_commit_time(root) or 0


def utc(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
