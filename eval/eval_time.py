"""Span P/R/F1 of rasad's time layer against PEYMA dev's DAT and TIM tags, and its speed.

Data: ../shared/data/ner/fa/peyma/dev.txt (PEYMA, Shahshahani et al. 2018; `token|TAG` lines,
BIO tags with underscore, a blank line between sentences; see SOURCE.txt beside it). Each
sentence is one text, rebuilt by joining its tokens with single spaces; gold spans are the
character spans of B_/I_ DAT and TIM runs. rasad's times (durations included: PEYMA tags
`60 سال` as DAT) are compared with DAT and TIM taken together, since PEYMA's line between
them (امروز is sometimes DAT, sometimes TIM) is not rasad's.

Two matchings: exact (same start and end) and overlap (one-to-one, any shared character).
PEYMA's conventions differ from rasad's in places, which the exact scores show: PEYMA tags a
bare year or number (`2014`, `96`, `88`) that rasad only reads with a cue (سال 2014), and
sometimes includes a preposition (در سه سال آینده، طی سال های 92 تا 94).

`--show N` prints N gold-or-predicted disagreements and a sample of values for checking by
hand; `--bench` times `rasad.time.annotate` on ../shared/corpus/bench/{fa,ar}.jsonl (one core).

    python eval/eval_time.py [PEYMA_DEV] [--show N] [--bench]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.peyma import Sentence, overlap_matches, prf, read_sentences, text_and_gold  # noqa: E402
from rasad.document import Document  # noqa: E402
from rasad.time import annotate, find_times  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT = SHARED / "data" / "ner" / "fa" / "peyma" / "dev.txt"
TAGS = ("DAT", "TIM")


def rebuild(sentence: Sentence) -> tuple[str, dict[tuple[int, int], str]]:
    """The sentence's text and its gold DAT/TIM spans ((start, end) → tag)."""
    text, spans = text_and_gold(sentence, TAGS)
    return text, {(s.start, s.end): s.label for s in spans}


def evaluate(path: Path, show: int = 0, *, quiet: bool = False) -> dict[str, tuple[float, float, float]]:
    """Print (unless quiet) and return {"exact": (P, R, F1), "overlap": (P, R, F1)}."""
    sentences = read_sentences(path)
    n_gold = n_pred = exact = over = 0
    per_tag = {t: [0, 0] for t in TAGS}  # gold count, exact hits
    misses, extras, samples = [], [], []
    started = time.perf_counter()
    for sentence in sentences:
        text, gold = rebuild(sentence)
        times = find_times(text, lang="fa")
        pred = [(t.start, t.end) for t in times]
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        exact += len(set(gold) & set(pred))
        over += overlap_matches(list(gold), pred)
        for span, tag in gold.items():
            per_tag[tag][0] += 1
            per_tag[tag][1] += span in pred
            if span not in pred:
                misses.append((text[span[0]:span[1]], tag, [text[a:b] for a, b in pred]))
        extras += [text[a:b] for a, b in pred if (a, b) not in gold and not any(
            a < g[1] and g[0] < b for g in gold)]
        samples += [(text[t.start:t.end], t.value, t.granularity, t.calendar) for t in times]
    elapsed = time.perf_counter() - started
    scores = {"exact": prf(exact, n_pred, n_gold), "overlap": prf(over, n_pred, n_gold)}
    if quiet:
        return scores
    print(f"PEYMA dev: {len(sentences)} sentences, {n_gold} gold DAT+TIM spans, {n_pred} predicted "
          f"({elapsed:.2f} s)\n")
    print(f"{'matching':<10}{'P':>8}{'R':>8}{'F1':>8}")
    for name, (p, r, f) in scores.items():
        print(f"{name:<10}{p:8.3f}{r:8.3f}{f:8.3f}")
    print("\nexact recall by PEYMA tag: " + ", ".join(
        f"{t} {hits}/{n} = {hits / n:.3f}" for t, (n, hits) in per_tag.items() if n))
    if show:
        _show(misses, extras, samples, show)
    return scores


def _show(misses: list, extras: list, samples: list, n: int) -> None:  # type: ignore[type-arg]
    print(f"\n-- gold spans not found exactly (first {n}):")
    for text, tag, got in misses[:n]:
        print(f"  {tag} {text!r}   rasad: {got}")
    print(f"\n-- predicted spans overlapping no gold span (first {n}):")
    for text in extras[:n]:
        print(f"  {text!r}")
    print(f"\n-- a random sample of {n} values to check by hand:")
    for text, value, gran, cal in random.Random(7).sample(samples, min(n, len(samples))):
        print(f"  {text!r:40} {value} ({gran}, {cal})")


def bench(shared: Path, repeat: int) -> None:
    """Documents/s of the time stage alone (normalization included, as the stage pays it)."""
    texts = []
    for name in ("fa", "ar"):
        for line in (shared / "corpus" / "bench" / f"{name}.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            texts.append((record["text"], record.get("lang", name)))
    annotate(Document(texts[0][0], lang=texts[0][1]))  # compile the grammar first
    best, n_times = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        n_times = sum(len(annotate(Document(text, lang=lang)).times) for text, lang in texts)
        best = min(best, time.perf_counter() - started)
    print(f"\nbench: {len(texts)} documents, {n_times} times, best of {repeat}: {best:.2f} s = "
          f"{len(texts) / best:.0f} documents/s (target >= 600 for the time stage alone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print N misses, extras and values")
    parser.add_argument("--bench", action="store_true", help="also time the stage on the bench corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path} not found: PEYMA dev lives in ../shared/data/ner/fa/peyma/")
    evaluate(args.path, args.show)
    if args.bench:
        bench(SHARED, args.repeat)


if __name__ == "__main__":
    main()
