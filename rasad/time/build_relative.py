"""Builders for relative times, counts, durations, clock times and qualifiers.

Weekdays and deictic words (دیروز، الأسبوع الماضي) become atoms that need the anchor; a count
with a unit becomes "ago", "from now", "the last N", "after an event" or a plain duration
depending on the word beside it (سه روز پیش، سه روز دیگر، ۳۰ سال اخیر، ده روز بعد، سه روز).
"""

from __future__ import annotations

import re
from functools import cache

from rasad.time.atoms import Atom
from rasad.time.grammar import S, context
from rasad.time.lexicon import key, lookup, number_value, rows

_EVENT_AFTER = re.compile(rf"{S}(?:از|من)(?![\w\u200c])")


def _dir(word: str | None, lang: str | None) -> int | None:
    if not word:
        return None
    value = lookup("relative.tsv", lang, "value", role="dir").get(key(word))
    return int(value) if value not in (None, "") else None


def build_weekday(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    wd = lookup("weekdays.tsv", lang, "weekday").get(key(m["wd"]))
    if wd is None:
        return []
    start = m.start("cue") if m["cue"] else m.start("wd")
    if context(lang)["not_day"].search(text, max(0, start - 12), start):
        return []  # نماز جمعه، صلاة الجمعة: the Friday prayer, not a Friday
    f = {"wd": int(wd), "dir": _dir(m["dir"], lang) or None}
    return [Atom("weekday", start, m.end(), f, "weekday")]


def build_deictic(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    row = _deictic_rows(lang).get(key(m["word"]))
    if row is None:
        return []
    f = {"unit": row["unit"], "offset": int(row["value"]), "part": row["part"] or None}
    return [Atom("deictic", m.start("word"), m.end(), f, "deictic")]


@cache
def _deictic_rows(lang: str | None) -> dict[str, dict[str, str]]:
    return {key(r["form"]): r for r in rows("relative.tsv", lang, role="deictic")}


def build_unit_dir(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    unit = lookup("relative.tsv", lang, "unit", role="unit").get(key(m["unit"]))
    offset = _dir(m["dir"], lang)
    if unit is None or offset is None:
        return []
    start = m.start("this") if m["this"] else m.start("unit")
    f = {"unit": unit, "offset": offset}
    era = lookup("cues.tsv", lang, "value", role="era").get(key(m["era"])) if m["era"] else None
    if era in ("gregorian", "jalali", "hijri") and unit in ("month", "year"):
        f["cal"] = era  # سال جاری میلادی: the current Gregorian year, not the Jalali one
    return [Atom("deictic", start, m.end(), f, "unit_dir")]


def build_this_unit(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    unit = lookup("relative.tsv", lang, "unit", role="unit").get(key(m["unit"]))
    if unit is None:
        return []
    return [Atom("deictic", m.start("this"), m.end(), {"unit": unit, "offset": 0}, "this_unit")]


@cache
def _unit_table(lang: str | None) -> dict[str, tuple[str, str]]:
    return {key(r["form"]): (r["unit"], r["number"]) for r in rows("units.tsv", lang)}


def _unit(word: str, lang: str | None) -> tuple[str, str] | None:
    return _unit_table(lang).get(key(word))


@cache
def _roles(lang: str | None) -> dict[str, dict[str, str]]:
    """key → {role: value} over relative.tsv."""
    table: dict[str, dict[str, str]] = {}
    for r in rows("relative.tsv", lang):
        table.setdefault(key(r["form"]), {})[r["role"]] = r["value"]
    return table


def _post_role(word: str, lang: str | None) -> tuple[str, int] | None:
    """The role of a word after a count: ago, later, event, or a past/future stretch."""
    found = _roles(lang).get(key(word), {})
    for role, kind in (("ago_post", "ago"), ("later_post", "later"), ("event_post", "event")):
        if role in found:
            return kind, int(found[role] or 0)
    for role in ("recent", "dir"):
        if found.get(role) in ("-1", "1"):
            return ("past" if found[role] == "-1" else "future"), int(found[role])
    return None


def build_count_post(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    count, unit = number_value(m["num"], lang), _unit(m["unit"], lang)
    role = _post_role(m["post"], lang)
    if count in (None, 0) or unit is None or role is None:
        return []
    kind = role[0]
    if kind in ("ago", "later") and _EVENT_AFTER.match(text, m.end()):
        kind = "event"  # یک روز پیش از آغاز مذاکرات: before an event, not before today
    f = {"count": count, "unit": unit[0], "dir": kind}
    return [Atom("rel", m.start("num"), m.end(), f, "count_post")]


def build_pre_count(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    kind = "event" if "event_pre" in _roles(lang).get(key(m["pre"]), {}) else "ago"
    if m["unit1"]:
        unit = _unit(m["unit1"], lang)
        count: int | str | None = {"dual": 2, "sg": 1}.get(unit[1], "X") if unit else None
    else:
        unit, count = _unit(m["unit"], lang), number_value(m["num"], lang)
    if m["one"]:
        count = 1
    if unit is None or count in (None, 0):
        return []
    if _EVENT_AFTER.match(text, m.end()):
        kind = "event"  # قبل أشهر من هذا التاريخ: before a date in the story
    f = {"count": count, "unit": unit[0], "dir": kind}
    return [Atom("rel", m.start("pre"), m.end(), f, "pre_count")]


def build_def_dir(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    unit = _unit(m["unit"], lang)
    role = _post_role(m["dir"], lang)
    count = number_value(m["num"], lang) if m["num"] else "X"
    if unit is None or role is None or role[0] not in ("past", "future") or count in (None, 0):
        return []
    f = {"count": count, "unit": unit[0], "dir": role[0]}
    return [Atom("rel", m.start("unit"), m.end(), f, "def_dir")]


def build_duration(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    word = m["unit"] or m["unit1"] or m["unit2"] or m["unit3"]
    unit = _unit(word, lang)
    if unit is None:
        return []
    if m["unit"]:
        count = number_value(m["num"], lang)
    elif m["unit3"]:
        count = 1
    else:
        count = 2 if unit[1] == "dual" else "X"
    if count in (None, 0):
        return []
    if m["half"]:
        half = float(lookup("cues.tsv", lang, "value", role="half")[key(m["half"])])
        count = count + half if isinstance(count, int) else count
    start = next(m.start(g) for g in ("num", "unit1", "unit2", "unit3") if m[g])
    return [Atom("duration", start, m.end(), {"count": count, "unit": unit[0]}, "duration")]


def _part(word: str | None, lang: str | None) -> tuple[str, str] | None:
    if not word:
        return None
    value = lookup("cues.tsv", lang, "value", role="part").get(key(word))
    return tuple(value.split(":")) if value else None  # type: ignore[return-value]


def _clock(h: int, minute: int, part: tuple[str, str] | None) -> tuple[int, int] | None:
    if part and part[1] == "pm" and h < 12:
        h += 12
    elif part and part[0] == "midnight" and h == 12:
        h = 0
    return (h, minute) if 0 <= h <= 24 and 0 <= minute <= 59 else None


def build_clock(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    part = _part(m["part"], lang)
    hm = _clock(int(m["h"]), int(m["m"]), part)
    if hm is None:
        return []
    start = m.start("cue") if m["cue"] else m.start("h")
    return [Atom("clock", start, m.end(), {"h": hm[0], "min": hm[1], "part": part and part[0]}, "clock")]


def build_clock_word(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    h = number_value(m["h"], lang)
    minute: int | str | None = 0
    if m["m"]:
        minute = number_value(m["m"], lang)
    elif m["frac"]:
        minute = int(60 * float(lookup("cues.tsv", lang, "value", role="half")[key(m["frac"])]))
    if not isinstance(h, int) or not isinstance(minute, int):
        return []
    part = _part(m["part"], lang)
    hm = _clock(h, minute, part)
    if hm is None:
        return []
    f = {"h": hm[0], "min": hm[1], "part": part and part[0]}
    return [Atom("clock", m.start("cue"), m.end(), f, "clock_word")]


def build_part(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    part = _part(m["part"], lang)
    return [Atom("part", m.start("part"), m.end(), {"part": part[0]}, "part")] if part else []


def build_mod(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    mod = lookup("cues.tsv", lang, "value", role="mod").get(key(m["mod"]))
    if mod is None:
        return []
    if m["bare"]:  # مطلع العام، پایان ماه: the current year/month
        unit = lookup("relative.tsv", lang, "unit", role="unit").get(key(m["bare"]))
        f = {"unit": unit, "offset": 0, "mod": mod}
        return [Atom("deictic", m.start("mod"), m.end(), f, "mod")] if unit else []
    return [Atom("mod", m.start("mod"), m.end(), {"mod": mod}, "mod")]
