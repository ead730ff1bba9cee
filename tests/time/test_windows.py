"""Windows are a speed-up only: with or without them the grammar finds the same atoms."""

from __future__ import annotations

import json

import pytest

from rasad.text.normalize import normalize
from rasad.time.rules import find_atoms
from rasad.time.windows import windows
from tests.conftest import shared_path

SAMPLES = [
    ("fa", "گفت و گوها در ۱۰ ژانویه ۲۰۲۲ (۲۰ دی ) و شامگاه یکشنبه و ۷\u200cسال و سالهای ۲۰۲۰ تا ۲۰۲۳"),
    ("fa", "در دیماه و اسفندماه سال گذشته و ساعت 14:30 امروز و 1395/01/25 و ۲۰۲۴-۲۰۲۶"),
    ("ar", "وفي 5 ذوالحجة 1445 والثلاثاء 9 أغسطس/آب 2016 وبالأمس ومنذ 2014 والساعة العاشرة صباحا"),
    ("ar", "في التسعينيات وصيف 2020 ومنذ مطلع العام وخلال الأيام الثلاثة الماضية"),
]


def _same(text: str, lang: str) -> None:
    full = [(a.start, a.end, a.kind) for a in find_atoms(text, lang)]
    windowed = [(a.start, a.end, a.kind) for a in find_atoms(text, lang, spans=windows(text, lang))]
    assert windowed == full


@pytest.mark.parametrize(("lang", "text"), SAMPLES)
def test_windows_change_nothing(lang: str, text: str) -> None:
    _same(normalize(text).text, lang)


@pytest.mark.shared
@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_windows_change_nothing_on_the_bench_corpus(lang: str) -> None:
    lines = shared_path("corpus", "bench", f"{lang}.jsonl").read_text("utf-8").splitlines()[:150]
    for line in lines:
        _same(normalize(json.loads(line)["text"]).text, lang)


def test_short_month_names_inside_words_wake_nothing() -> None:
    text = normalize("همه می‌دانند که دیگر مهم نیست").text
    assert "date" not in windows(text, "fa")
