"""The tagger's fast features (`rasad.ner.compiled`) are the reference `sentence_features`
pruned to the model's attributes, in the same order, so tags and marginals are identical."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pycrfsuite
import pytest

from rasad.ner import compiled
from rasad.ner.attributes import ModelFormatError, model_attributes
from rasad.ner.features import sentence_features
from rasad.ner.tagger import load_tagger
from rasad.text.segment import tokenize

SENTENCES = {
    "fa": [
        "سید عباس عراقچی، وزیر امور خارجه جمهوری اسلامی ایران، روز دوشنبه با همتای روسی‌اش در مسکو دیدار کرد.",
        "آمریکایی‌ها و روسیه‌ای‌ها در نشست بین‌المللی سازمان ملل متحد در نیویورک حضور داشتند.",
        "خبرگزاری ایرنا گزارش داد که 45 نفر در ایستگاه هفت‌خوان سمنان جان باختند",
        "Donald Trump | ترامپ a|b در کاخ سفید",
        "او",
    ],
    "ar": [
        "وقال الرئيس الروسي فلاديمير بوتين للصحفيين في موسكو إن العلاقات مع الولايات المتحدة متوترة.",
        "وبالعراق والسعودية وللأمم المتحدة موقف من حلف شمال الأطلسي (الناتو).",
        "أعلنت وكالة الأنباء السعودية (واس) أن ولي العهد محمد بن سلمان استقبل وشي جين بينغ",
        "EU | US a|b الاتحاد الأوروبي",
        "هو",
    ],
}


def _words(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end, _ in tokenize(sentence)]


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_compiled_features_are_the_pruned_reference(lang: str) -> None:
    model = load_tagger(lang)
    known = model.features._known
    for sentence in SENTENCES[lang]:
        words = _words(sentence)
        reference = sentence_features(words, lang, lexicon=model.lexicon)
        pruned = [[known[a] for a in feats if a in known] for feats in reference]
        assert model.features(words) == pruned, sentence
        assert model.tagger.tag(reference) == model.tagger.tag(model.features(words))


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_same_tags_and_marginals(lang: str) -> None:
    model = load_tagger(lang)
    for sentence in SENTENCES[lang]:
        words = _words(sentence)
        tags = model.tagger.tag(sentence_features(words, lang, lexicon=model.lexicon))
        slow = [model.tagger.marginal(t, i) for i, t in enumerate(tags)]
        fast_tags, _ = model.tag_with_confidence(words)
        assert fast_tags == tags
        assert [model.tagger.marginal(t, i) for i, t in enumerate(tags)] == slow


def test_bounded_word_cache_gives_the_same_features(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_tagger("ar")
    words = _words(SENTENCES["ar"][0])
    expected = model.features(words)
    monkeypatch.setattr(compiled, "MAX_WORDS", 3)
    model.features._words.clear()
    assert model.features(words) == expected
    assert len(model.features._words) <= 3


def test_attributes_read_from_the_file_are_those_of_the_model() -> None:
    # The shipped Arabic model (listing the Persian one's weights takes about 6 s).
    with resources.as_file(resources.files("rasad.data.ner").joinpath("ar.crfsuite")) as file:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(file))
        expected = {attr for attr, _ in tagger.info().state_features}
        assert model_attributes(file) == expected


def test_not_a_model_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just some bytes" * 3)
    with pytest.raises(ModelFormatError, match="not a crfsuite"):
        model_attributes(bad)
