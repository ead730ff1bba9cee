"""Religious and national days as dates: عيد الفطر، رمضان، عاشوراء، نوروز، شب یلدا، روز قدس …

`rasad/data/time/observances.tsv` lists each observance once: its calendar (Hijri by Umm
al-Qura, Jalali, Gregorian), month and day (or "the last Friday of the month"), length, the
length of its holiday, and its names in Persian and Arabic. `observance_cues.tsv` holds the
words around a name: which occurrence (المقبل، گذشته، امسال), one day of it (أول أيام،
اولین روز) or its holiday (أيام/عطلة عيد الفطر، تعطیلات نوروز).

Conventions (also in rasad/data/time/README.md):
  * a festival is its day (عيد الفطر = 1 Shawwal); «أيام/عطلة/تعطیلات X» is its holiday
    (1–3 Shawwal, 10–13 Dhu al-Hijja, 1–4 Farvardin); رمضان is the whole month;
  * with no year or direction word, the occurrence nearest the publication date (the one
    under way if any; a tie goes to the past), as for a month without a year; امسال/هذا
    العام is the same current occurrence;
  * الماضي/گذشته: the last occurrence that ended before the publication date; المقبل/آینده:
    the first that starts after it; «العام الماضي/سال گذشته» the one before the current one,
    «العام المقبل/سال آینده» the one after it;
  * a written year picks the occurrence in that year: in the observance's own calendar
    (نوروز ۱۴۰۳، رمضان 1445 هـ), or else the first that starts in that year (عيد الفطر عام
    2023).

Atoms carry facts only (`id`, `rel`, `year`, `nth`, `holiday`); `span` places them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from rasad.time.atoms import Atom
from rasad.time.calendars import from_gregorian, month_span, to_gregorian, year_span
from rasad.time.lexicon import key, langs, rows, table
from rasad.time.years import read_year

CONTEXT = "~"


@dataclass(frozen=True)
class Observance:
    id: str
    calendar: str
    month: int
    day: int | None
    days: int | None  # None: the whole month
    holiday: int | None
    last_wd: int | None
    shift: int


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


@cache
def observances() -> dict[str, Observance]:
    out = {}
    for r in table("observances.tsv"):
        out[r["id"]] = Observance(r["id"], r["calendar"], int(r["month"]), _int(r["day"]),
                                  None if r["days"] == "month" else int(r["days"]),
                                  _int(r["holiday"]), _int(r["last_wd"]), _int(r["shift"]) or 0)
    return out


@cache
def names(lang: str | None) -> dict[str, tuple[str, bool]]:
    """Name key → (observance id, counts only in context)."""
    out: dict[str, tuple[str, bool]] = {}
    for r in table("observances.tsv"):
        for code in langs(lang):
            for form in filter(None, r[code].split("|")):
                k = key(form.lstrip(CONTEXT))
                contextual = form.startswith(CONTEXT)
                if k not in out or (out[k][1] and not contextual):
                    out[k] = (r["id"], contextual)
    return out


def name_forms(lang: str | None) -> list[str]:
    """Every name as printed (for the grammar's alternation and the trigger words)."""
    return [form.lstrip(CONTEXT) for r in table("observances.tsv") for code in langs(lang)
            for form in r[code].split("|") if form]


GENERIC = {key(w) for w in ("روز", "یوم", "يوم", "عيد", "عید", "شب", "ليلة", "ماه", "شهر", "جشن",
                             "سالروز", "سالگرد", "ذكرى", "رأس", "آغاز", "سال", "صلاة", "زیارت",
                             "راهپیمایی", "هفته", "دهه", "رحلت", "میلاد", "وقفة",
                             "السنة", "العام", "نو", "های", "اليوم", "جهانی", "ملی", "امام", "حضرت",
                             "سعید", "مبارک", "نیمه", "چهارشنبه", "رسول", "پیامبر", "المرأة",
                             "الميلادي", "الميلادية", "العالمي", "زيارة", "پیاده‌روی", "شب‌های", "محمد")}


def triggers(lang: str | None) -> list[str]:
    """One word per name to wake the rule: its first word that is not generic (روز، عيد …)."""
    out = set()
    for form in name_forms(lang):
        words = form.split()  # the trigger automaton keeps a word's part before any ZWNJ
        out.add(next((w for w in words if key(w) not in GENERIC), max(words, key=len)))
    return sorted(out)


def cue_forms(lang: str | None, role: str) -> list[str]:
    return [r["form"] for r in rows("observance_cues.tsv", lang, role=role)]


@cache
def _cue_values(lang: str | None, role: str) -> dict[str, int | str]:
    """Form key → value: an int, or for a year step of `rel` the string "-1y" / "1y"."""
    return {key(r["form"]): r["value"] if r["value"].endswith("y") else int(r["value"])
            for r in rows("observance_cues.tsv", lang, role=role)}


@cache
def _context_before(lang: str | None) -> re.Pattern[str]:
    from rasad.time.lexicon import alternation
    return re.compile(rf"(?<![\w\u200c])[وفبل]?(?:{alternation(cue_forms(lang, 'context'))})[ \u200c]+$")


def build(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    """A match of the `observance` rule → one atom, or none for a ~ name out of context."""
    found = names(lang).get(key(m["name"]))
    if found is None:
        return []
    oid, contextual = found
    f: dict[str, Any] = {"id": oid}
    if m["nth"]:
        f["nth"] = _cue_values(lang, "nth").get(key(m["nth"]))
    if m["hol"]:
        f["holiday"] = True
    end = m.end("epi") if m["epi"] else m.end("name")
    if m["rel"]:
        f["rel"] = _cue_values(lang, "rel").get(key(m["rel"]))
        end = m.end("rel")
    elif m["year"]:
        obs = observances()[oid]
        hint = lang or ("fa" if key(m["name"]) in names("fa") else "ar")
        year = read_year(m["year"], cal=None, era=m["era"], cue=True, lang=hint)
        if year and year.get("y") is not None and not year.get("reason"):
            f["year"] = (_year_calendar(obs.calendar, year), year["y"])
            end = m.end("era") if m["era"] and year.get("era") else m.end("year")
    f["single"] = is_day(f)
    start = m.start("nth") if m["nth"] else m.start("hol") if m["hol"] else m.start("name")
    if contextual and not (m["nth"] or m["hol"] or m["rel"] or "year" in f) \
            and not _context_before(lang).search(text, max(0, start - 24), start):
        return []
    return [Atom("observance", start, end, f, "observance")]


def _year_calendar(calendar: str, year: dict[str, Any]) -> str:
    """The calendar of a year written after a name: its era marker, else as `read_year`
    reads it, except a number that fits the observance's own calendar better: Arabic
    «رمضان 1445» (no Gregorian year 1445 in news), Persian «رمضان ۱۴۴۵» (Jalali 1445 is 2066;
    above 1420 as for Persian هجری alone)."""
    y, cal = year["y"], year["cal"]
    if year.get("era") or calendar == cal or calendar == "gregorian":
        return cal
    if cal == "gregorian" and 1300 <= y <= 1500:
        return calendar
    if cal == "jalali" and calendar == "hijri" and y > 1420:
        return "hijri"
    return cal


def occurrence(obs: Observance, year: int, *, holiday: bool = False) -> tuple[date, date]:
    """First and last Gregorian day of the observance in `year` of its own calendar."""
    if obs.days is None:
        return month_span(obs.calendar, year, obs.month)
    if obs.last_wd is not None:
        last = month_span(obs.calendar, year, obs.month)[1]
        lo = last - timedelta(days=(last.isoweekday() - obs.last_wd) % 7)
    else:
        lo = to_gregorian(obs.calendar, year, obs.month, obs.day or 1)
    lo += timedelta(days=obs.shift)
    length = (obs.holiday or obs.days) if holiday else obs.days
    return lo, lo + timedelta(days=length - 1)


def _candidates(obs: Observance, lo: date, hi: date) -> list[tuple[date, date]]:
    """Occurrences starting between lo and hi (own-calendar years around them)."""
    first, last = from_gregorian(obs.calendar, lo)[0] - 1, from_gregorian(obs.calendar, hi)[0] + 1
    out = []
    for y in range(first, last + 1):
        try:
            span = occurrence(obs, y)
        except ValueError:
            continue
        if lo <= span[0] <= hi:
            out.append(span)
    return out


def span(f: dict[str, Any], anchor: date | None) -> tuple[date, date, bool]:
    """(first day, last day, relative) of an observance atom; raises ValueError with a reason."""
    obs = observances()[f["id"]]
    if f.get("year"):
        cal, y = f["year"]
        if cal == obs.calendar:
            base = occurrence(obs, y)
        else:
            lo, hi = year_span(cal, y)
            found = _candidates(obs, lo, hi)
            if not found:
                raise ValueError(f"no {obs.id} in {cal} year {y}")
            base = found[0]
        relative = False
    elif anchor is None:
        raise ValueError("no publication date to resolve against")
    else:
        base, relative = _around(obs, anchor, f.get("rel")), True
    return (*_part(obs, base, f), relative)


def _around(obs: Observance, anchor: date, rel: int | str | None) -> tuple[date, date]:
    spans = _candidates(obs, anchor - timedelta(days=800), anchor + timedelta(days=800))
    if not spans:
        raise ValueError(f"{obs.id} cannot be placed near {anchor.isoformat()}")
    if isinstance(rel, str):  # last / next year's: one occurrence before / after the current one
        i = spans.index(_around(obs, anchor, 0)) + (1 if rel == "1y" else -1)
        if not 0 <= i < len(spans):
            raise ValueError(f"{obs.id} cannot be placed near {anchor.isoformat()}")
        return spans[i]
    if rel == -1:
        before = [s for s in spans if s[1] < anchor]
        if before:
            return before[-1]
    elif rel == 1:
        after = [s for s in spans if s[0] > anchor]
        if after:
            return after[0]

    def distance(s: tuple[date, date]) -> tuple[int, int]:
        if s[0] <= anchor <= s[1]:
            return 0, 0
        return min(abs((s[0] - anchor).days), abs((s[1] - anchor).days)), 0 if s[1] < anchor else 1
    return min(spans, key=distance)


def _part(obs: Observance, base: tuple[date, date], f: dict[str, Any]) -> tuple[date, date]:
    lo, hi = base
    if (f.get("holiday") or f.get("nth")) and obs.holiday:  # a day of the holiday, not only the feast
        hi = lo + timedelta(days=obs.holiday - 1)
    nth = f.get("nth")
    if nth == -1:
        return hi, hi
    if nth:
        day = lo + timedelta(days=nth - 1)
        if day > hi:
            raise ValueError(f"day {nth} of {obs.id} does not exist")
        return day, day
    return lo, hi


def is_month(f: dict[str, Any]) -> bool:
    return observances()[f["id"]].days is None and not f.get("nth")


def is_day(f: dict[str, Any]) -> bool:
    obs = observances()[f["id"]]
    return bool(f.get("nth")) or (obs.days == 1 and not (f.get("holiday") and obs.holiday))
