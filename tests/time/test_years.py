"""Years in Persian and Arabic news (issue 9, part 2): two-digit Solar Hijri years, coordinated
years as one period, ranges written high to low, range words (در فاصله … و، بين … و، من … إلى،
از … تا), bare years; publication dates at a year boundary and around Nowruz
(1 Farvardin 1403 = 2024-03-20, 1404 = 2025-03-21). A resolved period never ends before it
starts, whatever the written order.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.time import find_times

BOUNDARY = ("2023-12-31", "2024-01-01")
NOWRUZ = ("2024-03-19", "2024-03-20", "2024-03-21", "2025-03-20", "2025-03-21")


def found(text: str, lang: str, anchor: str | None) -> list[tuple[str, str | None]]:
    return [(text[t.start:t.end], t.value) for t in find_times(text, lang=lang, anchor=anchor)]


def period(value: str) -> tuple[date, date]:
    """First and last day of a value (2012, 2012/2013, 2011-03-21/2017-03-20)."""
    lo, _, hi = value.partition("/")
    hi = hi or lo

    def day(part: str, last: bool) -> date:
        if len(part) == 4:
            return date(int(part), 12, 31) if last else date(int(part), 1, 1)
        return date.fromisoformat(part)
    return day(lo, False), day(hi, True)


# (lang, text, expected (span, value)); the same at every anchor of BOUNDARY and NOWRUZ
ABSOLUTE = [
    # coordinated consecutive years: one period
    ("fa", "در سال 2012 و 2013 سود برد", [("سال 2012 و 2013", "2012/2013")]),
    ("fa", "در سال‌های مالی 2012 و 2013 منتشر نشد", [("سال‌های مالی 2012 و 2013", "2012/2013")]),
    ("ar", "خلال عامي 2012 و2013 قبل", [("عامي 2012 و2013", "2012/2013")]),
    ("ar", "في السنوات المالية 2021 و2022 و2023 على التوالي",
     [("السنوات المالية 2021 و2022 و2023", "2021/2023")]),
    ("ar", "في عامي 2013 و2012", [("عامي 2013 و2012", "2012/2013")]),
    # a list that is not consecutive stays a list
    ("ar", "في عامي 2017 و2019", [("عامي 2017", "2017"), ("2019", "2019")]),
    ("fa", "در 2014 و 2016", [("2014", "2014"), ("2016", "2016")]),
    # right-to-left ranges: 1347-1340 is 1340 to 1347
    ("fa", "در سال‌های 1347-1340 ش اجرا شد", [("سال‌های 1347-1340 ش", "1961-03-21/1969-03-20")]),
    ("fa", "برنامه 1347-1340 اجرا شد", [("1347-1340", "1961-03-21/1969-03-20")]),
    ("ar", "خلال الفترة 2019-2011 تراجع", [("2019-2011", "2011/2019")]),
    ("ar", "خلال عامي 2019-2011", [("عامي 2019-2011", "2011/2019")]),
    # range words
    ("fa", "در فاصله سال‌های ۱۳۹۰ و ۱۳۹۵ افزایش یافت",
     [("در فاصله سال‌های ۱۳۹۰ و ۱۳۹۵", "2011-03-21/2017-03-20")]),
    ("fa", "او از سال ۱۳۸۴ تا ۱۳۹۲ عضو بود", [("از سال ۱۳۸۴ تا ۱۳۹۲", "2005-03-21/2014-03-20")]),
    ("fa", "این بازیکن از ۲۰۱۵ تا ۲۰۱۸ بازی می‌کرد", [("از ۲۰۱۵ تا ۲۰۱۸", "2015/2018")]),
    ("fa", "بین ۲۰۱۰ و ۲۰۱۵ دو برابر شد", [("بین ۲۰۱۰ و ۲۰۱۵", "2010/2015")]),
    ("ar", "بين عامي 2014 و2017 سيطر", [("بين عامي 2014 و2017", "2014/2017")]),
    ("ar", "في الفترة من 2005 إلى 2013.", [("من 2005 إلى 2013", "2005/2013")]),
    ("ar", "تضاعف بين 2011 و2015.", [("بين 2011 و2015", "2011/2015")]),
    ("ar", "في الفترة ما بين 2008 و2010 في حكومتين", [("ما بين 2008 و2010", "2008/2010")]),
    ("ar", "من عام 1990 حتى عام 2003", [("من عام 1990 حتى عام 2003", "1990/2003")]),
    # bare four-digit years after a preposition or an event noun
    ("fa", "این دانشگاه که در ۱۳۸۵ تأسیس شد", [("۱۳۸۵", "2006-03-21/2007-03-20")]),
    ("fa", "او در 2019 به ریاست آژانس منصوب شد", [("2019", "2019")]),
    ("ar", "وانتقلت إلى دبي في 2019 بعد أن", [("2019", "2019")]),
    ("ar", "وشارك في حرب 1973 على الجبهة", [("1973", "1973")]),
]


@pytest.mark.parametrize("anchor", BOUNDARY + NOWRUZ)
@pytest.mark.parametrize(("lang", "text", "expected"), ABSOLUTE)
def test_years(lang: str, text: str, expected: list[tuple[str, str]], anchor: str) -> None:
    assert found(text, lang, anchor) == expected


@pytest.mark.parametrize(("anchor", "text", "expected"), [
    # a two-digit Solar Hijri year takes the latest century not after next (Jalali) year
    ("2024-01-03", "در سال 96", [("سال 96", "2017-03-21/2018-03-20")]),
    ("2024-01-08", "در سال‌های ۹۳ و ۹۴", [("سال‌های ۹۳ و ۹۴", "2014-03-21/2016-03-19")]),
    ("2024-10-28", "در سال‌های ۸۸ تا ۹۲", [("سال‌های ۸۸ تا ۹۲", "2009-03-21/2014-03-20")]),
    ("2024-10-28", "در سال‌های ۹۲ تا ۸۸", [("سال‌های ۹۲ تا ۸۸", "2009-03-21/2014-03-20")]),
    ("2023-12-31", "سال‌های ۰۲ و ۰۳", [("سال‌های ۰۲ و ۰۳", "2023-03-21/2025-03-20")]),
    ("2024-01-01", "در سال 03", [("سال 03", "2024-03-20/2025-03-20")]),
    # Nowruz: on 1403-01-01 next year is 1404, the day before it is 1403
    ("2024-03-19", "در سال 04", [("سال 04", "1925-03-21/1926-03-21")]),
    ("2024-03-20", "در سال 04", [("سال 04", "2025-03-21/2026-03-20")]),
    ("2025-03-21", "در سال 05", [("سال 05", "2026-03-21/2027-03-20")]),
])
def test_two_digit_solar_hijri_years(anchor: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "fa", anchor) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("fa", "در 2000 کیلومتری مرز"),          # a unit after the number
    ("fa", "در 1990 نفر"),                    # a counted noun
    ("ar", "في 2000 جنديا"),
    ("ar", "بين 2000 و2010 في المئة"),        # a percent
    ("ar", "بين 2000 و2050 دولار"),           # money
    ("ar", "في 2019.5 مليون"),                # a decimal
    ("ar", "في 2020-21"),                     # a season, not 2020
    ("fa", "از 2015 تاکنون"),                 # از with one year only: not read
    ("fa", "در 1500 کیلومتری"),               # outside the window of a bare year
    ("ar", "ارتفع 2500 سهم"),                 # no preposition
])
def test_bare_numbers_that_are_not_years(lang: str, text: str) -> None:
    assert found(text, lang, "2024-03-20") == []


# Every range form, in both written orders: (lang, template with {a} and {b})
RANGE_FORMS = [
    ("fa", "سال‌های {a}-{b} ش"), ("fa", "{a}-{b}"), ("fa", "از سال {a} تا {b}"),
    ("fa", "از سال {a} تا سال {b}"), ("fa", "در فاصله سال‌های {a} و {b}"), ("fa", "بین سال‌های {a} تا {b}"),
    ("fa", "از {a} تا {b}"), ("fa", "بین {a} و {b}"), ("fa", "سال {a} و {b}"),
    ("ar", "{a}-{b}"), ("ar", "عامي {a} و{b}"), ("ar", "من {a} إلى {b}"), ("ar", "من عام {a} حتى عام {b}"),
    ("ar", "بين {a} و{b}"), ("ar", "ما بين {a} و{b}"), ("ar", "بين عامي {a} و{b}"),
    ("ar", "خلال الفترة {a}-{b}"),
]
PAIRS = {"fa": [(1340, 1347), (1347, 1340), (1393, 1394), (2015, 2018), (2018, 2015)],
         "ar": [(2011, 2019), (2019, 2011), (2012, 2013), (2013, 2012)]}


def _never_inverted(lang: str, text: str, anchor: str) -> list[tuple[date, date]]:
    spans = []
    for t in find_times(text, lang=lang, anchor=anchor):
        assert t.value is not None, text
        lo, hi = period(t.value)
        assert lo <= hi, (text, t.value)
        spans.append((lo, hi))
    return spans


@pytest.mark.parametrize("anchor", (BOUNDARY[1], NOWRUZ[1]))
@pytest.mark.parametrize(("lang", "template"), RANGE_FORMS)
def test_range_forms_never_inverted(lang: str, template: str, anchor: str) -> None:
    for a, b in PAIRS[lang]:
        text = template.format(a=a, b=b)
        spans = _never_inverted(lang, text, anchor)
        assert spans, text
        if not template.startswith(("سال {a}", "عامي")) or abs(a - b) == 1:  # lists may stay lists
            assert len(spans) == 1, text


@settings(max_examples=60, deadline=None)
@given(lang=st.sampled_from(["fa", "ar"]), form=st.integers(0, len(RANGE_FORMS) - 1),
       a=st.integers(1900, 2090), gap=st.integers(-60, 60),
       anchor=st.dates(date(2020, 1, 1), date(2026, 12, 31)))
def test_never_inverted_property(lang: str, form: int, a: int, gap: int, anchor: date) -> None:
    """Any Gregorian pair in any range form and order: no resolved period ends before it starts."""
    template = RANGE_FORMS[form][1].replace(" ش", "")
    _never_inverted(lang, template.format(a=a, b=min(a + gap, 2099)), anchor.isoformat())
