"""`rasad.workers.ordered_map`: input order kept, input read only as fast as the workers take
it, a dead worker reported, nothing left running after an early stop."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool

import pytest

from rasad.workers import AHEAD, BEHIND, CHUNK, can_fork, default_workers, ordered_map

needs_fork = pytest.mark.skipif(not can_fork(), reason="workers are forked; no fork here")


def _slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.001 * (n % 3))  # uneven, so chunks finish out of order
    return n * n, os.getpid()


def test_default_is_the_usable_cores() -> None:
    assert 1 <= default_workers() <= (os.cpu_count() or 1)


def test_one_worker_runs_in_this_process() -> None:
    assert list(ordered_map(_slow_square, range(5), workers=1)) == \
        [(n * n, os.getpid()) for n in range(5)]


@needs_fork
def test_results_come_in_input_order_from_other_processes() -> None:
    results = list(ordered_map(_slow_square, range(200), workers=2))
    assert [square for square, _ in results] == [n * n for n in range(200)]
    assert os.getpid() not in {pid for _, pid in results}


@needs_fork
def test_the_function_is_inherited_not_pickled() -> None:
    offset = 7
    local = lambda n: n + offset  # noqa: E731 (a lambda cannot be pickled)
    assert list(ordered_map(local, range(10), workers=2)) == [n + 7 for n in range(10)]


class Counted:
    """Items 0, 1, 2, ... that count how many were read."""

    def __init__(self) -> None:
        self.read = 0

    def __iter__(self) -> Iterator[int]:
        for n in range(100_000):
            self.read += 1
            yield n


# The items ordered_map may hold with 2 workers: AHEAD chunks queued or running per worker,
# and up to AHEAD × BEHIND in all, done, behind a slow one.
HELD = 2 * AHEAD * BEHIND * CHUNK


@needs_fork
def test_input_is_read_only_as_fast_as_the_workers_take_it() -> None:
    items = Counted()
    results = ordered_map(_slow_square, items, workers=2)
    for _ in range(10):
        next(results)
    assert items.read <= 3 * CHUNK + HELD, items.read  # the 10 results given, and those held
    results.close()


def _slow_first(n: int) -> int:
    if n == 0:
        time.sleep(2)
    return n


@needs_fork
def test_a_slow_item_does_not_leave_the_other_worker_idle() -> None:
    items = Counted()
    results = ordered_map(_slow_first, items, workers=2)
    assert next(results) == 0
    # while the first item took its time, the other worker went on past the usual window,
    # but no further than the bound
    assert 2 * AHEAD * CHUNK < items.read <= CHUNK + HELD, items.read
    assert [next(results) for _ in range(3)] == [1, 2, 3]
    results.close()


def _die_on_13(n: int) -> int:
    if n == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


@needs_fork
def test_a_worker_that_dies_is_reported() -> None:
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(_die_on_13, range(40), workers=2))


def _children() -> set[int]:
    path = f"/proc/{os.getpid()}/task/{os.getpid()}/children"
    return {int(pid) for pid in open(path).read().split()} if os.path.exists(path) else set()


@needs_fork
def test_stopping_early_ends_the_workers() -> None:
    before = _children()
    results = ordered_map(_slow_square, range(10_000), workers=2)
    next(results)
    assert len(_children() - before) >= 2
    results.close()
    assert _children() - before == set()
