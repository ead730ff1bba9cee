"""rasad.store.db: connection settings, read-only access, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from rasad.store.db import connect, schema_version, transaction
from rasad.store.migrations import MIGRATIONS


def test_connect_sets_wal_foreign_keys_and_schema(tmp_path):
    conn = connect(tmp_path / "sub" / "rasad.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "sentences", "entities", "times", "quantities", "quotes", "events",
            "duplicates", "runs", "problems", "sentences_fts"} <= tables


def test_rows_are_addressable_by_name():
    conn = connect(":memory:")
    assert conn.execute("SELECT 1 AS one").fetchone()["one"] == 1


def test_readonly_refuses_writes_and_missing_files(tmp_path):
    path = tmp_path / "rasad.db"
    with pytest.raises(FileNotFoundError, match="no rasad database"):
        connect(path, readonly=True)
    connect(path).close()
    ro = connect(path, readonly=True)
    assert schema_version(ro) == len(MIGRATIONS)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.execute("INSERT INTO runs (started_at) VALUES ('x')")


def test_readonly_does_not_migrate(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    assert schema_version(connect(path, readonly=True)) == 0


def test_transaction_commits_or_rolls_back_everything():
    conn = connect(":memory:")
    with transaction(conn):
        conn.execute("INSERT INTO runs (started_at) VALUES ('a')")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO runs (started_at) VALUES ('b')")
        raise RuntimeError("boom")
    assert [r[0] for r in conn.execute("SELECT started_at FROM runs")] == ["a"]
    assert not conn.in_transaction


def test_nested_transaction_is_a_savepoint():
    conn = connect(":memory:")
    with transaction(conn):
        conn.execute("INSERT INTO runs (started_at) VALUES ('outer')")
        with pytest.raises(ValueError), transaction(conn):
            conn.execute("INSERT INTO runs (started_at) VALUES ('inner')")
            raise ValueError("only the inner block rolls back")
    assert [r[0] for r in conn.execute("SELECT started_at FROM runs")] == ["outer"]


def test_readers_are_not_blocked_by_an_open_write(tmp_path):
    path = tmp_path / "rasad.db"
    writer = connect(path)
    reader = connect(path, readonly=True)
    with transaction(writer):
        writer.execute("INSERT INTO runs (started_at) VALUES ('open')")
        assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
    assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
