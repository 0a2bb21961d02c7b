"""What git knows about the repository: the time of the last commit, so that the same commit
always builds the same bytes (sitemap, PDFs, the offline bundle's name and dates)."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path


def last_commit_time(root: Path) -> int | None:
    """Seconds since 1970 of the last commit, or None without git or outside a repository."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return int(value) if out.returncode == 0 and value.isdigit() else None


def build_time(root: Path) -> int:
    """SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the last commit's
    time, else 0: never the clock."""
    configured = os.environ.get("SOURCE_DATE_EPOCH", "")
    if configured.isdigit():
        return int(configured)
    return last_commit_time(root) or 0


def utc(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
