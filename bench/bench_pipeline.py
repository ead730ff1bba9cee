"""Throughput of every pipeline stage and of `rasad run`, on one core and in N workers,
measured in one run.

Corpus: ../shared/corpus/bench/{fa,ar}.jsonl (about 2,000 pseudo-articles of 20 news or
encyclopedia sentences each, built from PEYMA and ANERcorp/WikiFANE; the Persian is written
with Arabic yeh). All lines are read into memory first; then, in the same process:

  1. baseline: `json.loads` each line and `text.split()` — the floor any reader pays;
  2. the pipeline, stage by stage, each stage timed on its own over the whole corpus, on one
     core, then in N forked workers (`--workers`, default 2; bench_workers.py);
  3. `rasad run` end to end, with 1 and with N workers: the batch API `rasad run --workers N`
     calls (`rasad.batch.run`: reading the JSONL files, dedup checks, analysis, storing) into
     a temporary database, in this process with the resources already loaded; wall time,
     CPU seconds (this process and its workers), and each worker's peak memory;
  4. unless `--no-cli`, the `rasad run --workers 1` command itself in a fresh process, whose
     wall time includes starting Python and loading;
  5. unless `--scale 0`, one long run in N workers over the corpus repeated to 20,000
     documents (new ids, texts made unique by a counter), whose memory after 2,000 documents
     and at the end must be the same.

It prints documents/s and sentences/s (tokens/s on one core) per stage and per group of
stages (the text layer = language + segment), for writing to SQLite the way `rasad run`
does, and end to end, each time as a ratio to the baseline, and PASS/FAIL against the
issues' targets. The `events` row times the events stage function alone, on documents that
already went through the earlier stages. The machine is shared and noisy: compare ratios
(the load average is printed at the end).

    python bench/bench_pipeline.py [SHARED_DIR] [--stages language,segment,...] [--repeat N]
                                   [--limit N] [--no-cli] [--workers N] [--scale N]

`--limit N` keeps N documents for a quick run, half from each language (the first lines of
fa.jsonl and of ar.jsonl).

Loading (models, knowledge base, lexicons) is timed on the first ten documents, with the
memory it adds; the targets for the entity stages are < 2 s and < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_workers import RunMeasure, measure_run, stages_in_workers, write_scaled  # noqa: E402

from rasad.batch import BATCH_SIZE  # noqa: E402
from rasad.document import Document  # noqa: E402
from rasad.ingest.dedup import content_hash  # noqa: E402
from rasad.pipeline import DEFAULT_STAGES, STAGES, settle  # noqa: E402
from rasad.store import connect, save_batch  # noqa: E402

# Groups of stages the issues set targets for (documents/s on one core).
GROUPS: dict[str, tuple[tuple[str, ...], float]] = {
    "text layer": (("language", "segment"), 500),
    "time + quantities": (("times", "quantities"), 300),
    "ner + actors": (("ner", "actors"), 60),
}
# Single stages with a target of their own (documents/s on one core).
STAGE_TARGETS: dict[str, float] = {"events": 200}
# `rasad run --workers 1` end to end (documents/s on one core).
RUN_TARGET = 30
PARALLEL_TARGET = 1.7  # 2 workers: documents/s as a multiple of one worker's
MEMORY_TARGET = 1024  # MB, peak resident memory of each worker
GROWTH_LIMIT = 0.10  # memory at the end of the long run vs at SCALE_FIRST documents
SCALE_FIRST = 2_000


def read_corpus(shared: Path, limit: int | None = None) -> dict[str, list[str]]:
    """The bench lines of each language file, in order (`limit`: that many in all, split
    evenly between the languages)."""
    folder = shared / "corpus" / "bench"
    paths = [folder / "fa.jsonl", folder / "ar.jsonl"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"bench corpus not found: {', '.join(missing)}\n"
                 f"pass the shared data folder: python {sys.argv[0]} /path/to/shared")
    corpus = {p.name: [line for line in p.read_text("utf-8").splitlines() if line.strip()]
              for p in paths}
    if limit is not None:
        share = [limit // len(paths) + (i < limit % len(paths)) for i in range(len(paths))]
        corpus = {name: lines[:n] for (name, lines), n in zip(corpus.items(), share, strict=True)}
    return corpus


def read_lines(shared: Path, limit: int | None = None) -> list[str]:
    return [line for lines in read_corpus(shared, limit).values() for line in lines]


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; max RSS elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(lines: list[str]) -> float:
    start = time.perf_counter()
    for line in lines:
        json.loads(line)["text"].split()
    return time.perf_counter() - start


def run_stages(lines: list[str], names: tuple[str, ...], *, store: sqlite3.Connection | None = None,
               failures: list[str] | None = None) -> tuple[dict[str, float], int, int]:
    """Seconds spent in each stage (document creation counts to the first), sentences, tokens;
    with `store`, also the seconds `save_batch` takes to write the analysed documents
    (batches of 64, as `rasad run` writes them). With `failures`, a document a stage raises on
    is noted there (its time so far counted), skips its later stages and is not stored, as a
    batch run makes it a Failure; without, the exception propagates."""
    functions = [(name, STAGES[name].load()) for name in names]
    seconds: dict[str, float] = defaultdict(float)
    sentences = tokens = 0
    pending: list[Document] = []
    for line in lines:
        start = time.perf_counter()
        record = json.loads(line)
        doc = Document(record["text"], id=record.get("id", ""))
        seconds[names[0]] += time.perf_counter() - start
        try:
            for name, function in functions:
                start = time.perf_counter()
                doc = function(doc)
                seconds[name] += time.perf_counter() - start
        except Exception as error:
            seconds[name] += time.perf_counter() - start
            if failures is None:
                raise
            failures.append(f"{doc.id}: stage {name}: {type(error).__name__}: {error}")
            sentences += len(doc.sentences)
            tokens += len(doc.tokens)
            continue
        sentences += len(doc.sentences)
        tokens += len(doc.tokens)
        if store is not None:
            pending.append(doc)
            if len(pending) == BATCH_SIZE:
                seconds["store (SQLite)"] += _save(store, pending)
                pending = []
    if store is not None and pending:
        seconds["store (SQLite)"] += _save(store, pending)
    return seconds, sentences, tokens


def _save(store: sqlite3.Connection, docs: list[Document]) -> float:
    start = time.perf_counter()
    save_batch(store, docs, hash_text=content_hash, batch_size=BATCH_SIZE)
    return time.perf_counter() - start


def report(n_docs: int, base: float, seconds: dict[str, float], sentences: int, tokens: int) -> None:
    print(f"{'stage':<22}{'seconds':>9}{'docs/s':>10}{'sentences/s':>13}{'tokens/s':>12}{'x baseline':>12}")
    rows = [(name, (name,), STAGE_TARGETS.get(name)) for name in seconds]
    rows += [(group, names, target) for group, (names, target) in GROUPS.items()
             if all(n in seconds for n in names)]
    rows.append(("all stages", tuple(n for n in seconds if n in STAGES), None))
    for label, names, target in rows:
        spent = sum(seconds[n] for n in names)
        verdict = "" if target is None else f"  target {target:.0f}: " + (
            "PASS" if n_docs / spent >= target else "FAIL")
        print(f"{label:<22}{spent:>9.2f}{n_docs / spent:>10,.0f}{sentences / spent:>13,.0f}"
              f"{tokens / spent:>12,.0f}{spent / base:>12.1f}{verdict}")


def write_corpus(corpus: dict[str, list[str]], folder: Path) -> list[str]:
    """The (possibly limited) corpus as JSONL files in `folder`, for `rasad run` to read."""
    paths = []
    for name, lines in corpus.items():
        path = folder / name
        path.write_text("\n".join(lines) + "\n", "utf-8")
        paths.append(str(path))
    return paths


def run_cli(paths: list[str], db: Path) -> float:
    """Wall seconds of `rasad run --workers 1` in a fresh process (startup and loading included)."""
    command = [sys.executable, "-m", "rasad", "run", *paths, "--db", str(db), "--workers", "1"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: stored, with some documents failed
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def report_workers(n_docs: int, sentences: int, one: dict[str, float],
                   many: dict[str, float], workers: int) -> None:
    """Each stage's throughput in `workers` processes beside its one-core figure."""
    print(f"\neach stage in {workers} workers (its seconds summed over the workers / {workers}):")
    print(f"{'stage':<22}{'docs/s':>10}{'sentences/s':>13}{'1 worker':>10}{'x 1 worker':>12}")
    rows = [(name, (name,)) for name in many]
    rows += [(group, names) for group, (names, _) in GROUPS.items() if all(n in many for n in names)]
    rows.append(("all stages", tuple(n for n in many if n in STAGES)))
    for label, names in rows:
        spent = sum(many[n] for n in names) / workers
        alone = sum(one[n] for n in names)
        print(f"{label:<22}{n_docs / spent:>10,.0f}{sentences / spent:>13,.0f}"
              f"{n_docs / alone:>10,.0f}{alone / spent:>12.2f}")


def report_runs(n_docs: int, base: float, runs: list[RunMeasure], cli: float | None) -> None:
    """`rasad run` end to end with 1 and N workers: speed, CPU, memory per worker, targets."""
    print(f"\nrasad run end to end (batch API: read, dedup, analyse, store; {n_docs} documents):")
    print(f"{'workers':<10}{'seconds':>9}{'docs/s':>9}{'sentences/s':>13}{'x baseline':>12}"
          f"{'CPU s':>8}{'parent CPU s':>14}  peak memory per worker (RSS, own)")
    for run in runs:
        print(f"{run.workers:<10}{run.seconds:>9.2f}{n_docs / run.seconds:>9,.1f}"
              f"{run.sentences / run.seconds:>13,.0f}{run.seconds / base:>12.0f}{run.cpu:>8.1f}"
              f"{run.parent_cpu:>14.1f}  {_worker_memory(run)}")
    one, many = runs[0], runs[-1]
    verdict = "PASS" if n_docs / one.seconds >= RUN_TARGET else "FAIL"
    print(f"1 worker: {n_docs / one.seconds:,.1f} docs/s (target {RUN_TARGET}: {verdict})")
    ratio = one.seconds / many.seconds
    print(f"{many.workers} workers vs 1: {ratio:.2f}x the documents/s "
          f"(target >= {PARALLEL_TARGET}: {'PASS' if ratio >= PARALLEL_TARGET else 'FAIL'}), "
          f"{many.cpu / one.cpu:.2f}x the CPU seconds")
    # On a machine whose cores others use, the wall-time ratio says little (this run's CPU
    # share may not grow with its processes); from CPU seconds, what free cores would give.
    print(f"on {many.workers} free cores (projected from CPU seconds, not measured): "
          f"{many.workers * one.cpu / many.cpu:.2f}x; CPU share of this run: "
          f"{one.cpu / one.seconds:.2f} cores with 1 worker, {many.cpu / many.seconds:.2f} "
          f"with {many.workers}")
    peak = max(_peaks(many) or [many.sampler.parent_peak])
    print(f"peak memory per worker: {peak:,.0f} MB resident (target < {MEMORY_TARGET} MB: "
          f"{'PASS' if peak < MEMORY_TARGET else 'FAIL'})")
    if cli is not None:
        print(f"rasad run --workers 1, the command in a fresh process: {cli:.2f}s, "
              f"{n_docs / cli:,.1f} docs/s (startup and loading included)")
    for origin, message in one.problems[:5]:
        print(f"  failed: {origin}: {message[:200]}")


def _peaks(run: RunMeasure) -> list[float]:
    return [mem.peak for mem in run.sampler.peaks.values()]


def _worker_memory(run: RunMeasure) -> str:
    if run.workers == 1:  # the analysis runs in this process
        return f"{run.sampler.parent_peak:,.0f} MB (in this process)"
    if not run.sampler.peaks:
        return "not sampled (the run ended before a second batch)"
    workers = ", ".join(f"{mem.peak:,.0f} MB ({mem.uss:,.0f} own)"
                        for mem in run.sampler.peaks.values())
    return f"{workers}; parent {run.sampler.parent_peak:,.0f} MB"


def report_scale(run: RunMeasure, first: int) -> None:
    """Memory after `first` documents and at the end of one long run: it must not grow."""
    done, parent, workers = run.sampler.last
    print(f"\nmemory over one long run ({sum(run.outcomes.values()):,} documents, {run.workers} "
          f"workers, {sum(run.outcomes.values()) / run.seconds:,.1f} docs/s, "
          f"outcomes {run.outcomes}):")
    samples = [(first, *run.sampler.at_marks.get(first, (None, []))), (done, parent, workers)]
    for mark, parent, workers in samples:
        parts = [f"parent {parent.rss:,.0f} MB" if parent else "parent ?"]
        parts += [f"worker {mem.rss:,.0f} MB ({mem.uss:,.0f} own)" for mem in workers]
        print(f"  after {mark:>6,} documents: " + ", ".join(parts))
    (_, p1, w1), (_, p2, w2) = samples
    if not (p1 and p2 and w1 and w2):
        print("  growth: not measured (the run was too short, or no /proc)")
        return
    growth = [p2.rss / p1.rss - 1, max(m.rss for m in w2) / max(m.rss for m in w1) - 1]
    verdict = "PASS" if max(growth) <= GROWTH_LIMIT else "FAIL"
    print(f"  growth: parent {growth[0]:+.1%}, largest worker {growth[1]:+.1%} "
          f"(target: flat, within {GROWTH_LIMIT:.0%}: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (default: ../shared beside the repo)")
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES),
                        help="comma-separated stage names, in pipeline order")
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is kept")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only N documents, half from each language (a quick run)")
    parser.add_argument("--no-cli", action="store_true",
                        help="skip timing the `rasad run` command in a fresh process")
    parser.add_argument("--workers", type=int, default=2,
                        help="the workers to compare with one (default 2)")
    parser.add_argument("--scale", type=int, default=20_000, metavar="N",
                        help="documents of the long run that checks memory stays flat "
                             "(default 20,000; 0 skips it)")
    args = parser.parse_args()

    names = tuple(args.stages.split(","))
    corpus = read_corpus(args.shared, args.limit)
    lines = [line for part in corpus.values() for line in part]
    rss_before = rss_mb()
    started = time.perf_counter()
    run_stages(lines[:10], names)  # warm up: lexicons, models, the knowledge base
    settle()  # as Pipeline does after its first document
    load_seconds = time.perf_counter() - started
    rss_loaded = rss_mb()
    base = min(baseline(lines) for _ in range(args.repeat))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        failures: list[str] = []
        runs = [run_stages(lines, names, store=connect(folder / f"bench{i}.db"), failures=failures)
                for i in range(args.repeat)]
        in_workers, _ = stages_in_workers(lines, names, args.workers, run_stages)
        paths = write_corpus(corpus, folder)
        ends = [min((measure_run(paths, folder / f"run{workers}-{i}.db", workers=workers)
                     for i in range(args.repeat)), key=lambda run: run.seconds)
                for workers in (1, args.workers)]
        cli = None if args.no_cli else min(run_cli(paths, folder / f"cli{i}.db")
                                           for i in range(args.repeat))
        scaled = None
        if args.scale:
            write_scaled(lines, args.scale, folder / "scaled.jsonl")
            scaled = measure_run([str(folder / "scaled.jsonl")], folder / "scaled.db",
                                 workers=args.workers, marks=(SCALE_FIRST,))
    seconds, sentences, tokens = min(runs, key=lambda run: sum(run[0].values()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(lines)} documents, {sentences} sentences, {tokens} tokens ({args.shared})")
    print(f"baseline (json.loads + split): {base:.3f}s, {len(lines) / base:,.0f} docs/s")
    print(f"loading resources (first 10 documents): {load_seconds:.2f}s, +{rss_loaded - rss_before:.0f} MB "
          f"(targets: < 2 s, < 300 MB); peak memory of this process {peak:.0f} MB")
    if failures:
        print(f"{len(failures) // args.repeat} documents failed (timed up to the failing stage, "
              f"then skipped), e.g. {failures[0][:200]}")
    print("\neach stage on one core:")
    report(len(lines), base, seconds, sentences, tokens)
    report_workers(len(lines), sentences, seconds, in_workers, args.workers)
    report_runs(len(lines), base, ends, cli)
    if scaled is not None:
        report_scale(scaled, SCALE_FIRST)
    print(f"\nload average of the machine (1, 5, 15 min) at the end: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores "
          f"(others' work there slows the runs and shrinks the ratios)")

if __name__ == "__main__":
    main()
