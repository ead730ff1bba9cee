"""The pipeline stage: annotations land on the document, match the contract, survive any input."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.document import Document, Quantity
from rasad.quantity import annotate, find_quantities


def _schema() -> dict:
    return json.loads(resources.files("rasad.schema").joinpath("document.schema.json").read_text("utf-8"))


def test_annotate_fills_the_quantities_layer() -> None:
    doc = annotate(Document("حجم مبادلات به ۴٫۳۵۸ میلیارد دلار و رشد ۱۷٫۵ درصدی رسید", lang="fa"))
    assert [(q.kind, q.unit) for q in doc.quantities] == [("money", "USD"), ("percent", "%")]
    assert all(isinstance(q, Quantity) for q in doc.quantities)


def test_output_follows_the_schema_and_round_trips() -> None:
    doc = annotate(Document("ما بين 27 و28 مليار دولار، وعشرات القتلى و500 ليرة", lang="ar"))
    data = doc.to_dict()
    jsonschema.validate(data, _schema())
    assert [q["text"] for q in data["quantities"]] == ["ما بين 27 و28 مليار دولار", "عشرات القتلى", "500 ليرة"]
    assert data["quantities"][1]["value"] is None
    again = Document.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.to_dict()["quantities"] == data["quantities"]


def test_document_without_language_is_read() -> None:
    doc = annotate(Document("تدريب 24 ألف جندي أوكراني"))
    assert [(q.value, q.unit) for q in doc.quantities] == [(24000, "soldier")]


_CHARS = st.one_of(
    st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩.,٫٬/-:+%٪$€ \u200c\u200f\u0640\u064e\n،")),
    st.sampled_from(["و", "تا", "هزار", "میلیون", "مليار", "ألف", "آلاف", "درصد", "دلار", "ليرة", "سال",
                     "عام", "ژانویه", "أغسطس", "نفر", "جندي", "تن", "از", "بين", "عشرات", "سه", "ثلاثة",
                     "نیم", "ونصف", "ساعت", "-ام", "مین", "منفی", "دهم", "عشر", "مائة"]),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=30).map("".join), st.sampled_from(["fa", "ar", None]))
def test_any_input_gives_valid_spans_and_explained_nulls(text: str, lang: str | None) -> None:
    for q in find_quantities(text, lang=lang):
        assert 0 <= q.start < q.end <= len(text)
        assert q.value is not None or q.extra.get("reason")
        assert q.kind in ("money", "percent", "count", "distance", "mass", "other")
        json.dumps(q.to_dict(Document(text)), allow_nan=False)


def test_a_duration_the_time_stage_holds_is_not_also_a_quantity() -> None:
    from rasad import analyze

    doc = analyze("این دیدار ۵۰ دقیقه طول کشید و ۳ میلیون دلار هزینه داشت.", lang="fa")
    assert [t.granularity for t in doc.times] == ["duration"]
    assert [(q.kind, q.unit) for q in doc.quantities] == [("money", "USD")]
