"""Score the events stage on the hand-annotated sentences in eval/events/gold_{fa,ar}.jsonl.

    python eval/events/eval_events.py [--split dev|test|all] [--lang fa|ar] [--errors N]

Each gold line is one sentence with its events (PLOVER type, source and target country,
status). Printed per language:

* event detection P/R/F1 per PLOVER type: a predicted (sentence, type) pair is right when the
  sentence has a gold event of that type (each gold event matched at most once);
* dyad P/R/F1: (sentence, type, source country, target country), either direction for the
  symmetric types CONSULT, COOPERATE and AGREE, a missing side written as None;
* side country accuracy: of the gold sides (source and target with a country) of detected
  events, the share whose country the matched prediction gives;
* status accuracy on the detected events;
* PROTEST and ASSAULT sentence detection (does the sentence report one at all).

Tune on `dev`; `test` is measured once, at the end, and reported in the README.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from rasad.events.ontology import PLOVER_TYPES  # noqa: E402
from rasad.events.record import SYMMETRIC_TYPES  # noqa: E402
from rasad.pipeline import Pipeline  # noqa: E402


def load(lang: str, split: str, batch: str = "all") -> list[dict]:
    """The gold rows of `split`; `batch` 1 = the first set (ids below 1000), 2 and 3 = real news
    sentences annotated later by annotators who never saw the coder (ids 1001… and 2001…),
    `real` = batches 2 and 3 together."""
    path = HERE / f"gold_{lang}.jsonl"
    if not path.exists():
        sys.exit(f"{path} is missing")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if batch != "all":
        wanted = {"2", "3"} if batch == "real" else {batch}
        rows = [r for r in rows if _batch_of(r["id"]) in wanted]
    return [r for r in rows if split == "all" or r.get("split") == split]


def _batch_of(row_id: str) -> str:
    number = int(row_id.split("-")[1])
    return "1" if number < 1000 else "2" if number < 2000 else "3"


def predict(pipeline: Pipeline, row: dict) -> list[dict]:
    doc = pipeline.analyze(row["text"], published=row.get("published"), lang=row["lang"])
    out = []
    for event in doc.events:
        out.append({"plover": event.plover, "status": event.status,
                    "source": event.source.country if event.source else None,
                    "target": event.target.country if event.target else None,
                    "trigger": doc.text[event.start:event.end], "rule": event.rule})
    return out


def _dyad_match(p: dict, g: dict) -> bool:
    if p["plover"] != g["plover"]:
        return False
    if (p["source"], p["target"]) == (g.get("source"), g.get("target")):
        return True
    return p["plover"] in SYMMETRIC_TYPES and (p["target"], p["source"]) == (g.get("source"), g.get("target"))


def _pair(preds: list[dict], golds: list[dict], same) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of predictions to gold events."""
    free = list(golds)
    pairs = []
    for p in preds:
        for g in free:
            if same(p, g):
                pairs.append((p, g))
                free.remove(g)
                break
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(rows: list[dict], pipeline: Pipeline, errors: int = 0) -> dict:
    by_type = defaultdict(Counter)
    sentence_level = defaultdict(Counter)  # per type: does the sentence report one at all?
    dyad = Counter()
    sides = Counter()
    status = Counter()
    shown = 0
    for row in rows:
        preds, golds = predict(pipeline, row), row.get("events", [])
        for plover in PLOVER_TYPES:
            said, true = any(p["plover"] == plover for p in preds), any(g["plover"] == plover for g in golds)
            if said or true:
                sentence_level[plover]["tp" if said and true else "fp" if said else "fn"] += 1
        detected = _pair(preds, golds, lambda p, g: p["plover"] == g["plover"])
        for p, _g in detected:
            by_type[p["plover"]]["tp"] += 1
        for p in preds:
            if not any(p is q for q, _ in detected):
                by_type[p["plover"]]["fp"] += 1
        for g in golds:
            if not any(g is h for _, h in detected):
                by_type[g["plover"]]["fn"] += 1
        dyads = _pair(preds, golds, _dyad_match)
        dyad["tp"] += len(dyads)
        dyad["fp"] += len(preds) - len(dyads)
        dyad["fn"] += len(golds) - len(dyads)
        for p, g in detected:
            status["right" if p["status"] == g["status"] else "wrong"] += 1
            for gold_side, pred_side in _sides(p, g):
                if gold_side:
                    sides["right" if gold_side == pred_side else "wrong"] += 1
        if errors and shown < errors and (len(dyads) != len(preds) or len(dyads) != len(golds)):
            shown += 1
            print(f"\n{row['id']} {row['text']}")
            for g in golds:
                print(f"   gold {g['plover']:<11} {g.get('source')}→{g.get('target')} {g['status']} «{g.get('trigger')}»")
            for p in preds:
                print(f"   pred {p['plover']:<11} {p['source']}→{p['target']} {p['status']} «{p['trigger']}» {p['rule']}")
    return {"by_type": by_type, "dyad": dyad, "sides": sides, "status": status,
            "sentences": sentence_level}


def _sides(p: dict, g: dict) -> list[tuple[str | None, str | None]]:
    straight = [(g.get("source"), p["source"]), (g.get("target"), p["target"])]
    if p["plover"] in SYMMETRIC_TYPES:
        crossed = [(g.get("source"), p["target"]), (g.get("target"), p["source"])]
        if sum(a == b for a, b in crossed) > sum(a == b for a, b in straight):
            return crossed
    return straight


def summary(result: dict) -> dict[str, float]:
    """The headline figures of one language and split."""
    total = Counter()
    for c in result["by_type"].values():
        total.update(c)
    det, dyad = prf(total["tp"], total["fp"], total["fn"]), prf(*(result["dyad"][k] for k in ("tp", "fp", "fn")))
    s, st = result["sides"], result["status"]
    return {"det_p": det[0], "det_r": det[1], "det_f": det[2], "dyad_p": dyad[0], "dyad_r": dyad[1],
            "dyad_f": dyad[2], "sides": s["right"] / max(1, s["right"] + s["wrong"]),
            "status": st["right"] / max(1, st["right"] + st["wrong"]), "gold": total["tp"] + total["fn"]}


def report(lang: str, split: str, n: int, result: dict) -> None:
    print(f"\n## {lang}, split {split}: {n} sentences")
    print(f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    total = Counter()
    for plover in PLOVER_TYPES:
        c = result["by_type"].get(plover, Counter())
        total.update(c)
        if c:
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            print(f"{plover:<12} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp'] + c['fn']:5d}")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"{'detection':<12} {p:6.3f} {r:6.3f} {f:6.3f} {total['tp'] + total['fn']:5d}")
    d = result["dyad"]
    p, r, f = prf(d["tp"], d["fp"], d["fn"])
    print(f"{'dyad':<12} {p:6.3f} {r:6.3f} {f:6.3f}")
    s, st = result["sides"], result["status"]
    print(f"side country right: {s['right']}/{s['right'] + s['wrong']} = "
          f"{s['right'] / max(1, s['right'] + s['wrong']):.3f}")
    print(f"status right on detected events: {st['right']}/{st['right'] + st['wrong']}")
    for plover in ("PROTEST", "ASSAULT"):
        c = result["sentences"].get(plover, Counter())
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{plover} sentence detection P/R/F1: {p:.3f} / {r:.3f} / {f:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    parser.add_argument("--lang", choices=["fa", "ar"], action="append")
    parser.add_argument("--batch", default="all", choices=["1", "2", "3", "real", "all"],
                        help="1: the first 522 sentences; 2 and 3: the real news sentences added later (190, 339); real: both")
    parser.add_argument("--errors", type=int, default=0, help="print N sentences with errors")
    parser.add_argument("--markdown", action="store_true", help="also print one table row per language")
    args = parser.parse_args()
    pipeline = Pipeline()
    rows_md = []
    for lang in args.lang or ["fa", "ar"]:
        rows = load(lang, args.split, args.batch)
        result = evaluate(rows, pipeline, args.errors)
        report(lang, args.split, len(rows), result)
        f = summary(result)
        split = args.split if args.batch == "all" else f"{args.split} (batch {args.batch})"
        rows_md.append(f"| {lang} | {split} | {len(rows)} | {f['gold']} | "
                       f"{f['det_p']:.2f} / {f['det_r']:.2f} / {f['det_f']:.2f} | "
                       f"{f['dyad_p']:.2f} / {f['dyad_r']:.2f} / {f['dyad_f']:.2f} | "
                       f"{f['sides']:.2f} | {f['status']:.2f} |")
    if args.markdown:
        print("\n| lang | split | sentences | gold events | detection P / R / F1 | dyad P / R / F1 "
              "| side country right | status right |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        print("\n".join(rows_md))


if __name__ == "__main__":
    main()
