"""`rasad export`: the contract as JSONL and the events as a flat CSV or Parquet table read back
to what the store holds, with the documented columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rasad.store import connect
from rasad.store.export import EVENT_TABLE_COLUMNS, iter_event_rows
from rasad.store.read import load_dict
from tests.events.test_cli import run


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.events.test_cli import AR, FA

    folder = tmp_path_factory.mktemp("corpus")
    for name, record in (("fa.jsonl", FA), ("ar.jsonl", AR)):
        (folder / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    path = tmp_path_factory.mktemp("store") / "t.db"
    assert run("run", str(folder), "--db", str(path)).exit_code == 0
    return path


def test_jsonl_is_the_output_contract_of_every_document(db: Path, tmp_path: Path) -> None:
    import jsonschema

    out = tmp_path / "docs.jsonl"
    assert run("export", str(out), "--db", str(db)).exit_code == 0
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    conn = connect(db, readonly=True)
    assert docs == [load_dict(conn, d["id"]) for d in docs] and len(docs) == 2
    schema = json.loads((Path(__file__).parents[2] / "rasad" / "schema" /
                         "document.schema.json").read_text("utf-8"))
    for doc in docs:
        jsonschema.validate(doc, schema)
        for event in doc["events"]:
            t = event["trigger"]
            assert doc["text"][t["start"]:t["end"]] == t["text"]


def test_csv_has_the_documented_columns_and_one_row_per_event(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert run("export", str(out), "--db", str(db), "--format", "csv").exit_code == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == list(EVENT_TABLE_COLUMNS)
    stored = list(iter_event_rows(connect(db, readonly=True)))
    assert len(rows) == len(stored)
    assert {r["status"] for r in rows} >= {"asserted", "negated"}
    assert all((r["happened"] == "True") == (r["status"] == "asserted") for r in rows)
    assert all(r["trigger"] in r["sentence_text"] for r in rows)


def test_parquet_reads_back_the_same_events(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs pyarrow (the export extra)")
    out = tmp_path / "events.parquet"
    assert run("export", str(out), "--db", str(db), "--format", "parquet").exit_code == 0
    table = pq.read_table(out)
    assert table.schema.names == list(EVENT_TABLE_COLUMNS)
    assert table.to_pylist() == list(iter_event_rows(connect(db, readonly=True)))


def test_bad_format_and_missing_database_are_one_line_errors(db: Path, tmp_path: Path) -> None:
    assert run("export", str(tmp_path / "x"), "--db", str(db), "--format", "xml").exit_code == 2
    assert run("export", str(tmp_path / "x"), "--db", str(tmp_path / "none.db")).exit_code == 1
