"""Profile the `events` stage alone on documents that went through the earlier stages.

    python bench/profile_events.py [SHARED_DIR] [--limit 300] [--top 25] [--out events.prof]

Reads the bench corpus like bench_pipeline.py (`--limit`: half from each language), runs the
stages before `events` unprofiled, then runs `events` on every document under cProfile and
prints the functions with the most time of their own (tottime) and the most time in all
(cumtime). A document the stage raises on is counted and skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from bench_pipeline import read_lines  # noqa: E402

from rasad.document import Document  # noqa: E402
from rasad.pipeline import DEFAULT_STAGES, STAGES, settle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=ROOT.parents[1] / "shared")
    parser.add_argument("--limit", type=int, default=300, metavar="N")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, default=None, help="also save the raw profile here")
    args = parser.parse_args()

    before = [STAGES[name].load() for name in DEFAULT_STAGES[:DEFAULT_STAGES.index("events")]]
    events = STAGES["events"].load()
    docs = []
    for line in read_lines(args.shared, args.limit):
        record = json.loads(line)
        doc = Document(record["text"], id=record.get("id", ""))
        for function in before:
            doc = function(doc)
        docs.append(doc)
    for doc in docs[:3] + docs[-3:]:  # load both languages' tables unprofiled (the stage
        with contextlib.suppress(Exception):  # refills events and quotes on each call)
            events(doc)
    settle()

    failed = 0
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    for doc in docs:
        try:
            events(doc)
        except Exception:  # noqa: BLE001
            failed += 1
    profile.disable()
    seconds = time.perf_counter() - start
    sentences = sum(len(doc.sentences) for doc in docs)
    print(f"events on {len(docs)} documents, {sentences} sentences: {seconds:.2f}s under cProfile "
          f"({len(docs) / seconds:,.0f} docs/s profiled); {failed} raised")
    stats = pstats.Stats(profile)
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
