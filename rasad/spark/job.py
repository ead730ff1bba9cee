"""The Spark job: the same reading, selection, dedup and `Pipeline` as `rasad run`, spread over
a cluster, written as Parquet datasets instead of SQLite.

1. The driver lists the input files (folders walked as `rasad run` walks them); each file is
   one task that reads it with `iter_documents` and the `Selection` (a CC-NEWS WARC of 1 GB
   is one task; its English pages never leave it).
2. Copies of one text are dropped by content hash, keeping the first in input order (file,
   then record), as `rasad run` keeps the first and records the rest as duplicates.
3. The documents are spread over `partitions` and analysed with `mapPartitions`: a Python
   worker builds the `Pipeline` (models, knowledge base, lexicons) once and keeps it for
   every partition it runs. A document that fails is a row of `problems`, and the job goes on.
4. Each table is written to `out/<table>/` partitioned by `published_month` and `doc_lang`.

pyspark is imported inside the functions that need it (the `spark` extra).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.ingest import IngestReport, Selection, iter_documents
from rasad.ingest.walk import STDIN, iter_files
from rasad.pipeline import DEFAULT_STAGES, Failure, Pipeline
from rasad.spark.tables import PARTITION_COLUMNS, TABLES, column_types, document_tables

PROBLEM_COLUMNS = ("origin", "doc_id", "level", "message")
_PIPELINES: dict[tuple[str, ...], Pipeline] = {}  # one per Python worker process


@dataclass
class JobSummary:
    """What a job did: documents analysed, left out, dropped as copies, failed; rows per table."""

    files: int = 0
    documents: int = 0
    duplicates: int = 0
    failed: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    problems: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "documents": self.documents, "duplicates": self.duplicates,
                "failed": self.failed, "left_out": dict(self.left_out), "problems": self.problems,
                "rows": self.rows, "seconds": round(self.seconds, 2)}


def input_files(paths: Sequence[str], *, glob: str | None = None) -> tuple[list[str], list[dict]]:
    """The files to read, in `rasad run`'s order, and a problem row for each path not found."""
    report = IngestReport()
    files = []
    for origin, path in iter_files(paths, report=report, glob=glob):
        if path is None:
            raise ValueError(f"{STDIN} (standard input) cannot be read by a Spark job; give files")
        files.append(origin)
    return files, [{**p.to_dict(), "doc_id": None} for p in report.problems]


def read_partition(files: Iterable[tuple[int, str]], *,
                   select: Selection | None) -> Iterator[tuple[str, Any]]:
    """("doc", ((file number, record number), doc)), ("problem", row) and ("left_out",
    counts) for the files of one task."""
    for number, path in files:
        report = IngestReport()
        problems: list = []
        report.sink = problems.append
        for ordinal, doc in enumerate(iter_documents([path], report=report, dedup=False,
                                                     select=select)):
            yield "doc", ((number, ordinal), doc)
        for problem in problems:
            yield "problem", {**problem.to_dict(), "doc_id": None}
        if report.left_out:
            yield "left_out", dict(report.left_out)


def analyse_partition(items: Iterable[tuple[Any, Any]], *,
                      stages: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """("tables", rows by table) for each analysed document, ("problem", row) for a failure."""
    pipeline = _PIPELINES.get(stages)
    if pipeline is None:
        pipeline = _PIPELINES[stages] = Pipeline(stages)
    docs = (doc for _, (_, doc) in items)
    for result in pipeline.pipe(docs):
        if isinstance(result, Failure):
            yield "problem", {"origin": result.origin, "doc_id": result.doc_id,
                              "level": "error", "message": result.error}
        else:
            yield "tables", document_tables(result, content_hash=result.meta["content_hash"])


def _first(a: tuple[Any, Any], b: tuple[Any, Any]) -> tuple[Any, Any]:
    return a if a[0] <= b[0] else b


def run_job(spark: Any, paths: Sequence[str], out: str | Path, *,
            select: Selection | None = None, stages: Sequence[str] = DEFAULT_STAGES,
            partitions: int | None = None, glob: str | None = None) -> JobSummary:
    """Read, select, dedup, analyse and write `paths` to Parquet under `out`; the summary."""
    from functools import partial  # noqa: PLC0415

    from pyspark import StorageLevel  # noqa: PLC0415

    started = time.perf_counter()
    Pipeline(stages)  # a wrong stage list fails here, before any task starts
    files, missing = input_files(paths, glob=glob)
    sc = spark.sparkContext
    summary = JobSummary(files=len(files))
    partitions = partitions or sc.defaultParallelism
    read = sc.parallelize(list(enumerate(files)), max(1, len(files))) \
        .mapPartitions(partial(read_partition, select=select)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    docs = read.filter(lambda item: item[0] == "doc") \
        .map(lambda item: (item[1][1].meta["content_hash"], item[1]))
    unique = docs.reduceByKey(_first, numPartitions=partitions)
    analysed = unique.mapPartitions(partial(analyse_partition, stages=tuple(stages))) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    summary.rows = _count_rows(analysed)  # the first action: analyses every document
    for table in TABLES:
        rows = analysed.flatMap(lambda item, t=table: item[1][t] if item[0] == "tables" else [])
        _write(spark, rows, table, out, empty=not summary.rows[table])
    problems, failures = missing + _collect(read, "problem"), _collect(analysed, "problem")
    _write(spark, sc.parallelize(problems + failures, 1), "problems", out,
           empty=not problems + failures)
    for counts in _collect(read, "left_out"):
        summary.left_out.update(counts)
    summary.documents = summary.rows["documents"]
    summary.duplicates = docs.count() - unique.count()
    summary.failed, summary.problems = len(failures), len(problems) + len(failures)
    read.unpersist()
    analysed.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def _count_rows(analysed: Any) -> dict[str, int]:
    """Rows per table, in one pass over the analysed documents."""
    counts = analysed.filter(lambda item: item[0] == "tables") \
        .map(lambda item: Counter({t: len(rows) for t, rows in item[1].items()})) \
        .fold(Counter(), lambda a, b: a + b)
    return {table: counts.get(table, 0) for table in TABLES}


def _collect(rdd: Any, kind: str) -> list[Any]:
    """The side outputs of one kind ("problem", "left_out") of a tagged RDD, at the driver."""
    return rdd.filter(lambda item: item[0] == kind).map(lambda item: item[1]).collect()


def _write(spark: Any, rows: Any, table: str, out: str | Path, *, empty: bool) -> None:
    """Write `rows` (dicts) as the Parquet dataset `out/table`. An `empty` table, and
    `problems`, are one file without partitions: every dataset has a schema to read."""
    schema = spark_schema(table)
    names = [f.name for f in schema]
    frame = spark.createDataFrame(rows.map(lambda row: tuple(row.get(n) for n in names)), schema)
    if empty or table == "problems":
        frame.coalesce(1).write.mode("overwrite").parquet(str(Path(out) / table))
    else:
        frame.write.mode("overwrite").partitionBy(*PARTITION_COLUMNS).parquet(str(Path(out) / table))


def spark_schema(table: str) -> Any:
    """The Spark schema of a table (`column_types`), or of `problems`."""
    from pyspark.sql import types  # noqa: PLC0415

    kinds = {"string": types.StringType(), "long": types.LongType(),
             "double": types.DoubleType(), "boolean": types.BooleanType()}
    columns = (tuple((name, "string") for name in PROBLEM_COLUMNS) if table == "problems"
               else column_types(table))
    return types.StructType([types.StructField(name, kinds[kind], True) for name, kind in columns])
