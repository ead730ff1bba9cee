"""Exact conversion between the Gregorian, Solar Hijri (Jalali) and Lunar Hijri calendars.

jdatetime does the Jalali arithmetic; hijridate does the Hijri, using the Umm al-Qura table,
which only covers 1343–1500 AH (1924–2077): outside it a date cannot be converted exactly,
so it fails with a reason instead of being approximated. Every failure is a `DateError`
whose message is the reason shown to the user.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import jdatetime
from hijridate import Gregorian, Hijri

CALENDARS = ("gregorian", "jalali", "hijri")
JALALI_MONTHS = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr",
                 "Aban", "Azar", "Dey", "Bahman", "Esfand")
HIJRI_MONTHS = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
                "Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qada",
                "Dhu al-Hijja")
HIJRI_RANGE = (1343, 1500)


class DateError(ValueError):
    """A date that does not exist or cannot be converted; the message says why."""


def _month_name(calendar: str, month: int) -> str:
    names = {"jalali": JALALI_MONTHS, "hijri": HIJRI_MONTHS}.get(calendar)
    return names[month - 1] if names and 1 <= month <= 12 else f"month {month}"


def _check_year(calendar: str, year: int) -> None:
    if calendar == "hijri" and not HIJRI_RANGE[0] <= year <= HIJRI_RANGE[1]:
        raise DateError(f"Hijri year {year} is outside the Umm al-Qura table "
                        f"({HIJRI_RANGE[0]}–{HIJRI_RANGE[1]} AH)")
    if not 1 <= year <= 9999 or (calendar == "jalali" and year > 3000):
        raise DateError(f"year {year} is out of range")


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date:
    """The Gregorian date of a day written in `calendar`."""
    _check_year(calendar, year)
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist")
    last = days_in_month(calendar, year, month)
    if not 1 <= day <= last:
        raise DateError(f"day {day} does not exist in {_month_name(calendar, month)} {year} "
                        f"({calendar}, {last} days)")
    if calendar == "gregorian":
        return date(year, month, day)
    if calendar == "jalali":
        return jdatetime.date(year, month, day).togregorian()
    g = Hijri(year, month, day).to_gregorian()
    return date(g.year, g.month, g.day)


def days_in_month(calendar: str, year: int, month: int) -> int:
    _check_year(calendar, year)
    if calendar == "gregorian":
        return monthrange(year, month)[1]
    if calendar == "jalali":
        if month <= 6:
            return 31
        if month <= 11:
            return 30
        return 30 if jdatetime.date(year, 1, 1).isleap() else 29
    return Hijri(year, month, 1).month_length()


def month_span(calendar: str, year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a month."""
    first = to_gregorian(calendar, year, month, 1)
    return first, first + timedelta(days=days_in_month(calendar, year, month) - 1)


def year_span(calendar: str, year: int) -> tuple[date, date]:
    """First and last Gregorian day of a year."""
    return month_span(calendar, year, 1)[0], month_span(calendar, year, 12)[1]


def from_gregorian(calendar: str, day: date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian date in `calendar`."""
    if calendar == "gregorian":
        return day.year, day.month, day.day
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=day)
        return j.year, j.month, j.day
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError) as err:
        raise DateError(f"{day.isoformat()} is outside the Umm al-Qura table") from err
    return h.year, h.month, h.day


def directed_year(calendar: str, month: int, day: int | None, anchor: date, direction: int) -> int:
    """The year of the last such month (or day) before the anchor (direction -1: «سبتمبر
    الماضي» in a July article is last September) or of the next one after it (+1: «يونيو
    القادم» in October is next June). The anchor's own month is neither."""
    here = from_gregorian(calendar, anchor)[0]
    for year in (range(here, here - 3, -1) if direction < 0 else range(here, here + 3)):
        try:
            lo, hi = month_span(calendar, year, month)
            point = to_gregorian(calendar, year, month, day) if day else None
        except DateError:
            continue
        if direction < 0 and (point or hi) < anchor and not (day is None and lo <= anchor <= hi):
            return year
        if direction > 0 and (point or lo) > anchor and not (day is None and lo <= anchor <= hi):
            return year
    return here + direction


def nearest_year(calendar: str, month: int, day: int | None, anchor: date) -> int:
    """The year that puts (month, day) nearest the anchor; a tie goes to the past.

    News mostly speaks of the recent past or the near future, so `۲۰ دی` in an article of
    2022-01-10 is 20 Dey 1400. With no day, the month's middle is compared.
    """
    here = from_gregorian(calendar, anchor)[0]
    best: tuple[int, int, int] | None = None
    for year in (here - 1, here, here + 1):
        try:
            if day is None:
                lo, hi = month_span(calendar, year, month)
                point = lo + (hi - lo) / 2
            else:
                point = to_gregorian(calendar, year, month, day)
        except DateError:
            continue
        score = (abs((point - anchor).days), 0 if point <= anchor else 1, year)
        if best is None or score < best:
            best = score
    if best is None:
        raise DateError(f"day {day} does not exist in {_month_name(calendar, month)} "
                        f"near {anchor.isoformat()}")
    return best[2]


def add_months(day: date, months: int) -> date:
    """Shift by whole months, keeping the day where the month has it."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = days_in_month("gregorian", year, month + 1)
    return date(year, month + 1, min(day.day, last))
