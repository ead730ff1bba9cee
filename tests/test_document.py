"""The Document contract: spans read from the text, JSON that validates, stable ids."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from rasad.document import Actor, Document, Entity, Quantity, Quote, Sentence, Time, iso_day

TEXT = "قال الرئيس الروسي فلاديمير بوتين الثلاثاء 9 أغسطس/آب 2016.\nروسیه ۴٫۳۵۸ میلیارد دلار داد."


def schema() -> dict:
    raw = resources.files("rasad.schema").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(raw)


def annotated() -> Document:
    doc = Document(TEXT, lang="ar", published="2016-08-09", source="test")
    doc.sentences = [Sentence(0, 59), Sentence(60, len(TEXT))]
    start = TEXT.index("فلاديمير")
    doc.add(Entity(start=start, end=start + len("فلاديمير بوتين"), type="PER", kb_id="Q7747",
                   name_en="Vladimir Putin", country="RUS", confidence=0.97))
    start = TEXT.index("9 أغسطس")
    doc.add(Time(start=start, end=start + len("9 أغسطس/آب 2016"), value="2016-08-09",
                 granularity="day", calendar="gregorian"))
    start = TEXT.index("۴٫۳۵۸")
    doc.add(Quantity(start=start, end=start + len("۴٫۳۵۸ میلیارد دلار"), value=4.358e9,
                     kind="money", unit="USD"))
    doc.add(Quote(start=0, end=3, speaker=Actor(kb_id="Q7747", name_en="Vladimir Putin"), cue="قال"))
    return doc


def test_to_dict_validates_against_the_contract() -> None:
    jsonschema.validate(annotated().to_dict(), schema())


def test_every_span_text_equals_the_document_text() -> None:
    data = annotated().to_dict()
    for layer in ("sentences", "entities", "times", "quantities", "quotes"):
        for item in data[layer]:
            assert item["text"] == data["text"][item["start"]:item["end"]]


def test_round_trip_through_dict_and_json() -> None:
    doc = annotated()
    again = Document.from_dict(json.loads(doc.to_json()))
    assert again.to_dict() == doc.to_dict()


def test_span_outside_the_text_is_refused_with_the_document_named() -> None:
    doc = Document("روسیه")
    with pytest.raises(ValueError, match=rf"outside document {doc.id}"):
        doc.add(Entity(start=2, end=40, type="LOC"))
    with pytest.raises(ValueError):
        doc.add(Entity(start=-1, end=2, type="LOC"))


def test_id_is_stable_and_depends_on_text_and_metadata() -> None:
    assert Document(TEXT).id == Document(TEXT).id
    assert Document(TEXT).id != Document(TEXT + " ").id
    assert Document(TEXT, url="https://a.example").id != Document(TEXT).id


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError, match="must be str"):
        Document(b"bytes")  # type: ignore[arg-type]


def test_extra_fields_survive_the_round_trip() -> None:
    doc = Document("۲۰ دی")
    doc.add(Time(start=0, end=5, value=None, granularity="day", calendar="jalali",
                 extra={"reason": "no publication date to anchor the year"}))
    data = doc.to_dict()
    assert data["times"][0]["reason"].startswith("no publication")
    assert Document.from_dict(data).times[0].extra["reason"] == data["times"][0]["reason"]


def test_an_inferred_publication_date_says_so() -> None:
    doc = Document("تهران - ۱۰ ژانویه ۲۰۲۲", published="2022-01-10")
    doc.meta["published_source"] = "inferred:dateline"
    data = doc.to_dict()
    assert data["published_source"] == "inferred:dateline"
    assert Document.from_dict(data).to_dict() == data
    assert "published_source" not in Document("x", published="2022-01-10").to_dict()


@pytest.mark.parametrize("value, day", [("2016-08-09", "2016-08-09"),
                                        ("2016-08-09T10:00:00+03:00", "2016-08-09"),
                                        ("yesterday", None), (None, None)])
def test_published_day(value: str | None, day: str | None) -> None:
    parsed = iso_day(value)
    assert (parsed.isoformat() if parsed else None) == day
