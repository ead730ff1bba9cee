"""Print the dev sentences where the events stage and the gold disagree, for tuning the lexicons.

    python eval/events/dev_errors.py fa|ar [--only fn|fp|sides] [--type PLOVER]

Reads only the `dev` split: the `test` split is measured once, at the end, and never tuned on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import eval_events as ev  # noqa: E402

from rasad.pipeline import Pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", choices=["fa", "ar"])
    parser.add_argument("--only", choices=["fn", "fp", "sides"])
    parser.add_argument("--type", help="only events of this PLOVER type")
    args = parser.parse_args()
    pipeline = Pipeline()
    for row in ev.load(args.lang, "dev"):
        preds, golds = ev.predict(pipeline, row), row.get("events", [])
        if args.type:
            preds = [p for p in preds if p["plover"] == args.type]
            golds = [g for g in golds if g["plover"] == args.type]
        pairs = ev._pair(preds, golds, lambda p, g: p["plover"] == g["plover"])
        fps = [p for p in preds if not any(p is a for a, _ in pairs)]
        fns = [g for g in golds if not any(g is b for _, b in pairs)]
        bad_sides = [(p, g) for p, g in pairs if not ev._dyad_match(p, g)]
        show = {"fn": fns, "fp": fps, "sides": bad_sides}.get(args.only, fps + fns + bad_sides)
        if not show:
            continue
        print(f"\n{row['id']} {row['text']}")
        for g in golds:
            print(f"   gold {g['plover']:<11} {g.get('source')}→{g.get('target')} {g['status']} "
                  f"«{g.get('trigger')}» [{g.get('source_text')} | {g.get('target_text')}]")
        for p in preds:
            print(f"   pred {p['plover']:<11} {p['source']}→{p['target']} {p['status']} "
                  f"«{p['trigger']}» {p['rule']}")


if __name__ == "__main__":
    main()
