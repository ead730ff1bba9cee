"""Events in a store: filtered listing for `rasad events`, the web app and exports.

Filters are SQL parameters, never pasted into the query. Actors match by knowledge-base id,
English name or country code on either side.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from rasad.events.record import STATUSES


def query_events(conn: sqlite3.Connection, *, actor: str | None = None,
                 plover: str | None = None, status: str | None = None,
                 since: str | None = None, until: str | None = None, lang: str | None = None,
                 limit: int = 100) -> list[dict[str, Any]]:
    """Stored events, newest first, with the sentence each came from."""
    where, params = ["1=1"], []
    if actor:
        where.append("(e.source_kb_id = ? OR e.target_kb_id = ? OR e.source_country = ? OR "
                     "e.target_country = ? OR e.source_name_en LIKE ? OR e.target_name_en LIKE ?)")
        params += [actor, actor, actor.upper(), actor.upper(), f"%{actor}%", f"%{actor}%"]
    if plover:
        where.append("e.plover_event = ?")
        params.append(plover.upper())
    if status:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        where.append("e.status = ?")
        params.append(status)
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    sql = ("SELECT e.*, d.lang AS lang, d.title AS title, s.text AS sentence_text "
           "FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.doc_id, e.idx LIMIT ?")
    params.append(int(limit))
    return [dict(row) for row in conn.execute(sql, params)]
