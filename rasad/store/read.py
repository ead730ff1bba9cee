"""Reading documents back, and what a database holds.

`load_document` rebuilds the contract dict from the rows and hands it to
`Document.from_dict`, so a stored document reads back exactly as it was saved (tokens are
not stored, only counted). `stats` is the data behind `rasad stats`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasad.document import LAYERS as LAYER_NAMES
from rasad.document import Document
from rasad.store.clusters import has_merged
from rasad.store.db import schema_version
from rasad.store.rows import LAYERS
from rasad.store.write import WARNING_PREFIX


def load_dict(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """The stored document in contract shape (`Document.to_dict()`), or None."""
    doc = conn.execute("SELECT id, lang, published, title, source, url, text FROM documents "
                       "WHERE id = ?", (doc_id,)).fetchone()
    if doc is None:
        return None
    data = dict(doc)
    data["lang"] = data["lang"] or "other"
    text = data["text"]
    data["sentences"] = [
        {"start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]],
         **({"lang": s["lang"]} if s["lang"] else {})}
        for s in _rows(conn, "sentences", doc_id)]
    for name, layer in LAYERS.items():
        data[name] = [layer.from_row(row) for row in _rows(conn, name, doc_id)]
    data["events"] = [json.loads(row["record"]) for row in _rows(conn, "events", doc_id)]
    return data


def _rows(conn: sqlite3.Connection, table: str, doc_id: str) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall()


def load_document(conn: sqlite3.Connection, doc_id: str) -> Document:
    """The stored document with its annotations, ingest facts (`meta`) and stage names."""
    data = load_dict(conn, doc_id)
    if data is None:
        raise KeyError(f"no document {doc_id!r} in this database")
    doc = Document.from_dict(data)
    row = conn.execute("SELECT lang, meta, analyzed_with FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    doc.lang = row["lang"]
    doc.meta = json.loads(row["meta"]) if row["meta"] else {}
    doc.done = set(json.loads(row["analyzed_with"] or "{}").get("stages", []))
    return doc


def iter_documents(conn: sqlite3.Connection, *, lang: str | None = None,
                   source: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int | None = None) -> Iterator[Document]:
    """Stored documents, oldest publication first; `since`/`until` are ISO dates, inclusive."""
    clauses, params = _document_filters(lang=lang, source=source, since=since, until=until)
    sql = "SELECT id FROM documents" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
    sql += " ORDER BY published, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    ids = [row[0] for row in conn.execute(sql, params)]
    for doc_id in ids:
        yield load_document(conn, doc_id)


def _document_filters(*, lang: str | None, source: str | None, since: str | None,
                      until: str | None) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    # "2022-01-10T09:00" sorts after "2022-01-10" but is on that day: extend `until` so
    # that everything starting with it sorts before it (U+FFFF sorts after any ASCII).
    for clause, value in (("lang = ?", lang), ("source = ?", source), ("published >= ?", since),
                          ("published <= ?", None if until is None else until + "\uffff")):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return clauses, params


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the database holds: counts per table and language, dates, versions, size."""
    one = _scalar(conn)
    out: dict[str, Any] = {
        "documents": one("SELECT count(*) FROM documents"),
        "languages": {row[0] or "unknown": row[1] for row in conn.execute(
            "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC")},
        "published": {"first": one("SELECT min(published) FROM documents"),
                      "last": one("SELECT max(published) FROM documents")},
        "sentences": one("SELECT count(*) FROM sentences"),
        "tokens": one("SELECT coalesce(sum(n_tokens), 0) FROM documents"),
    }
    for layer in LAYER_NAMES:
        out[layer] = one(f"SELECT count(*) FROM {layer}")
    # Only asserted events happened; the others (negated, future, proposed, hypothetical,
    # reported claims) are kept and counted apart.
    out["events_by_status"] = {row[0]: row[1] for row in conn.execute(
        "SELECT status, count(*) FROM events GROUP BY status ORDER BY count(*) DESC")}
    if has_merged(conn):  # each real-world event once, however many documents report it
        out["merged_events"] = one("SELECT count(DISTINCT merged_id) FROM events")
        out["merged_asserted"] = one("SELECT count(DISTINCT merged_id) FROM events "
                                     "WHERE status = 'asserted'")
    out.update({
        "duplicates": one("SELECT count(*) FROM duplicates"),
        "runs": one("SELECT count(*) FROM runs"),
        # Started and never finished: interrupted (Ctrl-C, killed, a crash), or still running.
        "unfinished_runs": one("SELECT count(*) FROM runs WHERE finished_at IS NULL"),
        # One per distinct input and message: a re-run records its problems again, per run.
        # Warnings (input read, but look at it) are recorded as "warning: ..." messages.
        "problems": one("SELECT count(*) FROM (SELECT DISTINCT origin, message FROM problems "
                        f"WHERE message NOT LIKE '{WARNING_PREFIX}%')"),
        "warnings": one("SELECT count(*) FROM (SELECT DISTINCT origin, message FROM problems "
                        f"WHERE message LIKE '{WARNING_PREFIX}%')"),
        "schema_version": schema_version(conn),
        **_file_sizes(conn),
    })
    return out


def unfinished_runs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Runs that started and never recorded their end, oldest first."""
    return [{"id": row[0], "started_at": row[1], "paths": json.loads(row[2] or "[]")}
            for row in conn.execute("SELECT id, started_at, paths FROM runs "
                                    "WHERE finished_at IS NULL ORDER BY id")]


def _scalar(conn: sqlite3.Connection) -> Any:
    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]
    return one


def _file_sizes(conn: sqlite3.Connection) -> dict[str, Any]:
    """The database file and its write-ahead log on disk (0 for an in-memory database)."""
    name = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    path = Path(name) if name else None
    size = path.stat().st_size if path and path.is_file() else 0
    wal = Path(f"{name}-wal") if name else None
    return {"path": name or ":memory:", "file_bytes": size,
            "wal_bytes": wal.stat().st_size if wal and wal.is_file() else 0}
