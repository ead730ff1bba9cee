"""Score the whole entity layer as users get it: segmenter, CRF (`ner`) and the KB `actors` stage.

The held-out NER sentences (PEYMA dev; the last 10% of ANERcorp train) are joined into
pseudo-documents of `--doc-size` sentences (tokens separated by spaces, sentences by newlines)
and run through `Pipeline(["language", "segment", "ner", "actors"])` (the language stage
keeps the given `lang`). Each predicted entity is mapped to the gold tokens its characters
overlap (ANERcorp tags whole tokens with proclitics attached, the actors stage leaves
`و`/`ب`/`ل` outside its spans), then scored entity-level, exact token span, PER/LOC/ORG,
as eval_ner.py scores the CRF alone.

Not scored: MISC (adjectives such as روسی, الروسية) and role phrases (`extra["source"] == "role"`, e.g.
«رئیس جمهور روسیه»): the actors stage reports a role phrase as one entity and does not also
report the country or organization inside it, which PEYMA and ANERcorp tag. Those gold
names count as misses; the number of gold entities inside role phrases is printed.

    python eval/eval_entities.py [--lang fa|ar|all] [--shared ../shared] [--doc-size 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_left, bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.document import Document, Entity  # noqa: E402
from rasad.ner.score import format_table, score  # noqa: E402
from rasad.ner.train import DEFAULT_SHARED, heldout  # noqa: E402
from rasad.pipeline import STAGES, Pipeline, Stage  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
NER_STAGE = Stage("ner", "rasad.ner.tagger:annotate", ("lang", "sentences", "tokens"),
                  ("entities",))


def pseudo_document(words: list[list[str]], lang: str) -> tuple[Document, list[int], list[int]]:
    """One document from tokenized sentences, with each gold token's start and end offset."""
    starts: list[int] = []
    ends: list[int] = []
    pos, lines = 0, []
    for sent in words:
        for w in sent:
            starts.append(pos)
            ends.append(pos + len(w))
            pos += len(w) + 1
        lines.append(" ".join(sent))
    return Document("\n".join(lines), lang=lang), starts, ends


def token_span(ent: Entity, starts: list[int], ends: list[int]) -> tuple[int, int] | None:
    """Gold tokens (first, end exclusive) whose characters the entity overlaps."""
    first = bisect_right(ends, ent.start)
    end = bisect_left(starts, ent.end)
    return (first, end) if first < end else None


def spans_to_bio(spans: list[tuple[str, int, int]], n: int) -> list[str]:
    tags = ["O"] * n
    for kind, first, end in spans:
        if all(t == "O" for t in tags[first:end]):
            tags[first:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - first - 1)
    return tags


def run(lang: str, shared: Path, *, doc_size: int) -> dict:
    """Score the entity layer on `lang`'s held-out set; returns scores and counts."""
    STAGES.setdefault("ner", NER_STAGE)
    pipeline = Pipeline(["language", "segment", "ner", "actors"])
    sentences = heldout(lang, shared_dir=shared)
    gold_all, pred_all, in_roles, seconds = [], [], 0, 0.0
    for i in range(0, len(sentences), doc_size):
        chunk = sentences[i:i + doc_size]
        words = [[w for w, _ in s] for s in chunk]
        gold = [t for s in chunk for _, t in s]
        doc, starts, ends = pseudo_document(words, lang)
        t0 = time.perf_counter()
        pipeline(doc)
        seconds += time.perf_counter() - t0
        spans, roles = [], []
        for ent in doc.entities:
            span = token_span(ent, starts, ends)
            if span is None:
                continue
            if ent.extra.get("source") == "role":
                roles.append(span)
            elif ent.type in TYPES:
                spans.append((ent.type, *span))
        in_roles += _inside(gold, roles)
        gold_all.append(gold)
        pred_all.append(spans_to_bio(spans, len(gold)))
    scores = score(gold_all, pred_all)
    tokens = sum(map(len, gold_all))
    print(format_table(scores, title=f"{lang}: entity layer (segment + ner + actors), "
                                     f"{len(sentences)} held-out sentences"))
    print(f"gold PER/LOC/ORG names inside role phrases (not scorable, counted as misses): "
          f"{in_roles}; {tokens / seconds:,.0f} tokens/s for the three stages\n")
    return {"scores": {k: v.to_dict() for k, v in scores.items()}, "in_roles": in_roles}


def _inside(gold: list[str], roles: list[tuple[int, int]]) -> int:
    from rasad.ner.score import bio_spans  # noqa: PLC0415

    return sum(1 for kind, a, b in bio_spans(gold) if kind in TYPES
               and any(f <= a and b <= e for f, e in roles))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["fa", "ar", "all"], default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--doc-size", type=int, default=20)
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "ner").is_dir():
        sys.exit(f"needs {args.shared}/data/ner (the ../shared development data)")
    for lang in ("fa", "ar") if args.lang == "all" else (args.lang,):
        run(lang, args.shared, doc_size=args.doc_size)


if __name__ == "__main__":
    main()
