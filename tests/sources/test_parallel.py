import os

from generator.sources.parallel import map_ranges, worker_count


def _squares(start: int, stop: int) -> list[int]:
    return [(n * n, os.getpid()) for n in range(start, stop)]


def test_ranges_cover_everything_once_and_come_back_in_order():
    serial = map_ranges(_squares, 1000, processes=1)
    forked = map_ranges(_squares, 1000, processes=2)
    flatten = lambda parts: [value for part in parts for value, _ in part]  # noqa: E731
    assert flatten(serial) == flatten(forked) == [n * n for n in range(1000)]
    if worker_count() > 1:  # really in other processes
        assert {pid for part in forked for _, pid in part} != {os.getpid()}


def test_small_jobs_stay_in_this_process():
    assert {pid for part in map_ranges(_squares, 10) for _, pid in part} == {os.getpid()}
