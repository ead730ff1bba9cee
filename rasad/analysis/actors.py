"""The actors of a store's events, and one actor's counterparts ranked.

`rasad entities` counts mentions; an analyst asking "who acts here, and with whom" needs the
sides of events instead: how often an actor is the source and the target, and for one actor
the others it dealt with. Names in Persian and Arabic come from the knowledge base, so a row
reads the same whichever language the events were coded from.

Counterparts count only what happened (status asserted), each real-world event once however
many reports it has, as `rasad dyad` and the web app count.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

# `happened`: the real-world event an asserted row reports (NULL otherwise), so that an event
# reported many times counts once; {event} is `rasad.store.clusters.event_key_sql`.
_SIDES_SQL = """
WITH coded AS (SELECT *, CASE WHEN status = 'asserted' THEN {event} END AS happened
               FROM events)
SELECT kb_id, SUM(as_source) AS as_source, SUM(as_target) AS as_target,
       COUNT(DISTINCT happened) AS asserted, MAX(name_en) AS name_en, MAX(country) AS country,
       MAX(sector) AS sector
FROM (SELECT source_kb_id AS kb_id, 1 AS as_source, 0 AS as_target,
             happened, source_name_en AS name_en,
             source_country AS country, source_sector AS sector FROM coded
      UNION ALL
      SELECT target_kb_id, 0, 1, happened, target_name_en, target_country, target_sector
      FROM coded)
WHERE kb_id IS NOT NULL AND (:country IS NULL OR country = :country)
GROUP BY kb_id ORDER BY SUM(as_source) + SUM(as_target) DESC, kb_id LIMIT :limit
"""


@dataclass
class ActorCount:
    """One actor of a store's events: how often it is each side (every event record), in how
    many events that happened (`asserted`, each real-world event once), and its names."""

    kb_id: str
    name_en: str | None
    name_fa: str | None
    name_ar: str | None
    country: str | None
    sector: str | None
    as_source: int
    as_target: int
    asserted: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Counterpart:
    """Another actor one actor dealt with: events each way, mean Goldstein, PLOVER types."""

    key: str
    name_en: str | None
    name_fa: str | None
    name_ar: str | None
    country: str | None
    sector: str | None
    outgoing: int = 0  # the actor did something to this counterpart
    incoming: int = 0  # this counterpart did something to the actor
    goldstein_sum: float = 0.0
    types: dict[str, int] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return self.outgoing + self.incoming

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(events=self.events, goldstein_mean=round(self.goldstein_mean, 2))
        return data


def kb_names(kb_id: str | None) -> tuple[str | None, str | None, str | None]:
    """The English, Persian and Arabic names the knowledge base gives `kb_id` (None where
    it has none, or for an id it does not know)."""
    from rasad.kb.base import load_kb  # noqa: PLC0415 (loaded on first use, then cached)

    record = load_kb().get(kb_id) if kb_id else None
    names = record.display_names() if record is not None else {}
    return names.get("en"), names.get("fa"), names.get("ar")


def event_actors(conn: sqlite3.Connection, *, country: str | None = None,
                 limit: int = 50) -> list[ActorCount]:
    """Actors with a knowledge-base id on either side of the stored events, most events first;
    `country` keeps those of one country or IGO code."""
    from rasad.store.clusters import event_key_sql  # noqa: PLC0415

    rows = conn.execute(_SIDES_SQL.format(event=event_key_sql(conn)), {"country": country.upper() if country else None,
                                     "limit": int(limit)})
    out = []
    for row in rows:
        name_en, name_fa, name_ar = kb_names(row["kb_id"])
        out.append(ActorCount(row["kb_id"], name_en or row["name_en"], name_fa, name_ar,
                              row["country"], row["sector"], row["as_source"], row["as_target"],
                              row["asserted"]))
    return out


def counterparts(conn: sqlite3.Connection, actor: str, *, country: str | None = None,
                 limit: int = 20) -> list[Counterpart]:
    """The actors `actor` (id, code, or a name in any script) dealt with in events that
    happened, most events first, each event once however many reports it has (read through
    `rasad.analysis.network.actor_events`, as the dyad and the web app read them); `country`
    keeps the counterparts of one country or IGO code. A side without an id is kept by
    country and sector («police (TUR)»); an event without a second side has no counterpart."""
    from rasad.analysis.network import actor_events, side_of  # noqa: PLC0415
    from rasad.kb.base import load_kb  # noqa: PLC0415
    from rasad.store.events import actor_keys  # noqa: PLC0415

    ids, countries = actor_keys(actor)
    kb = load_kb()

    def itself(side: dict[str, Any]) -> bool:  # the actor, or its state (a domestic act)
        record = kb.get(side["kb_id"]) if side["kb_id"] else None
        state = record is None or record.kind in ("state", "territory", "igo")
        return side["kb_id"] in ids or (state and side["country"] in countries)

    found: dict[str, Counterpart] = {}
    for event in actor_events(conn, actor):
        mine, other = side_of(event, actor)
        if itself(other):
            continue
        key = other["kb_id"] or f"{other['sector'] or '?'}:{other['country']}"
        if key not in found:
            names = kb_names(other["kb_id"])
            found[key] = Counterpart(key, names[0] or other["name_en"] or other["sector"],
                                     names[1], names[2], other["country"], other["sector"])
        part = found[key]
        if mine is event["source"]:
            part.outgoing += 1
        else:
            part.incoming += 1
        part.goldstein_sum += event["goldstein"] or 0.0
        part.types[event["plover"]] = part.types.get(event["plover"], 0) + 1
    ranked = sorted((p for p in found.values() if not country or p.country == country.upper()),
                    key=lambda p: (-p.events, p.key))
    return ranked[:limit]
