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
from itertools import islice
from typing import Literal

from rasad import __version__
from rasad.document import Document
from rasad.store.clusters import keys_of, recluster
from rasad.store.db import transaction
from rasad.store.rows import EVENT_COLUMNS, LAYERS, event_row, insert_sql
from rasad.store.search import index_sentences, unindex_document

Outcome = Literal["inserted", "duplicate", "exists"]
ErrorHandler = Callable[[Document, Exception], None]

DOC_COLUMNS = ("id", "content_hash", "lang", "published", "title", "source", "url", "text",
               "origin", "format", "encoding", "meta", "ingested_at", "analyzed_with",
               "n_sentences", "n_tokens", "run_id")
SENTENCE_COLUMNS = ("doc_id", "idx", "start", "end", "lang")


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
    with transaction(conn):
        outcome = _save(conn, doc, content_hash=content_hash, run_id=run_id)
        if outcome == "inserted":
            recluster(conn, keys_of(conn, doc.id))
        return outcome


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
            inserted: list[str] = []
            for doc in chunk:
                if on_error is None:
                    outcome = _save(conn, doc, content_hash=hash_text(doc.text), run_id=run_id)
                else:
                    try:
                        with transaction(conn):  # a savepoint: this document only
                            outcome = _save(conn, doc, content_hash=hash_text(doc.text), run_id=run_id)
                    except Exception as error:  # noqa: BLE001 (the handler decides)
                        on_error(doc, error)
                        outcome = "failed"
                counts[outcome] += 1
                if outcome == "inserted":
                    inserted.append(doc.id)
            # once per batch: a group many documents touch is re-clustered once
            recluster(conn, {key for doc_id in inserted for key in keys_of(conn, doc_id)})
    return counts


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, not {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _save(conn: sqlite3.Connection, doc: Document, *, content_hash: str,
          run_id: int | None) -> Outcome:
    origin = _str_or_none(doc.meta.get("origin"))
    same_id = conn.execute("SELECT origin, content_hash FROM documents WHERE id = ?",
                           (doc.id,)).fetchone()
    if same_id is not None and same_id[1] != content_hash:
        raise ValueError(f"document id {doc.id!r} (from {origin}) is already stored with another "
                         f"text (from {same_id[0]}): ids given with the input must be unique")
    if same_id is not None and same_id[0] == origin:
        return "exists"
    kept = doc.id if same_id is not None else _id_by_hash(conn, content_hash)
    if kept is not None:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO duplicates (content_hash, origin, doc_id, dup_id, seen_at, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?)", (content_hash, origin, kept, doc.id, now(), run_id))
        return "duplicate" if cursor.rowcount else "exists"
    _insert(conn, doc, content_hash=content_hash, run_id=run_id)
    return "inserted"


def _id_by_hash(conn: sqlite3.Connection, content_hash: str) -> str | None:
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
    return None if row is None else row[0]


def _insert(conn: sqlite3.Connection, doc: Document, *, content_hash: str,
            run_id: int | None) -> None:
    data = doc.to_dict()
    conn.execute(insert_sql("documents", DOC_COLUMNS), document_row(doc, content_hash, run_id))
    conn.executemany(insert_sql("sentences", SENTENCE_COLUMNS),
                     sentence_rows(doc.id, data["sentences"]))
    ids = [row[0] for row in conn.execute(
        "SELECT id FROM sentences WHERE doc_id = ? ORDER BY idx", (doc.id,))]
    index_sentences(conn, zip(ids, (s["text"] for s in data["sentences"]), strict=True))
    for name, layer in LAYERS.items():
        conn.executemany(layer.insert_sql,
                         [layer.to_row(doc.id, i, record) for i, record in enumerate(data[name])])
    conn.executemany(insert_sql("events", EVENT_COLUMNS),
                     [event_row(doc.id, i, event) for i, event in enumerate(data["events"])])


def sentence_rows(doc_id: str, sentences: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """The `sentences` rows of contract sentences (their text is read from the document)."""
    return [{"doc_id": doc_id, "idx": i, "start": s["start"], "end": s["end"],
             "lang": s.get("lang")} for i, s in enumerate(sentences)]


def document_row(doc: Document, content_hash: str, run_id: int | None) -> dict[str, object]:
    """The `documents` row of an analysed document (also a row of the Spark job's Parquet)."""
    meta = doc.meta
    return {
        "id": doc.id, "content_hash": content_hash, "lang": doc.lang, "published": doc.published,
        "title": doc.title, "source": doc.source, "url": doc.url, "text": doc.text,
        "origin": _str_or_none(meta.get("origin")), "format": _str_or_none(meta.get("format")),
        "encoding": _str_or_none(meta.get("encoding")),
        "meta": json.dumps(meta, ensure_ascii=False, default=str) if meta else None,
        "ingested_at": now(),
        "analyzed_with": json.dumps({"rasad": __version__, "stages": sorted(doc.done)}),
        "n_sentences": len(doc.sentences), "n_tokens": len(doc.tokens), "run_id": run_id,
    }


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


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
