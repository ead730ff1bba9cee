"""Finding quantities in running text: values, kinds, units, spans, and what is not a quantity."""

from __future__ import annotations

import pytest

from rasad.quantity import find_quantities

Found = tuple[str, float | None, str, str | None]


def found(text: str, lang: str | None) -> list[Found]:
    """(span text, value, kind, unit) of every quantity, in order."""
    out = []
    for q in find_quantities(text, lang=lang):
        assert text[q.start:q.end], "empty span"
        out.append((text[q.start:q.end], q.value, q.kind, q.unit))
    return out


def one(text: str, lang: str | None):  # noqa: ANN201 - a Quantity
    got = find_quantities(text, lang=lang)
    assert len(got) == 1, [text[q.start:q.end] for q in got]
    return got[0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # money, Persian
        ("حجم مبادلات به ۴٫۳۵۸ میلیارد دلار رسید", "fa", ("۴٫۳۵۸ میلیارد دلار", 4.358e9, "money", "USD")),
        ("بودجه ۵۰۰ میلیون یورو است", "fa", ("۵۰۰ میلیون یورو", 5e8, "money", "EUR")),
        ("قرارداد ۲ میلیارد دلاری امضا شد", "fa", ("۲ میلیارد دلاری", 2e9, "money", "USD")),
        ("بدهی 37 هزار میلیارد ریالی", "fa", ("37 هزار میلیارد ریالی", 3.7e13, "money", "IRR")),
        ("ارزش روبل روسیه 501 ریال", "fa", ("501 ریال", 501, "money", "IRR")),
        ("روسیه ۱۰ میلیارد روبل پرداخت", "fa", ("۱۰ میلیارد روبل", 1e10, "money", "RUB")),
        ("صادرات یک میلیارد دلار واردات", "fa", ("یک میلیارد دلار", 1e9, "money", "USD")),
        ("هر دلار آمریکا 31 هزار و 459 ریال", "fa", ("31 هزار و 459 ریال", 31459, "money", "IRR")),
        ("کالا 250 لیر ترکیه قیمت دارد", "fa", ("250 لیر ترکیه", 250, "money", "TRY")),
        ("یکصد دینار عراق برابر است", "fa", ("یکصد دینار عراق", 100, "money", "IQD")),
        ("۵ هزارتومان", "fa", ("۵ هزارتومان", 50_000, "money", "IRR")),
        # money, Arabic
        ("حصلت على 86.262 مليار روبل خلال عام", "ar", ("86.262 مليار روبل", 8.6262e10, "money", "RUB")),
        ("أنفق الاتحاد 70 مليار يورو", "ar", ("70 مليار يورو", 7e10, "money", "EUR")),
        ("وصل إلى 35 مليار دولار سنويا", "ar", ("35 مليار دولار", 3.5e10, "money", "USD")),
        ("تكلفة ثلاثة آلاف ليرة تركية", "ar", ("ثلاثة آلاف ليرة تركية", 3000, "money", "TRY")),
        ("راتب 500 دينار عراقي", "ar", ("500 دينار عراقي", 500, "money", "IQD")),
        ("بسعر 20 جنيها مصريا", "ar", ("20 جنيها", 20, "money", "EGP")),
        ("خسائر بقيمة ملياري دولار", "ar", ("ملياري دولار", 2e9, "money", "USD")),
        ("نحو خمسة ملايين دولار أمريكي", "ar", ("خمسة ملايين دولار أمريكي", 5e6, "money", "USD")),
        ("دفع 31 الف جنيه استرليني", "ar", ("31 الف جنيه استرليني", 31_000, "money", "GBP")),
        ("تبرع بمئة ألف دولار", "ar", ("مئة ألف دولار", 100_000, "money", "USD")),
        ("قيمتها ألف دولار", "ar", ("ألف دولار", 1000, "money", "USD")),
        ("جمع 35 مليارا من الدولارات", "ar", ("35 مليارا من الدولارات", 3.5e10, "money", "USD")),
        ("بلغت ملايين الدولارات", "ar", ("ملايين الدولارات", None, "money", "USD")),
        ("بقيمة 120 مليون شيكل", "ar", ("120 مليون شيكل", 1.2e8, "money", "ILS")),
        ("چهار دلار و 22 سنت", "fa", ("چهار دلار و 22 سنت", 4.22, "money", "USD")),
        ("یک میلیون و پانصد تومان", "fa", ("یک میلیون و پانصد تومان", 1.5e7, "money", "IRR")),
        ("بلغت 3,5 مليار دولار", "ar", ("3,5 مليار دولار", 3.5e9, "money", "USD")),
        ("تبرع بمبلغ 1,500,000 دولار", "ar", ("1,500,000 دولار", 1.5e6, "money", "USD")),
        ("costs $5 only", "ar", ("$5", 5, "money", "USD")),
        ("قیمت آن €20 است", "fa", ("€20", 20, "money", "EUR")),
        ("قیمت آن 20 € است", "fa", ("20 €", 20, "money", "EUR")),
        # percent
        ("افزایش ۱۷٫۵ درصدی تجارت", "fa", ("۱۷٫۵ درصدی", 17.5, "percent", "%")),
        ("۸۰ درصد جمعیت", "fa", ("۸۰ درصد", 80, "percent", "%")),
        ("تورم ۴۰٪ بود", "fa", ("۴۰٪", 40, "percent", "%")),
        ("تورم ٪۴۰ بود", "fa", ("٪۴۰", 40, "percent", "%")),
        ("رشد ۲/۵ درصد", "fa", ("۲/۵ درصد", 2.5, "percent", "%")),
        ("شش درصد کاهش", "fa", ("شش درصد", 6, "percent", "%")),
        ("98 و سه دهم درصدی مشارکت", "fa", ("98 و سه دهم درصدی", 98.3, "percent", "%")),
        ("صد در صد موافق", "fa", ("صد در صد", 100, "percent", "%")),
        ("ارتفع بنسبة 15% خلال", "ar", ("15%", 15, "percent", "%")),
        ("تراجع 20 في المائة", "ar", ("20 في المائة", 20, "percent", "%")),
        ("نمو 3.5 بالمئة", "ar", ("3.5 بالمئة", 3.5, "percent", "%")),
        ("منفی 2.8 درصد رشد", "fa", ("منفی 2.8 درصد", -2.8, "percent", "%")),
        # counts
        ("۲۱۳ نفر بازگردانده شدند", "fa", ("۲۱۳ نفر", 213, "count", "person")),
        ("۱۹۴۰ ساختمان بررسی شد", "fa", ("۱۹۴۰ ساختمان", 1940, "count", "building")),
        ("سه هزار و پانصد سرباز", "fa", ("سه هزار و پانصد سرباز", 3500, "count", "soldier")),
        ("ده تن از معترضان", "fa", ("ده تن", 10, "count", "person")),
        ("واگذاری چهار روستای مرزی", "fa", ("چهار روستای", 4, "count", "village")),
        ("یک تیم 30 نفره", "fa", ("30 نفره", 30, "count", "person")),
        ("تدريب 24 ألف جندي أوكراني", "ar", ("24 ألف جندي", 24_000, "count", "soldier")),
        ("سقط 15 قتيلا", "ar", ("15 قتيلا", 15, "count", "killed")),
        ("خمسة وعشرين ألف شخص", "ar", ("خمسة وعشرين ألف شخص", 25_000, "count", "person")),
        ("فاز حزب العمال ب 8 مقاعد", "ar", ("8 مقاعد", 8, "count", "seat")),
        ("1.500 جندي", "ar", ("1.500 جندي", 1500, "count", "soldier")),
        # distance and mass
        ("در 1500 کیلومتری این مرز", "fa", ("1500 کیلومتری", 1500, "distance", "km")),
        ("۱۰۰۷ کیلومتر مرز", "fa", ("۱۰۰۷ کیلومتر", 1007, "distance", "km")),
        ("على بعد 255 كلم شمال", "ar", ("255 كلم", 255, "distance", "km")),
        ("طوله 50 مترا", "ar", ("50 مترا", 50, "distance", "m")),
        ("۲۲۲ تن کمک", "fa", ("۲۲۲ تن", 222, "mass", "t")),
        ("از ۷ میلیون تن بار", "fa", ("۷ میلیون تن", 7e6, "mass", "t")),
        ("وزن 57 کیلوگرم", "fa", ("57 کیلوگرم", 57, "mass", "kg")),
        ("نقل 300 طن من القمح", "ar", ("300 طن", 300, "mass", "t")),
        # durations and other units
        ("۵۰ دقیقه گفتگو کردند", "fa", ("۵۰ دقیقه", 50, "other", "minute")),
        ("سه سال و نیم از جنگ", "fa", ("سه سال و نیم", 3.5, "other", "year")),
        ("خلال عام واحد على", "ar", ("عام واحد", 1, "other", "year")),
        ("استمر 40 عاما", "ar", ("40 عاما", 40, "other", "year")),
        ("تولید 200 هزار بشکه نفت", "fa", ("200 هزار بشکه", 2e5, "other", "bbl")),
        ("دمای 40 درجه سانتیگراد", "fa", ("40 درجه سانتیگراد", 40, "other", "°C")),
        ("تبلغ مساحتها 514 كم2 وتعد", "ar", ("514 كم2", 514, "other", "km2")),
        ("163 تن نظامی کشته شدند", "fa", ("163 تن نظامی", 163, "count", "soldier")),
        ("80 فروند هواپیما", "fa", ("80 فروند هواپیما", 80, "count", "aircraft")),
        ("نقل 12 طنا من القطن", "ar", ("12 طنا", 12, "mass", "t")),
        # plain numbers
        ("عملکرد ۳۱ تأسیسات", "fa", ("۳۱", 31, "other", None)),
        ("۲۶۷۹۴ شیء انفجاری", "fa", ("۲۶۷۹۴ شیء", 26794, "count", "object")),
    ],
)
def test_one_quantity(text: str, lang: str, expected: Found) -> None:
    assert found(text, lang) == [expected]


@pytest.mark.parametrize("lang", ["fa", "ar", None])
def test_digits_of_three_scripts_read_alike(lang: str | None) -> None:
    values = {found(f"{n} درصد", lang)[0][1] for n in ("۴٫۳۵۸", "٤٫٣٥٨", "4.358")}
    assert values == {4.358}


def test_toman_is_ten_rials_and_says_so() -> None:
    q = one("۵۰۰ میلیون تومان", "fa")
    assert (q.value, q.unit) == (5e9, "IRR")
    assert q.extra["value_written"] == 5e8
    assert q.extra["unit_written"] == "تومان"


@pytest.mark.parametrize(
    ("text", "lang", "candidates"),
    [
        ("كلف 500 ليرة فقط", "ar", ["TRY", "SYP", "LBP"]),
        ("كلف 500 دينار فقط", "ar", ["IQD", "KWD", "JOD", "BHD", "LYD", "TND", "DZD"]),
        ("مبلغ بیست هزار لیره", "fa", ["TRY", "SYP", "LBP", "GBP"]),
    ],
)
def test_ambiguous_currency_has_no_unit_but_names_candidates(text: str, lang: str, candidates: list[str]) -> None:
    q = one(text, lang)
    assert (q.kind, q.unit) == ("money", None)
    assert q.extra["currency_candidates"] == candidates


def test_one_dot_three_digits_guess_is_recorded() -> None:
    assert one("1.500 جندي", "ar").extra["separator"] == "thousands (guessed)"
    q = one("1.500 درصد", "fa")
    assert (q.value, q.extra["separator"]) == (1.5, "decimal (guessed)")


def test_range_is_one_quantity_with_both_ends() -> None:
    text = "تراجع إلى ما بين 27 و28 مليار دولار"
    q = one(text, "ar")
    assert text[q.start:q.end] == "ما بين 27 و28 مليار دولار"
    assert (q.value, q.extra["value_max"], q.kind, q.unit) == (2.7e10, 2.8e10, "money", "USD")


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("رشد 5 تا 10 درصد", "5 تا 10 درصد", 5, 10, "%"),
        ("بین 1.2 درصد تا 7.9 درصد", "بین 1.2 درصد تا 7.9 درصد", 1.2, 7.9, "%"),
        ("شانه ای 95000 الی 110000 ریال", "95000 الی 110000 ریال", 95_000, 110_000, "IRR"),
        ("ماهانه 600-500 میلیارد تومان", "600-500 میلیارد تومان", 5e12, 6e12, "IRR"),
        ("بین 0.1 درصد تا -0.1 درصد", "بین 0.1 درصد تا -0.1 درصد", -0.1, 0.1, "%"),
        ("از 5 میلیون ریال تا 40 میلیون ریال", "از 5 میلیون ریال تا 40 میلیون ریال", 5e6, 4e7, "IRR"),
    ],
)
def test_ranges(text: str, span: str, low: float, high: float, unit: str) -> None:
    q = one(text, "fa")
    assert text[q.start:q.end] == span
    assert (q.value, q.extra["value_max"], q.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("جوایز 200 و 300 هزار دلار", "fa",
         [("200", 2e5, "money", "USD"), ("300 هزار دلار", 3e5, "money", "USD")]),
        ("وصل إلى 27 و28 مليار دولار", "ar",
         [("27", 2.7e10, "money", "USD"), ("28 مليار دولار", 2.8e10, "money", "USD")]),
        ("سود 59، 107 و 142 میلیارد ریال", "fa",
         [("59", 5.9e10, "money", "IRR"), ("107", 1.07e11, "money", "IRR"),
          ("142 میلیارد ریال", 1.42e11, "money", "IRR")]),
        ("یک یا دو نفر", "fa", [("یک", 1, "count", "person"), ("دو نفر", 2, "count", "person")]),
        ("1.500 جندي و 3 مليارات دولار", "ar",
         [("1.500 جندي", 1500, "count", "soldier"), ("3 مليارات دولار", 3e9, "money", "USD")]),
    ],
)
def test_coordinated_numbers_share_scale_and_unit(text: str, lang: str, expected: list[Found]) -> None:
    assert found(text, lang) == expected


def test_shared_unit_is_marked() -> None:
    first, _ = find_quantities("جوایز 200 و 300 هزار دلار", lang="fa")
    assert first.extra["shared"] is True


@pytest.mark.parametrize(
    ("text", "lang", "approx"),
    [
        ("بیش از ۶۸۹ کیلومتر جاده", "fa", "over"),
        ("حدود 30 هزار دانشجو", "fa", "about"),
        ("کمتر از ۵ درصد", "fa", "under"),
        ("يبلغ نحو 100 مليار دولار", "ar", "about"),
        ("أكثر من مليار دولار", "ar", "over"),
        ("ما لا يقل عن 30 من كبار المسؤولين", "ar", "at_least"),
    ],
)
def test_approximation_words(text: str, lang: str, approx: str) -> None:
    assert one(text, lang).extra["approx"] == approx


@pytest.mark.parametrize(
    ("text", "lang", "magnitude", "unit"),
    [
        ("سقط عشرات القتلى", "ar", 10, "killed"),
        ("مئات الملايين من الدولارات", "ar", 1e8, "USD"),
        ("آلاف الجنود", "ar", 1000, "soldier"),
        ("هزاران نفر", "fa", 1000, "person"),
        ("میلیون‌ها کارگر", "fa", 1e6, "worker"),
        ("چند هزار نفر", "fa", 1000, "person"),
    ],
)
def test_vague_amounts_have_null_value_and_a_magnitude(text: str, lang: str, magnitude: float, unit: str) -> None:
    q = one(text, lang)
    assert q.value is None
    assert (q.extra["reason"], q.extra["magnitude"], q.unit) == ("vague amount", magnitude, unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # years and dates belong to the time stage
        ("در سال ۲۰۲۳، حجم مبادلات", "fa"),
        ("در سال ۲۰۲۳ حجم مبادلات", "fa"),
        ("ضم القرم في عام 2014.", "ar"),
        ("في 2016 قال", "ar"),
        ("وقایع ژانویه ۱۹۹۰ روسیه", "fa"),
        ("در دهه ۱۹۹۰ بود", "fa"),
        ("الثلاثاء 9 أغسطس/آب 2016، أنه", "ar"),
        ("في انقرة في 22 حزيران/يونيو بعد", "ar"),
        ("۳۰ دسامبر ۲۰۲۱ (۹ دی)", "fa"),
        ("۱۰ ژانویه ۲۰۲۲ (۲۰ دی )", "fa"),
        ("في 2 من مايو 2008 و", "ar"),
        ("سال ۱۴۰۲ ش تصویب شد", "fa"),
        ("بني سنة 712م", "ar"),
        ("در سال‌های ۲۰۲۰ تا ۲۰۲۳ تصویب", "fa"),
        ("در پایان ۲۰۲۰-۲۰۲۳ بوده", "fa"),
        ("في عامي 2017 و2019.", "ar"),
        ("سال 94 و 95 کاهش", "fa"),
        ("۱۵ تا ۳۱ مردادماه", "fa"),
        ("در 27 اسفند ماه", "fa"),
        ("هفت اسفند", "fa"),
        ("2022-01-15 و 1402/05/12", "fa"),
        # clock times
        ("ساعت ۱۰:۳۰ صبح", "fa"),
        ("ساعت ۱۰ برگزار شد", "fa"),
        ("من الساعة 5 مساء", "ar"),
        ("تا 12 ظهر", "fa"),
        # ordinals
        ("در ۲۰مین سالگرد", "fa"),
        ("۲۰‌امین سالگرد", "fa"),
        ("جنگ دوم قره باغ", "fa"),
        ("سومین شریک", "fa"),
        ("الرئيس الأول والثاني", "ar"),
        # phone numbers, names and identifiers
        ("تلفن ۰۲۱-۸۸۷۷۶۶۵۵", "fa"),
        ("اتصل على +98 21 8877 6655", "ar"),
        ("شماره 0912 345 6789", "fa"),
        ("قطعنامه ۲۲۳۱ شورای امنیت", "fa"),
        ("وفق المادة 5 من", "ar"),
        ("القرار 2254", "ar"),
        ("طائرات إف-16 الأميركية", "ar"),
        ("جنگنده اف 35", "fa"),
        ("F-16 و Su-35", "fa"),
        ("نشست G20 و شبکه 5G", "fa"),
        ("عبر الطريق E 55 بينما", "ar"),
        ("عام 2002 كما شارك", "ar"),  # كما is "as", not km
        ("قالب «۳+۳» همکاری", "fa"),
        ("ساعت 6:30", "fa"),
        # idioms with number words
        ("ایجاد یک سیستم امنیتی", "fa"),
        ("منافع دو کشور", "fa"),
        ("نه تنها یک محیط", "fa"),
        ("کارگروه سه جانبه", "fa"),
        ("گفتگوهای پنج جانبه", "fa"),
        ("رئیس سی آی ای", "fa"),
        ("وقال الثلاثاء", "ar"),
        ("واحد من أهم", "ar"),
        ("لست أدري", "ar"),
        ("بين الحين والآخر", "ar"),
        ("", "fa"),
        ("!!!", "ar"),
    ],
)
def test_not_quantities(text: str, lang: str) -> None:
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "ثلاثـــة آلاف جندي",  # tatweel inside
        "ثَلاثَةُ آلافِ جُنْدِيٍّ",  # diacritics
        "۳\u200c۰۰ ساختمان",  # a stray ZWNJ splits nothing we read as one number
        "\u200f۲۲۴ خانه\u200e",  # bidi marks
        "٤٫٣٥٨ مليار دولار",
        "ﻻ 5 ﺩﻭﻻﺭ",  # presentation forms
    ],
)
def test_spans_point_into_the_original_text(text: str) -> None:
    for q in find_quantities(text, lang=None):
        span = text[q.start:q.end]
        assert span and span == span.strip()
        assert 0 <= q.start < q.end <= len(text)


def test_span_keeps_original_spelling() -> None:
    text = "تدريب ثَلاثَةِ آلافِ جُنْدِيٍّ"
    q = one(text, "ar")
    assert text[q.start:q.end] == "ثَلاثَةِ آلافِ جُنْدِيٍّ"
    assert (q.value, q.unit) == (3000, "soldier")


def test_language_is_guessed_when_not_given() -> None:
    assert found("حجم مبادلات به ۴٫۳۵۸ میلیارد دلار رسید", None)[0][1:] == (4.358e9, "money", "USD")
    assert found("أنفق الاتحاد ثلاثة آلاف ليرة تركية", None)[0][1:] == (3000, "money", "TRY")


@pytest.mark.parametrize(
    "text",
    [
        "1.2.3 دلار",
        "1" * 400 + " دلار",
        "٫٫٫ ٬٬ 1٫2٫3 درصد",
        "و و و 5 و و",
        "- - 5 -",
        "تا تا 10 تا",
        "5 5 5 5 5 5 5 5 5 5 5",
        "۱، ۲، ۳، ۴، ۵، ۶، ۷، ۸ میلیون دلار",
    ],
)
def test_odd_input_never_crashes_and_null_values_say_why(text: str) -> None:
    for q in find_quantities(text, lang="fa"):
        assert q.value is not None or q.extra.get("reason")


def test_unreadable_number_with_a_unit_is_kept_with_a_reason() -> None:
    q = one("1.2.3 دلار", "fa")
    assert (q.value, q.kind, q.extra["reason"]) == (None, "money", "ambiguous separators")
    q = one("1" * 400 + " دلار", "fa")
    assert (q.value, q.extra["reason"]) == (None, "number too large")


def test_non_string_is_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        find_quantities(b"12")  # type: ignore[arg-type]
