"""Who deals with whom: an actor's counterparts ranked, and the actor network of a period.

Plain functions over the store, so the web app, a notebook and a future CLI command ask
them the same way. As in `rasad.analysis.dyad`, only events that happened count (status
`asserted`), each once per document (a repeated report, `same_as`, is skipped), and an
event needs both sides to make a pair.

Actors are grouped at one of two levels: `country` (a minister rolls up to his country: the
side's country or IGO code) or `actor` (the knowledge-base id, the country when there is
none). Pairs are undirected: the direction is kept as counts per direction on each edge.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasad.store.events import actor_keys, side_is

LEVELS = ("country", "actor")
_COLUMNS = ("e.doc_id, e.idx, e.date, e.goldstein, e.quad_class, e.plover_event, e.record, "
            "e.source_kb_id, e.source_name_en, e.source_country, "
            "e.target_kb_id, e.target_name_en, e.target_country, e.trigger_text, s.text")


@dataclass
class Tie:
    """Events between two actors: how many, how strongly, of which PLOVER types and quads."""

    a: str
    b: str
    events: int = 0
    goldstein_sum: float = 0.0
    types: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    quads: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    directions: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0

    def add(self, event: dict[str, Any], *, from_a: bool) -> None:
        """Count `event`; `from_a` when `a` is its source (the direction is kept apart)."""
        self.events += 1
        self.goldstein_sum += event["goldstein"] or 0.0
        self.types[event["plover"]] += 1
        self.quads[event["quad_class"]] += 1
        self.directions[f"{self.a}>{self.b}" if from_a else f"{self.b}>{self.a}"] += 1

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "events": self.events,
                "goldstein_sum": round(self.goldstein_sum, 2),
                "goldstein_mean": round(self.goldstein_mean, 2),
                "types": dict(sorted(self.types.items(), key=lambda kv: -kv[1])),
                "quads": {str(k): v for k, v in sorted(self.quads.items())},
                "directions": dict(self.directions)}


def happened_events(conn: sqlite3.Connection, *, where: str = "1=1", params: list | None = None,
                    since: str | None = None, until: str | None = None) -> Iterator[dict[str, Any]]:
    """Asserted events with both sides, once per document, oldest first, filtered by `where`
    (SQL over `e`, the events table) and by date (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)."""
    sql = (f"SELECT {_COLUMNS} FROM events e "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           "WHERE e.status = 'asserted' AND (e.target_kb_id IS NOT NULL OR e.target_country "
           f"IS NOT NULL) AND ({where}) ORDER BY e.date, e.doc_id, e.idx")
    for row in conn.execute(sql, params or []):
        (doc_id, idx, day, goldstein, quad, plover, record, s_id, s_name, s_country,
         t_id, t_name, t_country, trigger, sentence) = row
        if not _in_period(day, since, until):
            continue
        if json.loads(record).get("same_as") is not None:
            continue  # a later report of an event this document already counted
        yield {"doc_id": doc_id, "idx": idx, "date": day, "goldstein": goldstein,
               "quad_class": quad, "plover": plover, "trigger": trigger, "sentence": sentence,
               "source": {"kb_id": s_id, "name_en": s_name, "country": s_country},
               "target": {"kb_id": t_id, "name_en": t_name, "country": t_country}}


def _in_period(day: str | None, since: str | None, until: str | None) -> bool:
    """A date (maybe a bare year or month) inside [since, until], compared at their precision."""
    if since is None and until is None:
        return True
    if day is None:
        return False
    return not ((since and day[:len(since)] < since) or (until and day[:len(until)] > until))


def node_key(side: dict[str, Any], level: str) -> str | None:
    """The node a side is at `level`: its country (or IGO) code, or its KB id."""
    if level == "country":
        return side["country"]
    return side["kb_id"] or side["country"]


def counterparts(conn: sqlite3.Connection, actor: str, *, level: str = "country",
                 since: str | None = None, until: str | None = None,
                 limit: int = 20) -> list[Tie]:
    """Whom `actor` (a code, KB id or a name in any script) had events with, most first.

    Each `Tie` has `a` = `actor` as given and `b` = the counterpart's node; at the actor level
    a country's people count as the country (as `rasad events --actor` matches them)."""
    _check_level(level)
    keys = actor_keys(actor)
    (source, source_params), (target, target_params) = (side_is("source", *keys),
                                                        side_is("target", *keys))
    ties: dict[str, Tie] = {}
    for event in happened_events(conn, where=f"{source} OR {target}",
                                 params=[*source_params, *target_params], since=since, until=until):
        mine, other = _sides(event, keys)
        own, counterpart = node_key(mine, level), node_key(other, level)
        if counterpart is None or counterpart == own:
            continue
        tie = ties.setdefault(counterpart, Tie(actor, counterpart))
        tie.add(event, from_a=mine is event["source"])
    return sorted(ties.values(), key=lambda t: (-t.events, t.b))[:limit]


def _sides(event: dict[str, Any], keys: tuple[list[str], list[str]]) -> tuple[dict, dict]:
    """(the actor's side, the other side) of an event matched by `actor_keys`."""
    ids, countries = keys
    source = event["source"]
    if source["kb_id"] in ids or source["country"] in countries:
        return source, event["target"]
    return event["target"], source


def network(conn: sqlite3.Connection, *, level: str = "country", since: str | None = None,
            until: str | None = None, min_events: int = 1,
            limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """The actors of a period and their ties: `{"nodes": [...], "edges": [...]}`.

    Nodes: id, events (how many tied events the actor is in). Edges: the `Tie.to_dict` of
    each undirected pair with at least `min_events`, heaviest first, at most `limit`."""
    _check_level(level)
    ties: dict[tuple[str, str], Tie] = {}
    for event in happened_events(conn, since=since, until=until):
        source, target = node_key(event["source"], level), node_key(event["target"], level)
        if source is None or target is None or source == target:
            continue
        pair = tuple(sorted((source, target)))
        ties.setdefault(pair, Tie(*pair)).add(event, from_a=source == pair[0])
    kept = sorted((t for t in ties.values() if t.events >= min_events),
                  key=lambda t: (-t.events, t.a, t.b))[:limit]
    counts: dict[str, int] = defaultdict(int)
    for tie in kept:
        counts[tie.a] += tie.events
        counts[tie.b] += tie.events
    nodes = [{"id": key, "events": n} for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": [t.to_dict() for t in kept]}


def pair_events(conn: sqlite3.Connection, a: str, b: str, *, by: str = "month",
                period: str | None = None, since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]:
    """The events that happened between `a` and `b` (either way), with their sentences;
    `period` (a key of `rasad.analysis.dyad`: «2016-08», «2016-W32») keeps one week or month:
    the events behind one point of the dyad chart."""
    a_keys, b_keys = actor_keys(a), actor_keys(b)
    clauses, params = [], []
    for first, second in ((a_keys, b_keys), (b_keys, a_keys)):
        (source, source_params), (target, target_params) = (side_is("source", *first),
                                                            side_is("target", *second))
        clauses.append(f"({source} AND {target})")
        params += [*source_params, *target_params]
    events = happened_events(conn, where=" OR ".join(clauses), params=params,
                             since=since, until=until)
    return [e for e in events
            if e["date"] and (period is None or period_key(e["date"], by) == period)]


def period_key(day: str, by: str) -> str:
    """«2016-08-09» → «2016-08» (month) or «2016-W32» (week), as the dyad groups them."""
    if by == "month" or len(day) < 10:
        return day[:7]
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def activity(conn: sqlite3.Connection, actor: str, *, by: str = "month") -> list[dict[str, Any]]:
    """An actor's timeline: per week or month, its events that happened (with a counterpart
    or not), their mean Goldstein and the share that were cooperation."""
    keys = actor_keys(actor)
    (source, source_params), (target, target_params) = (side_is("source", *keys),
                                                        side_is("target", *keys))
    rows = conn.execute(
        "SELECT e.date, e.goldstein, e.quad_class, e.record FROM events e "
        f"WHERE e.status = 'asserted' AND e.date IS NOT NULL AND ({source} OR {target}) "
        "ORDER BY e.date", [*source_params, *target_params]).fetchall()
    periods: dict[str, dict[str, Any]] = {}
    for day, goldstein, quad, record in rows:
        if json.loads(record).get("same_as") is not None:
            continue
        key = period_key(day, by)
        period = periods.setdefault(key, {"period": key, "events": 0, "goldstein_sum": 0.0,
                                          "cooperation": 0, "conflict": 0})
        period["events"] += 1
        period["goldstein_sum"] += goldstein or 0.0
        period["cooperation" if quad in (1, 2) else "conflict"] += 1
    for period in periods.values():
        period["goldstein_mean"] = round(period.pop("goldstein_sum") / period["events"], 2)
    return [periods[k] for k in sorted(periods)]


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
