"""Sentences and tokens: boundaries where a reader puts them, offsets exact in the original."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.document import Document
from rasad.pipeline import Pipeline
from rasad.text import langid, segment
from rasad.text.normalize import normalize
from rasad.text.segment import split_sentences, tokenize

ZWNJ = "\u200c"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def tokens(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in tokenize(text)]


@pytest.mark.parametrize("number", ["۴٫۳۵۸", "86.262", "4.358", "3.5", "1,007", "۱٬۰۰۷", "٤٫٣٥٨"])
def test_no_split_inside_numbers(number: str) -> None:
    text = f"حجم مبادلات به {number} میلیارد دلار رسید. این رقم بی‌سابقه است."
    assert sentences(text) == [f"حجم مبادلات به {number} میلیارد دلار رسید.", "این رقم بی‌سابقه است."]
    assert number in tokens(text)


def test_punctuation_splits() -> None:
    text = "آیا او می‌آید؟ نه! او گفت؛ ما می‌رویم. تمام"
    assert sentences(text) == ["آیا او می‌آید؟", "نه!", "او گفت؛", "ما می‌رویم.", "تمام"]
    assert sentences("هل سيأتي؟ لا. لن يأتي!") == ["هل سيأتي؟", "لا.", "لن يأتي!"]


def test_line_breaks_always_split() -> None:
    text = "عنوان خبر\nمتن اول بدون نقطه\n\n  پاراگراف دوم.  \r\nپایان"
    assert sentences(text) == ["عنوان خبر", "متن اول بدون نقطه", "پاراگراف دوم.", "پایان"]


@pytest.mark.parametrize("text", [
    "همانطور که M. Galuzin خاطرنشان کرد، کار ادامه دارد.",
    "أ. تعزيز المرونة والكفاءة التشغيلية.",
    "نماینده ج.ا.ا در سازمان ملل سخن گفت.",
    "این شهر در سال 500 ق.م بنا شد و هنوز پابرجاست.",
    "سخنرانی Dr. Smith در تهران برگزار شد.",
    "1. مقدمه و تاریخچه روابط دو کشور.",
    "ثالثا. انخفاض التكاليف السياسية.",
])
def test_abbreviations_initials_and_list_markers_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_era_letter_after_a_year_ends_the_sentence() -> None:
    text = "ولد في القاهرة عام 1950 م. وقال إنه سيعود."
    assert sentences(text) == ["ولد في القاهرة عام 1950 م.", "وقال إنه سيعود."]
    text = "در سال ۱۳۵۷ ه.ش. انقلاب شد. سپس جنگ آغاز شد."
    assert sentences(text) == ["در سال ۱۳۵۷ ه.ش.", "انقلاب شد.", "سپس جنگ آغاز شد."]


@pytest.mark.parametrize("text", [
    "توفي في 12 مارس 2023 م. في القاهرة، وولد عام 1440 هـ. في مكة.",
    "توفي في 12 مارس 2023 م. في القاهرة.",  # في (folded to فی on the normalized copy)
    "سال ۲۰۲۳ م. در تهران بود.",
])
def test_era_letter_followed_by_a_preposition_goes_on(text: str) -> None:
    assert sentences(text) == [text]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'او گفت: "ما با یکدیگر صحبت کرده ایم ." سپس رفت.'
    assert sentences(text) == ['او گفت: "ما با یکدیگر صحبت کرده ایم ."', "سپس رفت."]
    text = "او گفت: «ما آماده‌ایم.» «این پایان نیست.» وی افزود."
    assert sentences(text) == ["او گفت: «ما آماده‌ایم.»", "«این پایان نیست.»", "وی افزود."]
    text = "قال: (هذا مهم جدا.) ثم غادر."
    assert sentences(text) == ["قال: (هذا مهم جدا.)", "ثم غادر."]


def test_quote_inside_a_sentence_does_not_split() -> None:
    text = "«ما آماده‌ایم.»، وی این را گفت."
    assert sentences(text) == [text]


def test_ellipsis() -> None:
    assert sentences("کشورهای اروپایی، آمریکا و ... در این نشست حضور داشتند.") == [
        "کشورهای اروپایی، آمریکا و ... در این نشست حضور داشتند."]
    assert sentences("او ساکت ماند… سپس رفت.") == ["او ساکت ماند…", "سپس رفت."]
    assert sentences("مَن المتضرر؟ .. كيف سيؤدي ذلك؟") == ["مَن المتضرر؟ ..", "كيف سيؤدي ذلك؟"]


def test_stray_mark_stays_with_its_sentence() -> None:
    assert sentences("فهل انتهت مهمتها؟ :\nإذ صرّح") == ["فهل انتهت مهمتها؟ :", "إذ صرّح"]


def test_tokens() -> None:
    text = "در پایان ۲۰۲۰-۲۰۲۳، حجم ۴٫۳۵۸ میلیارد و 1,007 نفر بین‌المللی‌ها «سلام» (G20)!"
    assert tokens(text) == [
        "در", "پایان", "۲۰۲۰", "-", "۲۰۲۳", "،", "حجم", "۴٫۳۵۸", "میلیارد", "و", "1,007", "نفر",
        "بین‌المللی‌ها", "«", "سلام", "»", "(", "G", "20", ")", "!"]
    norms = {text[s:e]: norm for s, e, norm in tokenize(text)}
    assert norms["بین‌المللی‌ها"] == "بینالمللیها"  # ZWNJ kept in the span, dropped in norm
    assert norms["۴٫۳۵۸"] == "4.358"
    assert norms["۱۰۰۷" if "۱۰۰۷" in norms else "1,007"] == "1,007"


def test_token_norm_is_normalized() -> None:
    text = "كَيفَ الرئيس ﻻ روســيا"
    assert [n for _, _, n in tokenize(text)] == ["کیف", "الرییس", "لا", "روسیا"]
    assert tokens(text) == ["كَيفَ", "الرئيس", "ﻻ", "روســيا"]


def test_annotate_fills_sentences_and_tokens() -> None:
    text = "\u200fروسیه‌ای‌ها آمدند.\nقال بوتين: «مرحبا»."
    doc = segment.annotate(langid.annotate(Document(text)))
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["روسیه‌ای‌ها آمدند.", "قال بوتين: «مرحبا»."]
    assert [(doc.text[t.start:t.end], t.sentence) for t in doc.tokens][:4] == [
        ("روسیه‌ای‌ها", 0), ("آمدند", 0), (".", 0), ("قال", 1)]
    for tok in doc.tokens:
        sent = doc.sentences[tok.sentence]
        assert sent.start <= tok.start < tok.end <= sent.end


def test_pipeline_runs_both_stages() -> None:
    doc = Pipeline(["language", "segment"]).analyze("این یک آزمایش است. و دومی.")
    assert doc.lang == "fa" and len(doc.sentences) == 2 and len(doc.tokens) == 8


def test_empty_and_blank() -> None:
    for text in ("", "   ", "\n\n"):
        doc = segment.annotate(Document(text))
        assert doc.sentences == [] and doc.tokens == []


def check_spans(text: str) -> None:
    """Every span lies in the text, is stripped, and its normalized form is the token norm."""
    doc = segment.annotate(langid.annotate(Document(text)))
    for sent in doc.sentences:
        piece = text[sent.start:sent.end]
        assert piece and piece == piece.strip(), repr(piece)
    for tok in doc.tokens:
        piece = text[tok.start:tok.end]
        assert piece, (text, tok)
        assert normalize(piece).text.replace(ZWNJ, "") == tok.norm, (piece, tok)


MESSY = "آب كَيفَ ﻻ ﻵ ـــ \u200c\u200d\u200f ۴٫۳۵۸. ؟! «» \"\n\t M. 1,007 ه.ش ی ي ة"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MESSY, max_size=40))
def test_offsets_map_back_exactly(text: str) -> None:
    check_spans(text)


def test_seeds(seed_texts: dict[str, str]) -> None:
    for stem, text in seed_texts.items():
        doc = segment.annotate(langid.annotate(Document(text)))
        check_spans(text)
        spans = [text[s.start:s.end] for s in doc.sentences]
        assert all("\n" not in s for s in spans), stem  # never glued across a line break
        assert len(spans) >= text.count("\n") // 2, stem
        words = {text[t.start:t.end] for t in doc.tokens}
        for number in re.findall(r"\d+(?:[.,٫٬]\d+)+", text):
            assert number in words, (stem, number)  # one token ...
            assert any(number in s for s in spans), (stem, number)  # ... inside one sentence
    fa4, ar2 = seed_texts.get(_stem(seed_texts, "004")), seed_texts.get(_stem(seed_texts, "002"))
    assert "۴٫۳۵۸" in fa4 and "86.262" in ar2


def test_seed_quote_with_space_before_period(seed_texts: dict[str, str]) -> None:
    text = seed_texts[_stem(seed_texts, "000")]
    spans = sentences(text)
    closing = [s for s in spans if s.endswith('ایم ."')]
    assert closing and closing[0].startswith("الکساندر گروشکو")


def _stem(seed_texts: dict[str, str], prefix: str) -> str:
    return next(stem for stem in seed_texts if stem.startswith(prefix))
