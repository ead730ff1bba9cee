"""rasad.store.migrations: named, ordered, transactional, recorded."""

from __future__ import annotations

import sqlite3

import pytest

from rasad.store.db import connect, schema_version
from rasad.store.migrations import (
    MIGRATIONS,
    Migration,
    applied_migrations,
    apply_migrations,
    split_statements,
    sql_migration,
)

ADD_NOTES = sql_migration("9999_test_notes", """
    CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
    ALTER TABLE documents ADD COLUMN note_id INTEGER;
""")


def test_fresh_database_gets_every_migration_once(tmp_path):
    conn = connect(tmp_path / "a.db")
    assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
    assert apply_migrations(conn) == []  # re-applying is a no-op
    conn.close()
    conn = connect(tmp_path / "a.db")  # and so is reopening
    assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
    assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_a_new_migration_upgrades_the_current_version(tmp_path):
    conn = connect(tmp_path / "a.db")
    conn.execute("INSERT INTO runs (started_at) VALUES ('kept')")
    current = len(MIGRATIONS)
    assert schema_version(conn) == current
    assert apply_migrations(conn, migrations=(*MIGRATIONS, ADD_NOTES)) == ["9999_test_notes"]
    assert schema_version(conn) == current + 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
    assert "note_id" in {row["name"] for row in conn.execute("PRAGMA table_info(documents)")}
    assert conn.execute("SELECT started_at FROM runs").fetchone()[0] == "kept"
    assert apply_migrations(conn, migrations=(*MIGRATIONS, ADD_NOTES)) == []


def test_failing_migration_leaves_the_database_as_it_was(tmp_path):
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    conn = connect(tmp_path / "a.db")
    with pytest.raises(RuntimeError, match="migration bug"):
        apply_migrations(conn, migrations=(*MIGRATIONS, Migration("9999_broken", broken)))
    assert schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None


def test_database_from_a_newer_rasad_is_refused(tmp_path):
    conn = connect(tmp_path / "a.db")
    apply_migrations(conn, migrations=(*MIGRATIONS, ADD_NOTES))
    conn.close()
    with pytest.raises(RuntimeError, match="newer rasad"):
        connect(tmp_path / "a.db")


def test_split_statements_keeps_triggers_whole():
    sql = """CREATE TABLE t (x);
    CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;
    """
    statements = list(split_statements(sql))
    assert len(statements) == 2 and statements[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        list(split_statements("CREATE TABLE u (x)"))


def test_query_speed_keeps_the_sentence_view_and_indexes_every_side(tmp_path):
    conn = connect(tmp_path / "a.db")
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_actor_country", "events_country_actor", "events_target_actor",
            "events_target_country"} <= indexes
    columns = [row[1] for row in conn.execute("PRAGMA table_info(sentence_text)")]
    assert columns == ["id", "doc_id", "idx", "start", "end", "lang", "text"]
    plan = " ".join(row[3] for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT s.text FROM events e LEFT JOIN sentence_text s "
        "ON s.doc_id = e.doc_id AND s.idx = e.sentence"))
    assert "MATERIALIZE" not in plan, "the view is read per event, not built whole"
