"""Events in a store: filtered listing for `rasad events`, the web app and exports.

Filters are SQL parameters, never pasted into the query. Actors match by knowledge-base id,
English name or country code on either side.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from rasad.events.ontology import quad_class
from rasad.events.record import STATUSES

_PERIOD_START = ("(CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' "
                 "ELSE e.date END)")
_PERIOD_END = ("(CASE length(e.date) WHEN 4 THEN e.date || '-12-31' WHEN 7 THEN e.date || '-31' "
               "ELSE e.date END)")


def query_events(conn: sqlite3.Connection, *, actor: str | None = None,
                 source: str | None = None, target: str | None = None,
                 country: str | None = None, cameo: str | None = None,
                 quad: str | int | None = None, plover: str | None = None,
                 status: str | None = None, since: str | None = None, until: str | None = None,
                 lang: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Stored events, newest first, with the sentence each came from.

    `actor` matches either side, `source` and `target` one side each (ids, codes or names in
    any script, as `actor_keys` reads them); `country` is a code on either side; `cameo` a
    code prefix («04» is 040-046 and their sub-codes); `quad` 1-4 or a quad class name.
    """
    where, params = ["1=1"], []
    for value, sides in ((actor, ("source", "target")), (source, ("source",)),
                         (target, ("target",))):
        if value:
            clause, clause_params = actor_clause(value, sides)
            where.append(clause)
            params += clause_params
    if country:
        where.append("(e.source_country = ? OR e.target_country = ?)")
        params += [country.upper()] * 2
    if cameo:
        where.append("e.cameo LIKE ?")
        params.append(cameo.replace("%", "").replace("_", "") + "%")
    if quad is not None:
        where.append("e.quad_class = ?")
        params.append(quad_class(quad))
    if plover:
        where.append("e.plover_event = ?")
        params.append(plover.upper())
    if status:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        where.append("e.status = ?")
        params.append(status)
    dates, date_params = date_clauses(since, until)
    where += dates
    params += date_params
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    sql = ("SELECT e.*, d.lang AS lang, d.title AS title, s.text AS sentence_text "
           "FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.doc_id, e.idx LIMIT ?")
    params.append(int(limit))
    return [dict(row) for row in conn.execute(sql, params)]


def actor_clause(actor: str, sides: tuple[str, ...]) -> tuple[str, list[str]]:
    """SQL true when any of `sides` is `actor`: its ids and codes (`actor_keys`), and for a
    name also the English names that contain it («Putin»)."""
    keys = actor_keys(actor)
    clauses, params = [], []
    for side in sides:
        clause, side_params = side_is(side, *keys)
        clauses.append(clause)
        params += side_params
    if not is_code(actor):
        # % and _ in a name are letters, not wildcards: «%» must not match every event
        clauses += [f"e.{side}_name_en LIKE ? ESCAPE '\\'" for side in sides]
        params += [f"%{like_literal(actor)}%"] * len(sides)
    return f"({' OR '.join(clauses)})", params


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\', matching itself and nothing else."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def date_clauses(since: str | None, until: str | None) -> tuple[list[str], list[str]]:
    """SQL conditions (and parameters) keeping the events of `e` dated within since..until.

    A stored date may be a year or a month («2016», «2024-02»): it is a period, kept when the
    period ends on or after `since` and starts on or before `until`, so «2016» is kept by
    `--since 2016-06-01`. `rasad events` and `rasad dyad` both read dates through this.
    """
    where, params = [], []
    if since:
        where.append(f"{_PERIOD_END} >= ?")
        params.append(_bound(since, start=True))
    if until:
        where.append(f"{_PERIOD_START} <= ?")
        params.append(_bound(until, start=False))
    return where, params


def _bound(value: str, *, start: bool) -> str:
    """A filter date as a day: «2024» from its first or to its last day, «2024-02» likewise."""
    if len(value) == 4:
        return value + ("-01-01" if start else "-12-31")
    if len(value) == 7:
        return value + ("-01" if start else "-31")
    return value


def is_code(actor: str) -> bool:
    """RUS, NATO, EU: a country or IGO code, matched exactly, never inside a name."""
    return actor.isascii() and actor.replace("_", "").isupper()


def side_is(side: str, ids: list[str], countries: list[str]) -> tuple[str, list[str]]:
    """SQL (and its parameters) true when an event's `side` (source or target) is the actor
    with these knowledge-base ids or country codes (from `actor_keys`)."""
    return (f"(e.{side}_kb_id IN ({_marks(ids)}) OR e.{side}_country IN ({_marks(countries)}))",
            [*ids, *countries])


def pair_clause(a: tuple[list[str], list[str]],
                b: tuple[list[str], list[str]]) -> tuple[str, list[str]]:
    """SQL (and its parameters) true when an event runs between the actors with keys `a` and
    `b` (from `actor_keys`), either way.

    The same test as `side_is` on both sides, written as one case per way and per pairing of
    id and country (8 in all), so that each case is a search in one (source, target) index
    instead of a scan of every event.
    """
    cases, params = [], []
    for (source_ids, source_countries), (target_ids, target_countries) in ((a, b), (b, a)):
        for source_column, source_values in (("kb_id", source_ids), ("country", source_countries)):
            for target_column, target_values in (("kb_id", target_ids),
                                                 ("country", target_countries)):
                cases.append(f"(e.source_{source_column} IN ({_marks(source_values)}) "
                             f"AND e.target_{target_column} IN ({_marks(target_values)}))")
                params += [*source_values, *target_values]
    return f"({' OR '.join(cases)})", params


def _marks(values: list[str]) -> str:
    return ", ".join("?" * len(values)) or "NULL"


def actor_keys(actor: str) -> tuple[list[str], list[str]]:
    """The knowledge-base ids and country codes an actor filter means: an id, a country or
    IGO code, or a name in English, Persian or Arabic (any spelling the KB knows: روسيه، روسیه)."""
    from rasad.kb.base import load_kb  # noqa: PLC0415

    ids, countries = [actor], [actor.upper()]
    if is_code(actor):  # a code: RUS, NATO, EU
        return ids, countries
    kb = load_kb()
    for record in kb.exact(actor) or kb.search(actor, limit=3):
        ids.append(record.id)
        if record.kind in ("state", "territory", "igo") and record.country:
            countries.append(record.country)
    return list(dict.fromkeys(ids)), list(dict.fromkeys(countries))
