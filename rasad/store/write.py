"""Saving analysed documents, and the bookkeeping of runs and problems.

A document and all its annotations go in one transaction, so the database never holds half
a document. Saving is idempotent: a document already stored (same id, same origin) is
skipped, so re-running over the same input after a crash adds exactly what is missing.
A document whose text (by content hash) is already stored under another id or origin is not
stored again; it is recorded in `duplicates`, once per (id, origin), and counted.
Each transaction that adds or removes events also re-clusters the merged events of the
groups it touched (`rasad.store.clusters`), so merged events are never out of date.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from itertools import count, islice
from typing import Literal, TypeVar

from rasad.document import Document
from rasad.store.clusters import keys_of, recluster
from rasad.store.db import transaction
from rasad.store.rows import (
    DOC_COLUMNS,
    EVENT_COLUMNS,
    LAYERS,
    SENTENCE_COLUMNS,
    DocRows,
    document_rows,
    insert_sql,
)
from rasad.store.search import index_fts, unindex_document

Outcome = Literal["inserted", "duplicate", "exists"]
ErrorHandler = Callable[[Document, Exception], None]
RowsErrorHandler = Callable[[DocRows, Exception], None]
T = TypeVar("T")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_document(conn: sqlite3.Connection, doc: Document, *, content_hash: str,
                  run_id: int | None = None) -> Outcome:
    """Store `doc` with every annotation in one transaction; say what happened.

    "inserted": stored now. "exists": this id from this origin was stored before (a re-run).
    "duplicate": its text is stored under another id or origin; recorded in `duplicates`.
    ValueError if its id is already stored with a different text (ids given with the input
    must be unique). `content_hash` is `rasad.ingest.dedup.content_hash(doc.text)`.
    """
    rows = document_rows(doc, content_hash=content_hash)
    with transaction(conn):
        outcomes, keys = _write(conn, [rows], run_id=run_id)
        recluster(conn, keys)
    return outcomes[0]


def save_batch(conn: sqlite3.Connection, docs: Iterable[Document], *,
               hash_text: Callable[[str], str], batch_size: int = 500,
               run_id: int | None = None, on_error: ErrorHandler | None = None) -> Counter[str]:
    """Save many documents, one transaction per `batch_size` of them; count the outcomes.

    Without `on_error` a failing document rolls back its whole batch and the error
    propagates (earlier batches stay committed). With it, the failing document alone is
    rolled back, `on_error(doc, error)` is called inside the batch (so a `record_problem`
    there commits with it), and the batch goes on; it is counted as "failed".
    """
    counts: Counter[str] = Counter()
    for chunk in _chunks(docs, batch_size):
        with transaction(conn):
            outcomes, keys = _write_each(
                conn, chunk, run_id=run_id, on_error=on_error,
                rows_of=lambda doc: document_rows(doc, content_hash=hash_text(doc.text)))
            counts.update(outcomes)
            recluster(conn, keys)  # once per batch: a group many documents touch
    return counts


def save_rows(conn: sqlite3.Connection, batch: Sequence[DocRows], *, run_id: int | None = None,
              on_error: RowsErrorHandler | None = None) -> Counter[str]:
    """Save documents already turned into rows (`rasad.store.rows.document_rows`) in one
    transaction: each table written with one `executemany` for the whole batch, the merged
    events of the groups it touched re-clustered once. Outcomes and `on_error` as in
    `save_batch`: when the batch fails and `on_error` is given, it is written again one
    document at a time, each in a savepoint, and only the failing ones are skipped."""
    counts: Counter[str] = Counter()
    with transaction(conn):
        try:
            with transaction(conn):  # a savepoint: the one-go write, undone whole if it fails
                outcomes, keys = _write(conn, batch, run_id=run_id)
        except Exception:
            if on_error is None:
                raise
            outcomes, keys = _write_each(conn, batch, run_id=run_id, on_error=on_error,
                                         rows_of=lambda rows: rows)
        counts.update(outcomes)
        recluster(conn, keys)
    return counts


def _write_each(conn: sqlite3.Connection, items: Iterable[T], *, run_id: int | None,
                on_error: Callable[[T, Exception], None] | None,
                rows_of: Callable[[T], DocRows]) -> tuple[list[str], set[str]]:
    """Write documents one at a time, each in a savepoint; with `on_error`, one that fails
    (to become rows, or to be written) is handed to it and counted "failed"."""
    outcomes: list[str] = []
    keys: set[str] = set()
    for item in items:
        try:
            with transaction(conn):  # a savepoint: this document only
                (outcome,), touched = _write(conn, [rows_of(item)], run_id=run_id)
        except Exception as error:
            if on_error is None:
                raise
            on_error(item, error)
            outcome, touched = "failed", set()
        outcomes.append(outcome)
        keys |= touched
    return outcomes, keys


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, not {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _write(conn: sqlite3.Connection, batch: Sequence[DocRows], *,
           run_id: int | None) -> tuple[list[Outcome], set[str]]:
    """Decide each document's outcome in order (as if saved one by one), insert the new ones
    and record the duplicates; the outcomes and the merge groups the new events touch."""
    new: dict[str, DocRows] = {}  # this batch's documents to insert, by id
    by_hash: dict[str, str] = {}  # and their ids by content hash
    outcomes: list[Outcome] = []
    duplicates: list[tuple[int, tuple[object, ...]]] = []  # (position, row)
    stamp = now()
    for rows in batch:
        same = new.get(rows.id)
        same_id = (same.origin, same.content_hash) if same else conn.execute(
            "SELECT origin, content_hash FROM documents WHERE id = ?", (rows.id,)).fetchone()
        if same_id is not None and same_id[1] != rows.content_hash:
            raise ValueError(
                f"document id {rows.id!r} (from {rows.origin}) is already stored with another "
                f"text (from {same_id[0]}): ids given with the input must be unique")
        if same_id is not None and same_id[0] == rows.origin:
            outcomes.append("exists")
            continue
        kept = rows.id if same_id is not None else \
            by_hash.get(rows.content_hash) or _id_by_hash(conn, rows.content_hash)
        if kept is None:
            new[rows.id] = rows
            by_hash[rows.content_hash] = rows.id
            outcomes.append("inserted")
        else:
            duplicates.append((len(outcomes), (rows.content_hash, rows.origin, kept, rows.id,
                                               stamp, run_id)))
            outcomes.append("duplicate")
    _insert(conn, list(new.values()), run_id=run_id, stamp=stamp)
    for position, row in duplicates:  # after the documents they point at
        cursor = conn.execute(
            "INSERT OR IGNORE INTO duplicates (content_hash, origin, doc_id, dup_id, seen_at, "
            "run_id) VALUES (?, ?, ?, ?, ?, ?)", row)
        if not cursor.rowcount:  # this copy from this origin was recorded before
            outcomes[position] = "exists"
    keys = {event["merge_key"] for rows in new.values() for event in rows.events
            if event["merge_key"] is not None}
    return outcomes, keys


def _id_by_hash(conn: sqlite3.Connection, content_hash: str) -> str | None:
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
    return None if row is None else row[0]


def _insert(conn: sqlite3.Connection, docs: list[DocRows], *, run_id: int | None,
            stamp: str) -> None:
    """Every row of `docs`, one `executemany` per table."""
    if not docs:
        return
    conn.executemany(insert_sql("documents", DOC_COLUMNS),
                     [{**rows.document, "ingested_at": stamp, "run_id": run_id} for rows in docs])
    # Sentence ids are given, not left to SQLite, so the index can point at them without
    # reading them back: the same ids SQLite would choose (one past the largest), taken
    # inside the transaction that holds the write lock.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
    sentences = [sentence for rows in docs for sentence in rows.sentences]
    conn.executemany(insert_sql("sentences", ("id", *SENTENCE_COLUMNS)),
                     [{"id": first + i, **sentence} for i, sentence in enumerate(sentences)])
    index_fts(conn, zip(count(first), (text for rows in docs for text in rows.fts)))
    for name, layer in LAYERS.items():
        conn.executemany(layer.insert_sql, [row for rows in docs for row in rows.layers[name]])
    conn.executemany(insert_sql("events", EVENT_COLUMNS),
                     [event for rows in docs for event in rows.events])


def delete_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a document, its annotations and its search entries; False if it was not there.
    The merged events its events belonged to are re-clustered without them."""
    with transaction(conn):
        keys = keys_of(conn, doc_id)
        unindex_document(conn, doc_id)
        removed = conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0
        recluster(conn, keys)
        return removed


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def known_hashes(conn: sqlite3.Connection, hashes: Iterable[str]) -> set[str]:
    """Those of `hashes` whose text is already stored, so a resumed run can skip them early."""
    pending = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for i in range(0, len(pending), 500):
        chunk = pending[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(row[0] for row in conn.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", chunk))
    return found


def start_run(conn: sqlite3.Connection, *, paths: Sequence[str] = ()) -> int:
    """Record the start of a run over `paths`; return its id."""
    with transaction(conn):
        return conn.execute("INSERT INTO runs (started_at, paths) VALUES (?, ?)",
                            (now(), json.dumps([str(p) for p in paths], ensure_ascii=False))).lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, *, counts: Mapping[str, int]) -> None:
    """Record the end of a run and what it did (inserted, duplicate, exists, failed, ...)."""
    with transaction(conn):
        conn.execute("UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                     (now(), json.dumps(dict(counts)), run_id))


WARNING_PREFIX = "warning: "  # a problem recorded with this prefix was read, but look at it


def record_problem(conn: sqlite3.Connection, run_id: int | None, *, message: str,
                   origin: str | None = None, doc_id: str | None = None,
                   warning: bool = False) -> None:
    """Record an input a run could not read or analyse, to be reported and retried; with
    `warning`, one it read with a caveat (a date it could not read, a guessed encoding)."""
    if warning:
        message = WARNING_PREFIX + message
    with transaction(conn):
        conn.execute("INSERT INTO problems (run_id, origin, doc_id, message, at) VALUES (?, ?, ?, ?, ?)",
                     (run_id, origin, doc_id, message, now()))
