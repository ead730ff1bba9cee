"""The shipped CRF models on short Persian and Arabic text: tags, spans, offsets."""

from __future__ import annotations

import re

import pytest

from rasad.document import Document, Entity, Token
from rasad.ner.score import bio_spans
from rasad.ner.tagger import annotate, find_entities, load_tagger, tag_tokens

_TOKEN = re.compile(r"\w+(?:\u200c\w+)*|[^\w\s]")

FA = "آقای محمدجواد ظریف، وزیر امور خارجه ایران، روز دوشنبه به مسکو سفر کرد."
AR = "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في مدينة سوتشي."


def make_doc(text: str, lang: str) -> Document:
    """A document tokenized with a plain regex, one sentence per line."""
    doc = Document(text=text, lang=lang)
    offset = 0
    for i, line in enumerate(text.split("\n")):
        for m in _TOKEN.finditer(line):
            doc.tokens.append(Token(offset + m.start(), offset + m.end(), m.group(), i))
        offset += len(line) + 1
    return doc


def not_overlapping(doc: Document) -> bool:
    ordered = sorted((e.start, e.end) for e in doc.entities)
    return all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))


def spans(words: list[str], lang: str) -> dict[str, str]:
    return {" ".join(words[a:b]): kind for kind, a, b in bio_spans(tag_tokens(words, lang))}


def test_persian_sentence() -> None:
    found = spans(_TOKEN.findall(FA), "fa")
    assert found.get("مسکو") == "LOC"
    assert any("ظریف" in name and kind == "PER" for name, kind in found.items())


def test_arabic_sentence() -> None:
    found = spans(_TOKEN.findall(AR), "ar")
    assert found.get("فلاديمير بوتين") == "PER"
    assert found.get("رجب طيب أردوغان") == "PER"
    assert found.get("سوتشي") == "LOC"


def test_tags_are_bio_and_one_per_word() -> None:
    words = _TOKEN.findall(FA)
    tags = tag_tokens(words, "fa")
    assert len(tags) == len(words)
    assert all(t == "O" or re.fullmatch(r"[BI]-(PER|LOC|ORG|MISC)", t) for t in tags)
    assert tag_tokens([], "fa") == []


@pytest.mark.parametrize(("text", "lang"), [
    (FA, "fa"),
    (AR, "ar"),
    # ZWNJ lost, Arabic yeh and kaf, diacritics and tatweel: offsets still point into the input.
    ("سخنگوی وزارت امور خارجه روسيه در مسكو گفت که سرگئی لاوروف به تهـــران می‌رود.", "fa"),
    ("وقال وزيرُ الخارجية الأمريكي أنتوني بلينكن إن واشنطن لن تتراجع.\nوزار لروسيا أمس.", "ar"),
])
def test_annotate_offsets_are_exact(text: str, lang: str) -> None:
    doc = annotate(make_doc(text, lang))
    assert doc.entities
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    for ent in doc.entities:
        assert ent.start in starts and ent.end in ends
        assert doc.text[ent.start:ent.end].strip() == doc.text[ent.start:ent.end]
        assert ent.type in {"PER", "LOC", "ORG", "MISC"}
        assert 0.0 < ent.confidence <= 1.0
        assert ent.extra == {"source": "crf"}
        assert ent.to_dict(doc)["text"] == doc.text[ent.start:ent.end]
    assert not_overlapping(doc)


def test_entities_do_not_cross_sentences() -> None:
    doc = make_doc("دیدار با پوتین\nپوتین گفت", "fa")
    for ent in find_entities(doc):
        assert "\n" not in doc.text[ent.start:ent.end]


def test_annotate_keeps_existing_entities_and_skips_overlaps() -> None:
    doc = make_doc(AR, "ar")
    start = AR.index("فلاديمير")
    doc.add(Entity(start=start, end=start + len("فلاديمير بوتين"), type="PER",
                   extra={"source": "kb"}))
    annotate(doc)
    assert doc.entities[0].extra == {"source": "kb"}
    assert not_overlapping(doc)
    assert sum(e.start == start for e in doc.entities) == 1


def test_other_languages_are_left_alone() -> None:
    doc = annotate(make_doc("Vladimir Putin met Erdogan in Sochi.", "en"))
    assert doc.entities == []


def test_sentence_language_overrides_document_language() -> None:
    from rasad.document import Sentence  # noqa: PLC0415

    doc = make_doc(AR, "fa")
    doc.sentences = [Sentence(0, len(AR), "ar")]
    assert {doc.text[e.start:e.end] for e in find_entities(doc)} >= {"سوتشي"}


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no NER model"):
        load_tagger("en")


def test_model_is_loaded_once() -> None:
    assert load_tagger("fa") is load_tagger("fa")


def test_a_currency_inside_an_amount_is_not_a_name() -> None:
    from rasad import analyze

    doc = analyze("وقدمت الكويت 3 مليارات دولار و70 مليار يورو لدعم اللاجئين في السودان.", lang="ar")
    money = [(q.start, q.end) for q in doc.quantities if q.kind == "money"]
    assert money, "the amounts themselves are found"
    inside = [doc.text[e.start:e.end] for e in doc.entities
              if any(s <= e.start and e.end <= t for s, t in money)]
    assert inside == []


def test_gods_name_and_common_nouns_alone_are_not_names() -> None:
    """«الله» in formulas, «مجلس» or «استقلال» alone are no entities; «عبد الله الثاني» and
    «مجلس الأمن» still are."""
    import rasad

    doc = rasad.analyze("إن شاء الله ستنتهي الأزمة، والحمد لله على كل حال. وقال عبد الله الثاني "
                        "إن مجلس الأمن سيجتمع.", published="2024-03-01")
    texts = {doc.text[e.start:e.end] for e in doc.entities}
    assert not texts & {"الله", "لله"}
    assert {"عبد الله الثاني", "مجلس الأمن"} <= texts
