"""Arabic proclitics and Persian suffixes: the stems a gazetteer should try, in order."""

from __future__ import annotations

import pytest

from rasad.document import Token
from rasad.text.clitics import arabic_proclitics, candidate_stems, persian_suffixes
from rasad.text.normalize import normalize_str


def n(word: str) -> str:
    return normalize_str(word)


@pytest.mark.parametrize(("word", "stem"), [
    ("وروسيا", "روسيا"), ("لروسيا", "روسيا"), ("بروسيا", "روسيا"), ("فروسيا", "روسيا"),
    ("وبروسيا", "روسيا"), ("كروسيا", "روسيا"), ("والروسي", "الروسي"), ("والروسي", "روسي"),
    ("للولايات", "الولايات"), ("وللولايات", "الولايات"), ("بالعاصمة", "العاصمة"),
])
def test_arabic_candidates_reach_the_stem(word: str, stem: str) -> None:
    stems = candidate_stems(word, "ar")
    assert stems[0] == n(word)  # the whole word is always tried first
    assert n(stem) in stems


@pytest.mark.parametrize("word", ["وزير", "لبنان", "بريطانيا", "فرنسا", "كندا", "واشنطن"])
def test_words_opening_with_clitic_letters_come_first_whole(word: str) -> None:
    assert candidate_stems(word, "ar")[0] == n(word)
    assert arabic_proclitics(word) == ("", n(word))  # no guess without the article


@pytest.mark.parametrize(("word", "split"), [
    ("الرئيس", ("ال", "رییس")), ("للرئيس", ("لل", "رییس")), ("والروسي", ("وال", "روسی")),
    ("بالعاصمة", ("بال", "عاصمه")), ("كالعادة", ("کال", "عاده")), ("وبالتالي", ("وبال", "تالی")),
    ("الذي", ("", "الذی")), ("الله", ("", "الله")),
])
def test_arabic_proclitics_with_article(word: str, split: tuple[str, str]) -> None:
    assert arabic_proclitics(word) == split


def test_short_stems_are_not_stripped() -> None:
    assert candidate_stems("ولد", "ar") == ["ولد"]
    assert "ی" not in candidate_stems("الى", "ar")


@pytest.mark.parametrize(("word", "split"), [
    ("روسیه\u200cای", ("روسیه", "ای")), ("روسیهای", ("روسیه", "ای")),
    ("آمریکایی\u200cها", ("امریکا", "ییها")), ("آمریکاییها", ("امریکا", "ییها")),
    ("کشورهای", ("کشور", "های")), ("کشور\u200cها", ("کشور", "ها")), ("آمریکایی", ("امریکا", "یی")),
    ("تنها", ("تنها", "")), ("آنها", ("انها", "")), ("روسیه", ("روسیه", "")),
    ("روسيه\u200cاي", ("روسیه", "ای")),  # Arabic yeh
])
def test_persian_suffixes(word: str, split: tuple[str, str]) -> None:
    assert persian_suffixes(word) == split


@pytest.mark.parametrize(("word", "stem"), [
    ("روسیه\u200cای", "روسیه"), ("روسیهای", "روسیه"), ("آمریکاییها", "امریکا"),
    ("ایرانی", "ایران"), ("ایرانیان", "ایران"), ("اروپاییان", "اروپا"), ("ارتشش", "ارتش"),
    ("منطقهای", "منطقه"), ("کشورهایشان", "کشور"),
])
def test_persian_candidates_reach_the_stem(word: str, stem: str) -> None:
    stems = candidate_stems(word, "fa")
    assert stems[0] == n(word).replace("\u200c", "")
    assert stem in stems


def test_safe_persian_split_comes_second() -> None:
    assert candidate_stems("روسیه\u200cای", "fa")[:2] == ["روسیهای", "روسیه"]


def test_unknown_and_other_languages() -> None:
    assert "روسیا" in candidate_stems("وروسيا", None)
    assert "روسیه" in candidate_stems("روسیهای", None)
    assert candidate_stems("وروسيا", "other") == ["وروسیا"]


def test_clitics_are_token_attributes() -> None:
    arabic = Token(0, 9, "والروسیه", 0)
    assert arabic.proclitic == "وال"
    assert Token(0, 6, "وروسیا", 0).stems("ar") == ["وروسیا", "روسیا"]
    persian = Token(0, 11, "امریکاییها", 0)  # norm of آمریکایی‌ها: آ → ا, no ZWNJ
    assert persian.suffix == "ییها"
    assert {"امریکا", "امریکایی"} <= set(persian.stems("fa"))
    assert Token(0, 5, "روسیه", 0).suffix == "" and Token(0, 5, "روسیه", 0).proclitic == ""


def test_results_are_fresh_lists() -> None:
    stems = candidate_stems("وروسيا", "ar")
    stems.append("x")
    assert "x" not in candidate_stems("وروسيا", "ar")
