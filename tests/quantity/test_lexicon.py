"""The quantity word lists: readable, sourced, consistent with the schema and the normalizer."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from rasad.quantity.lexicon import guess_lang, lexicon
from rasad.text.normalize import words_key

FILES = ["numbers_fa.tsv", "numbers_ar.tsv", "currencies.tsv", "units.tsv", "counted.tsv", "context.tsv"]
ROLES = {"num", "mul100", "scale", "scalepl", "dual", "teen", "teenunit", "frac", "fracden", "vague", "few"}


def _text(name: str) -> str:
    return resources.files("rasad.data.quantity").joinpath(name).read_text("utf-8")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _text(name).splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", FILES)
def test_every_file_names_its_source_and_license(name: str) -> None:
    header = "\n".join(line for line in _text(name).splitlines() if line.startswith("#"))
    assert "Source" in header or "Sources" in header
    assert "MIT" in header or "License" in header


@pytest.mark.parametrize("name", ["numbers_fa.tsv", "numbers_ar.tsv"])
def test_number_words_have_a_value_and_a_known_role(name: str) -> None:
    for word, value, role in _rows(name):
        assert float(value) > 0, word
        assert role in ROLES, word


def test_currency_codes_look_like_iso_4217() -> None:
    for lang, phrase, code, factor, *note in _rows("currencies.tsv"):
        assert lang in ("fa", "ar", "*"), phrase
        assert code == "-" or re.fullmatch(r"[A-Z]{3}", code), phrase
        assert float(factor) > 0
        if code == "-":  # an ambiguous name lists the currencies it may be
            assert note and all(re.fullmatch(r"[A-Z]{3}", c) for c in note[0].split()), phrase


def test_unit_kinds_are_the_schemas() -> None:
    schema = json.loads(resources.files("rasad.schema").joinpath("document.schema.json").read_text("utf-8"))
    kinds = set(schema["properties"]["quantities"]["items"]["properties"]["kind"]["enum"])
    for lang in ("fa", "ar"):
        assert {u.kind for u in lexicon(lang).units.values()} <= kinds


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_keys_are_normalized(lang: str) -> None:
    lex = lexicon(lang)
    for key in lex.units:
        assert key == words_key(key), key
    assert "ي" not in "".join(lex.numbers) and "ة" not in "".join(lex.numbers)


def test_spelling_variants_share_an_entry() -> None:
    ar = lexicon("ar")
    assert ar.numbers[words_key("مائة")] == ar.numbers["مایه"]
    assert ar.units[words_key("دولار أمريكي")].unit == "USD"
    assert ar.units[words_key("دولار امريكي")].unit == "USD"
    assert lexicon("fa").units[words_key("ريال")].unit == "IRR"  # Arabic yeh in Persian text


def test_lexicons_load_once() -> None:
    assert lexicon("fa") is lexicon("fa")
    assert lexicon("xx") is lexicon("fa")  # unknown languages read as Persian


@pytest.mark.parametrize(
    ("text", "lang"),
    [("روسیه و آذربایجان", "fa"), ("گفت که پیشرفت", "fa"), ("قال الرئيس التركي", "ar"),
     ("العلاقات الروسية التركية", "ar")],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang
