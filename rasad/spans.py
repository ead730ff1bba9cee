"""Which stored spans overlap or cover a given one, in O(log n + k) rather than O(n).

A long document holds tens of thousands of names, dates and amounts; a stage that checks each
new span against every span found so far is quadratic in them (a 5 MB line ran for minutes).
`SpanIndex` keeps the spans sorted by start: a span overlapping `[start, end)` starts before
`end` and no earlier than `start` minus the widest span held, so a query looks only at that
window. Results come in the order the items were added, as a scan of a list would give them.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from itertools import count
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _start_end(item: Any) -> tuple[int, int]:
    return item.start, item.end


class SpanIndex(Generic[T]):
    """Items with a `[start, end)` span (by default their `.start` and `.end`), added and
    removed in any order; iteration and query results are in the order of adding.

    `examined` counts the spans the queries looked at, so tests can check that the work
    stays proportional to what is found, not to everything held."""

    def __init__(self, items: Iterable[T] = (),
                 span: Callable[[T], tuple[int, int]] = _start_end) -> None:
        self._span = span
        self._keys: list[tuple[int, int]] = []  # (start, seq), sorted
        self._items: dict[int, tuple[T, int, int]] = {}  # seq → (item, start, end), added order
        self._seq_of: dict[int, int] = {}  # id(item) → seq, for remove
        self._next = count()
        self._widest = 0
        self.examined = 0
        for item in items:
            self.add(item)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return (item for item, _, _ in self._items.values())

    def add(self, item: T) -> None:
        start, end = self._span(item)
        seq = next(self._next)
        insort(self._keys, (start, seq))
        self._items[seq] = (item, start, end)
        self._seq_of[id(item)] = seq
        self._widest = max(self._widest, end - start)

    def remove(self, item: T) -> None:
        """Remove `item` (the very object added), by the span it had when it was added."""
        seq = self._seq_of.pop(id(item))
        _, start, _ = self._items.pop(seq)
        del self._keys[bisect_left(self._keys, (start, seq))]

    def _window(self, lo: int, hi: int) -> Iterator[tuple[int, T, int, int]]:
        """(seq, item, start, end) for the items starting in `[lo, hi)`."""
        first, last = bisect_left(self._keys, (lo, -1)), bisect_left(self._keys, (hi, -1))
        self.examined += last - first
        for _, seq in self._keys[first:last]:
            item, start, end = self._items[seq]
            yield seq, item, start, end

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose span shares a character with `[start, end)`, in added order."""
        found = [(seq, item) for seq, item, s, e in self._window(start - self._widest, end)
                 if s < end and start < e]
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]

    def covers(self, start: int, end: int) -> bool:
        """Some item's span contains `[start, end)`."""
        return any(e >= end for _, _, _, e in self._window(start - self._widest, start + 1))
