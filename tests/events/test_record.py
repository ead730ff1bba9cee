"""The event record: round trips, spans, the document contract, valid references."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from rasad.document import Actor, Document
from rasad.events.record import STATUSES, Event

TEXTS = [
    "عراقچی با لاوروف در مسکو دیدار کرد. پزشکیان با پوتین دیدار نخواهد کرد.",
    "عراقچی گفت: «ما با لاوروف در مسکو دیدار کردیم. این دیدار سازنده بود.» او افزود که ایران با "
    "روسیه دیدار خواهد کرد.",
    "اجتمع لافروف مع عراقجي في موسكو. لم يجتمع الرئيس الروسي مع الرئيس الإيراني.",
    "وقال لافروف إن روسيا اجتمعت مع إيران في موسكو. نفت موسكو أن يكون لافروف قد اجتمع مع عراقجي.",
]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("rasad.schema").joinpath("document.schema.json")
                      .read_text("utf-8"))


@pytest.fixture(scope="module")
def docs(analyze) -> list[Document]:  # noqa: ANN001
    found = [analyze(t) for t in TEXTS]
    assert all(d.events for d in found), [d.text for d in found if not d.events]
    return found


def test_event_round_trip_through_json(docs: list[Document]) -> None:
    for doc in docs:
        for event in doc.events:
            data = json.loads(json.dumps(event.to_dict(doc), ensure_ascii=False))
            back = Event.from_dict(data)
            assert back == event
            assert back.to_dict(doc) == event.to_dict(doc)


def test_round_trip_keeps_extras() -> None:
    doc = Document(text="عراقچی با لاوروف دیدار کرد.")
    event = Event(sentence=0, start=17, end=26, source=Actor(kb_id="a", country="IRN"),
                  target=None, cameo="040", plover="CONSULT", quad_class=1, goldstein=1.0,
                  status="negated", rule="r:1 x",
                  extra={"status_reason": "why", "reporter": {"entity": 0, "name_en": "X"}})
    data = event.to_dict(doc)
    assert data["trigger"] == {"start": 17, "end": 26, "text": "دیدار کرد"}
    assert data["target"] is None
    assert data["plover"]["event"] == "CONSULT"
    back = Event.from_dict(data)
    assert back == event
    assert back.extra == {"status_reason": "why", "reporter": {"entity": 0, "name_en": "X"}}
    assert not back.happened


def test_trigger_text_is_the_documents_span(docs: list[Document]) -> None:
    for doc in docs:
        for event in doc.events:
            data = event.to_dict(doc)
            assert data["trigger"]["text"] == doc.text[event.start:event.end]
            assert data["trigger"]["text"].strip() == data["trigger"]["text"] != ""
            sentence = doc.sentences[event.sentence]
            assert sentence.start <= event.start < event.end <= sentence.end


def test_document_validates_against_the_contract(docs: list[Document], schema: dict) -> None:
    for doc in docs:
        data = doc.to_dict()
        jsonschema.validate(data, schema)
        assert data["events"]
        # and survives a JSON round trip through Document.from_dict
        back = Document.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
        assert [e.to_dict(back) for e in back.events] == data["events"]


def test_events_point_at_existing_sentences_and_entities(docs: list[Document]) -> None:
    for doc in docs:
        for event in doc.events:
            assert 0 <= event.sentence < len(doc.sentences)
            assert event.status in STATUSES
            assert event.source is not None  # an event without a source is not emitted
            for actor in (event.source, event.target):
                if actor is None or actor.entity is None:
                    continue
                assert 0 <= actor.entity < len(doc.entities)
                entity = doc.entities[actor.entity]
                if actor.kb_id and entity.kb_id:  # a city that acts: the government it stands for
                    assert actor.kb_id in (entity.kb_id, entity.extra.get("stands_for", {}).get("id"))
            if event.location:
                assert 0 <= event.location["entity"] < len(doc.entities)
                loc = doc.entities[event.location["entity"]]
                assert event.location["text"] == doc.text[loc.start:loc.end]


def test_events_are_dated_and_explained(docs: list[Document]) -> None:
    for doc in docs:
        for event in doc.events:
            assert event.date == "2024-03-01"
            assert event.extra["status_reason"]
            assert event.rule and ":" in event.rule.split()[0]
            assert event.extra["lang"] in ("fa", "ar")


def test_source_and_target_differ(docs: list[Document]) -> None:
    for doc in docs:
        for event in doc.events:
            if event.source and event.target and event.source.kb_id:
                assert event.source.kb_id != event.target.kb_id, doc.text[event.start:event.end]


def test_title_and_name_are_one_side(analyze) -> None:  # noqa: ANN001
    """«وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي»: two people, not four."""
    doc = analyze("التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي في موسكو.")
    event = doc.events[0]
    assert event.source is not None and event.target is not None
    assert {event.source.country, event.target.country} == {"RUS", "IRN"}
