"""Score the shipped NER models on held-out data and measure their cost.

Entity-level precision, recall and F1 (PER, LOC, ORG; exact spans, seqeval/conlleval
counting) on PEYMA dev (Persian) and the held-out tail of ANERcorp train (Arabic), neither
of which the models were trained on; then model load time, added memory and tagging speed
(held-out sentences, and whole documents of the bench corpus through `annotate`).

    python eval/eval_ner.py [--lang fa|ar|all] [--shared ../shared] [--write-card]
    python eval/eval_ner.py --tier accurate [--lang ...]   # the encoder tier (rasad[accurate])

`--write-card` rewrites rasad/data/ner/MODEL_CARD.md from these numbers and the training
reports (`rasad/data/ner/<lang>.json`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.document import Document, Token  # noqa: E402
from rasad.ner import tagger as ner_tagger  # noqa: E402
from rasad.ner.card import write_card  # noqa: E402
from rasad.ner.score import format_table, score  # noqa: E402
from rasad.ner.train import DEFAULT_SHARED, PACKAGE_DIR, heldout  # noqa: E402

HELDOUT_NAME = {"fa": "PEYMA dev", "ar": "ANERcorp train, last 10% of sentences"}


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * 4096 / 1e6


def measure_load(lang: str) -> tuple[float, float]:
    """Seconds and MB of memory to load `lang`'s model the first time."""
    before, t0 = rss_mb(), time.perf_counter()
    ner_tagger.load_tagger(lang)
    return time.perf_counter() - t0, rss_mb() - before


def score_heldout(lang: str, shared: Path) -> tuple[dict, float, int]:
    """Scores on the held-out set, tagging seconds and tokens."""
    sentences = heldout(lang, shared_dir=shared)
    model = ner_tagger.load_tagger(lang)
    gold = [[t for _, t in s] for s in sentences]
    words = [[w for w, _ in s] for s in sentences]
    t0 = time.perf_counter()
    pred = [model.tag(w) for w in words]
    seconds = time.perf_counter() - t0
    return score(gold, pred), seconds, sum(map(len, words))


_TOKEN = re.compile(r"\w+(?:[\u200c]\w+)*|[^\w\s]", re.UNICODE)


def _segment(doc: Document) -> None:
    """rasad's segmenter when present, else a regex split on lines (for speed runs only)."""
    try:
        from rasad.text.segment import annotate as segment  # noqa: PLC0415
    except ImportError:
        for i, line in enumerate(re.finditer(r"[^\n]+", doc.text)):
            doc.tokens.extend(Token(m.start() + line.start(), m.end() + line.start(),
                                    m.group(), i) for m in _TOKEN.finditer(line.group()))
        return
    segment(doc)


def bench_speed(lang: str, shared: Path, *, limit: int) -> dict[str, float]:
    """Documents and tokens per second of `annotate` on bench documents (segmented first)."""
    path = shared / "corpus" / "bench" / f"{lang}.jsonl"
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            data = json.loads(line)
            doc = Document(text=data["text"], lang=lang)
            _segment(doc)
            docs.append(doc)
            if len(docs) >= limit:
                break
    t0 = time.perf_counter()
    for doc in docs:
        ner_tagger.annotate(doc)
    seconds = time.perf_counter() - t0
    tokens = sum(len(d.tokens) for d in docs)
    return {"docs": len(docs), "tokens": tokens, "docs_per_s": round(len(docs) / seconds, 1),
            "tokens_per_s": round(tokens / seconds),
            "entities": sum(len(d.entities) for d in docs)}


def run_accurate(lang: str, shared: Path) -> dict:
    """The encoder tier's scores on the same held-out set, with the same scorer."""
    from rasad.ner.accurate import load_accurate, tag_sentences  # noqa: PLC0415

    load_accurate.cache_clear()
    ner_tagger.load_tagger(lang)
    before, t0 = rss_mb(), time.perf_counter()
    model = load_accurate()
    load_s, load_mb = time.perf_counter() - t0, rss_mb() - before
    sentences = heldout(lang, shared_dir=shared)
    words = [[w for w, _ in s] for s in sentences]
    gold = [[t for _, t in s] for s in sentences]
    t0 = time.perf_counter()
    pred = [tags for tags, _ in tag_sentences(words, [lang] * len(words))]
    seconds = time.perf_counter() - t0
    tokens = sum(map(len, words))
    scores = score(gold, pred)
    alone = score(gold, [tags for tags, _ in model.tag_many(words)])
    print(format_table(scores, title=f"{lang} (accurate tier: encoder + CRF): "
                                     f"{HELDOUT_NAME[lang]} ({tokens} tokens)"))
    print(format_table(alone, title=f"{lang}: the encoder alone"))
    print(f"load {load_s:.2f} s, +{load_mb:.0f} MB; tagging {tokens / seconds:,.0f} tokens/s "
          "(encoder + CRF)\n")
    return {"lang": lang, "heldout": HELDOUT_NAME[lang], "tier": "accurate",
            "scores": {k: v.to_dict() for k, v in scores.items()},
            "encoder_alone": {k: v.to_dict() for k, v in alone.items()},
            "load_seconds": round(load_s, 2), "load_mb": round(load_mb, 1),
            "tag_tokens_per_s": round(tokens / seconds), "heldout_tokens": tokens}


def run(lang: str, shared: Path, *, bench_docs: int) -> dict:
    load_s, load_mb = measure_load(lang)
    scores, seconds, tokens = score_heldout(lang, shared)
    out = {"lang": lang, "heldout": HELDOUT_NAME[lang],
           "scores": {k: v.to_dict() for k, v in scores.items()},
           "load_seconds": round(load_s, 2), "load_mb": round(load_mb, 1),
           "tag_tokens_per_s": round(tokens / seconds), "heldout_tokens": tokens}
    print(format_table(scores, title=f"{lang}: {HELDOUT_NAME[lang]} ({tokens} tokens)"))
    print(f"load {load_s:.2f} s, +{load_mb:.0f} MB; tagging {tokens / seconds:,.0f} tokens/s "
          "(features + CRF, one core)")
    if (shared / "corpus" / "bench" / f"{lang}.jsonl").is_file():
        out["bench"] = bench_speed(lang, shared, limit=bench_docs)
        b = out["bench"]
        print(f"bench: annotate {b['docs_per_s']} docs/s, {b['tokens_per_s']:,} tokens/s "
              f"over {b['docs']} documents")
    print()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["fa", "ar", "all"], default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--bench-docs", type=int, default=300)
    parser.add_argument("--write-card", action="store_true")
    parser.add_argument("--tier", choices=["fast", "accurate"], default="fast")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "ner").is_dir():
        sys.exit(f"needs {args.shared}/data/ner (the ../shared development data)")
    langs = ("fa", "ar") if args.lang == "all" else (args.lang,)
    if args.tier == "accurate":
        results = [run_accurate(lang, args.shared) for lang in langs]
        if args.write_card:
            from rasad.ner.encoder.card import write_card as write_accurate_card  # noqa: PLC0415

            print(f"wrote {write_accurate_card(results)}")
        return
    results = [run(lang, args.shared, bench_docs=args.bench_docs) for lang in langs]
    if args.write_card:
        write_card(results, PACKAGE_DIR / "MODEL_CARD.md")
        print(f"wrote {PACKAGE_DIR / 'MODEL_CARD.md'}")


if __name__ == "__main__":
    main()
