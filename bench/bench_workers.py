"""The parallel part of bench_pipeline.py: `rasad run` end to end with 1 and N workers, each
stage's throughput in N workers, and memory over a long run (2,000 vs 20,000 documents).

Memory is read from /proc (Linux): for each worker its peak resident set (VmHWM, which
counts the pages it shares copy-on-write with the parent) and its unique set (USS: private
pages only, what the worker costs on top of the parent); for the parent its resident set.
It is sampled from the run's progress callback, in the main thread, about every second and
when the count of documents done crosses a mark: a sampling thread would be running while
the workers fork, which is what rasad avoids.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.progress import ADVANCES
from rasad.workers import ordered_map

MB = 1024 * 1024


@dataclass(frozen=True)
class Memory:
    """One process's memory now, in MB (peak: the highest resident set so far)."""

    rss: float
    peak: float
    uss: float


def memory_of(pid: int) -> Memory | None:
    """The memory of process `pid`, or None once it has gone (or without /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    kb = {line.split(":")[0]: int(line.split()[1]) for line in (status + rollup).splitlines()
          if line.endswith(" kB")}
    return Memory(rss=kb.get("VmRSS", 0) / 1024, peak=kb.get("VmHWM", 0) / 1024,
                  uss=(kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024)


def worker_pids() -> list[int]:
    """The children of this process (the workers of a run in progress)."""
    path = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


@dataclass
class Sampler:
    """The `progress` callback of `rasad.batch.run` that samples memory as the run goes."""

    marks: tuple[int, ...] = ()  # documents done at which to keep a sample
    every: float = 1.0
    done: int = 0
    peaks: dict[int, Memory] = field(default_factory=dict)  # by worker pid: highest seen
    parent_peak: float = 0.0
    at_marks: dict[int, tuple[Memory | None, list[Memory]]] = field(default_factory=dict)
    # the last sample taken while workers ran (they end before the last batch is stored)
    last: tuple[int, Memory | None, list[Memory]] = (0, None, [])
    _last: float = 0.0

    def __call__(self, kind: str, item: Any) -> None:
        self.done += kind in ADVANCES
        crossed = [m for m in self.marks if m <= self.done and m not in self.at_marks]
        if crossed or time.monotonic() - self._last >= self.every:
            self.sample(crossed)

    def sample(self, marks: Sequence[int] = ()) -> None:
        self._last = time.monotonic()
        parent = memory_of(os.getpid())
        if parent:
            self.parent_peak = max(self.parent_peak, parent.rss)
        workers = {pid: mem for pid in worker_pids() if (mem := memory_of(pid))}
        for pid, mem in workers.items():
            old = self.peaks.get(pid)
            self.peaks[pid] = mem if old is None else Memory(
                rss=max(old.rss, mem.rss), peak=max(old.peak, mem.peak), uss=max(old.uss, mem.uss))
        for mark in marks:
            self.at_marks[mark] = (parent, list(workers.values()))
        if workers:
            self.last = (self.done, parent, list(workers.values()))


@dataclass
class RunMeasure:
    """One `rasad.batch.run` into a new database, measured."""

    workers: int
    seconds: float
    cpu: float  # user + system seconds of this process and its workers
    parent_cpu: float
    sentences: int
    outcomes: dict[str, int]
    problems: list[tuple[str, str]]
    sampler: Sampler


def measure_run(paths: list[str], db: Path, *, workers: int,
                marks: tuple[int, ...] = ()) -> RunMeasure:
    """`rasad.batch.run` with `workers` (what `rasad run --workers N` calls) into `db`,
    in this process (resources already loaded: no startup in the figure)."""
    from rasad import default_pipeline
    from rasad.batch import run
    from rasad.store import close, connect

    conn = connect(db)
    sampler = Sampler(marks=marks)
    before, start = os.times(), time.perf_counter()
    summary = run(paths, conn=conn, pipeline=default_pipeline(), workers=workers,
                  progress=sampler)
    seconds, after = time.perf_counter() - start, os.times()
    close(conn)
    parent = (after.user - before.user) + (after.system - before.system)
    children = (after.children_user - before.children_user) + \
        (after.children_system - before.children_system)
    return RunMeasure(workers, seconds, parent + children, parent, summary.sentences,
                      dict(summary.outcomes), summary.problems, sampler)


def stages_in_workers(lines: list[str], names: tuple[str, ...], workers: int,
                      run_stages: Callable[..., tuple[dict[str, float], int, int]],
                      ) -> tuple[dict[str, float], float]:
    """Each stage's seconds summed over `workers` forked processes that analyse the corpus
    in chunks (each worker timing the stages as the one-core table does), and the wall
    seconds of it all. A stage's throughput in N workers is then documents / (its summed
    seconds / N): what it does when N cores share the work and contend as they do."""
    def timed(chunk: list[str]) -> dict[str, float]:
        return run_stages(chunk, names, failures=[])[0]

    chunks = [lines[i:i + 8] for i in range(0, len(lines), 8)]
    totals: dict[str, float] = {}
    start = time.perf_counter()
    for seconds in ordered_map(timed, chunks, workers=workers):
        for name, spent in seconds.items():
            totals[name] = totals.get(name, 0.0) + spent
    return totals, time.perf_counter() - start


def write_scaled(lines: list[str], n: int, path: Path) -> None:
    """`n` documents in one JSONL file: the corpus again and again, each repeat with new ids
    and its texts made unique by a counter at the end, so dedup stores every one."""
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            record = json.loads(lines[k % len(lines)])
            repeat = k // len(lines)
            if repeat:
                record["id"] = f"{record.get('id', 'doc')}-r{repeat}"
                record["text"] = f"{record['text']} ({repeat})"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
