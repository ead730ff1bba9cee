"""Draw a sample of linked entities from the bench corpus for hand judgement (issue 9 §4).

`documents` articles per language are picked with `random.seed(seed)` from
../shared/corpus/bench/{fa,ar}.jsonl, leaving out the articles of earlier samples (`--exclude`
TSVs, whose `doc` column names them; the first samples lack it and are excluded by context);
each is analysed by the default pipeline and one linked entity (kb_id set) is taken at random
from each article that has one, until `per_lang` per language. Written as a TSV with an
empty `judgement` column (right / wrong) and `note` for the judge.

    python eval/linking/draw_sample.py OUT.tsv [--seed N] [--exclude OLD.tsv ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

import rasad

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = 70  # characters either side of the mention


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=20261208)
    parser.add_argument("--documents", type=int, default=120)
    parser.add_argument("--per-lang", type=int, default=50)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    old_contexts = [row["context"] for path in args.exclude
                    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")]
    rng = random.Random(args.seed)
    rows = []
    for lang in ("fa", "ar"):
        lines = (args.shared / "corpus" / "bench" / f"{lang}.jsonl").read_text("utf-8").splitlines()
        articles = [json.loads(line) for line in lines]
        articles = [a for a in articles
                    if not any(context[10:60] in a["text"] for context in old_contexts)]
        taken = 0
        for article in rng.sample(articles, args.documents):
            doc = rasad.analyze(article["text"], lang=lang, published=article.get("published"))
            linked = [e for e in doc.entities if e.kb_id]
            if not linked:
                continue
            entity = rng.choice(linked)
            context = doc.text[max(0, entity.start - CONTEXT):entity.end + CONTEXT]
            rows.append({"id": f"{lang}{taken:02d}", "doc": article.get("id", ""),
                         "mention": doc.text[entity.start:entity.end], "kb_id": entity.kb_id,
                         "name_en": entity.name_en, "type": entity.type, "judgement": "",
                         "note": "", "context": " ".join(context.split())})
            taken += 1
            if taken == args.per_lang:
                break
    with args.out.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} entities written to {args.out}")


if __name__ == "__main__":
    main()
