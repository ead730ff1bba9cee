"""A function over many items in forked worker processes: in input order, a bounded number
of items in flight, and the parent's loaded resources shared.

The workers are forked from a parent that has already loaded what the function needs (for
the pipeline: its models, knowledge base and lexicons, frozen out of the garbage collector's
reach by `Pipeline.warm`), so N workers share those pages copy-on-write instead of each
loading and holding its own copy. The function is inherited through the fork, not pickled:
only the items go to the workers and only the results come back. At most `workers × ahead`
chunks are queued or running, and a bounded number more are held done behind a slow one,
so memory stays flat however long the input (a 10 GB JSONL is read as it is analysed);
results come back in input order, so what a caller does with them does not depend on the
number of workers, and one slow document does not leave the other workers idle.

Where `fork` does not exist (Windows) the items are processed in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager, suppress
from itertools import islice
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

CHUNK = 4  # items per task: fewer round trips, still small enough to balance the workers
AHEAD = 4  # tasks queued or running per worker, so none waits while the parent stores results
BEHIND = 4  # at most AHEAD × BEHIND tasks per worker held in all (done, behind a slow one)

_job: Callable[[Any], Any] | None = None  # the function, set before the fork, inherited
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def default_workers() -> int:
    """The number of cores this process may run on (its CPU affinity where known)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def ordered_map(function: Callable[[In], Out], items: Iterable[In], *, workers: int,
                chunk: int = CHUNK, ahead: int = AHEAD) -> Iterator[Out]:
    """`map(function, items)` over `workers` forked processes, in input order, reading
    `items` only as fast as the workers take them. With one worker (or no `fork`), in this
    process. A worker that dies (killed, out of memory) raises `BrokenProcessPool`."""
    if workers <= 1 or not can_fork():
        yield from map(function, items)
        return
    global _job
    _job = function
    chunks = _chunks(items, chunk)
    first = next(chunks, None)
    if first is None:
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker)
    pending: deque[Future[list[Out]]] = deque()
    try:
        with _ignoring(signal.SIGINT):  # forked now: the workers are born ignoring Ctrl-C
            pending.append(pool.submit(_run_chunk, first))
        busy, most = workers * ahead, workers * ahead * BEHIND
        while pending:
            _top_up(pool, pending, chunks, busy=busy, most=most)
            while not pending[0].done():  # a slow one at the head: keep the others busy
                wait([f for f in pending if not f.done()], return_when=FIRST_COMPLETED)
                _top_up(pool, pending, chunks, busy=busy, most=most)
            yield from pending.popleft().result()
    finally:
        _stop(pool, pending)


def _top_up(pool: ProcessPoolExecutor, pending: deque[Future[Any]], chunks: Iterator[list[Any]],
            *, busy: int, most: int) -> None:
    """Submit chunks until `busy` are queued or running, or `most` wait in all (results
    held behind a slow chunk at the head: the bound on memory)."""
    while len(pending) < most and sum(not f.done() for f in pending) < busy:
        part = next(chunks, None)
        if part is None:
            return
        pending.append(pool.submit(_run_chunk, part))


def _stop(pool: ProcessPoolExecutor, pending: deque[Future[Any]]) -> None:
    """Shut the pool down; on an early stop (Ctrl-C, an error, a consumer that stopped
    reading) end the workers at once: their results would be thrown away.

    SIGPIPE is ignored meanwhile: Python 3.11's pool can write to its own wake-up pipe just
    after its manager thread closed it (a race fixed in 3.12), and `rasad` restores the
    default SIGPIPE action (to stop quietly in `| head`), which would kill this process."""
    with _ignoring(signal.SIGPIPE), suppress(OSError):
        if pending:
            for future in pending:
                future.cancel()
            for process in list((pool._processes or {}).values()):  # no public way before 3.14
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(items: list[Any]) -> list[Any]:
    assert _job is not None, "worker forked without a function"
    return [_job(item) for item in items]


def _chunks(items: Iterable[In], size: int) -> Iterator[list[In]]:
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


@contextmanager
def _ignoring(signum: int) -> Iterator[None]:
    previous = signal.signal(signum, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signum, previous)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (kill -9, a crash),
    so a killed `rasad run --workers N` leaves no orphans analysing on. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
