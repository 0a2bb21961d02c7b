"""Work split over the machine's cores, for builds of thousands of pages.

Forked worker processes inherit everything already loaded (the library, the templates), so
nothing has to be sent to them but a range of indexes. Where fork is not available (Windows,
macOS) or not safe (a process serving pages with threads), the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MIN_PER_WORKER = 200  # below this, starting processes costs more than it saves

_work: Callable[[int, int], object] | None = None


def map_ranges(work: Callable[[int, int], T], count: int, processes: int | None = None) -> list[T]:
    """``work(start, stop)`` over consecutive ranges covering ``range(count)``; the results
    come back in range order, so whatever they build is the same however it was split."""
    processes = processes or worker_count()
    processes = min(processes, max(1, count // MIN_PER_WORKER))
    ranges = _ranges(count, processes * 4 if processes > 1 else 1)
    if processes <= 1:
        return [work(start, stop) for start, stop in ranges]
    global _work
    _work = work
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            return pool.map(_run, ranges, chunksize=1)
    finally:
        _work = None


def worker_count(configured: int | None = None) -> int:
    """``configured`` (KB_PROCESSES) or one per core, on Linux, when this process runs no other
    thread (forking beside a running thread, such as a preview server's, can leave a lock
    held forever); otherwise 1."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return 1
    return configured or len(os.sched_getaffinity(0))


def _run(bounds: tuple[int, int]):
    assert _work is not None
    return _work(*bounds)


def _ranges(count: int, parts: int) -> list[tuple[int, int]]:
    size = max(1, -(-count // parts))
    return [(start, min(count, start + size)) for start in range(0, count, size)]
