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


class AnswerCache:
    """At most `size` answers, least recently used dropped first; `size=0` keeps none."""

    def __init__(self, path: Path, *, size: int = DEFAULT_SIZE) -> None:
        self.path, self.size = path, size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
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
            self.misses += 1
        answer = compute()  # outside the lock: two threads may compute one key, once each
        with self._lock:
            if self._version == version:
                self._answers[key] = answer
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return answer
