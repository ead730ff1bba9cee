"""Atoms: the pieces the grammar finds before they are combined and resolved.

An atom is a span of the normalized text with a kind and the facts read from it (calendar,
year, month, day, weekday, offset, unit, count...). Facts only: nothing here depends on the
publication date, so the same atoms can be resolved against any anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds that can be resolved to a value; the others (part, mod, bare season) only qualify a
# neighbour and are dropped if they stay alone.
EMITTED = {"date", "year", "season", "weekday", "deictic", "rel", "duration", "clock",
           "interval", "since", "observance"}
DAYLIKE = {"date", "weekday", "deictic"}


@dataclass(slots=True)
class Atom:
    kind: str
    start: int
    end: int
    f: dict[str, Any] = field(default_factory=dict)
    rule: str = ""

    def __len__(self) -> int:
        return self.end - self.start

    def is_day(self) -> bool:
        """Names a single day: a date with a day, a weekday, or a day-unit deictic (امروز)."""
        if self.kind == "date":
            return self.f.get("d") is not None and self.f.get("d2") is None
        if self.kind == "deictic":
            return self.f.get("unit") == "day"
        if self.kind == "observance":  # عيد الفطر, not رمضان or أيام عيد الفطر
            return bool(self.f.get("single"))
        return self.kind == "weekday"
