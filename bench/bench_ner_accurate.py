"""Cost of the accurate NER tier, and of `rasad run` in each NER mode, measured in one run.

1. Loading the encoder tagger (seconds, added resident memory) in this process.
2. Tagging speed on ONE core: the process is pinned to one CPU and onnxruntime runs one
   thread; held-out sentences of PEYMA dev and the ANERcorp tail (rasad tokens = words); the
   tier (encoder + CRF marginals) and the encoder alone.
3. `rasad run` end to end (`rasad.batch.run`, workers=1, a temporary database) on the first
   `--limit` documents of ../shared/corpus/bench (half Persian, half Arabic), once per NER
   mode: fast (the CRF, default), events (the encoder on trigger sentences only), accurate.
   Each is timed after a warm-up run on ten other documents (models and lexicons loaded by
   then); ratios to the default are printed, since the machine is shared and noisy.

    python bench/bench_ner_accurate.py [SHARED_DIR] [--limit 200] [--sentences 1500]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASAD_NER_THREADS", "1")

from rasad.ner.train import DEFAULT_SHARED, heldout  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


def one_core() -> None:
    """Pin this process (and its BLAS/onnxruntime threads) to the first allowed CPU."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def bench_tagger(shared: Path, n_sentences: int) -> dict:
    from rasad.ner.accurate import load_accurate, tag_sentences  # noqa: PLC0415
    from rasad.ner.tagger import load_tagger  # noqa: PLC0415

    for lang in ("fa", "ar"):
        load_tagger(lang)  # the CRFs are the default tier's: not counted

    before, t0 = rss_mb(), time.perf_counter()
    model = load_accurate()
    load_s, load_mb = time.perf_counter() - t0, rss_mb() - before
    out = {"load_seconds": round(load_s, 2), "load_mb": round(load_mb)}
    for lang in ("fa", "ar"):
        words = [[w for w, _ in s] for s in heldout(lang, shared_dir=shared)][:n_sentences]
        model.tag_many(words[:50])  # the first calls set up onnxruntime's buffers
        tokens = sum(map(len, words))
        t0 = time.perf_counter()
        tag_sentences(words, [lang] * len(words))
        tier_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.tag_many(words)
        alone_s = time.perf_counter() - t0
        out[lang] = {"sentences": len(words), "tokens": tokens,
                     "tokens_per_s": round(tokens / tier_s),
                     "encoder_alone_tokens_per_s": round(tokens / alone_s)}
    return out


def write_slice(shared: Path, limit: int, folder: Path) -> tuple[list[str], list[str]]:
    """JSONL files of the first `limit` / 2 documents of each language (timed), and of the
    ten after them (warm-up)."""
    timed, warm = [], []
    for lang in ("fa", "ar"):
        src = shared / "corpus" / "bench" / f"{lang}.jsonl"
        with src.open(encoding="utf-8") as f:
            lines = [line for _, line in zip(range(limit // 2 + 5), f, strict=False)]
        for name, part, out in (("timed", lines[:limit // 2], timed),
                                ("warm", lines[limit // 2:], warm)):
            path = folder / f"{lang}-{name}.jsonl"
            path.write_text("".join(part), "utf-8")
            out.append(str(path))
    return timed, warm


def bench_run(paths: tuple[list[str], list[str]], tier: str, folder: Path) -> tuple[float, int]:
    """Seconds of `rasad.batch.run` over the timed files (after a warm-up run over the others)
    and the documents it stored."""
    from rasad.batch import run  # noqa: PLC0415
    from rasad.pipeline import Pipeline  # noqa: PLC0415
    from rasad.store import connect  # noqa: PLC0415

    pipeline = Pipeline(ner=tier)
    seconds, stored = 0.0, 0
    for name, files in (("warm", paths[1]), ("timed", paths[0])):
        conn = connect(folder / f"{tier}-{name}.db")
        t0 = time.perf_counter()
        summary = run(files, conn=conn, pipeline=pipeline, workers=1)
        seconds = time.perf_counter() - t0
        stored = sum(summary.outcomes.values())
        conn.close()
    return seconds, stored


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--sentences", type=int, default=1500)
    parser.add_argument("--skip-run", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "ner").is_dir():
        sys.exit(f"needs {args.shared}/data/ner (the ../shared development data)")
    one_core()
    result = {"tagger": bench_tagger(args.shared, args.sentences)}
    t = result["tagger"]
    print(f"accurate tier: load {t['load_seconds']} s, +{t['load_mb']} MB; one core: "
          f"fa {t['fa']['tokens_per_s']:,} tokens/s, ar {t['ar']['tokens_per_s']:,} tokens/s "
          f"(encoder alone: {t['fa']['encoder_alone_tokens_per_s']:,}, "
          f"{t['ar']['encoder_alone_tokens_per_s']:,})")
    if not args.skip_run:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            paths = write_slice(args.shared, args.limit, folder)
            runs = {}
            for tier in ("fast", "events", "accurate"):
                seconds, docs = bench_run(paths, tier, folder)
                runs[tier] = {"docs": docs, "seconds": round(seconds, 2),
                              "docs_per_s": round(docs / seconds, 2)}
            base = runs["fast"]["docs_per_s"]
            for tier, r in runs.items():
                r["vs_default"] = round(r["docs_per_s"] / base, 3)
                print(f"rasad run --ner {tier:<9} {r['docs_per_s']:>7.2f} docs/s "
                      f"({r['docs']} docs, {r['seconds']} s) = {r['vs_default']:.0%} of default")
            result["run"] = runs
    print(json.dumps(result))


if __name__ == "__main__":
    main()
