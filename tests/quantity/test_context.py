"""The shapes and neighbours that make a numeral a date, a time, a phone number or a name."""

from __future__ import annotations

import pytest

from rasad.quantity import context
from rasad.quantity.lexicon import lexicon
from rasad.text.normalize import normalize_str


@pytest.mark.parametrize(
    ("text", "skip"),
    [
        ("2022-01-15", True),
        ("10:30", True),
        ("021-88776655", True),
        ("+98 21 8877", True),
        ("3+3", True),
        ("G20", True),
        ("F-16", True),
        ("20مین", True),
        ("1402/05/12", True),
        ("600-500", False),  # a range
        ("2/5", False),  # a Persian decimal, if a unit follows
        ("و28", False),  # an Arabic clitic
        ("86.262", False),
    ],
)
def test_chain_skip(text: str, skip: bool) -> None:
    t = normalize_str(text)
    i = next(k for k, ch in enumerate(t) if ch.isdigit())
    assert (context.chain_skip(t, i, lexicon("fa")) is not None) is skip


def test_prev_words_stop_at_punctuation() -> None:
    t = "ما بين 27"
    assert [w for w, _ in context.prev_words(t, t.index("27"))] == ["ما", "بين"]
    t = "روبل، 27"
    assert context.prev_words(t, t.index("27")) == []


@pytest.mark.parametrize(
    ("text", "lang", "dated"),
    [("۹ دی", "fa", True), ("9 أغسطس", "ar", True), ("2 من مايو", "ar", True), ("2016م", "ar", True),
     ("۱۴۰۲ ش", "fa", True), ("۱۵ مردادماه", "fa", True), ("5 مساء", "ar", True), ("9 نفر", "fa", False),
     ("40 ماه", "fa", False), ("45 م", "ar", False)],
)
def test_date_after(text: str, lang: str, dated: bool) -> None:
    t = normalize_str(text)
    end = next(k for k, ch in enumerate(t) if not ch.isdigit())
    assert context.date_after(t, end, lexicon(lang), value=float(t[:end])) is dated


def test_year_like() -> None:
    assert context.year_like("2016", 2016)
    assert not context.year_like("26794", 26794)
    assert not context.year_like("1.500", 1.5)
