"""rasad.store.read: documents read back exactly as saved; what a database holds."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from rasad.document import Document, Sentence
from rasad.store.db import connect
from rasad.store.migrations import MIGRATIONS
from rasad.store.read import iter_documents, load_dict, load_document, stats
from rasad.store.write import record_problem, save_batch, save_document, start_run
from tests.store.helpers import content_hash, make_doc


@pytest.fixture
def conn():
    return connect(":memory:")


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_round_trip_every_layer(conn, lang):
    doc = make_doc(7, lang=lang)
    save_document(conn, doc, content_hash=content_hash(doc.text))
    original = doc.to_dict()
    assert load_dict(conn, doc.id) == original
    loaded = load_document(conn, doc.id)
    assert loaded.to_dict() == original
    assert Document.from_dict(load_dict(conn, doc.id)).to_dict() == original
    assert loaded.meta == doc.meta and loaded.done == doc.done and loaded.lang == lang
    assert loaded.text == doc.text


def test_round_trip_without_events_uses_the_plain_contract(conn):
    doc = make_doc(8, events=False)
    save_document(conn, doc, content_hash=content_hash(doc.text))
    assert load_document(conn, doc.id).to_dict() == doc.to_dict()
    assert load_dict(conn, doc.id)["quotes"][0]["speaker"]["sector"] == "GOV"
    assert load_dict(conn, doc.id)["times"][1]["relative"] is True


def test_offsets_survive_astral_characters_and_no_language(conn):
    text = "🇮🇷 ایران‌خودرو 𝔸 گزارش داد. دومین جمله."
    doc = Document(text)
    doc.sentences = [Sentence(0, text.index(".") + 1), Sentence(text.index("دومین"), len(text))]
    save_document(conn, doc, content_hash=content_hash(text))
    assert load_document(conn, doc.id).to_dict() == doc.to_dict()
    assert load_dict(conn, doc.id)["lang"] == "other"
    # The analysts' view slices with SQLite's substr: it must agree with Python offsets.
    view = [r["text"] for r in conn.execute("SELECT text FROM sentence_text ORDER BY idx")]
    assert view == [text[s.start:s.end] for s in doc.sentences]
    assert stats(conn)["languages"] == {"unknown": 1}


def test_load_missing_document(conn):
    assert load_dict(conn, "nope") is None
    with pytest.raises(KeyError, match="no document"):
        load_document(conn, "nope")


def test_iter_documents_filters(conn):
    docs = [make_doc(i, lang="fa" if i % 2 else "ar") for i in range(10)]
    save_batch(conn, docs, hash_text=content_hash)
    assert len(list(iter_documents(conn))) == 10
    assert {d.lang for d in iter_documents(conn, lang="fa")} == {"fa"}
    days = [d.published for d in iter_documents(conn, since="2022-07-03", until="2022-07-05")]
    assert days == ["2022-07-03", "2022-07-04", "2022-07-05"]
    assert [d.id for d in iter_documents(conn, limit=2)] == [docs[0].id, docs[1].id]
    assert list(iter_documents(conn, source="elsewhere")) == []


def test_until_includes_timestamps_of_that_day(conn):
    doc = Document("متن آزمایشی", published="2022-07-05T09:30:00+04:30")
    save_document(conn, doc, content_hash="h")
    assert [d.id for d in iter_documents(conn, until="2022-07-05")] == [doc.id]
    assert list(iter_documents(conn, until="2022-07-04")) == []


def test_stats(tmp_path):
    conn = connect(tmp_path / "rasad.db")
    empty = stats(conn)
    assert empty["documents"] == 0 and empty["schema_version"] == len(MIGRATIONS) and empty["tokens"] == 0
    run = start_run(conn, paths=["x"])
    docs = [make_doc(i, lang="fa" if i < 3 else "ar") for i in range(5)]
    save_batch(conn, [*docs, Document(docs[0].text, title="dup")], hash_text=content_hash)
    record_problem(conn, run, message="unreadable", origin="bad.html")
    out = stats(conn)
    assert out["documents"] == 5 and out["languages"] == {"fa": 3, "ar": 2}
    assert out["sentences"] == sum(len(d.sentences) for d in docs)
    assert out["tokens"] == sum(len(d.tokens) for d in docs)
    assert (out["entities"], out["times"], out["quantities"], out["quotes"], out["events"]) == (11, 6, 3, 3, 5)
    assert (out["duplicates"], out["runs"], out["problems"]) == (1, 1, 1)
    assert out["published"] == {"first": "2022-07-01", "last": "2022-07-05"}
    assert out["file_bytes"] > 0 and out["path"].endswith("rasad.db")
    ro = connect(tmp_path / "rasad.db", readonly=True)
    assert stats(ro)["documents"] == 5


def test_stored_document_still_meets_the_contract(conn):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("rasad.schema").joinpath("document.schema.json").read_text("utf-8"))
    for lang in ("fa", "ar"):
        doc = make_doc(11, lang=lang)
        save_document(conn, doc, content_hash=content_hash(doc.text))
        jsonschema.validate(load_dict(conn, doc.id), schema)
