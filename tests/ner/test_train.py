"""Training: a toy model round-trips through the files the tagger reads; held-out stays out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.ner.features import Lexicon, word_info
from rasad.ner.gazetteer import Gazetteer, write_entries
from rasad.ner.lexicon import feature_config, load_lexicon, name_parts, vocabulary, write_table
from rasad.ner.tagger import NerModel
from rasad.ner.train import fit, heldout, load_corpus
from rasad.text.normalize import match_key
from tests.conftest import shared_path


def stem(word: str) -> str:
    return word_info(word, "fa").stem


TOY = [
    [("آقای", "O"), ("رحیمی", "B-PER"), ("به", "O"), ("تهران", "B-LOC"), ("رفت", "O")],
    [("خانم", "O"), ("کریمی", "B-PER"), ("از", "O"), ("شیراز", "B-LOC"), ("آمد", "O")],
    [("وزارت", "B-ORG"), ("نفت", "I-ORG"), ("گفت", "O")],
] * 5


def test_toy_model_round_trip(tmp_path: Path) -> None:
    write_entries([("تهران", "LOC"), ("شیراز", "LOC")], tmp_path / "gazetteer_fa.tsv",
                  lang="fa", sources="test")
    write_table(name_parts(TOY, "fa"), tmp_path / "nameparts_fa.tsv", header="test")
    write_table(vocabulary(TOY, "fa"), tmp_path / "vocab_fa.tsv", header="test")
    config = {"rich": True, "vocab": True, "name_parts": True}
    (tmp_path / "fa.json").write_text(json.dumps({"features": config}), encoding="utf-8")
    lexicon = load_lexicon(tmp_path, "fa", feature_config(tmp_path, "fa"))
    assert lexicon.rich and lexicon.vocab and lexicon.name_parts.get(stem("رحیمی")) == "PER"
    fit(TOY, lang="fa", lexicon=lexicon, model_path=tmp_path / "fa.crfsuite",
        params={"c1": 0.0, "c2": 0.01, "max_iterations": 50, "min_freq": 1})
    model = NerModel.open("fa", tmp_path)
    assert model.tag(["آقای", "رحیمی", "به", "تهران", "رفت"]) == ["O", "B-PER", "O", "B-LOC", "O"]


def test_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="rasad.ner.train"):
        NerModel.open("fa", tmp_path)


def test_name_parts_and_vocabulary() -> None:
    parts = name_parts(TOY, "fa")
    assert parts[stem("کریمی")] == "PER" and stem("تهران") not in parts  # LOC is skipped
    vocab = vocabulary(TOY, "fa")
    assert vocab[match_key("آقای")] == "3"  # 5 times
    assert vocabulary(TOY[:3] * 2, "fa")[match_key("به")] == "2"
    assert vocabulary([[("یک", "O")]], "fa") == {}


def test_lexicon_defaults_are_empty() -> None:
    lex = Lexicon()
    assert lex.gazetteer is None and lex.name_parts == {} and lex.vocab is None
    assert len(Gazetteer([])) == 0


def _keys(sentences: list) -> set[str]:
    return {" ".join(w for w, _ in s) for s in sentences if len(s) > 5}


@pytest.mark.shared
@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_heldout_is_never_trained_on(lang: str) -> None:
    shared = shared_path()
    corpus = load_corpus(lang, shared_dir=shared, extra_fraction=1.0 if lang == "fa" else 0.0)
    held = _keys(heldout(lang, shared_dir=shared))
    assert held and not held & _keys(corpus.train)
