"""Resolution rules that are conventions, written down as tests."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.time import find_times
from rasad.time.resolve import duration_value, expand_yy


@pytest.mark.parametrize(("count", "unit", "iso"), [
    (3, "day", "P3D"), (2, "week", "P2W"), (3, "month", "P3M"), (1, "year", "P1Y"),
    (3.5, "year", "P3Y6M"), (1.5, "month", "P1M15D"), (2.5, "day", "P2DT12H"),
    (1.5, "hour", "PT1H30M"), (90, "minute", "PT90M"), (2, "decade", "P20Y"), (1, "century", "P100Y"),
    ("X", "month", "PXM"), ("X", "hour", "PTXH"), ("X", "decade", "PXDE"),
])
def test_duration_values(count: int | float | str, unit: str, iso: str) -> None:
    assert duration_value(count, unit) == iso


def test_two_digit_jalali_years_take_the_latest_century_not_in_the_future() -> None:
    assert expand_yy(94, date(2016, 8, 9)) == 1394
    assert expand_yy(2, date(2024, 1, 1)) == 1402
    assert expand_yy(29, date(2016, 8, 9)) == 1329
    assert expand_yy(66, None) == 1366


@pytest.mark.parametrize(("text", "anchor", "value"), [
    ("یکشنبه", "2022-01-09", "2022-01-09"),            # the same day when the anchor is a Sunday
    ("یکشنبه", "2022-01-10", "2022-01-09"),
    ("یکشنبه گذشته", "2022-01-09", "2022-01-02"),      # "last Sunday": strictly before
    ("یکشنبه آینده", "2022-01-09", "2022-01-16"),      # "next Sunday": strictly after
    ("الخميس المقبل", "2022-01-10", "2022-01-13"),
])
def test_weekday_rules(text: str, anchor: str, value: str) -> None:
    lang = "ar" if text.startswith("ال") else "fa"
    assert [t.value for t in find_times(text, lang=lang, anchor=anchor)] == [value]


def test_relative_times_are_marked_relative_and_absolute_ones_not() -> None:
    times = find_times("دیروز و ۱۰ ژانویه ۲۰۲۲ و ۱۲ ژانویه", lang="fa", anchor="2022-01-10")
    assert [t.relative for t in times] == [True, False, True]
    assert [t.calendar for t in times] == ["gregorian", "gregorian", "gregorian"]


def test_calendar_is_the_one_written() -> None:
    times = find_times("۲۰ دی ۱۴۰۰ و 1 محرم 1446 هـ و سال ۲۰۲۳", lang="fa")
    assert [(t.calendar, t.granularity) for t in times] == [
        ("jalali", "day"), ("hijri", "day"), ("gregorian", "year")]
