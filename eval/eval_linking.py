"""Mention recall, precision and linking accuracy of rasad's actor stage.

Gold: tests/fixtures/demo_gold.jsonl ("actors": [{"text", "name_en", "country"}] for each
article of rasad/data/demo/articles.jsonl), and the seed-article gold list kept in
tests/kb/test_seeds_actors.py (SEED_GOLD; texts read from ../shared/corpus/seeds, skipped
when absent). Gold lists a (text, actor) pair once per article, so scores are over sets of
pairs per article:

  * recall: gold pairs found (a predicted entity with that exact text, linked to that actor);
  * precision: predicted linked pairs that are in the gold list (gold lists are not
    exhaustive: an adjective like الروسية is often left out, so this is a lower bound);
  * linking accuracy: of the gold texts that rasad found as an entity, the share linked to
    the gold actor.

An actor matches when the gold name_en is the predicted record's name_en or one of its
English names (accents and case folded: Erdogan = Erdoğan, Turkey = Türkiye).
The CRF stage runs first when its model is installed.

    python eval/eval_linking.py [--show] [--no-ner]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.document import Document  # noqa: E402
from rasad.kb.base import load_kb  # noqa: E402
from rasad.kb.link import annotate  # noqa: E402
from rasad.text import langid, segment  # noqa: E402

SHARED = ROOT.parent / "shared"
DEMO_GOLD = ROOT / "tests" / "fixtures" / "demo_gold.jsonl"


def fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def english_names(kb_id: str | None, name_en: str | None) -> set[str]:
    names = {fold(name_en)}
    record = load_kb().get(kb_id) if kb_id else None
    if record is not None:
        names.add(fold(record.name_en))
        names.update(fold(n) for n in record.names.get("en", ()))
    return names - {""}


def ner_stage():  # noqa: ANN201 - the CRF stage when its model ships, else None
    try:
        from rasad.ner.tagger import annotate as ner  # noqa: PLC0415
        from rasad.ner.tagger import load_tagger

        load_tagger("fa")
        load_tagger("ar")
        return ner
    except Exception as error:  # noqa: BLE001 - any failure means: run without the CRF
        print(f"(CRF stage not used: {error})")
        return None


def analyze(text: str, *, lang: str | None, published: str | None, ner) -> Document:  # noqa: ANN001
    doc = segment.annotate(langid.annotate(Document(text, lang=lang, published=published)))
    if ner is not None:
        doc = ner(doc)
    return annotate(doc)


def demo_items() -> Iterator[tuple[str, dict, list[dict]]]:
    raw = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    articles = {a["id"]: a for a in map(json.loads, raw.splitlines()) if a}
    for line in DEMO_GOLD.read_text("utf-8").splitlines():
        gold = json.loads(line)
        yield gold["id"], articles[gold["id"]], gold["actors"]


def seed_items() -> Iterator[tuple[str, dict, list[dict]]]:
    folder = SHARED / "corpus" / "seeds"
    if not folder.is_dir():
        print(f"(seeds skipped: {folder} not found)")
        return
    from tests.kb.test_seeds_actors import SEED_DATES, SEED_GOLD  # noqa: PLC0415

    for path in sorted(folder.glob("*.txt")):
        stem = path.stem[:3]
        if stem in SEED_GOLD:
            article = {"text": path.read_text("utf-8"), "published": SEED_DATES.get(stem)}
            actors = [{"text": t, "name_en": n} for t, n in SEED_GOLD[stem]]
            yield f"seed-{stem}", article, actors


def score(items, *, ner, show: bool) -> dict[str, float]:  # noqa: ANN001
    found = gold_total = predicted = correct = seen = seen_right = 0
    for item_id, article, actors in items:
        doc = analyze(article["text"], lang=article.get("lang"),
                      published=article.get("published"), ner=ner)
        pred: dict[str, set[str]] = {}
        pairs = set()
        for ent in doc.entities:
            text = doc.text[ent.start:ent.end]
            names = english_names(ent.kb_id, ent.name_en)
            pred.setdefault(text, set()).update(names)
            if names:
                pairs.add((text, min(names)))
        gold = {(a["text"], fold(a["name_en"])) for a in actors}
        hits = {(t, n) for t, n in gold if n in pred.get(t, ())}
        found += len(hits)
        gold_total += len(gold)
        predicted += len(pairs)
        correct += sum(1 for t, _ in pairs if any((t, n) in hits for n in pred[t]))
        texts = {t for t, _ in gold if t in pred}
        seen += len(texts)
        seen_right += sum(1 for t in texts if any((t, n) in hits for n in pred[t]))
        if show:
            for t, n in sorted(gold - hits):
                print(f"  {item_id} missed: {t} → {n}  (got {sorted(pred.get(t, ())) or '-'})")
    return {"recall": found / max(gold_total, 1), "precision": correct / max(predicted, 1),
            "linking": seen_right / max(seen, 1), "gold": gold_total, "predicted": predicted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the gold pairs missed")
    parser.add_argument("--no-ner", action="store_true", help="run without the CRF stage")
    args = parser.parse_args()
    ner = None if args.no_ner else ner_stage()
    for name, items in (("demo", demo_items()), ("seeds", seed_items())):
        result = score(items, ner=ner, show=args.show)
        if result["gold"]:
            print(f"{name}: recall {result['recall']:.3f}  precision {result['precision']:.3f}  "
                  f"linking accuracy {result['linking']:.3f}  "
                  f"({result['gold']} gold pairs, {result['predicted']} predicted)")


if __name__ == "__main__":
    main()
