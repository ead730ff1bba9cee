"""`rasad run`: ingest files, analyse new documents, and store them, resumably.

What is already stored is recognized before any analysis: a document whose id is stored
is skipped, and one whose text (by content hash) is stored, or was seen earlier in this run,
is recorded as a duplicate. Analysed documents are saved in batches, each in one
transaction, so a run that is killed loses at most the batches in flight, and running it
again finishes the job without storing anything twice.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any

from rasad.document import Document
from rasad.ingest import IngestProblem, IngestReport, Selection, content_hash, iter_documents
from rasad.pipeline import Failure, Pipeline
from rasad.store import finish_run, record_problem, save_rows, start_run
from rasad.store.rows import DocRows, document_rows
from rasad.workers import ordered_map

BATCH_SIZE = 64
Progress = Callable[[str, Document | Failure | IngestProblem], None]


@dataclass
class RunSummary:
    """What one run did, for the terminal and the `runs` table."""

    run_id: int
    outcomes: Counter[str] = field(default_factory=Counter)  # inserted, exists, duplicate, failed
    languages: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)  # documents read, by input format
    encodings: Counter[str] = field(default_factory=Counter)  # and by detected encoding
    sentences: int = 0
    tokens: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (origin, message)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # read, but look at it
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        return {**self.outcomes, "sentences": self.sentences, "tokens": self.tokens,
                "problems": len(self.problems), "warnings": len(self.warnings),
                **{f"lang_{k}": v for k, v in self.languages.items()}}


def run(paths: Sequence[str], *, conn: sqlite3.Connection, pipeline: Pipeline,
        workers: int = 1, glob: str | None = None, progress: Progress | None = None,
        select: Selection | None = None) -> RunSummary:
    """Ingest `paths`, analyse what is new, store it; return the summary.

    With `workers` > 1 the documents are analysed in that many forked processes, each
    sending back only the rows the store writes; this process reads, checks what is stored
    and writes. The input is read as it is analysed (memory stays flat), and results are
    stored in input order, so the database is the same whatever the number of workers.
    With `select`, documents it leaves out are counted as `left_out_<why>`, not analysed."""
    started = time.perf_counter()
    summary = RunSummary(run_id=start_run(conn, paths=paths))
    notify = progress or (lambda kind, item: None)

    def on_problem(problem: IngestProblem) -> None:
        if problem.level == "error":
            summary.problems.append((problem.origin, problem.message))
        else:  # a date it could not read, a guessed encoding: stored, and said
            summary.warnings.append((problem.origin, problem.message))
        record_problem(conn, summary.run_id, message=problem.message, origin=problem.origin,
                       warning=problem.level != "error")
        notify("problem", problem)

    report = IngestReport()
    docs = iter_documents(paths, glob=glob, errors=on_problem, report=report, dedup=False,
                          skip=database_files(conn), select=select)
    seen = _Seen()
    items = _to_analyse(docs, conn=conn, summary=summary, seen=seen, notify=notify)
    if workers > 1:
        pipeline.warm()  # before the fork: the workers share what it loads
    results = ordered_map(partial(_rows_of, pipeline), items, workers=workers)
    for chunk in _chunks(results, BATCH_SIZE):
        _store(seen.done(chunk), conn=conn, summary=summary, notify=notify)
    summary.outcomes.update({f"left_out_{why}": n for why, n in report.left_out.items()})
    summary.formats.update(report.by_format)
    summary.encodings.update(report.by_encoding)
    summary.seconds = time.perf_counter() - started
    finish_run(conn, summary.run_id, counts=summary.counts)
    return summary


class _Seen:
    """The texts (content hashes) this run has read and not stored yet, and those that
    failed: bounded by the documents in flight, not by the size of the input. A text stored
    by this run is found in the database instead."""

    def __init__(self) -> None:
        self.in_flight: set[str] = set()
        self.failed: set[str] = set()
        self._order: deque[str | None] = deque()  # hashes of what was sent, in order

    def __contains__(self, digest: str) -> bool:
        return digest in self.in_flight or digest in self.failed

    def sent(self, digest: str | None) -> None:
        """A document sent to be analysed (`digest`), or a copy held back (None)."""
        self._order.append(digest)
        if digest is not None:
            self.in_flight.add(digest)

    def done(self, chunk: list[DocRows | Failure]) -> list[DocRows | Failure]:
        """The chunk, about to be stored, with a copy of a document that failed made a
        failure too (not stored unanalysed)."""
        out: list[DocRows | Failure] = []
        for item in chunk:
            digest = self._order.popleft()
            if digest is not None:
                self.in_flight.discard(digest)
                if isinstance(item, Failure):
                    self.failed.add(digest)
            elif isinstance(item, DocRows) and item.content_hash in self.failed:
                item = Failure(item.id, item.origin, "not analysed: the same text as an "
                               "earlier document that could not be analysed (see its problem)")
            out.append(item)
        return out


def _to_analyse(docs: Iterable[Document], *, conn: sqlite3.Connection, summary: RunSummary,
                seen: _Seen, notify: Progress) -> Iterator[tuple[Document, bool]]:
    """(document, analyse it?) for every document not stored yet; the rest are counted.

    A document whose text this run already read (or that is stored under another id) is a
    copy: it is passed on unanalysed, in its place, and recorded as a duplicate when its
    turn to be stored comes, after its original. What counts as a copy does not depend on
    how far the analysis has got, so the outcome is the same with any number of workers."""
    for doc in docs:
        digest = doc.meta.get("content_hash") or content_hash(doc.text)
        doc.meta["content_hash"] = digest
        if digest in seen:
            seen.sent(None)
            yield doc, False
            continue
        row = conn.execute("SELECT id, run_id FROM documents WHERE content_hash = ?",
                           (digest,)).fetchone()
        if row is None:
            seen.sent(digest)
            yield doc, True
        elif row[0] == doc.id and row[1] != summary.run_id:  # stored by an earlier run
            summary.outcomes["exists"] += 1
            notify("exists", doc)
        else:
            seen.sent(None)
            yield doc, False


def _rows_of(pipeline: Pipeline, item: tuple[Document, bool]) -> DocRows | Failure:
    """The rows the store writes for a document, analysed unless it is a copy (in a worker,
    with `--workers` > 1); a `Failure` when it cannot be analysed or turned into rows."""
    doc, analyse = item
    if analyse:
        result = pipeline.attempt(doc)
        if isinstance(result, Failure):
            return result
        doc = result
    try:
        return document_rows(doc, content_hash=doc.meta["content_hash"])
    except Exception as error:  # noqa: BLE001 (a value the store cannot hold: reported)
        return Failure(doc.id, doc.meta.get("origin"),
                       f"could not store: {type(error).__name__}: {error}")


def _store(items: list[DocRows | Failure], *, conn: sqlite3.Connection, summary: RunSummary,
           notify: Progress) -> None:
    docs = [item for item in items if isinstance(item, DocRows)]
    for failure in (item for item in items if isinstance(item, Failure)):
        summary.outcomes["failed"] += 1
        summary.problems.append((failure.origin or failure.doc_id, failure.error))
        record_problem(conn, summary.run_id, message=failure.error, origin=failure.origin,
                       doc_id=failure.doc_id)
        notify("failed", failure)
    if not docs:
        return
    outcomes = save_rows(conn, docs, run_id=summary.run_id,
                         on_error=_problem_recorder(conn, summary))
    summary.outcomes.update(outcomes)
    for rows in docs:
        if rows.analysed:
            summary.languages[rows.lang or "other"] += 1
            summary.sentences += len(rows.sentences)
            summary.tokens += rows.n_tokens
        notify("stored", rows)


def _problem_recorder(conn: sqlite3.Connection, summary: RunSummary) -> Callable[[DocRows, Exception], None]:
    def record(rows: DocRows, error: Exception) -> None:
        message = f"could not store: {type(error).__name__}: {error}"
        summary.problems.append((rows.origin or rows.id, message))
        record_problem(conn, summary.run_id, message=message, origin=rows.origin,
                       doc_id=rows.id)
    return record


def database_files(conn: sqlite3.Connection) -> frozenset[str]:
    """The files of the database being written, so a run inside its corpus folder skips them."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return frozenset()
    real = os.path.realpath(path)
    return frozenset(real + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
