"""Readings: Arabic clitics and inflections, Persian plural clitics, reach the dictionary form."""

from __future__ import annotations

import pytest

from rasad.events.readings import readings
from rasad.text.normalize import normalize_str


def norm(word: str) -> str:
    return normalize_str(word).replace("\u200c", "")


def reads(word: str, lang: str) -> tuple[str, ...]:
    return readings(norm(word), lang)


@pytest.mark.parametrize(("word", "lemma"), [
    ("وقال", "قال"), ("فقال", "قال"),
    ("يقول", "يقول"), ("تقول", "يقول"), ("سيقول", "يقول"),
    ("التقيا", "التقى"), ("التقيا", "يلتقي"),
    ("اجتمعوا", "اجتمع"), ("اجتمعوا", "يجتمع"),
    ("تجتمع", "يجتمع"), ("سيجتمع", "يجتمع"), ("اجتمع", "يجتمع"),
    ("بالعقوبات", "عقوبات"), ("للعقوبات", "عقوبات"), ("والعقوبات", "عقوبات"),
])
def test_arabic_reaches_dictionary_form(word: str, lemma: str) -> None:
    assert norm(lemma) in reads(word, "ar")


@pytest.mark.parametrize(("word", "lemma"), [
    ("تحریم‌ها", "تحریم"), ("تحریمها", "تحریم"), ("تحریمهای", "تحریم"), ("تحریم‌های", "تحریم"),
])
def test_persian_plural_reaches_the_noun(word: str, lemma: str) -> None:
    assert norm(lemma) in reads(word, "fa")


@pytest.mark.parametrize(("word", "lang"), [("وقال", "ar"), ("بالعقوبات", "ar"),
                                            ("تحریم‌ها", "fa"), ("سيقول", "ar")])
def test_the_word_itself_comes_first(word: str, lang: str) -> None:
    assert reads(word, lang)[0] == norm(word)


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("تحريمها", "تحریمها", "fa"), ("كرد", "کرد", "fa"), ("يقول", "یقول", "ar"),
    ("التقى", "التقي", "ar"), ("يجتمع", "یجتمع", "ar"), ("بالعقوبات", "بالعقوبات", "ar")])
def test_yeh_and_kaf_variants_read_alike(a: str, b: str, lang: str) -> None:
    assert norm(a) == norm(b)
    assert reads(a, lang) == reads(b, lang)


@pytest.mark.parametrize(("word", "not_a_reading"), [
    ("قال", "ال"),          # too short to be a stem
    ("وزير", "زير"),        # و is part of وزير; readings may offer it but the word stays first
])
def test_no_degenerate_readings(word: str, not_a_reading: str) -> None:
    found = reads(word, "ar")
    assert found[0] == norm(word)
    if len(norm(not_a_reading)) < 3:
        assert norm(not_a_reading) not in found


def test_persian_verbs_are_not_peeled() -> None:
    """Persian verbs are parsed by rasad.events.verbs, not read as Arabic inflections."""
    assert reads("کردند", "fa")[0] == "کردند"
    assert "کرد" not in reads("کردند", "fa")


def test_readings_are_unique() -> None:
    for word, lang in (("التقيا", "ar"), ("بالعقوبات", "ar"), ("تحریمهای", "fa")):
        found = reads(word, lang)
        assert len(found) == len(set(found))
