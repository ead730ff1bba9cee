"""The store's answers in the shapes the API and the pages share.

Thin adapters over `rasad.store`, `rasad.analysis` and the knowledge base: each takes a
read-only connection and checked parameters and returns plain dicts, so the JSON API returns
exactly what the pages render.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from rasad.analysis.dyad import QUADS, dyad
from rasad.analysis.network import activity, counterparts, network, pair_events
from rasad.store.events import query_events
from rasad.store.read import stats
from rasad.store.search import search
from rasad.web import actors
from rasad.web.snippets import marked


def documents(conn: sqlite3.Connection, *, lang: str | None = None, limit: int = 50,
              offset: int = 0) -> dict[str, Any]:
    """Stored documents, newest publication first, with their event counts."""
    where, params = ("WHERE d.lang = ?", [lang]) if lang else ("", [])
    total = conn.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.lang, d.published, d.title, d.source, d.url, length(d.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.id AND e.status = 'asserted') "
        f"AS asserted FROM documents d {where} "
        "ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return {"total": total, "offset": offset, "documents": [dict(r) for r in rows]}


def events(conn: sqlite3.Connection, **filters: Any) -> list[dict[str, Any]]:
    """`rasad events --json` rows: the event record with its document and sentence, and the
    Persian and Arabic names of both sides."""
    out = []
    for row in query_events(conn, **filters):
        record = json.loads(row["record"])
        out.append({"doc_id": row["doc_id"], "lang": row.get("lang"), "title": row.get("title"),
                    "sentence_text": row.get("sentence_text"), **record,
                    "names": {side: actors.labels(**_side_keys(record.get(side)))
                              for side in ("source", "target") if record.get(side)}})
    return out


def _side_keys(side: dict[str, Any]) -> dict[str, Any]:
    return {"kb_id": side.get("kb_id"), "country": side.get("country"),
            "name_en": side.get("name_en")}


def dyad_data(conn: sqlite3.Connection, a: str, b: str, *, by: str, since: str | None,
              until: str | None) -> dict[str, Any]:
    """`rasad dyad` as data: periods, the strongest events, what did not happen."""
    result = dyad(conn, a, b, by=by, since=since, until=until)
    return {"a": a, "b": b, "by": by, "total": result.total, "mentions": result.mentions,
            "names": {"a": _names_of(a), "b": _names_of(b)},
            "periods": [{"period": p.key, "events": p.events, "mentions": p.mentions,
                         "goldstein_mean": round(p.goldstein_mean, 2),
                         "goldstein_sum": round(p.goldstein_sum, 2),
                         "quads": {str(k): v for k, v in sorted(p.quads.items())},
                         "types": dict(p.types)} for p in result.periods],
            "top": result.top, "not_happened": result.not_happened,
            "quad_classes": {str(k): v for k, v in QUADS.items()}}


def _names_of(key: str) -> dict[str, str]:
    record = actors.resolve(key)
    return actors.names(record) if record else {"en": key}


def dyad_events(conn: sqlite3.Connection, a: str, b: str, **options: Any) -> list[dict[str, Any]]:
    """The events behind one point of the dyad chart, with their sentences."""
    return pair_events(conn, a, b, **options)


def actor_data(conn: sqlite3.Connection, key: str, *, level: str, since: str | None,
               until: str | None, limit: int = 20) -> dict[str, Any] | None:
    """An actor's page: its KB record, counterparts ranked, timeline and latest events."""
    record = actors.resolve(key)
    if record is None:
        return None
    name = actors.page_key(record)
    ties = counterparts(conn, name, level=level, since=since, until=until, limit=limit)
    return {"actor": actors.record_summary(record), "key": name,
            "counterparts": [{**t.to_dict(), "names": actors.node_names(t.b)} for t in ties],
            "timeline": activity(conn, name),
            "events": events(conn, actor=name, since=since, until=until, limit=limit)}


def network_data(conn: sqlite3.Connection, **options: Any) -> dict[str, Any]:
    """The network of a period with names on its nodes."""
    graph = network(conn, **options)
    for node in graph["nodes"]:
        node["names"] = actors.node_names(node["id"])
    return graph


def search_data(conn: sqlite3.Connection, query: str, *, lang: str | None,
                limit: int) -> dict[str, Any]:
    """Actors called `query` (knowledge base) and sentences containing its words (full-text
    index); both fold ي/ی، ك/ک and ZWNJ, so any spelling finds the same."""
    found = actors.search(query, limit=limit)
    try:
        hits = search(conn, query, limit=limit, langs=(lang,) if lang else ())
    except ValueError:  # only punctuation or marks: no words for the index
        hits = []
    for hit in hits:
        hit["marked"] = marked(hit["text"], query)
    return {"query": query, "actors": found, "sentences": hits}


def store_stats(conn: sqlite3.Connection) -> dict[str, Any]:
    return stats(conn)
