"""Every date in the five seed articles, with its value (the articles are read from ../shared).

The seeds carry no publication date: 001's comes from its dateline (الثلاثاء 9 أغسطس/آب 2016),
003's from its first full date (۱۰ ژانویه ۲۰۲۲, a Monday: "شامگاه یکشنبه" is the day before).
000 and 002 have no full date, so their relative times stay unresolved.
"""

from __future__ import annotations

import pytest

from rasad.document import Document
from rasad.time import annotate


def _run(seed_texts: dict[str, str], prefix: str, lang: str,
         published: str | None = None) -> tuple[Document, list[tuple[str, str | None]]]:
    text = next(t for stem, t in seed_texts.items() if stem.startswith(prefix))
    doc = annotate(Document(text, lang=lang, published=published))
    for t in doc.times:
        assert doc.text[t.start:t.end].strip() == doc.text[t.start:t.end]
    return doc, [(doc.text[t.start:t.end], t.value) for t in doc.times]


@pytest.mark.shared
def test_001_arabic_dateline_and_levantine_pairs(seed_texts: dict[str, str]) -> None:
    doc, found = _run(seed_texts, "001", "ar")
    assert doc.published == "2016-08-09" and doc.meta["published_source"] == "inferred:dateline"
    assert found == [
        ("الثلاثاء 9 أغسطس/آب 2016", "2016-08-09"),
        ("اليوم", "2016-08-09"),                 # اليوم سنبدأ مرة أخرى
        ("الثلاثاء", "2016-08-09"),              # كما ذكرت الصحافة التركية الثلاثاء
        ("الثلاثاء", "2016-08-09"),
        ("اشهرا", "PXM"),                        # فتور ديبلوماسي استمر اشهرا
        ("22 حزيران/يونيو", "2016-06-22"),
        ("ليل 24 حزيران/يونيو", "2016-06-24"),
        ("27 حزيران/يونيو", "2016-06-27"),
    ]
    assert doc.times[0].extra["weekday_agrees"] is True
    assert doc.times[6].extra["part_of_day"] == "night"


@pytest.mark.shared
def test_003_persian_dual_calendar_and_sunday_evening(seed_texts: dict[str, str]) -> None:
    undated, _ = _run(seed_texts, "003", "fa")
    # No dateline: the first full date («۱۰ ژانویه ۲۰۲۲», the talks) is no publication date.
    assert undated.published is None and "published_source" not in undated.meta
    doc, found = _run(seed_texts, "003", "fa", published="2022-01-10")
    assert found == [
        ("شامگاه یکشنبه", "2022-01-09"),
        ("یک روز پیش", None),                    # یک روز پیش از آغاز مذاکرات: before an event
        ("۱۰ ژانویه", "2022-01-10"),
        ("۱۰ ژانویه ۲۰۲۲ (۲۰ دی )", "2022-01-10"),
        ("۱۲ ژانویه (۲۲ دی )", "2022-01-12"),
        ("۱۳ ژانویه (۲۳ دی)", "2022-01-13"),
        ("ماه گذشته", "2021-11-22/2021-12-21"),  # Azar 1400, the Jalali month before Dey
        ("۳۰ دسامبر ۲۰۲۱ (۹ دی)", "2021-12-30"),
        ("۵۰ دقیقه", "PT50M"),
        ("ماه دسامبر ۲۰۲۱", "2021-12"),
        ("سال ۲۰۱۴ میلادی", "2014"),
    ]
    duals = [t for t in doc.times if "agrees" in t.extra]
    assert len(duals) == 4 and all(t.extra["agrees"] for t in duals)
    assert doc.times[0].extra == {"part_of_day": "evening"}  # the anchor was given, not inferred


@pytest.mark.shared
def test_000_persian_relative_without_anchor(seed_texts: dict[str, str]) -> None:
    doc, found = _run(seed_texts, "000", "fa")
    assert doc.published is None
    assert found == [("هفته گذشته", None), ("این هفته", None)]      # 1500 کیلومتری is no year
    assert all(t.extra["reason"] for t in doc.times)


@pytest.mark.shared
def test_002_arabic_years_months_and_vague_times(seed_texts: dict[str, str]) -> None:
    doc, found = _run(seed_texts, "002", "ar")
    assert doc.published is None
    assert found == [
        ("العقود القليلة الماضية", None), ("السنوات الأخيرة", None), ("عام 2014", "2014"),
        ("نهاية العام الجاري", None), ("العاشر من يونيو/حزيران", None), ("قبل أشهر", None),
        ("منذ مطلع العام", None), ("الأيام الماضية", None), ("قبل أسبوع", None),
        ("منذ يوم السبت", None), ("عامي 2017", "2017"), ("2019", "2019"),
        ("أكتوبر/ تشرين الأول", None), ("يناير/ كانون الثاني", None), ("يوم السبت الماضي", None),
        ("الأسبوع الماضي", None), ("عام واحد", "P1Y"), ("الأسبوع الماضي", None),
    ]
    assert doc.times[4].extra["parts"] == {"m": 6, "d": 10}


@pytest.mark.shared
def test_002_with_a_publication_date(seed_texts: dict[str, str]) -> None:
    text = next(t for stem, t in seed_texts.items() if stem.startswith("002"))
    doc = annotate(Document(text, lang="ar", published="2023-06-30"))
    values = {doc.text[t.start:t.end]: t.value for t in doc.times}
    assert values["العاشر من يونيو/حزيران"] == "2023-06-10"
    assert values["يوم السبت الماضي"] == "2023-06-24"
    assert values["منذ يوم السبت"] == "2023-06-24/2023-06-30"
    assert values["الأسبوع الماضي"] == "2023-W25"
    assert values["نهاية العام الجاري"] == "2023"


@pytest.mark.shared
def test_004_persian_gregorian_months_years_and_ranges(seed_texts: dict[str, str]) -> None:
    doc, found = _run(seed_texts, "004", "fa")
    absolute = [(s, v) for s, v in found if v and not doc.times[found.index((s, v))].relative]
    assert absolute == [
        ("فوریه ۲۰۲۲", "2022-02"), ("سه سال و نیم", "P3Y6M"), ("نوامبر ۲۰۲۰", "2020-11"),
        ("آوریل ۲۰۲۴", "2024-04"), ("اکتبر ۲۰۲۲", "2022-10"), ("سپتامبر ۲۰۲۳", "2023-09"),
        ("پایان ۲۰۲۰-۲۰۲۳", "2020/2023"), ("چندین دهه", "PXDE"), ("سال ۲۰۲۳", "2023"),
        ("سال ۲۰۲۲", "2022"), ("ژانویه ۲۰۲۴", "2024-01"), ("سالهای ۲۰۲۴-۲۰۲۶", "2024/2026"),
        ("آوریل ۲۰۲۴", "2024-04"), ("سال ۲۰۲۷", "2027"), ("آوریل ۲۰۲۴", "2024-04"),
        ("۱۲ اوت ۲۰۱۸", "2018-08-12"), ("ژانویه ۱۹۹۰", "1990-01"), ("دهه ۱۹۹۰", "1990/1999"),
        ("۲۲ فوریه ۲۰۲۲", "2022-02-22"), ("نوامبر ۲۰۲۰", "2020-11"), ("سالهای ۲۰۲۰ تا ۲۰۲۳", "2020/2023"),
    ]
    # An analysis piece of 2024 whose first full date is a 2018 event: no anchor is inferred
    # (an earlier rasad took 2018-08-12 and dated the article's «امروز» six years early).
    assert doc.published is None and "published_source" not in doc.meta
    assert all(t.value is None for t in doc.times if t.relative)
