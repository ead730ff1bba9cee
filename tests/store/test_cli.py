"""`rasad search`: sentences found whatever the spelling (ي/ی، ك/ک، ZWNJ, diacritics,
tatweel), the matching words highlighted in the sentence, right-to-left text in display order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.render import highlighted_lines
from rasad.store.search import highlights
from tests.events.test_cli import run
from tests.store.corpus import build_store

SENTENCE = "وزیر امور خارجه ایران در نشست بین‌المللی با همتای روس خود سرگئی لاوروف گفتگو کرد."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory)


def hits(db: Path, *args: str) -> list[dict]:
    result = run("search", *args, "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("query", [
    "بین‌المللی", "بینالمللی", "بين‌المللي",          # with and without ZWNJ, Arabic yeh
    "بـیـن‌الـمـلـلـی", "بَینُ‌المِللی",                    # tatweel, diacritics
])
def test_a_persian_word_in_any_spelling_is_found_and_highlighted(db: Path, query: str) -> None:
    found = hits(db, query)
    assert [(h["doc_id"], h["sentence"]) for h in found] == [("ir-ru-fa", 0)]
    text = found[0]["text"]
    assert text == SENTENCE
    assert [text[s:e] for s, e in found[0]["highlights"]] == ["بین‌المللی"]


def test_arabic_kaf_yeh_and_tatweel_find_the_persian_and_arabic_texts(db: Path) -> None:
    assert {h["doc_id"] for h in hits(db, "كرد", "--lang", "fa")} == {"ru-ua-fa", "ru-tr-nov",
                                                                    "ir-ru-fa"}
    found = hits(db, "لافـروف")  # the Arabic spelling, with a tatweel
    assert [h["doc_id"] for h in found] == ["ru-ua-ar"]
    assert [found[0]["text"][s:e] for s, e in found[0]["highlights"]] == ["لافروف"]
    assert {h["doc_id"] for h in hits(db, "الإيراني")} == {"ru-ua-ar"}
    assert hits(db, "لافروف", "--lang", "fa") == []


def test_several_words_and_prefixes_mark_each_word(db: Path) -> None:
    found = hits(db, "روسیه محکوم")
    assert [h["doc_id"] for h in found] == ["ru-ua-fa"]
    assert [found[0]["text"][s:e] for s, e in found[0]["highlights"]] == ["روسیه", "محکوم"]
    prefixed = hits(db, "التق*")
    assert {h["doc_id"] for h in prefixed} == {"ru-tr-aug", "ru-tr-year", "ru-ua-ar"}
    assert all(h["text"][s:e].startswith("التق") for h in prefixed for s, e in h["highlights"])
    assert len(hits(db, "التق*", "--limit", "2")) == 2


def test_highlights_follow_the_words_through_bidi_reordering() -> None:
    spans = highlights(SENTENCE, "بينالمللي لاوروف")
    assert [SENTENCE[s:e] for s, e in spans] == ["بین‌المللی", "لاوروف"]
    logical = highlighted_lines(SENTENCE, spans, bidi=False, width=200)
    assert [logical[0].plain[s.start:s.end] for s in logical[0].spans] == ["بین‌المللی", "لاوروف"]
    shown = highlighted_lines(SENTENCE, spans, bidi=True, width=40)
    assert len(shown) == 3
    marked = [line.plain[s.start:s.end] for line in shown for s in line.spans]
    assert marked == ["بین‌المللی"[::-1], "لاوروف"[::-1]], "each word reversed for display, still marked"
    assert shown[0].plain.endswith("وزیر"[::-1]), "the first words stay on the first line"


def test_the_terminal_view_and_bad_input(db: Path, tmp_path: Path) -> None:
    result = run("search", "بینالمللی", "--db", str(db), "--no-bidi")
    assert result.exit_code == 0 and "ir-ru-fa" in result.output and "بین‌المللی" in result.output
    for args, code in ((("*",), 2), (("روسیه", "--lang", "en"), 2)):
        result = run("search", *args, "--db", str(db))
        assert result.exit_code == code and len(result.output.strip().splitlines()) == 1
    assert run("search", "روسیه", "--db", str(tmp_path / "none.db")).exit_code == 1
