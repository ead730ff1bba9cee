"""Calendar conversion against known pairs, and failures that say why."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.time.calendars import (
    DateError,
    add_months,
    days_in_month,
    from_gregorian,
    month_span,
    nearest_year,
    to_gregorian,
    year_span,
)

KNOWN = [
    # Jalali: Nowruz and dates from the seed articles
    ("jalali", (1403, 1, 1), date(2024, 3, 20)),
    ("jalali", (1402, 1, 1), date(2023, 3, 21)),
    ("jalali", (1400, 10, 20), date(2022, 1, 10)),   # ۱۰ ژانویه ۲۰۲۲ (۲۰ دی)
    ("jalali", (1400, 10, 9), date(2021, 12, 30)),   # ۳۰ دسامبر ۲۰۲۱ (۹ دی)
    ("jalali", (1395, 3, 27), date(2016, 6, 16)),    # پنجشنبه 27 خرداد 1395
    ("jalali", (1357, 11, 22), date(1979, 2, 11)),   # 22 Bahman 1357
    ("jalali", (1402, 12, 29), date(2024, 3, 19)),   # 29 Esfand in a common year exists
    ("jalali", (1403, 12, 30), date(2025, 3, 20)),   # 30 Esfand of the leap year 1403
    ("jalali", (1402, 6, 31), date(2023, 9, 22)),    # 31 Shahrivar exists (months 1–6 have 31)
    # Hijri (Umm al-Qura)
    ("hijri", (1446, 1, 1), date(2024, 7, 7)),
    ("hijri", (1445, 9, 1), date(2024, 3, 11)),
    ("hijri", (1444, 10, 1), date(2023, 4, 21)),
    ("hijri", (1445, 12, 10), date(2024, 6, 16)),
    ("hijri", (1437, 11, 6), date(2016, 8, 9)),
    ("gregorian", (2016, 8, 9), date(2016, 8, 9)),
]


@pytest.mark.parametrize(("calendar", "ymd", "expected"), KNOWN)
def test_known_pairs(calendar: str, ymd: tuple[int, int, int], expected: date) -> None:
    assert to_gregorian(calendar, *ymd) == expected
    assert from_gregorian(calendar, expected) == ymd


@pytest.mark.parametrize(("calendar", "ymd", "words"), [
    ("jalali", (1402, 12, 30), "day 30 does not exist in Esfand 1402"),
    ("jalali", (1402, 7, 31), "day 31 does not exist in Mehr 1402"),
    ("jalali", (1402, 13, 1), "month 13"),
    ("gregorian", (2023, 2, 29), "day 29 does not exist"),
    ("gregorian", (99999, 1, 1), "out of range"),
    ("hijri", (1300, 1, 1), "outside the Umm al-Qura table"),
    ("hijri", (1501, 1, 1), "outside the Umm al-Qura table"),
    ("hijri", (1446, 1, 30), "day 30 does not exist in Muharram 1446"),
])
def test_impossible_dates_fail_with_a_reason(calendar: str, ymd: tuple[int, int, int], words: str) -> None:
    with pytest.raises(DateError, match=words):
        to_gregorian(calendar, *ymd)


def test_month_and_year_spans() -> None:
    assert month_span("jalali", 1402, 12) == (date(2024, 2, 20), date(2024, 3, 19))
    assert month_span("hijri", 1445, 9) == (date(2024, 3, 11), date(2024, 4, 9))
    assert year_span("jalali", 1402) == (date(2023, 3, 21), date(2024, 3, 19))
    assert days_in_month("jalali", 1403, 12) == 30 and days_in_month("jalali", 1402, 12) == 29
    assert days_in_month("gregorian", 2024, 2) == 29


def test_nearest_year_picks_the_closest_occurrence() -> None:
    anchor = date(2022, 1, 10)
    assert nearest_year("jalali", 10, 20, anchor) == 1400       # ۲۰ دی → 2022-01-10
    assert nearest_year("gregorian", 6, 22, date(2016, 8, 9)) == 2016
    assert nearest_year("gregorian", 12, 20, date(2016, 1, 5)) == 2015  # last December
    assert nearest_year("gregorian", 2, 1, date(2016, 12, 20)) == 2017  # next February
    assert nearest_year("hijri", 9, None, date(2024, 3, 20)) == 1445


def test_nearest_year_fails_when_the_day_never_exists() -> None:
    with pytest.raises(DateError):
        nearest_year("jalali", 7, 31, date(2022, 1, 10))


def test_add_months_clamps_the_day() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 3, 15), -15) == date(2022, 12, 15)
