"""Reading a year: which calendar it is in, and whether a number is a year at all here.

A number next to a month or after a cue (سال، عام، سنة) is read as a year by these rules:
  * an era marker decides the calendar (میلادی/م → Gregorian, شمسی/ه.ش → Jalali,
    هـ/قمری/ه.ق → Hijri; Persian هجری alone is Jalali up to 1420 and Hijri above);
  * otherwise the month's calendar, or for a year alone: Persian 1200–1499 → Jalali, other
    four-digit numbers → Gregorian; Arabic → Gregorian (numeric 1300–1500/mm/dd → Hijri);
  * two digits only in Jalali (سال 94، 27/3/66); the century is settled at resolution;
  * five or more digits next to a month or cue is a year that cannot be: kept, with a reason.
Single-letter markers (م ش ق ه) count only after three or four digits, since `100 م` is metres.
A year before the common era (قبل الميلاد، ق.م) is found but left unresolved.
"""

from __future__ import annotations

from typing import Any

from rasad.time.lexicon import key, lookup

SINGLE_LETTER = {"م", "ش", "ق", "ه"}


def _era(era: str | None, digits: str, lang: str | None) -> str | None:
    if not era:
        return None
    k, n, y = key(era), len(digits), int(digits)
    calendar = lookup("cues.tsv", lang, "value", role="era").get(k)
    if k in SINGLE_LETTER and (n < 3 or (k == "م" and not (n == 4 and 1000 <= y <= 2100))):
        return None
    if calendar == "hijri_or_jalali":
        return "jalali" if 1200 <= y <= 1420 else "hijri"
    return calendar


def _default(n: int, y: int, lang: str | None, numeric: bool) -> str | None:
    if lang == "ar":
        if n == 4:
            return "hijri" if numeric and 1300 <= y <= 1500 else "gregorian"
        return "gregorian" if n == 3 else None
    if n == 4:
        return "jalali" if 1200 <= y <= 1499 else "gregorian"
    return "jalali" if n == 2 else None  # three digits: which calendar? Not read without a marker


def _fits(calendar: str, n: int, *, era: bool, cue: bool, alone: bool) -> bool:
    if calendar == "gregorian":
        return n == 4 or (n == 3 and (era or (cue and alone)))
    if calendar == "jalali":
        return n in (2, 4) or (n in (1, 3) and era)
    return n in (3, 4) or era  # hijri


def read_year(digits: str, *, cal: str | None, era: str | None, cue: bool, lang: str | None,
              numeric: bool = False) -> dict[str, Any] | None:
    """{"cal", "y" (or "yy" for two Jalali digits), "era": used a marker, "reason"?}, or None
    when the number is not a year in this place."""
    n, y = len(digits), int(digits)
    era_cal = _era(era, digits, lang)
    calendar = era_cal if era_cal and (cal is None or era_cal == cal) else cal
    used_era = era_cal is not None and calendar == era_cal
    if era_cal == "bc":
        return {"cal": "gregorian", "y": None, "era": True,
                "reason": "a year before the common era is not resolved"}
    if n >= 5:
        if not (cue or cal):
            return None
        return {"cal": calendar or "gregorian", "y": None, "era": used_era,
                "reason": f"a year of {n} digits ({digits}) cannot be a date"}
    alone = cal is None
    if calendar is None:
        calendar = _default(n, y, lang, numeric)
        if calendar is None:
            return None
    if not _fits(calendar, n, era=used_era, cue=cue, alone=alone):
        return None
    if calendar == "jalali" and n == 2:
        return {"cal": "jalali", "y": None, "yy": y, "era": used_era}
    return {"cal": calendar, "y": y, "era": used_era}
