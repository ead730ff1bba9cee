"""A small cache of query answers, dropped whenever the database files change.

A dyad of two busy actors or a search for a common word takes 30–60 ms of SQL and Python on a
store of 100,000 events, and people ask for the same few dyads and names again and again: on
two cores, 50 clients asking such questions wait seconds without a cache (bench/README). The
server only reads, but `rasad run` may write to the same file meanwhile, so every answer is
kept with the version of the files it was read from (size and modification time of the
database and its write-ahead log, one `stat` each) and is not used once they change.

Answers are shared between requests and threads: callers must not modify them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_SIZE = 256  # answers kept per process; a dyad by week is at most a few hundred KB


def store_version(path: Path) -> tuple[int, ...]:
    """What changes when anything writes to the database at `path`: its files' stats."""
    version: list[int] = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
            version += [stat.st_mtime_ns, stat.st_size]
        except FileNotFoundError:
            version += [0, 0]
    return tuple(version)


class _Flight:
    """An answer being computed: the requests that want it meanwhile wait for it."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.answer: Any = None
        self.failed = False


class AnswerCache:
    """At most `size` answers, least recently used dropped first; `size=0` keeps none.

    One request computes a missing answer; the others asking for it meanwhile wait and share
    it (after a write empties the cache, 50 clients asking for one busy dyad run its query
    once, not 50 times on two cores)."""

    def __init__(self, path: Path, *, size: int = DEFAULT_SIZE) -> None:
        self.path, self.size = path, size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._flights: dict[Hashable, _Flight] = {}
        self._version: tuple[int, ...] = ()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept for `key` if the files have not changed since, else `compute()`."""
        if not self.size:
            return compute()
        version = store_version(self.path)
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._version = version
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()
                self.misses += 1
        if not leader:
            flight.done.wait()
            return compute() if flight.failed else flight.answer
        return self._compute(key, version, flight, compute)

    def _compute(self, key: Hashable, version: tuple[int, ...], flight: _Flight,
                 compute: Callable[[], T]) -> T:
        flight.failed = True  # until compute() returns
        try:
            flight.answer = compute()
            flight.failed = False
            return flight.answer
        finally:
            with self._lock:
                self._flights.pop(key, None)
                if not flight.failed and self._version == version:
                    self._answers[key] = flight.answer
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
            flight.done.set()
