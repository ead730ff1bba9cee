"""Normalization: one spelling for many, and an exact way back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.text.normalize import match_key, normalize, normalize_str, words_key

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("variants", "why"),
    [
        (["بین\u200cالمللی", "بینالمللی", "بین المللی"], "ZWNJ present, lost, or a space"),
        (["روسيا", "روسیا"], "Arabic yeh and Persian yeh"),
        (["كرملين", "کرملین"], "Arabic kaf and keheh, and yeh"),
        (["أردوغان", "اردوغان", "إردوغان"], "alef with hamza above or below"),
        (["مَن المُستفيدُ", "من المستفيد"], "diacritics"),
        (["روســيا", "روسيا"], "tatweel"),
        (["رئیس", "رییس", "رئيس"], "hamza on yeh written or dropped"),
        (["مسؤول", "مسوول"], "hamza on waw written or dropped"),
        (["۴٫۳۵۸", "٤٫٣٥٨", "4.358"], "Persian, Arabic-Indic and Latin digits, Arabic decimal sign"),
        (["۱٬۰۰۷", "1,007"], "Arabic thousands separator"),
        (["\u200fروسیه\u200e", "روسیه"], "bidi marks"),
        (["\ufefb", "لا"], "presentation-form ligature"),
        (["همهٔ", "همه"], "hamza above on heh (ezafe)"),
        (["NATO", "nato"], "Latin case"),
    ],
)
def test_variants_share_one_key(variants: list[str], why: str) -> None:
    keys = {match_key(v) for v in variants}
    assert len(keys) == 1, f"{why}: {variants} gave {keys}"


def test_normalize_keeps_zwnj_inside_words() -> None:
    # ZWNJ joins a word's parts: tokenization must still see one word.
    assert normalize_str("می\u200cگوید") == "می\u200cگوید"
    assert words_key("آمریکایی\u200cها") == words_key("آمریکاییها")


def test_decimal_number_is_not_split() -> None:
    # Some normalizers turn ۴٫۳۵۸ into "۴ ۳۵۸" or "4/358": we keep one number.
    assert normalize_str("۴٫۳۵۸ میلیارد") == "4.358 میلیارد"
    assert normalize_str("۸۶.۲۶۲") == "86.262"


@pytest.mark.parametrize("word", ["گروه", "پوتین", "چین", "ژنو", "مدرسة", "سوريا", "کشور"])
def test_letters_are_not_corrupted(word: str) -> None:
    # Persian گ must not become Arabic ك; ة folds to ه for matching, never to ت.
    out = normalize_str(word)
    assert "ك" not in out
    assert out.count("ت") == word.count("ت")
    for letter in "گپچژ":
        assert out.count(letter) == word.count(letter)


def test_spans_map_back_through_diacritics_and_tatweel() -> None:
    text = "قال الرئيسُ الروســيّ فلاديمير بوتين"
    norm = normalize(text)
    start = norm.text.index("الروسی")
    orig_start, orig_end = norm.to_original(start, start + len("الروسی"))
    # The original span shows the word whole, with its tatweel and shadda.
    assert text[orig_start:orig_end] == "الروســيّ"


def test_expanded_ligature_maps_to_its_one_character() -> None:
    text = "x\ufefby"
    norm = normalize(text)
    assert norm.text == "xلاy"
    assert norm.to_original(1, 3) == (1, 2)
    assert norm.to_original(2, 3) == (1, 2)
    assert norm.to_original(3, 4) == (2, 3)


def test_identity_when_nothing_changes_length() -> None:
    text = "روسیه و ترکیه ۱۴۰۳"
    norm = normalize(text)
    assert len(norm.text) == len(text)
    assert all(norm.to_original(i, i + 1) == (i, i + 1) for i in range(len(text)))


def test_span_outside_normalized_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        normalize("abc").to_original(2, 9)


_ARABIC_SCRIPT = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_MIXED = st.one_of(_ARABIC_SCRIPT, st.sampled_from(list(" \u200c\u200d\u200f\u0640\ufefb\ufe8e.٫۴")))


@given(st.text(_MIXED, max_size=40))
def test_every_span_maps_back_to_text_that_normalizes_to_it(text: str) -> None:
    norm = normalize(text)
    for i in range(len(norm.text)):
        for j in range(i, min(len(norm.text), i + 6) + 1):
            start, end = norm.to_original(i, j)
            assert 0 <= start <= end <= len(text)
            # An expanded ligature cut in half maps to the whole ligature: hence "in".
            assert norm.text[i:j] in normalize_str(text[start:end])


@given(st.text(_MIXED, max_size=40))
def test_offset_table_agrees_with_start_to_original(text: str) -> None:
    norm = normalize(text)
    expected = [norm.start_to_original(i) for i in range(len(norm.text) + 1)]
    assert (norm.offset_table() or list(range(len(norm.text) + 1))) == expected


@given(st.text(_MIXED, max_size=40))
def test_mapping_many_spans_agrees_with_one_at_a_time(text: str) -> None:
    norm = normalize(text)
    spans = [(i, j) for i in range(len(norm.text)) for j in range(i, min(len(norm.text), i + 4) + 1)]
    starts, ends = norm.spans_to_original([s for s, _ in spans], [e for _, e in spans])
    assert list(zip(starts, ends, strict=True)) == [norm.to_original(s, e) for s, e in spans]
