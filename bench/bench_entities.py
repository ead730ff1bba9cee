"""Throughput of rasad's entity layer (CRF NER + KB gazetteer, role phrases and linking) on one core.

Corpus: ../shared/corpus/bench/{fa,ar}.jsonl (about 2,000 pseudo-articles of 20 news or
encyclopedia sentences each). The text layer (stages `language` + `segment`) runs first and
is timed apart; the figures are for stages `ner` + `actors` only, on documents already
segmented, as the pipeline runs them. Also measured: the time to load the CRF models, the
knowledge base, the gazetteer and the role titles, and the memory (RSS) that loading adds.
Without a shipped CRF model the NER stage is skipped and said so.

Targets: >= 60 documents/s (about 30,000 tokens/s), load < 2 s, < 300 MB added.

    python bench/bench_entities.py [SHARED_DIR] [--limit N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.document import Document  # noqa: E402
from rasad.text import langid, segment  # noqa: E402

TARGET_DOCS_PER_S = 60
TARGET_LOAD_S = 2.0
TARGET_MB = 300


def rss_mb() -> float:
    """Current resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def read_docs(shared: Path, limit: int | None) -> list[Document]:
    folder = shared / "corpus" / "bench"
    paths = [folder / "fa.jsonl", folder / "ar.jsonl"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"bench corpus not found: {', '.join(missing)}\n"
                 f"pass the shared data folder: python bench/bench_entities.py /path/to/shared")
    docs = []
    for path in paths:
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        for line in lines[:limit]:
            record = json.loads(line)
            docs.append(Document(record["text"], id=record.get("id", "")))
    return docs


def load_stages() -> list:
    """The stage functions, with their models loaded (what a pipeline does once)."""
    from rasad.kb.base import load_kb
    from rasad.kb.gazetteer import load_gazetteer
    from rasad.kb.link import annotate as actors
    from rasad.kb.roles import load_titles

    stages = []
    try:
        from rasad.ner.tagger import annotate as ner
        from rasad.ner.tagger import load_tagger

        load_tagger("fa")
        load_tagger("ar")
        stages.append(ner)
    except (ImportError, FileNotFoundError) as error:
        print(f"NER stage skipped: {error}")
    load_kb()
    load_gazetteer()
    load_titles()
    stages.append(actors)
    return stages


def run(docs: list[Document], stages: list) -> int:
    entities = 0
    for doc in docs:
        for stage in stages:
            doc = stage(doc)
        entities += len(doc.entities)
    return entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (default: ../shared beside the repo)")
    parser.add_argument("--limit", type=int, default=None, help="documents per language")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the stages")
    args = parser.parse_args()

    docs = read_docs(args.shared, args.limit)
    start = time.perf_counter()
    docs = [segment.annotate(langid.annotate(doc)) for doc in docs]
    text_time = time.perf_counter() - start
    n_docs, n_tokens = len(docs), sum(len(d.tokens) for d in docs)

    before = rss_mb()
    start = time.perf_counter()
    stages = load_stages()
    load_time = time.perf_counter() - start
    added = rss_mb() - before

    start = time.perf_counter()
    n_entities = run(docs, stages)
    stage_time = time.perf_counter() - start
    docs_per_s = n_docs / stage_time
    print(f"corpus: {n_docs} documents, {n_tokens} tokens ({args.shared})")
    print(f"text layer (language+segment, excluded): {text_time:.2f}s")
    print(f"stages: {', '.join(f.__module__ for f in stages)}")
    print(f"load: {load_time:.2f}s, memory added {added:.0f} MB")
    print(f"entities: {stage_time:.2f}s  {docs_per_s:,.0f} docs/s  {n_tokens / stage_time:,.0f} tokens/s"
          f"  ({n_entities} entities)")
    ok = docs_per_s >= TARGET_DOCS_PER_S and load_time < TARGET_LOAD_S and added < TARGET_MB
    print(f"targets >= {TARGET_DOCS_PER_S} docs/s, load < {TARGET_LOAD_S:.0f} s, "
          f"< {TARGET_MB} MB: {'PASS' if ok else 'FAIL'}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, docs[:400], stages)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
