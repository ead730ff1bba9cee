"""Religious and national days as dates (rasad.time.observances, issue 9)."""

from __future__ import annotations

from datetime import date, timedelta

import jdatetime
import pytest
from hijridate import Hijri

from rasad.time import find_times
from rasad.time.lexicon import table
from rasad.time.observances import CONTEXT, observances


def _h(y: int, m: int, d: int) -> str:
    g = Hijri(y, m, d).to_gregorian()
    return date(g.year, g.month, g.day).isoformat()


def _j(y: int, m: int, d: int) -> str:
    return jdatetime.date(y, m, d).togregorian().isoformat()


def _values(text: str, lang: str, anchor: str | None) -> list[str | None]:
    return [t.value for t in find_times(text, lang=lang, anchor=anchor)]


# Each observance's first name in each language, at an anchor a few days before the 1446 AH /
# 1403 SH occurrence; expected from hijridate / jdatetime directly.
EXPECTED = {
    "hijri_new_year": ("2024-07-01", _h(1446, 1, 1)),
    "tasua": ("2024-07-10", _h(1446, 1, 9)),
    "ashura": ("2024-07-10", _h(1446, 1, 10)),
    "arbaeen": ("2024-08-20", _h(1446, 2, 20)),
    "prophet_death": ("2024-08-25", _h(1446, 2, 28)),
    "mawlid": ("2024-09-10", _h(1446, 3, 12)),
    "milad_nabi": ("2024-09-10", _h(1446, 3, 17)),
    "unity_week": ("2024-09-10", f"{_h(1446, 3, 12)}/{_h(1446, 3, 17)}"),
    "isra_miraj": ("2025-01-20", _h(1446, 7, 27)),
    "mid_shaban": ("2025-02-10", _h(1446, 8, 15)),
    "ramadan": ("2025-02-10", f"{_h(1446, 9, 1)}/{_h(1446, 9, 29)}"),
    "qadr_fa": ("2025-03-10", f"{_h(1446, 9, 18)}/{_h(1446, 9, 22)}"),
    "qadr_ar": ("2025-03-10", _h(1446, 9, 26)),
    "quds": ("2025-03-10", "2025-03-28"),  # the last Friday of Ramadan 1446 (1 to 29 Ramadan)
    "fitr": ("2025-03-20", _h(1446, 10, 1)),
    "arafa": ("2025-06-01", _h(1446, 12, 9)),
    "adha": ("2025-06-01", _h(1446, 12, 10)),
    "ghadir": ("2025-06-10", _h(1446, 12, 18)),
    "nowruz": ("2025-03-10", _j(1404, 1, 1)),
    "republic_day": ("2025-03-25", _j(1404, 1, 12)),
    "sizdah_bedar": ("2025-03-25", _j(1404, 1, 13)),
    "khomeini_death": ("2024-06-01", _j(1403, 3, 14)),
    "aban13": ("2024-11-01", _j(1403, 8, 13)),
    "yalda": ("2024-12-15", _j(1403, 9, 30)),
    "fajr_decade": ("2025-01-25", f"{_j(1403, 11, 12)}/{_j(1403, 11, 22)}"),
    "revolution_day": ("2025-02-05", _j(1403, 11, 22)),
    "chaharshanbe_suri": ("2025-03-10", "2025-03-18"),  # the eve of Wednesday 28 Esfand 1403
    "new_year": ("2024-12-28", "2025-01-01"),
    "new_years_eve": ("2024-12-28", "2024-12-31"),
    "womens_day": ("2025-03-01", "2025-03-08"),
    "labour_day": ("2025-04-25", "2025-05-01"),
    "christmas": ("2024-12-20", "2024-12-25"),
}


def _first_names() -> list[tuple[str, str, str]]:
    out = []
    for r in table("observances.tsv"):
        for lang in ("fa", "ar"):
            names = [n for n in r[lang].split("|") if n and not n.startswith(CONTEXT)]
            if names:
                out.append((r["id"], lang, names[0]))
    return out


def test_every_observance_is_expected_and_named_in_a_language() -> None:
    assert set(EXPECTED) == set(observances())
    for r in table("observances.tsv"):
        assert r["fa"] or r["ar"], r["id"]
        assert r["source"], r["id"]


@pytest.mark.parametrize(("oid", "lang", "name"), _first_names())
def test_each_observance_in_each_language(oid: str, lang: str, name: str) -> None:
    anchor, value = EXPECTED[oid]
    times = find_times(name, lang=lang, anchor=anchor)
    assert [t.value for t in times] == [value], name
    assert times[0].extra.get("observance", oid) == oid


@pytest.mark.parametrize(("text", "lang", "anchor", "value"), [
    # Hijri (Umm al-Qura) and Jalali
    ("عيد الفطر", "ar", "2024-04-01", "2024-04-10"),
    ("عید فطر", "fa", "2024-04-07", "2024-04-10"),
    ("عيد الأضحى", "ar", "2024-06-05", "2024-06-16"),
    ("عید قربان", "fa", "2024-06-10", "2024-06-16"),
    ("روز قدس", "fa", "2024-04-03", "2024-04-05"),
    ("يوم القدس العالمي", "ar", "2024-04-01", "2024-04-05"),
    ("شب یلدا", "fa", "2023-12-18", "2023-12-21"),
    ("نوروز", "fa", "2024-03-18", "2024-03-20"),
    # nearest occurrence: the one under way, else the nearer (ties to the past)
    ("خلال رمضان", "ar", "2024-03-20", "2024-03-11/2024-04-09"),
    ("ماه رمضان", "fa", "2024-03-20", "2024-03-11/2024-04-09"),
    ("عاشوراء", "ar", "2024-07-20", "2024-07-16"),
    # year boundaries: Gregorian and Jalali
    ("رأس السنة الميلادية", "ar", "2024-12-28", "2025-01-01"),
    ("عيد الميلاد المقبل", "ar", "2024-12-28", "2025-12-25"),
    ("کریسمس گذشته", "fa", "2025-01-03", "2024-12-25"),
    ("شب یلدا", "fa", "2025-01-05", "2024-12-20"),
    ("نوروز", "fa", "2024-03-19", "2024-03-20"),  # 29 Esfand 1402
    ("نوروز گذشته", "fa", "2024-03-19", "2023-03-21"),
    ("نوروز امسال", "fa", "2024-03-19", "2024-03-20"),
    # leap years: 1403 SH has 30 Esfand, 2024 a 29 February
    ("نوروز", "fa", "2025-03-19", "2025-03-21"),
    ("تعطیلات نوروز", "fa", "2025-03-19", "2025-03-21/2025-03-24"),
    ("رمضان المقبل", "ar", "2024-02-29", "2024-03-11/2024-04-09"),
    ("چهارشنبه سوری", "fa", "2025-03-01", "2025-03-18"),
    # direction words
    ("رمضان المقبل", "ar", "2024-07-20", "2025-03-01/2025-03-29"),
    ("رمضان الماضي", "ar", "2024-03-20", "2023-03-23/2023-04-20"),  # during Ramadan: last year's
    ("عيد الأضحى الماضي", "ar", "2024-06-16", "2023-06-28"),  # on the day: the one before
    ("عید فطر سال آینده", "fa", "2024-04-10", "2025-03-30"),
    ("عيد الفطر من العام الماضي", "ar", "2024-05-01", "2023-04-21"),
    ("عيد الفطر هذا العام", "ar", "2024-04-07", "2024-04-10"),
    # written years
    ("عيد الفطر عام 2023", "ar", "2025-01-01", "2023-04-21"),
    ("عيد الأضحى لعام 2022", "ar", "2025-01-01", "2022-07-09"),
    ("نوروز ۱۴۰۳", "fa", "2020-01-01", "2024-03-20"),
    ("نوروز سال ۱۴۰۰", "fa", "2024-01-01", "2021-03-21"),
    ("عاشوراء 1445 هـ", "ar", "2020-01-01", "2023-07-28"),
    ("عید غدیر ۱۴۴۵ قمری", "fa", "2020-01-01", "2024-06-24"),
    # a day of it, its holiday
    ("أول أيام عيد الأضحى", "ar", "2023-07-02", "2023-06-28"),
    ("ثالث أيام عيد الفطر", "ar", "2024-04-15", "2024-04-12"),
    ("أيام عيد الفطر", "ar", "2024-04-01", "2024-04-10/2024-04-12"),
    ("عطلة عيد الأضحى", "ar", "2024-06-01", "2024-06-16/2024-06-19"),
    ("اولین روز ماه مبارک رمضان", "fa", "2024-03-11", "2024-03-11"),
    ("آخرین روز ماه رمضان", "fa", "2024-03-11", "2024-04-09"),
])
def test_observance_values(text: str, lang: str, anchor: str, value: str) -> None:
    assert value in _values(text, lang, anchor)


def test_a_written_year_needs_no_publication_date() -> None:
    assert _values("عيد الفطر عام 2023", "ar", None) == ["2023-04-21"]
    (t,) = find_times("عيد الفطر", lang="ar", anchor=None)
    assert t.value is None and t.extra["reason"]


def test_outside_the_umm_al_qura_table_is_null_with_a_reason() -> None:
    (t,) = find_times("عيد الفطر عام 1900", lang="ar", anchor="2024-01-01")
    assert t.value is None and "Umm al-Qura" in t.extra["reason"]


@pytest.mark.parametrize(("text", "lang"), [
    ("التقى رمضان قديروف بالرئيس", "ar"),
    ("رمضان شریف سخنگوی سپاه گفت", "fa"),
    ("در مراسم اربعین شهید", "fa"),  # a fortieth-day memorial, not Arbaeen
    ("در اربعین انقلاب اسلامی هستیم", "fa"),  # the revolution's fortieth anniversary
])
def test_context_names_need_a_cue(text: str, lang: str) -> None:
    assert find_times(text, lang=lang, anchor="2024-01-01") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("قبل رمضان", "ar"), ("خلال رمضان", "ar"), ("پیش از رمضان", "fa"), ("رمضان المقبل", "ar"),
])
def test_context_names_count_with_a_cue(text: str, lang: str) -> None:
    assert any(v for v in _values(text, lang, "2024-01-01"))


def test_part_of_day_and_clock_join_a_festival_day() -> None:
    (t,) = find_times("ساعت ۱۰ صبح روز عید فطر", lang="fa", anchor="2024-04-15")
    assert t.value == "2024-04-10T10:00"
    (t,) = find_times("صباح عيد الفطر", lang="ar", anchor="2024-04-15")
    assert t.value == "2024-04-10" and t.extra["part_of_day"] == "morning"


def _ends(value: str) -> tuple[date, date]:
    a, _, b = value.partition("/")
    return date.fromisoformat(a[:10]), date.fromisoformat((b or a)[:10])


def test_a_resolved_period_never_ends_before_it_starts() -> None:
    texts = []
    for _, lang, name in _first_names():
        texts += [(name, lang)]
    prefixes = {"ar": ("أيام ", "أول أيام ", "آخر أيام "), "fa": ("تعطیلات ", "اولین روز ", "آخرین روز ")}
    suffixes = {"ar": ("", " المقبل", " الماضي", " هذا العام"), "fa": ("", " آینده", " گذشته", " امسال")}
    anchor = date(2023, 1, 1)
    checked = 0
    while anchor < date(2026, 1, 1):
        for name, lang in texts:
            for pre in ("",) + prefixes[lang]:
                for suf in suffixes[lang]:
                    for t in find_times(pre + name + suf, lang=lang, anchor=anchor.isoformat()):
                        if t.value is not None:
                            lo, hi = _ends(t.value)
                            assert lo <= hi, (pre + name + suf, anchor, t.value)
                            checked += 1
        anchor += timedelta(days=47)
    assert checked > 5000
