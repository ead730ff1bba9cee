"""Opening a rasad database and running transactions on it.

Everything in `rasad.store` is a plain function over a `sqlite3.Connection`, so the CLI, the
web app and the Spark writer ask the same questions the same way. The connection is opened
in autocommit mode (`isolation_level=None`) and every write goes through `transaction`, so
what is committed is exactly what a `with transaction(conn):` block wrote: a killed process
loses only the block it was inside, never half of it.

WAL lets readers (the web app, `rasad stats`) work while a batch writes; a writer that is
done calls `close`, which folds the log back into the `.db` file. With
`synchronous=NORMAL` a committed transaction survives a crash of the process; only a power
failure can lose the last few commits, never corrupt the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # is it SQLite?
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            apply_migrations(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        if "readonly" in str(error) or "read-only" in str(error):
            raise StoreError(f"{path}: the database is read-only, so nothing can be stored "
                             f"({error}); check its permissions, or write to another --db") from error
        raise StoreError(f"{path}: cannot be opened as a database ({error})") from error
    return conn


class StoreError(sqlite3.DatabaseError):
    """A file that cannot serve as a rasad database: not SQLite, unreadable, not rasad's."""


def open_existing(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing rasad database (for `rasad stats`-style readers),
    or `StoreError` saying in one line why there is none."""
    path = Path(path)
    if not path.is_file():
        what = "a folder, not a database file" if path.is_dir() else "no such database"
        raise StoreError(f"{path}: {what}; create one with 'rasad run PATH --db {path}'")
    conn = connect(path, readonly=True)
    if schema_version(conn) == 0:
        conn.close()
        raise StoreError(f"{path}: not a rasad database (an SQLite file without rasad's "
                         f"tables); create one with 'rasad run PATH --db {path}'")
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


def close(conn: sqlite3.Connection, *, checkpoint: bool = True) -> None:
    """Close a writer's connection so that the `.db` file alone is the whole database.

    The write-ahead log is checkpointed into the database file and emptied
    (`wal_checkpoint(TRUNCATE)`), so the file can be copied or archived without its `-wal`,
    and the file goes back to a rollback journal (see below).
    Readers pass `checkpoint=False` (or just close): they leave the files as they are. If
    another connection still reads, the checkpoint copies what it can, and SQLite finishes
    when the last connection closes.
    """
    try:
        if checkpoint and not conn.in_transaction:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # Back to a rollback journal while no one else has the file open, so readers
            # (`rasad stats`, opened read-only) find one file and create none beside it; the
            # next writer's `connect` turns WAL on again. Refused while another connection
            # is open, and then harmless: that file stays in WAL mode.
            with suppress(sqlite3.OperationalError):
                conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


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
