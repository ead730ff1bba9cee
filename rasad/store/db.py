"""Opening a rasad database and running transactions on it.

Everything in `rasad.store` is a plain function over a `sqlite3.Connection`, so the CLI, the
web app and the Spark writer ask the same questions the same way. The connection is opened
in autocommit mode (`isolation_level=None`) and every write goes through `transaction`, so
what is committed is exactly what a `with transaction(conn):` block wrote: a killed process
loses only the block it was inside, never half of it.

WAL lets readers (the web app, `rasad stats`) work while a batch writes. With
`synchronous=NORMAL` a committed transaction survives a crash of the process; only a power
failure can lose the last few commits, never corrupt the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000
_savepoints = count()


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (or create) the database at `path`, bringing its schema up to date.

    `readonly=True` opens an existing database without writing to it, not even migrations.
    `":memory:"` gives a private in-memory database (tests).
    """
    from rasad.store.migrations import apply_migrations  # here: migrations imports this module

    conn = _open(path, readonly=readonly)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(conn)
    return conn


def _open(path: str | Path, *, readonly: bool) -> sqlite3.Connection:
    timeout = BUSY_TIMEOUT_MS / 1000
    if str(path) == ":memory:":
        return sqlite3.connect(":memory:", isolation_level=None, timeout=timeout)
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise FileNotFoundError(f"no rasad database at {path}: run `rasad analyze ... --db {path}` first")
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(path, isolation_level=None, timeout=timeout)


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations the database has had (0 for an empty file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    if not exists:
        return 0
    return conn.execute("SELECT count(*) FROM _migrations").fetchone()[0]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Commit everything inside the block or nothing.

    Outside a transaction this is `BEGIN IMMEDIATE … COMMIT` (IMMEDIATE takes the write lock
    at once, so two writers wait for each other instead of failing halfway). Inside one it
    is a savepoint: a failing document in a batch rolls back alone and the caller decides
    whether the batch goes on.
    """
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
