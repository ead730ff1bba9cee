"""Strict period accuracy of rasad's dates on hand-written dated news sentences.

Data: eval/time/dated_{fa,ar}.jsonl (see README.md beside this file). Each line is one
sentence with its publication date and gold times: the expression's text and the period it
denotes as ISO days, inclusive (`start`, `end`), plus the line's `form`.

A gold time counts right when some predicted time overlapping its text has a `value` that
resolves to exactly gold start..end. Values are read as periods: `2024` (the year),
`2024-03` (the month), `2024-03-05` (the day), `2024-W09` (ISO week, Monday..Sunday),
`2024-Q1`, `2024-H1`, a date-time (its day), and `A/B` (from A's first day to B's last).
Anything else counts as wrong.

    python eval/time/eval_dated.py [--lang fa|ar] [--errors] [--detect-lang]

`--detect-lang` lets rasad identify the language instead of passing the file's.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import rasad  # noqa: E402

HERE = Path(__file__).resolve().parent
LANGS = ("fa", "ar")


def _point(v: str) -> tuple[date, date] | None:
    """One side of a value as a period (first day, last day), or None if unreadable."""
    v = v.strip().split("T")[0]
    if m := re.fullmatch(r"(\d{4})", v):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(6)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        first, last = 3 * q - 2, 3 * q
        return date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y = int(m[1])
        return (date(y, 1, 1), date(y, 6, 30)) if m[2] == "1" else (date(y, 7, 1), date(y, 12, 31))
    return None


def period(value: str | None) -> tuple[str, str] | None:
    """A predicted value as (start, end) ISO days, or None when it is not a readable period."""
    if not value:
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            pa, pb = _point(a), _point(b)
            if pa is None or pb is None:
                return None
            return pa[0].isoformat(), pb[1].isoformat()
        p = _point(value)
    except ValueError:
        return None
    return (p[0].isoformat(), p[1].isoformat()) if p else None


def gold_spans(item: dict) -> list[tuple[int, int, dict]]:
    """Each gold time with its character span (searched left to right in the sentence)."""
    out, pos = [], 0
    for g in item["times"]:
        at = item["text"].find(g["text"], pos)
        if at < 0:
            at = item["text"].find(g["text"])
        out.append((at, at + len(g["text"]), g))
        pos = at + len(g["text"])
    return out


def load(lang: str) -> list[dict]:
    with open(HERE / f"dated_{lang}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(lang: str, *, errors: bool = False, detect: bool = False) -> tuple[int, int]:
    items = load(lang)
    per_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    right = total = 0
    misses = []
    for item in items:
        doc = rasad.analyze(item["text"], lang=None if detect else lang,
                            published=item["published"])
        preds = [(t.start, t.end, t.value, doc.text[t.start:t.end]) for t in doc.times]
        for s, e, g in gold_spans(item):
            want = (g["start"], g["end"])
            over = [p for p in preds if p[0] < e and s < p[1]]
            ok = any(period(p[2]) == want for p in over)
            total += 1
            right += ok
            per_form[item["form"]][0] += ok
            per_form[item["form"]][1] += 1
            if not ok:
                got = "; ".join(f"«{p[3]}» {p[2]}" for p in over) or "nothing"
                misses.append(f"{item['id']} [{item['form']}] pub {item['published']}: "
                              f"«{g['text']}» gold {want[0]}..{want[1]}, got {got}")
    print(f"{lang}: strict period accuracy {right}/{total} = {right / total:.3f}"
          f"  ({len(items)} sentences)")
    for form, (ok, n) in sorted(per_form.items()):
        print(f"  {form:<14} {ok:>3}/{n:<3} {ok / n:.3f}")
    if errors:
        for m in misses:
            print("   ", m)
    return right, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=LANGS, help="one language only (default: both)")
    ap.add_argument("--errors", action="store_true", help="list every miss")
    ap.add_argument("--detect-lang", action="store_true",
                    help="let rasad identify each sentence's language")
    args = ap.parse_args()
    for lang in [args.lang] if args.lang else LANGS:
        evaluate(lang, errors=args.errors, detect=args.detect_lang)


if __name__ == "__main__":
    main()
