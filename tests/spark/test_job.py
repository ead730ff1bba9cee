"""The Spark job (local mode) writes the rows `rasad run` stores: the same documents, sentences,
entities, times, quantities, quotes and events, on the seeds, the demo corpus and a CC-NEWS
style WARC, with `--lang fa,ar`; the Parquet opens in Spark, DuckDB, pyarrow and pandas."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from rasad.ingest import Selection
from rasad.spark.session import missing_requirement
from rasad.spark.tables import PARTITION_COLUMNS, TABLE_COLUMNS, TABLES, column_types
from tests.conftest import ROOT, shared_path
from tests.ingest.test_crawl import cc_news_sample

DEMO = ROOT / "rasad" / "data" / "demo" / "articles.jsonl"
NOT_COMPARED = {"ingested_at", "run_id"}  # when and by which run a row was stored


def test_column_types_come_from_the_store_schema():
    assert dict(column_types("events"))["goldstein"] == "double"
    assert dict(column_types("events"))["quad_class"] == "long"
    assert dict(column_types("times"))["relative"] == "boolean"  # 0/1 in SQLite
    assert dict(column_types("sentences"))["text"] == "string"
    for table in TABLES:
        names = [name for name, _ in column_types(table)]
        assert names == [*TABLE_COLUMNS[table], *PARTITION_COLUMNS]


@pytest.fixture(scope="module")
def spark():
    reason = missing_requirement()
    if reason:
        pytest.skip(f"the Spark tests need pyspark and Java: {reason}")
    from rasad.spark.session import local_session

    session = local_session("local[2]", shuffle_partitions=2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def both(spark, tmp_path_factory):
    """`rasad run` into SQLite and the Spark job into Parquet, on the same inputs."""
    from rasad.batch import run
    from rasad.pipeline import Pipeline
    from rasad.spark.job import run_job
    from rasad.store import connect

    folder = tmp_path_factory.mktemp("spark")
    paths = [str(shared_path("corpus", "seeds")), str(DEMO), str(cc_news_sample(folder))]
    select = Selection.parse(lang="fa,ar")
    conn = connect(folder / "run.db")
    stored = run(paths, conn=conn, pipeline=Pipeline(), select=select)
    summary = run_job(spark, paths, folder / "out", select=select, partitions=2)
    yield conn, folder / "out", summary, stored
    conn.close()


def _norm(value):
    """One form for a value from SQLite or Parquet (0/1 and booleans, 3 and 3.0, JSON text)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return None if math.isnan(value) else int(value) if value.is_integer() else value
    return value


def _sqlite_rows(conn, table: str) -> set[tuple]:
    columns = [c for c in TABLE_COLUMNS[table] if c not in NOT_COMPARED]
    if table == "sentences":  # the store reads their text through a view
        table = "sentence_text"
    quoted = ", ".join(f'"{c}"' for c in columns)
    return {tuple(_norm(v) for v in row) for row in conn.execute(f"SELECT {quoted} FROM {table}")}


def _parquet_rows(out: Path, table: str) -> set[tuple]:
    import pyarrow.parquet as pq

    columns = [c for c in TABLE_COLUMNS[table] if c not in NOT_COMPARED]
    rows = pq.read_table(out / table).to_pylist()
    return {tuple(_norm(row[c]) for c in columns) for row in rows}


@pytest.mark.shared
@pytest.mark.slow
def test_parquet_holds_what_rasad_run_stores(both):
    conn, out, summary, stored = both
    assert summary.documents == stored.outcomes["inserted"] > 25  # seeds, demo, 4 crawled pages
    assert summary.left_out == {"language": 2} and stored.outcomes["left_out_language"] == 2
    assert summary.failed == 0 and summary.duplicates == stored.outcomes.get("duplicate", 0)
    for table in TABLES:
        if table == "documents":
            continue
        expected = _sqlite_rows(conn, table)
        assert _parquet_rows(out, table) == expected, table
        assert summary.rows[table] == len(expected) > 0, table
    # documents: the same rows; `meta` compared as JSON (key order is not a difference)
    meta_at = [c for c in TABLE_COLUMNS["documents"] if c not in NOT_COMPARED].index("meta")

    def parsed(rows: set[tuple]) -> set[tuple]:
        return {row[:meta_at] + (json.dumps(json.loads(row[meta_at]), sort_keys=True),)
                + row[meta_at + 1:] for row in rows}

    assert parsed(_parquet_rows(out, "documents")) == parsed(_sqlite_rows(conn, "documents"))


@pytest.mark.shared
@pytest.mark.slow
def test_crawled_pages_and_partitions(both, spark):
    import duckdb
    import pandas as pd

    _, out, summary, _ = both
    docs = pd.read_parquet(out / "documents")
    crawled = docs[docs["format"] == "warc"].sort_values("url")
    assert list(crawled["encoding"]) == ["windows-1256", "utf-8", "utf-8", "windows-1256"]
    assert set(crawled["doc_lang"].astype(str)) == {"fa", "ar"}
    assert "\u200c" in crawled[crawled["url"] == "https://old.example.ir/news/2"]["text"].iloc[0]
    assert (out / "documents" / "published_month=2024-05" / "doc_lang=fa").is_dir()
    events = duckdb.sql(f"SELECT count(*), count(DISTINCT doc_lang) FROM read_parquet("
                        f"'{out}/events/**/*.parquet', hive_partitioning = true)").fetchall()[0]
    assert events == (summary.rows["events"], 2)
    assert spark.read.parquet(str(out / "entities")).count() == summary.rows["entities"]
