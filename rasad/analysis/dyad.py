"""How a relationship moved: the events between two actors by week or month.

Counts only events that happened (status asserted) and counts each once per document (a
repeated report, `same_as`, is skipped). Either direction counts for both sides; the
direction is kept in the rows. Actors are named as `rasad events --actor` takes them: a
country or IGO code, a knowledge-base id, or a name in English, Persian or Arabic.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rasad.store.events import actor_keys, date_clauses, pair_clause

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}


@dataclass
class Period:
    """One week or month of a dyad."""

    key: str
    events: int = 0
    goldstein_sum: float = 0.0
    quads: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    types: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0


@dataclass
class Dyad:
    """The events of a pair of actors: periods, top events, and what did not happen."""

    a: str
    b: str
    periods: list[Period]
    top: list[dict]
    not_happened: dict[str, int]

    @property
    def total(self) -> int:
        return sum(p.events for p in self.periods)


def dyad(conn: sqlite3.Connection, a: str, b: str, *, by: str = "month",
         since: str | None = None, until: str | None = None, top: int = 5) -> Dyad:
    """The events between actors `a` and `b` (either way), grouped by `by` (week or month)."""
    if by not in ("week", "month"):
        raise ValueError("by must be week or month")
    # Either direction, matched in SQL (one index search per case) so only the pair's
    # events leave the database.
    pair, params = pair_clause(actor_keys(a), actor_keys(b))
    dates, date_params = date_clauses(since, until)  # a year or month is a period
    params += date_params
    rows = conn.execute(
        "SELECT e.date, e.status, e.goldstein, e.quad_class, e.plover_event, e.record, "
        "e.source_country, e.target_country, e.doc_id, s.text FROM events e "
        "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
        f"WHERE e.date IS NOT NULL AND {pair} "
        + "".join(f"AND {clause} " for clause in dates) +
        "ORDER BY e.date, e.doc_id, e.idx", params).fetchall()
    periods: dict[str, Period] = {}
    not_happened: dict[str, int] = defaultdict(int)
    happened: list[dict] = []
    for day, status, goldstein, quad, plover, record, s_c, t_c, doc_id, sentence in rows:
        event = json.loads(record)
        if status != "asserted":
            not_happened[status] += 1
            continue
        if event.get("same_as") is not None:
            continue  # a later report of an event this document already counted
        key = _period(day, by)
        period = periods.setdefault(key, Period(key))
        period.events += 1
        period.goldstein_sum += goldstein or 0.0
        period.quads[quad] += 1
        period.types[plover] += 1
        happened.append({"date": day, "plover": plover, "goldstein": goldstein,
                         "source": s_c, "target": t_c, "doc_id": doc_id,
                         "trigger": (event.get("trigger") or {}).get("text"),
                         "sentence": sentence})
    ordered = [periods[k] for k in sorted(periods)]
    strongest = sorted(happened, key=lambda e: -abs(e["goldstein"] or 0))[:top]
    return Dyad(a, b, ordered, strongest, dict(not_happened))


def _period(day: str, by: str) -> str:
    """«2016-08-09» → «2016-08» (month) or «2016-W32» (week); a bare month or year stays."""
    if by == "month" or len(day) < 10:
        return day[:7]
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"
