"""Atoms → values: ISO 8601 in the Gregorian calendar, against an anchor (the publication date).

Values: `2022-01-10` (day), `2016-06` (Gregorian month), `2016` (Gregorian year), `2016-W31`
(week), `2016-08-09T14:30` or `14:30` (time), `start/end` (interval; also a Jalali or Hijri
month or year, which do not line up with Gregorian months), `P3Y6M` (duration; `PXM` is an
unspecified number of months, the TimeML convention). `since` without an anchor ends in `..`
(ISO 8601-2 open end). Anything that cannot be placed exactly gets value None and a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rasad.time import observances
from rasad.time.atoms import Atom
from rasad.time.calendars import (
    add_months,
    directed_year,
    from_gregorian,
    month_span,
    nearest_year,
    to_gregorian,
    year_span,
)

NO_ANCHOR = "no publication date to resolve against"
GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year",
               "decade": "year", "century": "year", "hour": "day", "minute": "day"}
MONTHS_PER = {"month": 1, "year": 12, "decade": 120, "century": 1200}


@dataclass
class Result:
    value: str | None
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    lo: date | None = None  # first and last Gregorian day covered
    hi: date | None = None
    lo_s: str | None = None  # how the start and end read inside an interval value
    hi_s: str | None = None


def null(granularity: str, reason: str, calendar: str = "gregorian", **extra: Any) -> Result:
    return Result(None, granularity, calendar, extra={"reason": reason, **extra})


def resolve(atom: Atom, anchor: date | None, lang: str | None) -> Result:
    """The value of a combined atom; never raises on odd input."""
    if atom.f.get("dual"):
        return _dual(atom, anchor, lang)
    try:
        result = RESOLVERS[atom.kind](atom.f, anchor, lang)
    except (ValueError, OverflowError) as err:  # DateError, or a shift past year 9999
        cal = atom.f.get("cal", "gregorian")
        result = null(_granularity(atom), str(err), cal, **_parts(atom.f))
    for name in ("mod", "part"):
        if atom.f.get(name):
            result.extra["mod" if name == "mod" else "part_of_day"] = atom.f[name]
    return result


def _granularity(atom: Atom) -> str:
    f = atom.f
    if atom.kind == "date":
        return "time" if f.get("clock") else "interval" if f.get("d2") else "day" if f.get("d") else "month"
    if atom.kind == "year":
        return "interval" if f.get("y2") or f.get("decade") else "year"
    return {"clock": "time", "duration": "duration", "weekday": "day"}.get(atom.kind, "interval")


def _parts(f: dict[str, Any]) -> dict[str, Any]:
    """The written fields, kept when the value cannot be computed."""
    parts = {k: f[k] for k in ("y", "m", "d") if f.get(k) is not None}
    return {"parts": parts} if parts else {}


def _span(r: Result) -> Result:
    if r.lo_s is None and r.lo is not None:
        r.lo_s = r.lo.isoformat()
    if r.hi_s is None and r.hi is not None:
        r.hi_s = r.hi.isoformat()
    return r


def expand_yy(yy: int, anchor: date | None) -> int:
    """Two-digit Jalali year: the latest century not after next year (or 13xx, 14xx for 00–09)."""
    if anchor is None:
        return 1300 + yy if yy >= 10 else 1400 + yy
    ref = from_gregorian("jalali", anchor)[0] + 1
    return 1400 + yy if 1400 + yy <= ref else 1300 + yy


def _date_year(f: dict[str, Any], anchor: date | None, gran: str) -> tuple[int | None, bool, Result | None]:
    cal = f["cal"]
    if f.get("y") is not None:
        return f["y"], False, None
    if f.get("yy") is not None:
        return expand_yy(f["yy"], anchor), False, None
    if anchor is None:
        why = "a relative year" if f.get("rel_year") is not None else "no year is written"
        return None, False, null(gran, f"{why} and {NO_ANCHOR}", cal, **_parts(f))
    if f.get("rel_year") is not None:
        return from_gregorian(cal, anchor)[0] + f["rel_year"], True, None
    if f.get("dir"):
        return directed_year(cal, f["m"], f.get("d"), anchor, f["dir"]), True, None
    return nearest_year(cal, f["m"], f.get("d"), anchor), True, None


def _date(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    cal = f["cal"]
    gran = "time" if f.get("clock") and f.get("d") else "interval" if f.get("d2") else \
        "day" if f.get("d") else "month"
    if f.get("reason"):
        return null(gran, f["reason"], cal, **_parts(f))
    year, relative, failed = _date_year(f, anchor, gran)
    if failed:
        return failed
    m = f["m"]
    if f.get("d"):
        lo = hi = to_gregorian(cal, year, m, f["d"])
        if f.get("d2"):
            hi = to_gregorian(cal, year, m, f["d2"])
        value = lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}"
        r = Result(value, gran, cal, relative, lo=lo, hi=hi)
        _time_of_day(r, f)
    else:
        lo, hi = month_span(cal, year, m)
        if cal == "gregorian":
            r = Result(f"{year:04d}-{m:02d}", gran, cal, relative, lo=lo, hi=hi,
                       lo_s=f"{year:04d}-{m:02d}", hi_s=f"{year:04d}-{m:02d}")
        else:
            r = Result(f"{lo.isoformat()}/{hi.isoformat()}", gran, cal, relative, lo=lo, hi=hi)
    if f.get("wd"):
        r.extra["weekday_agrees"] = lo.isoweekday() == f["wd"]
    if f.get("paired_agrees") is False:
        r.extra["paired_agrees"] = False
    return _span(r)


def _time_of_day(r: Result, f: dict[str, Any]) -> None:
    if f.get("clock") and r.value and "/" not in r.value:
        h, minute = f["clock"]
        r.value = f"{r.value}T{h:02d}:{minute:02d}"
        r.granularity = "time"


def _year(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    cal = f["cal"]
    gran = "interval" if f.get("y2") or f.get("yy2") or f.get("decade") else "year"
    if f.get("reason"):
        return null(gran, f["reason"], cal)
    y = f["y"] if f.get("y") is not None else expand_yy(f["yy"], anchor)
    y2 = f.get("y2") or (expand_yy(f["yy2"], anchor) if f.get("yy2") is not None else None)
    if f.get("decade"):
        y2 = y + 9
    if y2 is not None and y2 < y:
        y, y2 = y2, y  # never an inverted period
    lo, hi = year_span(cal, y)[0], year_span(cal, y2 or y)[1]
    if cal != "gregorian":
        return _span(Result(f"{lo.isoformat()}/{hi.isoformat()}", gran, cal, lo=lo, hi=hi))
    value = f"{y:04d}/{y2:04d}" if y2 else f"{y:04d}"
    return Result(value, gran, cal, lo=lo, hi=hi, lo_s=f"{y:04d}", hi_s=f"{(y2 or y):04d}")


def _season(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    """Seasons follow the Iranian calendar: spring is Farvardin–Khordad, i.e. from ~21 March."""
    cal = f.get("cal") or ("jalali" if lang == "fa" else "gregorian")
    relative = False
    if f.get("y") is not None or f.get("yy") is not None:
        year = f["y"] if f.get("y") is not None else expand_yy(f["yy"], anchor)
    elif anchor is None:
        return null("interval", f"a relative year and {NO_ANCHOR}", cal)
    else:
        year, relative = from_gregorian(cal, anchor)[0] + f["rel_year"], True
    if cal == "hijri":
        return null("interval", "seasons of a Hijri year are not defined", cal)
    jalali_year = year if cal == "jalali" else year - 621
    first = 3 * f["season"] - 2
    lo, hi = month_span("jalali", jalali_year, first)[0], month_span("jalali", jalali_year, first + 2)[1]
    return _span(Result(f"{lo.isoformat()}/{hi.isoformat()}", "interval", cal, relative, lo=lo, hi=hi))


def _day_result(day: date, f: dict[str, Any]) -> Result:
    r = Result(day.isoformat(), "day", "gregorian", True, lo=day, hi=day)
    _time_of_day(r, f)
    return _span(r)


def _weekday(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    """The latest such weekday on or before the anchor (news mostly reports the past);
    with آینده/المقبل the next one after it, with گذشته/الماضي the last one before it; with a
    future verb in its sentence (`ahead`) the next one on or after it."""
    if anchor is None:
        return null("day", NO_ANCHOR, weekday=f["wd"])
    back = (anchor.isoweekday() - f["wd"]) % 7
    if f.get("dir") == -1:
        back = back or 7
    elif f.get("dir") == 1:
        back = -((f["wd"] - anchor.isoweekday()) % 7 or 7)
    elif f.get("ahead"):  # a future verb in its sentence: the next such day (today included)
        back = -((f["wd"] - anchor.isoweekday()) % 7)
    return _day_result(anchor - timedelta(days=back), f)


def _deictic(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    unit, offset = f["unit"], f["offset"]
    # Months and years: Persian news counts them in the Jalali calendar unless it says میلادی.
    cal = f.get("cal") or ("jalali" if lang == "fa" and unit in ("month", "year") else "gregorian")
    if anchor is None:
        return null(GRANULARITY.get(unit, "interval"), NO_ANCHOR, cal)
    if unit == "day":
        r = _day_result(anchor + timedelta(days=offset), f)
        if f.get("wd"):
            r.extra["weekday_agrees"] = r.lo.isoweekday() == f["wd"]  # type: ignore[union-attr]
        return r
    if unit == "week":
        day = anchor + timedelta(weeks=offset)
        year, week, weekday = day.isocalendar()
        lo = day - timedelta(days=weekday - 1)
        return _span(Result(f"{year}-W{week:02d}", "week", "gregorian", True, lo=lo, hi=lo + timedelta(days=6)))
    if unit == "decade":
        start = (anchor.year // 10 + offset) * 10
        return Result(f"{start}/{start + 9}", "interval", "gregorian", True, lo=date(start, 1, 1),
                      hi=date(start + 9, 12, 31), lo_s=str(start), hi_s=str(start + 9))
    y, m, _ = from_gregorian(cal, anchor)
    if unit == "month":
        y, m = divmod(y * 12 + m - 1 + offset, 12)
        m += 1
        lo, hi = month_span(cal, y, m)
        if cal == "gregorian":
            return Result(f"{y:04d}-{m:02d}", "month", cal, True, lo=lo, hi=hi,
                          lo_s=f"{y:04d}-{m:02d}", hi_s=f"{y:04d}-{m:02d}")
        return _span(Result(f"{lo.isoformat()}/{hi.isoformat()}", "month", cal, True, lo=lo, hi=hi))
    result = _year({"cal": cal, "y": y + offset}, anchor, lang)
    result.relative = True
    return result


def shift(day: date, unit: str, n: int) -> date:
    if unit in MONTHS_PER:
        return add_months(day, MONTHS_PER[unit] * n)
    if unit in ("day", "week"):
        return day + timedelta(days=n * (7 if unit == "week" else 1))
    per_day = {"hour": 24, "minute": 24 * 60}[unit]
    return day + timedelta(days=int(n / per_day))  # hours ago: the same day unless a day passes


def _point(day: date, unit: str) -> Result:
    if unit in ("day", "hour", "minute"):
        return _span(Result(day.isoformat(), "day", "gregorian", True, lo=day, hi=day))
    if unit == "week":
        return _deictic({"unit": "week", "offset": 0}, day, None)
    if unit == "month":
        return _deictic({"unit": "month", "offset": 0}, day, None)
    return _year({"cal": "gregorian", "y": day.year}, day, None)


def _rel(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    count, unit, kind = f["count"], f["unit"], f["dir"]
    gran = "interval" if kind in ("past", "future") else GRANULARITY.get(unit, "day")
    facts = {"count": count, "unit": unit, "direction": kind}
    if kind == "event":
        return null(gran, "counted from a narrated event, not from the publication date", **facts)
    if count == "X":
        return null(gran, f"an unspecified number of {unit}s", **facts)
    if anchor is None:
        return null(gran, NO_ANCHOR, **facts)
    if kind in ("ago", "later"):
        r = _point(shift(anchor, unit, -count if kind == "ago" else count), unit)
        r.relative = True
        return r
    lo, hi = (shift(anchor, unit, -count), anchor) if kind == "past" else (anchor, shift(anchor, unit, count))
    return _span(Result(f"{lo.isoformat()}/{hi.isoformat()}", "interval", "gregorian", True, lo=lo, hi=hi))


DURATION_UNITS = {"day": ("", "D"), "week": ("", "W"), "month": ("", "M"), "year": ("", "Y"),
                  "hour": ("T", "H"), "minute": ("T", "M")}
HALF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M"}


def duration_value(count: int | float | str, unit: str) -> str:
    """ISO 8601 duration; decades and centuries as years; X (unspecified) as in TimeML."""
    if count == "X":
        return {"decade": "PXDE", "century": "PXCE"}.get(unit) or "P{}X{}".format(*DURATION_UNITS[unit])
    if unit in ("decade", "century"):
        count, unit = count * (10 if unit == "decade" else 100), "year"  # type: ignore[operator]
    t, letter = DURATION_UNITS[unit]
    whole = int(count)  # type: ignore[arg-type]
    if count == whole:
        return f"P{t}{whole}{letter}"
    if count - whole == 0.5 and unit in HALF:
        return f"P{t}{whole}{letter}{HALF[unit]}"
    return f"P{t}{count:g}{letter}"


def _duration(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    return Result(duration_value(f["count"], f["unit"]), "duration")


def _clock(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    return Result(f"{f['h']:02d}:{f['min']:02d}", "time")


def _interval(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    a, b = resolve(f["a"], anchor, lang), resolve(f["b"], anchor, lang)
    for end, r in (("start", a), ("end", b)):
        if r.value is None:
            return null("interval", f"{end}: {r.extra.get('reason')}", a.calendar)
    if a.lo and b.hi and b.hi < a.lo:
        a, b = b, a  # written high to low (right to left): a period never ends before it starts
    value = f"{a.lo_s}/{b.hi_s}"
    return Result(value, "interval", a.calendar, a.relative or b.relative, lo=a.lo, hi=b.hi,
                  lo_s=a.lo_s, hi_s=b.hi_s)


def _since(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    a = resolve(f["a"], anchor, lang)
    if a.value is None:
        return null("interval", str(a.extra.get("reason")), a.calendar)
    end = anchor.isoformat() if anchor else ".."
    return Result(f"{a.lo_s}/{end}", "interval", a.calendar, anchor is not None, lo=a.lo, hi=anchor,
                  lo_s=a.lo_s, hi_s=end)


def _dual(atom: Atom, anchor: date | None, lang: str | None) -> Result:
    """The main date's value; the bracketed twin is resolved next to it and must agree."""
    main = Atom(atom.kind, atom.start, atom.end, {k: v for k, v in atom.f.items() if k != "dual"})
    twin: Atom = atom.f["dual"]
    written = main.f.get("y") is not None or main.f.get("yy") is not None
    if written:
        r = resolve(main, anchor, lang)
        other = resolve(twin, _middle(r) or anchor, lang)
    else:
        other = resolve(twin, anchor, lang)
        r = resolve(main, _middle(other) or anchor, lang)
        r.relative = other.relative
    if r.value is not None and other.value is not None:
        r.extra["agrees"] = bool(r.lo and other.lo and r.lo <= other.hi and other.lo <= r.hi)  # type: ignore[operator]
        r.extra["also"] = {"calendar": other.calendar, "value": other.value}
    return r


def _middle(r: Result) -> date | None:
    return r.lo + (r.hi - r.lo) / 2 if r.lo and r.hi else None


def _observance(f: dict[str, Any], anchor: date | None, lang: str | None) -> Result:
    """A religious or national day (`rasad.time.observances`): its day, or its period
    (رمضان, أيام عيد الفطر), in the occurrence the text points to."""
    obs = observances.observances()[f["id"]]
    gran = "day" if f.get("single") else "month" if observances.is_month(f) else "interval"
    try:
        lo, hi, relative = observances.span(f, anchor)
    except ValueError as err:
        return null(gran, str(err), obs.calendar, observance=f["id"])
    value = lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}"
    r = Result(value, gran, obs.calendar, relative, extra={"observance": f["id"]}, lo=lo, hi=hi)
    _time_of_day(r, f)
    if f.get("wd"):
        r.extra["weekday_agrees"] = lo.isoweekday() == f["wd"]
    return _span(r)


RESOLVERS = {"date": _date, "year": _year, "season": _season, "weekday": _weekday,
             "deictic": _deictic, "rel": _rel, "duration": _duration, "clock": _clock,
             "interval": _interval, "since": _since, "observance": _observance}
