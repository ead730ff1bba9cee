"""Throughput of every pipeline stage on one core, measured in one run.

Corpus: ../shared/corpus/bench/{fa,ar}.jsonl (about 2,000 pseudo-articles of 20 news or
encyclopedia sentences each, built from PEYMA and ANERcorp/WikiFANE; the Persian is written
with Arabic yeh). All lines are read into memory first; then, in the same process:

  1. baseline: `json.loads` each line and `text.split()` — the floor any reader pays;
  2. the pipeline, stage by stage, each stage timed on its own over the whole corpus.

It prints documents/s, sentences/s and tokens/s per stage and per group of stages (the text
layer = language + segment) and for writing the results to SQLite the way `rasad run` does,
each time as a ratio to the baseline, peak memory, and PASS/FAIL against the issues' targets.
The `events` row times the events stage function alone, on documents that already went through
the earlier stages. Last, `rasad run` end to end on one core: the batch API `rasad run
--workers 1` calls (`rasad.batch.run`: reading the JSONL files, dedup checks, analysis,
`save_batch`) into a temporary database, in this process with the resources already loaded;
and, unless `--no-cli`, the `rasad run --workers 1` command itself in a fresh process, whose
wall time includes starting Python and loading. The machine is shared and noisy: compare ratios.

    python bench/bench_pipeline.py [SHARED_DIR] [--stages language,segment,...] [--repeat N]
                                   [--limit N] [--no-cli]

`--limit N` keeps N documents for a quick run, half from each language (the first lines of
fa.jsonl and of ar.jsonl).

Loading (models, knowledge base, lexicons) is timed on the first ten documents, with the
memory it adds; the targets for the entity stages are < 2 s and < 300 MB.
"""

from __future__ import annotations

import argparse
import json
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


def run_batch(paths: list[str], db: Path) -> tuple[float, dict[str, int], list[tuple[str, str]]]:
    """Seconds `rasad.batch.run` takes with `workers=1` (what `rasad run --workers 1` calls),
    into a new database; its outcome counts and problems."""
    from rasad import default_pipeline
    from rasad.batch import run

    conn = connect(db)
    start = time.perf_counter()
    summary = run(paths, conn=conn, pipeline=default_pipeline(), workers=1)
    seconds = time.perf_counter() - start
    conn.close()
    return seconds, dict(summary.outcomes), summary.problems


def run_cli(paths: list[str], db: Path) -> float:
    """Wall seconds of `rasad run --workers 1` in a fresh process (startup and loading included)."""
    command = [sys.executable, "-m", "rasad", "run", *paths, "--db", str(db), "--workers", "1"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: stored, with some documents failed
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def report_run(label: str, n_docs: int, base: float, spent: float, note: str = "") -> None:
    verdict = f"  target {RUN_TARGET}: " + ("PASS" if n_docs / spent >= RUN_TARGET else "FAIL")
    print(f"{label:<22}{spent:>9.2f}{n_docs / spent:>10,.0f}{'':>13}{'':>12}{spent / base:>12.1f}"
          f"{verdict}{note}")


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
        paths = write_corpus(corpus, folder)
        batch = min((run_batch(paths, folder / f"run{i}.db") for i in range(args.repeat)),
                    key=lambda run: run[0])
        cli = None if args.no_cli else min(run_cli(paths, folder / f"cli{i}.db")
                                           for i in range(args.repeat))
    seconds, sentences, tokens = min(runs, key=lambda run: sum(run[0].values()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(lines)} documents, {sentences} sentences, {tokens} tokens ({args.shared})")
    print(f"baseline (json.loads + split): {base:.3f}s, {len(lines) / base:,.0f} docs/s")
    print(f"loading resources (first 10 documents): {load_seconds:.2f}s, +{rss_loaded - rss_before:.0f} MB "
          f"(targets: < 2 s, < 300 MB); peak memory {peak:.0f} MB")
    if failures:
        print(f"{len(failures) // args.repeat} documents failed (timed up to the failing stage, "
              f"then skipped), e.g. {failures[0][:200]}")
    report(len(lines), base, seconds, sentences, tokens)
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(batch[1].items()))
    report_run("rasad run (batch API)", len(lines), base, batch[0], f"  ({outcomes})")
    if cli is not None:
        report_run("rasad run (command)", len(lines), base, cli, "  (incl. startup + loading)")
    for origin, message in batch[2][:5]:
        print(f"  failed: {origin}: {message[:200]}")


if __name__ == "__main__":
    main()
