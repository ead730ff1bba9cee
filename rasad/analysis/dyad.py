"""How a relationship moved: the events between two actors by week or month.

Counts only events that happened (status asserted), and counts *merged* events: the reports of
one event, in one document or in many, in Persian or Arabic (`rasad.events.merge`), count once,
in the period of its lead report (the one dated most precisely, `rasad.analysis.network.lead`). `mentions` keeps the raw rows (every report)
beside `events`. Either direction counts for both sides; the direction is kept in the rows. Actors are named as `rasad events --actor` takes them: a
country or IGO code, a knowledge-base id, or a name in English, Persian or Arabic.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from rasad.analysis.network import lead, period_key
from rasad.store.clusters import has_merged
from rasad.store.events import actor_keys, date_clauses, pair_clause

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}


@dataclass
class Period:
    """One week or month of a dyad."""

    key: str
    events: int = 0      # merged events: each real-world event once
    mentions: int = 0    # the reports of them (raw event rows)
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
        """Merged events that happened."""
        return sum(p.events for p in self.periods)

    @property
    def mentions(self) -> int:
        """The reports of those events (raw rows)."""
        return sum(p.mentions for p in self.periods)


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
    merged_column = "e.merged_id" if has_merged(conn) else "NULL"  # an old store, read as it is
    rows = conn.execute(
        "SELECT e.date, e.status, e.goldstein, e.quad_class, e.plover_event, e.record, "
        f"e.source_country, e.target_country, e.doc_id, e.idx, {merged_column}, s.text FROM events e "
        "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
        f"WHERE e.date IS NOT NULL AND {pair} "
        + "".join(f"AND {clause} " for clause in dates) +
        "ORDER BY e.date, e.doc_id, e.idx", params).fetchall()
    periods: dict[str, Period] = {}
    not_happened: dict[str, int] = defaultdict(int)
    reports: dict[str, list[dict]] = defaultdict(list)  # merged id → its asserted mentions
    for (day, status, goldstein, quad, plover, record, s_c, t_c, doc_id, idx, merged,
         sentence) in rows:
        if status != "asserted":
            not_happened[status] += 1
            continue
        reports[merged or f"{doc_id}:{idx}"].append({  # a row written before merging: itself
            "date": day, "plover": plover, "goldstein": goldstein, "quad_class": quad,
            "source": s_c, "target": t_c, "doc_id": doc_id, "idx": idx, "merged_id": merged,
            "trigger": (json.loads(record).get("trigger") or {}).get("text"),
            "sentence": sentence})
    happened: list[dict] = []
    for mentions in reports.values():
        for mention in mentions:
            key = period_key(mention["date"], by)
            periods.setdefault(key, Period(key)).mentions += 1
        event = dict(lead(mentions), mentions=len(mentions))  # counted in its lead's period
        period = periods[period_key(event["date"], by)]
        period.events += 1
        period.goldstein_sum += event["goldstein"] or 0.0
        period.quads[event["quad_class"]] += 1
        period.types[event["plover"]] += 1
        happened.append(event)
    ordered = [periods[k] for k in sorted(periods)]
    strongest = sorted(happened, key=lambda e: -abs(e["goldstein"] or 0))[:top]
    return Dyad(a, b, ordered, strongest, dict(not_happened))
