"""rasad's SQLite store: plain functions over a `sqlite3.Connection`.

    >>> from rasad.store import connect, save_document, stats
    >>> conn = connect("rasad.db")          # creates or upgrades the schema
    >>> save_document(conn, doc, content_hash=h)
    'inserted'

The CLI, the web app and the Spark writer are thin shells over these functions.
"""

from __future__ import annotations

from rasad.store.db import (
    StoreError,
    close,
    connect,
    open_existing,
    schema_version,
    transaction,
)
from rasad.store.read import iter_documents, load_dict, load_document, stats, unfinished_runs
from rasad.store.search import search
from rasad.store.write import (
    delete_document,
    finish_run,
    has_document,
    known_hashes,
    record_problem,
    save_batch,
    save_document,
    save_rows,
    start_run,
)

__all__ = [
    "connect", "open_existing", "close", "StoreError", "schema_version", "transaction",
    "save_document", "save_batch", "save_rows", "delete_document", "has_document", "known_hashes",
    "start_run", "finish_run", "record_problem",
    "load_document", "load_dict", "iter_documents", "stats", "unfinished_runs", "search",
]
