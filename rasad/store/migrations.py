"""Named, ordered schema migrations, each applied once in its own transaction.

A database records the migrations it has had in `_migrations(name, applied_at)` (the
sqlite-utils pattern), so opening an old file with a newer rasad brings it up to date, and
a migration that fails leaves the file as it was. The schema version is the number of
migrations applied; `PRAGMA user_version` mirrors it for tools that look there.
New migrations go at the end of `MIGRATIONS` and are never renamed or reordered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from rasad.store.db import transaction
from rasad.store.schema import EVENT_MERGE, QUERY_SPEED, SCHEMA_V1


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: a unique name and a function that changes the database."""

    name: str
    apply: Callable[[sqlite3.Connection], None]


def sql_migration(name: str, sql: str) -> Migration:
    """A migration that runs the statements of `sql` in order."""
    def apply(conn: sqlite3.Connection) -> None:
        for statement in split_statements(sql):
            conn.execute(statement)
    return Migration(name, apply)


def split_statements(sql: str) -> Iterator[str]:
    """The complete statements of a script, one at a time.

    `executescript` would COMMIT first, so a migration could not run inside its transaction.
    """
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:80]!r}")


def _merge_events(conn: sqlite3.Connection) -> None:
    """Add the merge columns, and cluster the events a database already holds."""
    from rasad.store.clusters import recluster_all  # noqa: PLC0415 (it imports the events package)

    sql_migration("", EVENT_MERGE).apply(conn)
    recluster_all(conn)


MIGRATIONS: tuple[Migration, ...] = (
    sql_migration("0001_schema", SCHEMA_V1),
    sql_migration("0002_query_speed", QUERY_SPEED),
    Migration("0003_event_merge", _merge_events),
)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations the database has had, in the order they were applied."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = '_migrations'").fetchone():
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def apply_migrations(conn: sqlite3.Connection, *,
                     migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations the database has not had yet; return their names."""
    applied = applied_migrations(conn)
    known = {m.name for m in migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise RuntimeError(f"this database has migrations this rasad does not know ({', '.join(unknown)}): "
                           "it was written by a newer rasad; upgrade rasad to open it")
    pending = [m for m in migrations if m.name not in applied]
    done = []
    for migration in pending:
        with transaction(conn):
            conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                         "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            # Checked again inside the write lock: another process may have just applied it.
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.name,)).fetchone():
                continue
            migration.apply(conn)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                         (migration.name, datetime.now(UTC).isoformat(timespec="seconds")))
            version = conn.execute("SELECT count(*) FROM _migrations").fetchone()[0]
            conn.execute(f"PRAGMA user_version = {int(version)}")
        done.append(migration.name)
    return done
