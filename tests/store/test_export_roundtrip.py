"""Exports read back: JSONL and Parquet give the stored events again, the CSV and the GDELT
table open in pandas with their documented columns, DuckDB queries the Parquet file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.store import connect
from rasad.store.export import EVENT_TABLE_COLUMNS, iter_event_rows
from rasad.store.interchange import GDELT_COLUMNS, RASAD_COLUMNS
from tests.events.test_cli import run
from tests.store.corpus import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory)


def export(db: Path, out: Path, fmt: str) -> Path:
    result = run("export", str(out), "--db", str(db), "--format", fmt)
    assert result.exit_code == 0, result.output
    return out


def stored_events(db: Path) -> dict[str, list[dict]]:
    conn = connect(db, readonly=True)
    out: dict[str, list[dict]] = {}
    for doc_id, record in conn.execute("SELECT doc_id, record FROM events ORDER BY doc_id, idx"):
        out.setdefault(doc_id, []).append(json.loads(record))
    return out


def test_jsonl_reads_back_to_the_same_events(db: Path, tmp_path: Path) -> None:
    out = export(db, tmp_path / "docs.jsonl", "jsonl")
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    from_file = {doc["id"]: doc["events"] for doc in docs if doc["events"]}
    assert from_file == stored_events(db) and sum(map(len, from_file.values())) == 11


def test_parquet_reads_back_to_the_same_events(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs pyarrow (the export extra)")
    table = pq.read_table(export(db, tmp_path / "events.parquet", "parquet"))
    rows = table.to_pylist()
    assert rows == list(iter_event_rows(connect(db, readonly=True))) and len(rows) == 11
    by_doc: dict[str, list] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append((row["cameo"], row["status"], row["date"]))
    assert by_doc == {doc: [(e["cameo"], e["status"], e["date"]) for e in events]
                      for doc, events in stored_events(db).items()}


def test_duckdb_queries_the_parquet(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="Parquet export needs pyarrow (the export extra)")
    duckdb = pytest.importorskip("duckdb", reason="needs duckdb (pip install duckdb)")
    out = export(db, tmp_path / "events.parquet", "parquet")
    con = duckdb.connect()
    columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()]
    assert columns == list(EVENT_TABLE_COLUMNS)
    happened = con.execute(
        f"SELECT plover, count(*) FROM read_parquet('{out}') WHERE happened AND same_as IS NULL "
        "GROUP BY plover ORDER BY plover").fetchall()
    assert happened == [("ASSAULT", 2), ("CONSULT", 4), ("DISAPPROVE", 3)]
    assert con.execute(f"SELECT max(quad_class) FROM read_parquet('{out}')").fetchone() == (4,)


def test_csv_opens_in_pandas_with_the_documented_columns(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="needs pandas (pip install pandas)")
    frame = pd.read_csv(export(db, tmp_path / "events.csv", "csv"), dtype={"cameo": str})
    assert list(frame.columns) == list(EVENT_TABLE_COLUMNS) and len(frame) == 11
    assert sorted(frame["cameo"].unique()) == ["040", "111", "112", "190"]
    assert frame["happened"].sum() == 10 and frame["quad_class"].between(1, 4).all()
    assert set(frame.loc[frame["plover"] == "ASSAULT", "target_country"]) == {"UKR"}


def test_gdelt_table_opens_in_pandas(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="needs pandas (pip install pandas)")
    frame = pd.read_csv(export(db, tmp_path / "events.tsv", "gdelt"), sep="\t",
                        dtype={"EventCode": str, "EventRootCode": str, "SQLDATE": "Int64"})
    assert list(frame.columns) == [*GDELT_COLUMNS, *RASAD_COLUMNS] and len(frame) == 9
    assert frame.groupby("QuadClass").size().to_dict() == {1: 4, 3: 3, 4: 2}
    assert frame["SQLDATE"].isna().sum() == 1  # the event dated «2016» has no day
