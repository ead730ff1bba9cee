"""What a rasad database holds, minus the bookkeeping of runs, to compare two databases
that should hold the same corpus (one run against a killed and resumed one, one worker
against two)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Columns that say which run did something and when, not what the corpus is: they differ
# between two runs of the same input however correct both are.
IGNORED: dict[str, set[str]] = {
    "runs": {"*"},                               # one row per attempt (a killed run adds one)
    "_migrations": {"applied_at"},               # when the database was created
    "documents": {"ingested_at", "run_id"},      # which attempt stored it, and when
    "duplicates": {"seen_at", "run_id"},         # likewise for a recorded copy
    "problems": {"id", "run_id", "at"},          # likewise; and every attempt re-reports the
                                                 # inputs it cannot read (compared as a set)
}
# The full-text index is compared by what it holds (term, sentence, position), not by its
# shadow tables, whose b-tree segments depend on how many transactions filled them.
FTS_SHADOW = "sentences_fts_"


def contents(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted; the ignored columns left out) and the index's entries."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'sentences_fts' ORDER BY name")]
        out: dict[str, list[tuple]] = {}
        for table in tables:
            if table.startswith(FTS_SHADOW) or "*" in IGNORED.get(table, ()):
                continue
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                       if row[1] not in IGNORED.get(table, ())]
            names = ", ".join(f'"{c}"' for c in columns)
            distinct = "DISTINCT " if table == "problems" else ""
            out[table] = sorted(conn.execute(f"SELECT {distinct}{names} FROM {table}").fetchall(),
                                key=repr)
        conn.execute("CREATE VIRTUAL TABLE temp.fts_terms USING "
                     "fts5vocab(main, 'sentences_fts', 'instance')")
        out["sentences_fts"] = conn.execute(
            "SELECT term, doc, offset FROM temp.fts_terms ORDER BY term, doc, offset").fetchall()
        return out
    finally:
        conn.close()


def differences(one: dict[str, list[tuple]], other: dict[str, list[tuple]]) -> list[str]:
    """Which tables differ, and how many rows each has on either side (empty: the same)."""
    return [f"{table}: {len(one.get(table, []))} rows vs {len(other.get(table, []))}"
            for table in sorted(set(one) | set(other)) if one.get(table) != other.get(table)]
