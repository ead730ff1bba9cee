"""Reading one number: separators from context, digits of three scripts, number words."""

from __future__ import annotations

import pytest

from rasad.quantity import parse_number
from rasad.quantity.numbers import parse_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("۴٫۳۵۸", 4.358),  # ٫ is always the decimal sign, never a split
        ("٤٫٣٥٨", 4.358),  # Arabic-Indic digits
        ("4.358", 4.358),
        ("۲۶۷۹۴", 26794),
        ("1500", 1500),
        ("۱۰۰۷", 1007),
        ("۱٬۰۰۷", 1007),  # ٬ groups thousands
        ("۱٬۲۳۴٫۵", 1234.5),
        ("1,500", 1500),
        ("1,500,000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("2,5", 2.5),  # a decimal comma: the group after it is not three digits
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("0.500", 0.5),
        ("86.262", 86.262),  # alone, one dot and three digits reads as a decimal
    ],
)
def test_numerals(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_one_dot_and_three_digits_keeps_both_readings() -> None:
    got = parse_digits("1.500")
    assert (got.value, got.alt) == (1.5, 1500)
    assert parse_digits("4.358", marks="٫").alt is None  # written with ٫: no doubt


@pytest.mark.parametrize(
    ("run", "marks", "reason"),
    [
        ("1.2.3", "..", "ambiguous separators"),
        ("1.2.3", "٫٫", "two decimal signs"),
        ("1,2,3.4.5", ",,..", "mixed separators"),
        ("1" * 400, "", "number too large"),
    ],
)
def test_unreadable_numerals_give_none_with_a_reason(run: str, marks: str, reason: str) -> None:
    got = parse_digits(run, marks=marks)
    assert got.value is None
    assert got.reason == reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("صد", 100),
        ("یکصد", 100),
        ("سه هزار و پانصد", 3500),
        ("دویست و سی و پنج", 235),
        ("بیست و پنج", 25),
        ("سیصد و سی و سه هزار", 333_000),
        ("دو میلیون و سیصد و بیست هزار", 2_320_000),
        ("یک میلیارد و دویست و پنجاه میلیون", 1_250_000_000),
        ("دو و نیم میلیون", 2_500_000),
        ("سه میلیون و نیم", 3_500_000),
        ("نیم میلیون", 500_000),
        ("98 و سه دهم", 98.3),
        ("164 هزار و 912", 164_912),
        ("333 میلیارد و 500 میلیون", 333_500_000_000),
        ("هشت هزار و 900 میلیارد", 8_900_000_000_000),
        ("112 هزار تریلیون", 1.12e17),
        ("یک میلیون و پانصد", 1_500_000),  # said for 1.5 million
        ("24 میلیون و 850", 24_850_000),
        ("دو میلیارد و سیصد", 2_300_000_000),
        ("هزار میلیارد", 1e12),
        ("۴٫۳۵۸ میلیارد", 4.358e9),
        ("86.262 مليار", 8.6262e10),  # a scale word after "d.ddd" makes it a decimal
        ("مائة", 100),
        ("مئة", 100),
        ("ثلاثة آلاف", 3000),
        ("ثلاثة عشر", 13),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("خمسة وعشرون", 25),  # Arabic units before tens
        ("مائة وخمسة وعشرون", 125),
        ("ثلاث مائة", 300),
        ("ثلاثمائة", 300),
        ("ثلاثمئة ألف", 300_000),
        ("ألفين", 2000),
        ("ألفان وخمسمائة", 2500),
        ("خمسة وعشرين ألفا", 25_000),
        ("24 ألف", 24_000),
        ("نصف مليون", 500_000),
        ("ثلاثـــة آلاف", 3000),  # tatweel
        ("مِليار", 1e9),  # diacritics
    ],
)
def test_number_words(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "27 و28",  # two numerals joined by و are two numbers
        "200 و 300 هزار",
        "عشرات",  # vague: "tens of"
        "مئات الملايين",
        "هزاران",
        "",
        "   ",
        "abc",
        "دهم",  # a denominator alone is an ordinal
        "أحد",  # only a number before عشر
        "سه کتاب",
    ],
)
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_refuses_non_strings_quietly() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(12) is None  # type: ignore[arg-type]
