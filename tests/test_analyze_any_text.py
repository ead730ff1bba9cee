"""The whole default pipeline on messy text: it never crashes and every span stays in bounds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasad

PIECES = st.sampled_from([
    "روسیه", "وروسيا", "بین\u200cالمللی", "بینالمللی", "۴٫۳۵۸", "86.262", "مليار", "دلار", "٪",
    "۱۰ ژانویه ۲۰۲۲ (۲۰ دی)", "9 أغسطس/آب 2016", "١٤٤٥ هـ", "30 اسفند 1402", "شامگاه یکشنبه",
    "الرئيس الروسي", "نظيره التركي", "پوتین", "أردوغان", "«", "»", '"', ".", "؟", "!", "؛", "\n",
    " ", "\u200c", "\u200f", "\u0640", "\u064e", "\ufefb", "ك", "ي", "x", "2024-2026", "ماه ۱۳",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from([None, "2024-04-22"]))
def test_every_span_lies_in_the_text(text: str, published: str | None) -> None:
    doc = rasad.analyze(text, published=published)
    data = doc.to_dict()
    assert data["lang"] in ("fa", "ar", "other")
    for layer in ("sentences", "entities", "times", "quantities", "quotes"):
        for span in data[layer]:
            assert 0 <= span["start"] <= span["end"] <= len(text), (layer, span)
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert not text[token.start:token.end].isspace()
