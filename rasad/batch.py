"""`rasad run`: ingest files, analyse new documents, and store them, resumably.

What is already stored is recognized before any analysis: a document whose id is stored
is skipped, and one whose text (by content hash) is stored, or was seen earlier in this run,
is recorded as a duplicate. Analysed documents are saved in batches, each in one
transaction, so a run that is killed loses at most the batch in flight, and running it again
finishes the job without storing anything twice.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from rasad.document import Document
from rasad.ingest import IngestProblem, IngestReport, Selection, content_hash, iter_documents
from rasad.pipeline import Failure, Pipeline
from rasad.store import finish_run, known_hashes, record_problem, save_batch, start_run

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
    """Ingest `paths`, analyse what is new, store it; return the summary. With `select`,
    documents it leaves out are counted as `left_out_<why>`, not analysed."""
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
    held_back: list[Document] = []  # in-run duplicates, recorded once their original is stored
    fresh = _new_documents(docs, conn=conn, summary=summary, held_back=held_back, notify=notify)
    for chunk in _chunks(pipeline.pipe(fresh, workers=workers), BATCH_SIZE):
        _store(chunk, conn=conn, summary=summary, notify=notify)
    _store(held_back, conn=conn, summary=summary, notify=notify)
    summary.outcomes.update({f"left_out_{why}": n for why, n in report.left_out.items()})
    summary.formats.update(report.by_format)
    summary.encodings.update(report.by_encoding)
    summary.seconds = time.perf_counter() - started
    finish_run(conn, summary.run_id, counts=summary.counts)
    return summary


def _new_documents(docs: Iterable[Document], *, conn: sqlite3.Connection, summary: RunSummary,
                   held_back: list[Document], notify: Progress) -> Iterator[Document]:
    """Documents not stored yet; the rest are counted (and duplicates held back)."""
    seen_this_run: set[str] = set()
    for doc in docs:
        digest = doc.meta.get("content_hash") or content_hash(doc.text)
        doc.meta["content_hash"] = digest
        if _stored(conn, doc.id, digest):
            summary.outcomes["exists"] += 1
            notify("exists", doc)
        elif digest in seen_this_run or known_hashes(conn, [digest]):
            held_back.append(doc)
        else:
            seen_this_run.add(digest)
            yield doc


def _store(items: list[Document | Failure], *, conn: sqlite3.Connection, summary: RunSummary,
           notify: Progress) -> None:
    docs = [item for item in items if isinstance(item, Document)]
    for failure in (item for item in items if isinstance(item, Failure)):
        summary.outcomes["failed"] += 1
        summary.problems.append((failure.origin or failure.doc_id, failure.error))
        record_problem(conn, summary.run_id, message=failure.error, origin=failure.origin,
                       doc_id=failure.doc_id)
        notify("failed", failure)
    if not docs:
        return
    outcomes = save_batch(conn, docs, hash_text=_hash_of(docs), run_id=summary.run_id,
                          batch_size=len(docs), on_error=_problem_recorder(conn, summary))
    summary.outcomes.update(outcomes)
    for doc in docs:
        if "segment" in doc.done:
            summary.languages[doc.lang or "other"] += 1
            summary.sentences += len(doc.sentences)
            summary.tokens += len(doc.tokens)
        notify("stored", doc)


def _hash_of(docs: list[Document]) -> Callable[[str], str]:
    known = {doc.text: doc.meta["content_hash"] for doc in docs if "content_hash" in doc.meta}
    return lambda text: known.get(text) or content_hash(text)


def _problem_recorder(conn: sqlite3.Connection, summary: RunSummary) -> Callable[[Document, Exception], None]:
    def record(doc: Document, error: Exception) -> None:
        message = f"could not store: {type(error).__name__}: {error}"
        summary.problems.append((doc.meta.get("origin") or doc.id, message))
        record_problem(conn, summary.run_id, message=message, origin=doc.meta.get("origin"),
                       doc_id=doc.id)
    return record


def database_files(conn: sqlite3.Connection) -> frozenset[str]:
    """The files of the database being written, so a run inside its corpus folder skips them."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return frozenset()
    real = os.path.realpath(path)
    return frozenset(real + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _stored(conn: sqlite3.Connection, doc_id: str, digest: str) -> bool:
    """This very document (same id, same text) is stored; an id clash goes on to fail loudly."""
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row is not None and row[0] == digest


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
