"""Check eval/time/dated_{fa,ar}.jsonl: lines parse, ids unique, each time's text is in the
sentence (and, for a clean span, only once), dates are ISO days with start <= end, fields present.

    python eval/time/validate.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = {"id", "form", "published", "text", "times"}


def check(path: Path, seen: set[str]) -> list[str]:
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})")
            continue
        if set(item) != FIELDS:
            problems.append(f"{where}: fields {sorted(item)}")
            continue
        if item["id"] in seen:
            problems.append(f"{where}: duplicate id {item['id']}")
        seen.add(item["id"])
        date.fromisoformat(item["published"])
        if not item["times"]:
            problems.append(f"{where}: no times")
        for t in item["times"]:
            if t["text"] not in item["text"]:
                problems.append(f"{where}: «{t['text']}» not in the sentence")
            elif item["text"].count(t["text"]) > 1:
                problems.append(f"{where}: «{t['text']}» occurs more than once")
            try:
                s, e = date.fromisoformat(t["start"]), date.fromisoformat(t["end"])
            except (KeyError, ValueError) as err:
                problems.append(f"{where}: bad dates ({err})")
                continue
            if s > e:
                problems.append(f"{where}: «{t['text']}» ends before it starts")
    return problems


def main() -> int:
    seen: set[str] = set()
    problems = []
    for lang in ("fa", "ar"):
        problems += check(HERE / f"dated_{lang}.jsonl", seen)
    for p in problems:
        print(p)
    print(f"{len(seen)} sentences, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
