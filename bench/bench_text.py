"""Throughput of rasad's text layer (normalize + langid + sentences + tokens) on one core.

Corpus: ../shared/corpus/bench/{fa,ar}.jsonl (about 2,000 pseudo-articles of 20 news or
encyclopedia sentences each; Persian from PEYMA, written with Arabic yeh). Two passes run in
the same process, on the same lines already read into memory:

  1. baseline: `json.loads` each line and `text.split()`: the floor any reader pays;
  2. text layer: `Document` + stage `language` + stage `segment`.

It prints documents/s, sentences/s, tokens/s, peak memory and the ratio of the two times.
The target is >= 500 documents/s for the text layer.

    python bench/bench_text.py [SHARED_DIR] [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.document import Document  # noqa: E402
from rasad.text import langid, segment  # noqa: E402

TARGET_DOCS_PER_S = 500


def read_lines(shared: Path) -> list[str]:
    folder = shared / "corpus" / "bench"
    paths = [folder / "fa.jsonl", folder / "ar.jsonl"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"bench corpus not found: {', '.join(missing)}\n"
                 f"pass the shared data folder: python bench/bench_text.py /path/to/shared")
    return [line for p in paths for line in p.read_text("utf-8").splitlines() if line.strip()]


def baseline(lines: list[str]) -> int:
    words = 0
    for line in lines:
        words += len(json.loads(line)["text"].split())
    return words


def text_layer(lines: list[str]) -> tuple[int, int]:
    sentences = tokens = 0
    for line in lines:
        record = json.loads(line)
        doc = Document(record["text"], id=record.get("id", ""))
        doc = segment.annotate(langid.annotate(doc))
        sentences += len(doc.sentences)
        tokens += len(doc.tokens)
    return sentences, tokens


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (default: ../shared beside the repo)")
    parser.add_argument("--repeat", type=int, default=1, help="passes of each kind; best is kept")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the text layer")
    args = parser.parse_args()

    lines = read_lines(args.shared)
    text_layer(lines[:20])  # warm up: load word lists and the fastText model
    base_time = min(timed(baseline, lines)[0] for _ in range(args.repeat))
    runs = [timed(text_layer, lines) for _ in range(args.repeat)]
    layer_time, (n_sent, n_tok) = min(runs, key=lambda run: run[0])
    n_docs = len(lines)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    docs_per_s = n_docs / layer_time
    print(f"corpus: {n_docs} documents, {n_sent} sentences, {n_tok} tokens ({args.shared})")
    print(f"baseline (json.loads + split): {base_time:.3f}s  {n_docs / base_time:,.0f} docs/s")
    print(f"text layer (normalize+langid+segment): {layer_time:.3f}s  {docs_per_s:,.0f} docs/s  "
          f"{n_sent / layer_time:,.0f} sentences/s  {n_tok / layer_time:,.0f} tokens/s")
    print(f"ratio text layer / baseline: {layer_time / base_time:.1f}x")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(f"target >= {TARGET_DOCS_PER_S} docs/s on one core: "
          f"{'PASS' if docs_per_s >= TARGET_DOCS_PER_S else 'FAIL'}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(text_layer, lines)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
