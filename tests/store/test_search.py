"""rasad.store.search: Persian and Arabic words are found whatever their spelling."""

from __future__ import annotations

import pytest

from rasad.document import Document, Sentence
from rasad.store.db import connect
from rasad.store.search import fts_text, match_expression, search
from rasad.store.write import save_document
from tests.store.helpers import content_hash, make_doc


def _doc(text: str, lang: str) -> Document:
    doc = Document(text, lang=lang)
    doc.sentences = [Sentence(0, len(text))]
    return doc


@pytest.fixture
def conn():
    conn = connect(":memory:")
    for doc in (make_doc(1, lang="fa"), make_doc(2, lang="ar"),
                _doc("مُحَمَّد بن سلمان وارد رياض شد", "fa"),  # vowelled, Arabic yeh
                _doc("نشست بینالمللی انرژی در آمریکا", "fa"),    # ZWNJ lost
                _doc("قیمت نفت ۸۵٫۵ دلار شد", "fa")):
        save_document(conn, doc, content_hash=content_hash(doc.text))
    return conn


def texts(hits):
    return [hit["text"] for hit in hits]


def test_persian_word_is_found_with_its_sentence(conn):
    hits = search(conn, "تهران")
    assert len(hits) == 1 and "در تهران گفت" in hits[0]["text"]
    doc_text = conn.execute("SELECT text FROM documents WHERE id = ?", (hits[0]["doc_id"],)).fetchone()[0]
    assert doc_text[hits[0]["start"]:hits[0]["end"]] == hits[0]["text"]


def test_arabic_and_persian_letter_forms_match(conn):
    assert len(search(conn, "روسيه")) == 1     # Arabic yeh finds Persian روسیه
    assert len(search(conn, "ریاض")) == 1      # Persian yeh finds Arabic رياض
    assert len(search(conn, "روسيا")) == 1     # the Arabic article


def test_diacritics_do_not_split_or_hide_words(conn):
    assert texts(search(conn, "محمد")) == ["مُحَمَّد بن سلمان وارد رياض شد"]
    assert len(search(conn, "مُحمّد")) == 1


def test_zwnj_present_or_lost_is_the_same_word(conn):
    assert len(search(conn, "بین‌المللی")) == 1
    assert len(search(conn, "بینالمللی")) == 1
    assert len(search(conn, "رئیسجمهور")) == 1   # the text has رئیس‌جمهور


def test_prefix_digits_and_languages(conn):
    assert len(search(conn, "پوت*")) == 1 and len(search(conn, "بوت*")) == 1
    assert len(search(conn, "۸۵٫۵")) == 1 and len(search(conn, "85.5")) == 1
    assert len(search(conn, "نفت دلار")) == 1 and search(conn, "نفت تهران") == []
    assert {h["doc_id"] for h in search(conn, "بوتين", langs=["fa"])} == set()
    assert len(search(conn, "بوتين", langs=["ar", "fa"])) == 1


def test_queries_are_quoted_not_parsed():
    assert match_expression('AND "x" روسیه*') == '"AND" """x""" "روسیه"*'
    assert fts_text("كشورهاي") == "کشورهای"
    with pytest.raises(ValueError, match="nothing to search"):
        match_expression("  * ")
