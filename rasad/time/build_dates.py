"""Builders for written dates and years: a match of the grammar → atoms.

A builder reads one match and returns the atoms it stands for: usually one; none when a
check fails (an ambiguous month name like مه or آب with no day or year beside it, a number
that cannot be a year here); two for a list (عامي 2017 و2019). Checks that need the lexicon
live here, not in the regexes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rasad.quantity.lexicon import lexicon as quantity_lexicon
from rasad.text.normalize import words_key
from rasad.time.atoms import Atom
from rasad.time.lexicon import key, lookup, months, number_value, numbers
from rasad.time.years import read_year


def _day(m: re.Match[str], n: int, lang: str | None) -> int | None:
    text = m[f"dn{n}"] or m[f"dw{n}"]
    value = number_value(text, lang) if text else None
    return value if isinstance(value, int) and 1 <= value <= 31 else None


def _needs_met(use: str, m: re.Match[str], *, day: int | None, year: dict[str, Any] | None) -> bool:
    cue = bool(m["mcue"] or m["msuf"] or m["month2"] or m.groupdict().get("month3") or m["mdir"])
    if use == "free":
        return True
    if use == "context":
        return cue or day is not None or year is not None
    if use == "year":
        return cue or year is not None
    return day is not None and year is not None and len(m["year"]) == 4  # strict


def build_date(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    entry = months(lang).get(key(m["month"]))
    if entry is None:
        return []
    cal, month, use = entry
    day = _day(m, 1, lang) if m["day"] else None
    day2 = _day(m, 2, lang) if m["day2"] else None
    if (m["day"] and day is None) or (m["day2"] and day2 is None):
        return []
    f: dict[str, Any] = {"cal": cal, "m": month, "d": day, "d2": day2, "y": None}
    end = m.end("month")
    bracketed = m.groupdict().get("month3")
    paired = m["month2"] or bracketed
    if paired:
        other = months(lang).get(key(paired))
        f["paired_agrees"] = bool(other and other[1] == month)
        end = text.index(")", m.end("month3")) + 1 if bracketed else m.end("month2")
    if m["mdir"]:  # «سبتمبر الماضي»، «مارس المقبل»، «دسامبر گذشته»: the previous or next one
        direction = lookup("relative.tsv", lang, "value", role="dir").get(key(m["mdir"]))
        if direction in ("-1", "1"):
            f["dir"] = int(direction)
            end = m.end("mdir")
    if m["msuf"]:
        end = m.end("msuf")
    year = None
    if m["year"]:
        year = read_year(m["year"], cal=cal, era=m["era"], cue=bool(m["ycue"]), lang=lang)
        if year:
            f.update(year)
            end = m.end("era") if m["era"] and year.get("era") else m.end("year")
    if not _needs_met(use, m, day=day, year=year):
        return []
    if day is None:
        start = m.start("mcue") if m["mcue"] else m.start("month")
    elif m["from"] and day2 is not None:
        start = m.start("from")
    else:
        start = m.start("dcue") if m["dcue"] else m.start("day")
    return [Atom("date", start, end, f, "date")]


def build_numdate(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    ytext, month, day = (m["y1"], int(m["m1"]), int(m["d1"])) if m["y1"] else (m["y2"], int(m["m2"]), int(m["d2"]))
    if month == 0 or day == 0:
        return []
    if len(ytext) == 2:  # 27/3/66: Persian dates only, and only when clearly a date
        if lang == "ar" or (m["s2"] != "/") or month > 12 or day > 31:
            return []
        f = {"cal": "jalali", "y": None, "yy": int(ytext)}
    else:
        year = read_year(ytext, cal=None, era=m["era"], cue=True, lang=lang, numeric=True)
        if not year:
            return []
        f = dict(year)
    f.update({"m": month, "d": day, "d2": None})
    end = m.end("era") if m["era"] and f.get("era") else m.end("d1" if m["y1"] else "y2")
    return [Atom("date", m.start(), end, f, "numdate")]


def _years_from_cue(m: re.Match[str], lang: str | None) -> list[Atom]:
    hint = lang or ("fa" if key(m["cue"]) in lookup("cues.tsv", "fa", "role", role="year_cue") else "ar")
    return _year_list(m, hint, m.start("cue"), "year_cue")


def _later(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """The years after the first, (digits, start, end): y2, and with «و» the rest of the list."""
    out = [(m["y2"], m.start("y2"), m.end("y2"))]
    if m["more"] and key(m["sep"]) == "و":
        at = m.start("more")
        out += [(d[0], at + d.start(), at + d.end()) for d in re.finditer(r"\d+", m["more"])]
    return out


def _value(year: dict[str, Any]) -> int:
    return year["y"] if year.get("y") is not None else year["yy"]


def _year_list(m: re.Match[str], hint: str, start: int, rule: str, *,
               is_range: bool = False) -> list[Atom]:
    """One year, a range (2011-2019, 1347-1340 ش written high to low: always low to high), a
    list of consecutive years as one period (سال‌های ۹۳ و ۹۴، 2021 و2022 و2023), or any other
    list as one atom per year (عامي 2017 و2019)."""
    first = read_year(m["y1"], cal=None, era=None if m["y2"] else m["era"], cue=True, lang=hint)
    if not first:
        return []
    end = m.end("era") if m["era"] and first.get("era") else m.end("y1")
    if m["y2"]:
        era_first = read_year(m["y1"], cal=None, era=m["era"], cue=True, lang=hint) or first
        is_list = key(m["sep"]) == "و" and not is_range
        rest = _later(m) if is_list else _later(m)[:1]
        years = [era_first] + [read_year(d, cal=era_first["cal"], era=m["era"], cue=True, lang=hint)
                               for d, _, _ in rest]
        if all(y and _ordered(era_first, y, is_list) for y in years[1:]):
            end2 = m.end("era") if m["era"] and years[-1].get("era") else rest[-1][2]  # type: ignore[union-attr]
            values = sorted(_value(y) for y in years)  # type: ignore[arg-type]
            if is_list and values != list(range(values[0], values[0] + len(values))):
                atoms = [Atom("year", start, m.end("y1"), dict(era_first), rule)]
                for i, ((_, s, e), y) in enumerate(zip(rest, years[1:], strict=True)):
                    s = m.start("cue2") if i == 0 and "cue2" in m.re.groupindex and m["cue2"] else s
                    atoms.append(Atom("year", s, end2 if i == len(rest) - 1 else e, dict(y), rule))  # type: ignore[arg-type]
                return atoms
            lo = min(years, key=_value)  # type: ignore[arg-type]
            hi = max(years, key=_value)  # type: ignore[arg-type]
            f = dict(lo, y2=hi.get("y"), yy2=hi.get("yy"))  # type: ignore[arg-type]
            return [Atom("year", start, end2, f, rule)]
    return [Atom("year", start, end, dict(first), rule)]


def _ordered(a: dict[str, Any], b: dict[str, Any], is_list: bool) -> bool:
    """Two years that can stand together: one calendar, both written alike; a range spans
    1–200 years in either order (right-to-left text writes 1347-1340 for 1340 to 1347)."""
    ya, yb = a.get("y") or a.get("yy"), b.get("y") or b.get("yy")
    if ya is None or yb is None or a.get("cal") != b.get("cal"):
        return False
    if a.get("yy") is not None and b.get("y") is not None:
        return False
    return is_list or 0 < abs(yb - ya) <= 200


def build_year_cue(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    return _years_from_cue(m, lang)


def build_year_range(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    first = read_year(m["y1"], cal=None, era=m["era"], cue=True, lang=lang)
    y1, y2 = sorted((int(m["y1"]), int(m["y2"])))  # 1347-1340: right-to-left order
    if not first or first.get("y") is None or not (1000 <= y1 < y2 <= min(y1 + 100, 2200)):
        return []
    return [Atom("year", m.start(), m.end(), dict(first, y=y1, y2=y2), "year_range")]


# A bare number is a year only in a plausible window of its calendar, and never before a unit
# or a counted noun (در 2000 کیلومتری، من 1500 جندي).
BARE = {"gregorian": (1800, 2099), "jalali": (1300, 1499)}
_NEXT_WORD = re.compile(r"[ \u200c]*([^\W\d_][\w\u200c]*)")


@cache
def _unit_keys(lang: str) -> frozenset[str]:
    lex = quantity_lexicon(lang)
    scales = {k for k, w in lex.numbers.items() if w.role in ("scale", "scalepl", "dual", "mul100")}
    return frozenset(set(lex.units) | scales)


def _quantity_follows(text: str, end: int, lang: str | None) -> bool:
    """A unit, a counted noun or a scale word follows (کیلومتری، جنديا، في المئة، هزار)."""
    keys = _unit_keys(lang) if lang in ("fa", "ar") else _unit_keys("fa") | _unit_keys("ar")
    words: list[str] = []
    for _ in range(3):
        m = _NEXT_WORD.match(text, end)
        if m is None:
            break
        words.append(words_key(m[1]))
        end = m.end()
        head, last = " ".join(words[:-1]), words[-1]
        for stem in {last, last.removesuffix("ی"), last.removesuffix("ای"), last.removesuffix("ا"),
                     last.removesuffix("اً"), last.removeprefix("ال")}:
            if (f"{head} {stem}" if head else stem) in keys:
                return True
    return False


def build_year_bare(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    """A year written alone after a preposition or an event noun (در ۱۳۸۵، في 2019، حرب 1973),
    or two after a range word (از ۲۰۱۵ تا ۲۰۱۸، من 2005 إلى 2013، بين 2011 و2015)."""
    if m["from"] and not m["y2"]:
        return []  # از 2015 alone: not sure it is a year
    if not m["era"] and _quantity_follows(text, m.end(), lang):
        return []
    hint = lang or ("fa" if re.search("[پچژگکی]", m[0]) else "ar")
    atoms = _year_list(m, hint, m.start("from") if m["from"] else m.start("y1"), "year_bare",
                       is_range=bool(m["from"]))
    for atom in atoms:
        f = atom.f
        low, high = BARE.get(f["cal"], (0, 0))
        ys = [f.get("y"), f.get("y2") or f.get("y")]
        if not f.get("era") and not all(y is not None and low <= y <= high for y in ys):
            return []
    return atoms


def build_year_era(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    year = read_year(m["y1"], cal=None, era=m["era"], cue=False, lang=lang)
    if not year or not year.get("era"):
        return []
    return [Atom("year", m.start("y1"), m.end(), dict(year), "year_era")]


def build_since_year(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    """منذ 2014: since a year written alone (a bare number is a year only after منذ)."""
    year = read_year(m["y1"], cal=None, era=m["era"], cue=True, lang=lang or "ar")
    if not year or year.get("y") is None:
        return []
    inner = Atom("year", m.start("y1"), m.end(), dict(year), "since_year")
    return [Atom("since", m.start("w"), m.end(), {"a": inner}, "since_year")]


def build_decade(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    persian = key(m["cue"]) in lookup("cues.tsv", "fa", "role", role="decade_cue")
    value = number_value(m["y"], lang)
    if not isinstance(value, int) or value % 10:
        return []
    if value >= 1000:
        year = read_year(m["y"], cal=None, era=m["era"], cue=True, lang="fa" if persian else "ar")
        if not year or year.get("y") is None:
            return []
        f = dict(year)
    elif 10 <= value <= 90:  # دهه ۶۰ is the 1360s in Persian; عقد 90 the 1990s in Arabic
        f = {"cal": "jalali", "y": 1300 + value} if persian else {"cal": "gregorian", "y": 1900 + value}
    else:
        return []
    return [Atom("year", m.start(), m.end(), dict(f, decade=True), "decade")]


def build_decade_word(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    value = numbers(lang).get(key(m["w"]))
    if value is None:
        return []
    f = {"cal": "gregorian", "y": 1900 + int(value[0]), "decade": True}
    return [Atom("year", m.start("w"), m.end(), f, "decade_word")]


def build_season(m: re.Match[str], lang: str | None, text: str) -> list[Atom]:
    f: dict[str, Any] = {"season": int(lookup("cues.tsv", lang, "value", role="season")[key(m["season"])])}
    end = m.end("season")
    if m["y"]:
        year = read_year(m["y"], cal=None, era=m["era"], cue=True, lang=lang or "fa")
        if year:
            f.update(year)
            end = m.end()
    return [Atom("season", m.start("season"), end, f, "season")]
