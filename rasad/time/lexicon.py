"""The time lexicons (rasad/data/time/*.tsv) as lookups and regex alternations.

Every form is normalized with `normalize_str` so it matches `doc.normalized.text`; in a
regex, the spaces and ZWNJs inside a form match any run of spaces/ZWNJs or nothing
(`سه‌شنبه`, `سه شنبه`, `سهشنبه`), since web text often loses ZWNJ. Lookups use the same
key with spaces and ZWNJ dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rasad.data import read_rows
from rasad.text.normalize import normalize_str

_GAPS = re.compile(r"[ \u200c]+")
USE_RANK = {"free": 0, "context": 1, "year": 2, "strict": 3}


def key(text: str) -> str:
    """Lookup key of a form or a matched string."""
    return _GAPS.sub("", normalize_str(text))


def langs(lang: str | None) -> tuple[str, ...]:
    return ("fa", "ar") if lang is None else (lang,)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon: `#` lines are comments, the first other line names the columns."""
    header, *lines = read_rows("time", name)
    return tuple(dict(zip(header, (line + [""] * len(header))[:len(header)], strict=True))
                 for line in lines)


def rows(name: str, lang: str | None, **where: str) -> list[dict[str, str]]:
    """Rows for the language(s) whose columns equal `where`."""
    return [r for r in table(name) if r["lang"] in langs(lang)
            and all(r.get(k) == v for k, v in where.items())]


def forms(name: str, lang: str | None, **where: str) -> list[str]:
    return [r["form"] for r in rows(name, lang, **where)]


def alternation(items: Iterable[str]) -> str:
    """A non-capturing regex alternation of forms, longest first, gaps flexible."""
    pieces = set()
    for form in items:
        parts = _GAPS.split(normalize_str(form).strip())
        pieces.add("[ \u200c]*".join(re.escape(p) for p in parts if p))
    pieces.discard("")
    if not pieces:
        return "(?!)"
    return "(?:" + "|".join(sorted(pieces, key=lambda p: (-len(p), p))) + ")"


@cache
def months(lang: str | None) -> dict[str, tuple[str, int, str]]:
    """key → (calendar, month, use); where two languages share a key the stricter use wins."""
    out: dict[str, tuple[str, int, str]] = {}
    for r in rows("months.tsv", lang):
        k, entry = key(r["form"]), (r["calendar"], int(r["month"]), r["use"])
        old = out.get(k)
        if old is None or USE_RANK[entry[2]] > USE_RANK[old[2]]:
            out[k] = entry
    return out


@cache
def lookup(name: str, lang: str | None, column: str, **where: str) -> dict[str, str]:
    """key → value of `column`, for the rows matching `where`."""
    return {key(r["form"]): r[column] for r in rows(name, lang, **where)}


@cache
def numbers(lang: str | None) -> dict[str, tuple[str, str]]:
    """key → (value, kind) of number words; value "X" for an unspecified count."""
    return {key(r["form"]): (r["value"], r["kind"]) for r in rows("numbers.tsv", lang)}


def number_value(text: str, lang: str | None) -> int | str | None:
    """Digits or number words (بیست و هفتم، الحادي والعشرين → 27, 21); "X" for چند، عدة."""
    if text.isdigit():
        return int(text)
    table, total = numbers(lang), 0
    for word in _GAPS.split(text.strip()):
        if word == "و":
            continue
        entry = table.get(word) or (table.get(word[1:]) if word.startswith("و") else None)
        if entry is None:
            return None
        if entry[0] == "X":
            return "X"
        total += int(entry[0])
    return total
