"""Merged events in a store: keeping `events.merged_id` up to date, and reading merged events.

Every event row carries `merge_key` (its group, written with the row) and `merged_id` (the
merged event it belongs to; `rasad.events.merge` says how). The write path calls `recluster`
with the groups a batch touched, inside the batch's transaction: the group is re-clustered
as a whole from what is stored, so a re-run, a new document, a deleted or replaced one all
leave exactly the clusters the same corpus would get from scratch — none duplicated,
none orphaned, whatever the order the documents came in.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from rasad.events.merge import Mention, cluster_all, merge_key, place_of

CHUNK = 500  # SQLite variables per IN (...) list


def has_merged(conn: sqlite3.Connection) -> bool:
    """The database has merged events (migration 0002). A read-only connection to a database
    written by an older rasad does not, until a writer (`rasad run`) opens it once."""
    return any(row[1] == "merged_id" for row in conn.execute("PRAGMA table_info(events)"))


def event_key_sql(conn: sqlite3.Connection, table: str = "") -> str:
    """SQL naming the real-world event an event row reports, so that analyses count it once:
    its merged id, or in a store written before merging the row itself, NULL for a later
    report of an event its document already has (`same_as`). `table`: the events table's
    alias in the query, if any."""
    t = f"{table}." if table else ""
    if has_merged(conn):
        return f"{t}merged_id"
    return (f"CASE WHEN json_extract({t}record, '$.same_as') IS NULL "
            f"THEN {t}doc_id || ':' || {t}idx END")


def require_merged(conn: sqlite3.Connection) -> None:
    """ValueError saying how to upgrade, for a database from before merged events."""
    if not has_merged(conn):
        raise ValueError("this database was written before merged events existed; run "
                         "'rasad run' on it once (with any input) to add them")


def keys_of(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    """The groups a stored document's events belong to."""
    return {row[0] for row in conn.execute(
        "SELECT DISTINCT merge_key FROM events WHERE doc_id = ? AND merge_key IS NOT NULL",
        (doc_id,))}


def recluster(conn: sqlite3.Connection, keys: Iterable[str]) -> int:
    """Re-cluster the groups `keys` from what is stored; return how many rows changed id.

    Call it inside the transaction that changed the groups, so clusters and rows commit
    together."""
    pending = sorted(set(keys))
    changed = 0
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute("SELECT doc_id, idx, merge_key, date, location, merged_id "
                            f"FROM events WHERE merge_key IN ({marks})", chunk).fetchall()
        changed += _write(conn, rows)
    return changed


def recluster_all(conn: sqlite3.Connection) -> int:
    """Give every event its `merge_key` (from its record) and re-cluster every group.

    For databases written before merging existed (the migration calls it) and for a repair."""
    updates = []
    for doc_id, idx, record, current in conn.execute(
            "SELECT doc_id, idx, record, merge_key FROM events").fetchall():
        key = merge_key(json.loads(record))
        if key != current:
            updates.append((key, doc_id, idx))
    conn.executemany("UPDATE events SET merge_key = ? WHERE doc_id = ? AND idx = ?", updates)
    rows = conn.execute("SELECT doc_id, idx, merge_key, date, location, merged_id "
                        "FROM events").fetchall()
    return _write(conn, rows)


def _write(conn: sqlite3.Connection, rows: list[Any]) -> int:
    mentions = {}
    for doc_id, idx, key, day, location, current in rows:
        place = place_of({"location": json.loads(location)}) if location else None
        mentions[Mention(doc_id, idx, key, day, place)] = current
    updates = [(ident, m.doc_id, m.idx) for m, ident in cluster_all(mentions).items()
               if mentions[m] != ident]
    conn.executemany("UPDATE events SET merged_id = ? WHERE doc_id = ? AND idx = ?", updates)
    return len(updates)


def mentions_of(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The mentions of merged events, earliest first: id → [{doc_id, idx, date, lang, ...}]."""
    out: dict[str, list[dict[str, Any]]] = {}
    pending = list(dict.fromkeys(ids))
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
                "SELECT e.merged_id, e.doc_id, e.idx, e.date, e.status, d.lang "
                f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.merged_id IN ({marks}) "
                "ORDER BY ifnull(e.date, '~'), e.doc_id, e.idx", chunk):
            out.setdefault(row[0], []).append(
                {"doc_id": row[1], "idx": row[2], "date": row[3], "status": row[4], "lang": row[5]})
    return out


def merged_summary(row: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """One merged event: the representative mention's columns (`row`), and its mentions."""
    dates = sorted(m["date"] for m in mentions if m["date"])
    return {**row, "merged_id": row["merged_id"], "mentions": len(mentions),
            "documents": len({m["doc_id"] for m in mentions}),
            "languages": ",".join(sorted({m["lang"] for m in mentions if m["lang"]})),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "mention_ids": [f"{m['doc_id']}:{m['idx']}" for m in mentions],
            "doc_ids": list(dict.fromkeys(m["doc_id"] for m in mentions))}


def query_merged(conn: sqlite3.Connection, *, limit: int = 100,
                 **filters: Any) -> list[dict[str, Any]]:
    """Merged events, newest first: one row per merged event with its mention counts.

    `filters` are those of `rasad.store.events.query_events` (actor, plover, status, dates,
    language, ...): a merged event is listed when any of its mentions matches them, and its
    counts cover all its mentions. Its columns (sides, codes, sentence) are its lead's: its
    earliest mention."""
    from rasad.store.events import query_events  # noqa: PLC0415 (that module grows filters)

    require_merged(conn)
    page: list[str] = []
    for row in query_events(conn, limit=-1, **filters):  # LIMIT -1: every matching mention
        ident = row.get("merged_id") or f"{row['doc_id']}:{row['idx']}"
        if ident not in page:
            page.append(ident)
            if len(page) == limit:
                break
    members = mentions_of(conn, page)
    out = []
    for ident in page:
        mentions = members.get(ident) or [_pseudo(ident)]
        lead = lead_row(conn, mentions[0]["doc_id"], mentions[0]["idx"])
        out.append(merged_summary({**lead, "merged_id": ident}, mentions))
    return out


def lead_row(conn: sqlite3.Connection, doc_id: str, idx: int) -> dict[str, Any]:
    """One stored mention with its document's language and title and its sentence."""
    row = conn.execute(
        "SELECT e.*, d.lang AS lang, d.title AS title, s.text AS sentence_text "
        "FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
        "WHERE e.doc_id = ? AND e.idx = ?", (doc_id, idx)).fetchone()
    return dict(row)


def _pseudo(ident: str) -> dict[str, Any]:
    """A row written before merging (no `merged_id`): a merged event of its own."""
    doc_id, _, idx = ident.rpartition(":")
    return {"doc_id": doc_id, "idx": int(idx), "date": None, "status": None, "lang": None}


def iter_merged_ids(conn: sqlite3.Connection) -> Iterator[str]:
    """Every merged event id, in order of its earliest mention."""
    seen: set[str] = set()
    for (ident,) in conn.execute("SELECT merged_id FROM events WHERE merged_id IS NOT NULL "
                                 "ORDER BY ifnull(date, '~'), doc_id, idx"):
        if ident not in seen:
            seen.add(ident)
            yield ident
