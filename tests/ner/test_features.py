"""Token features: one key for every spelling, stems through clitics and suffixes."""

from __future__ import annotations

import pytest

from rasad.ner.features import (
    Lexicon,
    ar_forms,
    ar_stem,
    fa_stem,
    sentence_features,
    shape,
    word_info,
)
from rasad.ner.gazetteer import Gazetteer
from rasad.text.normalize import match_key


def feats_of(word: str, lang: str) -> set[str]:
    return set(word_info(word, lang).feats)


@pytest.mark.parametrize(("a", "b"), [
    ("بین‌المللی", "بینالمللی"),          # ZWNJ present / lost
    ("روسيه", "روسیه"),                  # Arabic / Persian yeh
    ("كشور", "کشور"),                    # Arabic / Persian kaf
    ("أردوغان", "اردوغان"),              # hamza on alef
    ("مُحَمَّد", "محمد"),                  # diacritics
    ("تهـــران", "تهران"),                # tatweel
    ("۱۴۰۲", "1402"),                    # Persian digits
])
def test_spellings_share_word_features(a: str, b: str) -> None:
    assert feats_of(a, "fa") == feats_of(b, "fa")


@pytest.mark.parametrize(("word", "stem"), [
    ("وروسيا", "روسیا"), ("لروسيا", "لروسیا"), ("الرئيس", "رییس"), ("والرئيس", "رییس"),
    ("للرئيس", "رییس"), ("بالعراق", "عراق"),
    # A cheap stripper: the ف of فرنسا goes too. The word feature keeps the full form, and the
    # gazetteer tries the unstripped key first.
    ("فرنسا", "رنسا"), ("وفرنسا", "فرنسا"),
])
def test_arabic_stem(word: str, stem: str) -> None:
    assert ar_stem(match_key(word)) == stem


def test_arabic_forms_peel_proclitics_but_keep_the_article() -> None:
    assert "روسیا" in ar_forms(match_key("وبروسيا"))
    assert "روسیا" in ar_forms(match_key("لروسيا"))
    assert "العراق" in ar_forms(match_key("للعراق"))
    assert ar_forms(match_key("فرنسا"))[0] == "فرنسا"


@pytest.mark.parametrize(("word", "stem"), [
    ("روسیه‌ای", "روسیه"), ("آمریکایی‌ها", "امریکا"), ("ایرانی‌ها", "ایران"),
    ("کشورهای", "کشور"), ("روش های", "روش"), ("تهران", "تهران"),
])
def test_persian_stem(word: str, stem: str) -> None:
    assert fa_stem(word) == stem


def test_shape() -> None:
    assert shape("Trump") == "Aa"
    assert shape("4.5") == "d.d"
    assert shape("روسیه") == "r"
    assert shape("بین‌المللی") == "r"
    assert shape("F-35") == "A-d"


def test_triggers_match_through_article_and_clitics() -> None:
    assert word_info("والرئيس", "ar").trigger == "PER"
    assert word_info("وزارة", "ar").trigger == "ORG"
    assert word_info("آقای", "fa").trigger == "PER"
    assert word_info("شورای", "fa").trigger == "ORG"
    assert word_info("روسیه", "fa").trigger == ""


def test_gazetteer_marks_names_and_stripped_forms() -> None:
    gaz = Gazetteer([("روسيا", "LOC"), ("الولايات المتحدة", "LOC"), ("العراق", "LOC")])
    words = ["زار", "ولروسيا", "و", "الولايات", "المتحدة", "وللعراق"]
    tags = gaz.tags([word_info(w, "ar").forms for w in words])
    assert tags == ["", "~B-LOC", "", "B-LOC", "I-LOC", "~B-LOC"]


def test_gazetteer_matches_zwnj_names_written_apart() -> None:
    gaz = Gazetteer([("هنگ‌کنگ", "LOC")])
    for text in ("هنگ‌کنگ", "هنگکنگ"):
        assert gaz.tags([word_info(text, "fa").forms]) == ["B-LOC"]
    assert gaz.tags([word_info(w, "fa").forms for w in ("هنگ", "کنگ")]) == ["B-LOC", "I-LOC"]


def test_sentence_features_have_neighbours_and_lexicon_hits() -> None:
    lex = Lexicon(gazetteer=Gazetteer([("ایران", "LOC")]), name_parts={"ظریف": "PER"},
                  vocab={"به": "4"}, rich=True)
    feats = sentence_features(["آقای", "ظریف", "به", "ایران"], "fa", lexicon=lex)
    assert len(feats) == 4
    assert {"w=ظریف", "w-1=اقای", "w+1=به", "w+2=ایران", "t-1=PER", "np=PER", "f=r"} <= set(feats[1])
    assert {"g=B-LOC", "w+1=</s>", "f-1=4"} <= set(feats[3])
    assert "w-2=<s>" in feats[0] and "w-1=<s>" in feats[0]
    assert all(isinstance(f, str) for f in feats[0])


def test_features_run_without_a_lexicon() -> None:
    assert sentence_features([], "ar") == []
    feats = sentence_features(["وروسيا"], "ar")
    assert not any(f.startswith(("g=", "np=", "f=")) for f in feats[0])
