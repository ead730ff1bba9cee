"""Span P/R/F1 of rasad's quantity layer against PEYMA dev's MON and PCT tags.

Data: ../shared/data/ner/fa/peyma/dev.txt (PEYMA, Shahshahani et al. 2018; `token|TAG` lines,
BIO tags with underscore, a blank line between sentences; see SOURCE.txt beside it). Each
sentence is one text, rebuilt by joining its tokens with single spaces. Quantities of kind
money are compared with MON, percent with PCT.

Two text variants are scored:
  * spaced: tokens joined with spaces, exactly as the brief says;
  * detok:  a comma between two numerals is glued back ("32 , 390" → "32,390"). PEYMA's
    tokenizer split the thousands separator off every exchange-rate amount, so the spaced text
    reads as "32" ... "390 ریال"; the original news text had "32,390 ریال".

Two matchings: exact (same start, end and type) and overlap (one-to-one, same type, any shared
character). PEYMA's conventions differ from rasad's in places, which the exact scores show:
MON includes the currency word (as rasad does) but also a lead word such as "مبلغ"; a range is
one span including "بین" (as rasad); MON also tags amounts with no currency written
("نقدینگی 112 هزار تریلیون"), which rasad reads as kind "other".

With --bench it also measures throughput on ../shared/corpus/bench/{fa,ar}.jsonl, one core:
documents/s for the quantity stage alone (normalization done beforehand, as the pipeline shares
it with other stages) and with normalization.

    python eval/eval_quantity.py [PEYMA_DEV] [--show N] [--bench]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.peyma import Sentence, Span, overlap_matches, prf, read_sentences, text_and_gold  # noqa: E402
from rasad.document import Document  # noqa: E402
from rasad.quantity import annotate, find_quantities  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT = SHARED / "data" / "ner" / "fa" / "peyma" / "dev.txt"
TYPES = {"money": "MON", "percent": "PCT"}


def rebuild(sentence: Sentence, *, detok: bool) -> tuple[str, set[Span]]:
    """The sentence's text (commas glued back into numbers if detok) and its gold MON/PCT spans."""
    text, spans = text_and_gold(sentence, TYPES.values(), glue_commas=detok)
    return text, set(spans)


def predict(text: str) -> set[Span]:
    return {Span(q.start, q.end, TYPES[q.kind]) for q in find_quantities(text, lang="fa") if q.kind in TYPES}


def evaluate(sentences: list[Sentence], *, detok: bool, show: int) -> dict[str, tuple]:
    counts = {t: [0, 0, 0, 0] for t in ("MON", "PCT", "all")}  # exact tp, overlap tp, pred, gold
    shown = 0
    for sentence in sentences:
        text, gold = rebuild(sentence, detok=detok)
        pred = predict(text)
        for label in ("MON", "PCT", "all"):
            g = {s for s in gold if label in ("all", s.label)}
            p = {s for s in pred if label in ("all", s.label)}
            c = counts[label]
            c[0] += len(g & p)
            c[1] += overlap_matches(sorted(g), sorted(p))
            c[2] += len(p)
            c[3] += len(g)
        if shown < show and gold != pred:
            shown += 1
            print("  gold:", [text[s.start:s.end] for s in sorted(gold, key=lambda s: s.start)])
            print("  pred:", [text[s.start:s.end] for s in sorted(pred, key=lambda s: s.start)])
    return {label: (*prf(c[0], c[2], c[3]), *prf(c[1], c[2], c[3]), c[3], c[2])
            for label, c in counts.items()}


def bench(folder: Path) -> None:
    """Documents/s of the quantity stage on the bench corpus."""
    records = [json.loads(line) for name in ("fa.jsonl", "ar.jsonl")
               for line in (folder / name).read_text("utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    docs = [Document(r["text"], lang=r.get("lang")) for r in records]
    for doc in docs:
        doc.normalized  # noqa: B018 - computed once, shared by the stages
    normalized = time.perf_counter()
    found = sum(len(annotate(doc).quantities) for doc in docs)
    done = time.perf_counter()
    print(f"bench: {len(docs)} documents, {found} quantities; quantity stage "
          f"{len(docs) / (done - normalized):.0f} docs/s, with normalization {len(docs) / (done - started):.0f} docs/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print N sentences where spans differ")
    parser.add_argument("--bench", action="store_true", help="also measure documents/s on the bench corpus")
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"PEYMA dev not found at {args.path}; pass its path")
    sentences = read_sentences(args.path)
    print(f"PEYMA dev: {len(sentences)} sentences, {args.path}")
    header = f"{'text':7} {'type':4} {'gold':>5} {'pred':>5} | {'exact P':>7} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6}"
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    for detok in (False, True):
        scores = evaluate(sentences, detok=detok, show=args.show)
        for label, (ep, er, ef, op, orr, of, n_gold, n_pred) in scores.items():
            print(f"{'detok' if detok else 'spaced':7} {label:4} {n_gold:5d} {n_pred:5d} | "
                  f"{ep:7.3f} {er:6.3f} {ef:6.3f} | {op:9.3f} {orr:6.3f} {of:6.3f}")
    elapsed = time.perf_counter() - started
    print(f"{2 * len(sentences) / elapsed:.0f} sentences/s")
    if args.bench:
        folder = SHARED / "corpus" / "bench"
        if not folder.exists():
            sys.exit(f"bench corpus not found at {folder}")
        bench(folder)


if __name__ == "__main__":
    main()
