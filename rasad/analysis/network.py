"""Who deals with whom: an actor's counterparts ranked, and the actor network of a period.

Plain functions over the store, so the web app, the command line and a notebook ask them the
same way. Every analysis reads events through `happened_events`: only events that happened
count (status `asserted`), each real-world event once however many reports it has (the
merged events of `rasad.store.clusters`; on a database from before merging, once per
document), and an event needs both sides to make a pair.

Actors are grouped at one of two levels: `country` (a minister rolls up to his country: the
side's country or IGO code) or `actor` (the knowledge-base id, the country when there is
none). Pairs are undirected: the direction is kept as counts per direction on each edge.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasad.store.clusters import event_key_sql, has_merged
from rasad.store.events import actor_keys, date_clauses, pair_clause, side_is

LEVELS = ("country", "actor")
_COLUMNS = ("e.doc_id, e.idx, e.date, e.goldstein, e.quad_class, e.plover_event, e.record, "
            "e.source_kb_id, e.source_name_en, e.source_country, e.source_sector, "
            "e.target_kb_id, e.target_name_en, e.target_country, e.target_sector, "
            "e.trigger_text, s.text")


def period_key(day: str, by: str) -> str:
    """«2016-08-09» → «2016-08» (month) or «2016-W32» (week); a bare month or year stays."""
    if by == "month" or len(day) < 10:
        return day[:7]
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def lead(mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The report that stands for a merged event: the one dated most precisely («2016-08-09»
    before a bare «2016»), then the earliest."""
    return min(mentions, key=lambda m: (-len(m["date"] or ""), m["date"] or "", m["doc_id"],
                                         m["idx"]))


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
                    since: str | None = None, until: str | None = None,
                    both_sides: bool = True) -> list[dict[str, Any]]:
    """The events that happened, one per merged event, oldest first: asserted reports matching
    `where` (SQL over `e`, the events table) and the period (a year or month date is a period,
    as in `rasad events`), grouped by merged event; each carries its lead report's fields
    (`lead`) and `mentions`, how many reports matched. `both_sides`: only events with a
    target (a pair); else also one-sided ones."""
    dates, date_params = date_clauses(since, until)
    merged = has_merged(conn)
    sql = (f"SELECT {_COLUMNS}, {event_key_sql(conn, 'e')} FROM events e "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           "WHERE e.status = 'asserted' "
           + ("AND (e.target_kb_id IS NOT NULL OR e.target_country IS NOT NULL) " if both_sides else "")
           + f"AND ({where}) " + "".join(f"AND {clause} " for clause in dates)
           + "ORDER BY e.date, e.doc_id, e.idx")
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(sql, [*(params or []), *date_params]):
        (doc_id, idx, day, goldstein, quad, plover, record, s_id, s_name, s_country, s_sector,
         t_id, t_name, t_country, t_sector, trigger, sentence, event) = row
        if event is None:
            continue  # before merging: a later report of an event this document already has
        reports[event].append({
            "doc_id": doc_id, "idx": idx, "date": day, "goldstein": goldstein,
            "quad_class": quad, "plover": plover, "trigger": trigger, "sentence": sentence,
            "merged_id": event if merged else None,
            "source": {"kb_id": s_id, "name_en": s_name, "country": s_country, "sector": s_sector},
            "target": {"kb_id": t_id, "name_en": t_name, "country": t_country, "sector": t_sector}})
    events = [dict(lead(mentions), mentions=len(mentions)) for mentions in reports.values()]
    return sorted(events, key=lambda e: (e["date"] or "", e["doc_id"], e["idx"]))


def actor_events(conn: sqlite3.Connection, actor: str, **kwargs: Any) -> list[dict[str, Any]]:
    """`happened_events` with `actor` (a code, KB id or a name in any script) on either side."""
    keys = actor_keys(actor)
    (source, source_params), (target, target_params) = (side_is("source", *keys),
                                                        side_is("target", *keys))
    return happened_events(conn, where=f"{source} OR {target}",
                           params=[*source_params, *target_params], **kwargs)


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
    ties: dict[str, Tie] = {}
    for event in actor_events(conn, actor, since=since, until=until):
        mine, other = side_of(event, actor)
        own, counterpart = node_key(mine, level), node_key(other, level)
        if counterpart is None or counterpart == own:
            continue
        tie = ties.setdefault(counterpart, Tie(actor, counterpart))
        tie.add(event, from_a=mine is event["source"])
    return sorted(ties.values(), key=lambda t: (-t.events, t.b))[:limit]


def side_of(event: dict[str, Any], actor: str) -> tuple[dict, dict]:
    """(the actor's side, the other side) of an event `actor_events` found for `actor`."""
    ids, countries = actor_keys(actor)
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
    `period` (a key of `period_key`: «2016-08», «2016-W32») keeps one week or month: the
    events behind one point of the dyad chart."""
    pair, params = pair_clause(actor_keys(a), actor_keys(b))
    events = happened_events(conn, where=pair, params=params, since=since, until=until)
    return [e for e in events
            if e["date"] and (period is None or period_key(e["date"], by) == period)]


def activity(conn: sqlite3.Connection, actor: str, *, by: str = "month") -> list[dict[str, Any]]:
    """An actor's timeline: per week or month, its events that happened (with a counterpart
    or not), their mean Goldstein and the share that were cooperation."""
    periods: dict[str, dict[str, Any]] = {}
    for event in actor_events(conn, actor, both_sides=False):
        if not event["date"]:
            continue
        key = period_key(event["date"], by)
        period = periods.setdefault(key, {"period": key, "events": 0, "goldstein_sum": 0.0,
                                          "cooperation": 0, "conflict": 0})
        period["events"] += 1
        period["goldstein_sum"] += event["goldstein"] or 0.0
        period["cooperation" if event["quad_class"] in (1, 2) else "conflict"] += 1
    for period in periods.values():
        period["goldstein_mean"] = round(period.pop("goldstein_sum") / period["events"], 2)
    return [periods[k] for k in sorted(periods)]


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
