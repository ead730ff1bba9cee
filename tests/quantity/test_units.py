"""Units after a number: longest phrase first, grammatical suffixes stripped, signs."""

from __future__ import annotations

import pytest

from rasad.quantity.lexicon import lexicon
from rasad.quantity.units import read_unit, symbol_before
from rasad.text.normalize import normalize_str


def unit_after(text: str, lang: str) -> tuple[str, str | None, str] | None:
    t = normalize_str(text)
    hit = read_unit(t, 0, lexicon(lang))
    return None if hit is None else (hit.unit.kind, hit.unit.unit, t[hit.start:hit.end])


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (" ليرة تركية", "ar", ("money", "TRY", "لیره ترکیه")),  # the longer phrase wins
        (" ليرة", "ar", ("money", None, "لیره")),
        (" دولار أمريكي", "ar", ("money", "USD", "دولار امریکی")),
        (" دولارا", "ar", ("money", "USD", "دولارا")),  # accusative
        (" من الدولارات", "ar", ("money", "USD", "الدولارات")),
        (" القتلى", "ar", ("count", "killed", "القتلی")),
        (" قتيلا", "ar", ("count", "killed", "قتیلا")),
        (" في المئة", "ar", ("percent", "%", "فی المیه")),
        (" درصدی", "fa", ("percent", "%", "درصدی")),
        (" در صد", "fa", ("percent", "%", "در صد")),
        (" کیلومتری", "fa", ("distance", "km", "کیلومتری")),
        (" روستای", "fa", ("count", "village", "روستای")),
        (" یورویی", "fa", ("money", "EUR", "یورویی")),
        (" تن کمک", "fa", ("mass", "t", "تن")),
        (" تن از مردم", "fa", ("count", "person", "تن")),
        ("٪", "fa", ("percent", "%", "٪")),
        (" $", "ar", ("money", "USD", "$")),
        (" کشور", "fa", None),  # "two countries" is not a count we report
        (" تنها", "fa", None),  # نه تنها: not a plural of تن
        ("، ۹۵ کیلومتر", "fa", None),  # punctuation ends the search
    ],
)
def test_read_unit(text: str, lang: str, expected: tuple | None) -> None:
    assert unit_after(text, lang) == expected


def test_sign_before_number() -> None:
    lex = lexicon("ar")
    hit = symbol_before("US$ 5", 4, lex)
    assert hit is not None and (hit.unit.unit, hit.start) == ("USD", 0)
    assert symbol_before("نحو 5", 4, lex) is None
