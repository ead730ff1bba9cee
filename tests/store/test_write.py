"""rasad.store.write: one transaction per document, idempotent re-runs, duplicates counted."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from rasad.document import Document, Entity
from rasad.store.db import connect
from rasad.store.read import stats
from rasad.store.rows import document_rows
from rasad.store.search import search
from rasad.store.write import (
    delete_document,
    finish_run,
    has_document,
    known_hashes,
    record_problem,
    save_batch,
    save_document,
    save_rows,
    start_run,
)
from tests.store.helpers import content_hash, make_doc


@pytest.fixture
def conn():
    return connect(":memory:")


def save(conn, doc, **kwargs):
    return save_document(conn, doc, content_hash=content_hash(doc.text), **kwargs)


def count(conn, table):
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_save_inserts_then_skips_the_same_document(conn):
    doc = make_doc(1)
    assert save(conn, doc) == "inserted"
    assert save(conn, doc) == "exists"
    assert has_document(conn, doc.id) and not has_document(conn, "nope")
    assert count(conn, "documents") == 1 and count(conn, "sentences") == len(doc.sentences)
    assert count(conn, "entities") == 3 and count(conn, "duplicates") == 0
    row = conn.execute("SELECT * FROM documents").fetchone()
    assert (row["origin"], row["format"], row["encoding"]) == ("fa.jsonl:1", "jsonl", "utf-8")
    assert row["n_tokens"] == len(doc.tokens) and row["n_sentences"] == len(doc.sentences)
    assert json.loads(row["analyzed_with"])["stages"] == ["language", "segment"]


def test_same_text_elsewhere_is_stored_once_and_counted_once(conn):
    doc = make_doc(1)
    save(conn, doc)
    # Same text, other metadata (another id) from another file; and the same id from a copy.
    other = Document(doc.text, title="another title", meta={"origin": "mirror.html"})
    copy = Document(doc.text, id=doc.id, title=doc.title, meta={"origin": "copy/fa.jsonl:1"})
    assert save(conn, other) == "duplicate"
    assert save(conn, copy) == "duplicate"
    # A re-run sees them again: nothing new.
    assert save(conn, other) == "exists" and save(conn, copy) == "exists"
    assert count(conn, "documents") == 1
    dups = conn.execute("SELECT doc_id, dup_id, origin FROM duplicates ORDER BY id").fetchall()
    assert [tuple(d) for d in dups] == [(doc.id, other.id, "mirror.html"),
                                        (doc.id, doc.id, "copy/fa.jsonl:1")]
    assert stats(conn)["duplicates"] == 2


def test_duplicate_without_origin_is_counted_once(conn):
    save(conn, make_doc(1))
    other = Document(make_doc(1).text, title="x")
    assert save(conn, other) == "duplicate"
    assert save(conn, other) == "exists"


def test_an_id_given_twice_for_different_texts_is_refused(conn):
    save(conn, Document("متن اول", id="bench-fa-00001", meta={"origin": "a.jsonl:1"}))
    with pytest.raises(ValueError, match="already stored with another text"):
        save(conn, Document("متن دوم", id="bench-fa-00001", meta={"origin": "b.jsonl:1"}))


def test_event_dict_maps_to_query_columns(conn):
    doc = make_doc(2)
    save(conn, doc)
    row = conn.execute("SELECT * FROM events").fetchone()
    assert row["trigger_text"] == "همکاری" == doc.text[row["trigger_start"]:row["trigger_end"]]
    assert (row["source_kb_id"], row["source_country"], row["source_sector"]) == ("Q7747", "RUS", "GOV")
    assert (row["target_kb_id"], row["target_country"], row["target_entity"]) == ("Q794", "IRN", None)
    assert (row["cameo"], row["plover_event"], row["quad_class"], row["goldstein"]) == ("057", "AGREE", 1, 8.0)
    assert (row["date"], row["status"], row["rule"]) == ("2022-07-05", "asserted", "fa.cooperate.1")
    assert json.loads(row["location"])["name_en"] == "Tehran"
    assert json.loads(row["record"]) == doc.events[0]
    dyad = conn.execute("SELECT count(*) FROM events WHERE source_country = 'RUS' "
                        "AND target_country = 'IRN' AND date BETWEEN '2022-07-01' AND '2022-07-31'")
    assert dyad.fetchone()[0] == 1


def test_quote_speaker_and_layers_get_columns(conn):
    save(conn, make_doc(3))
    quote = conn.execute("SELECT * FROM quotes").fetchone()
    assert (quote["speaker_kb_id"], quote["speaker_name_en"], quote["cue"]) == ("Q7747", "Vladimir Putin", "گفت")
    assert conn.execute("SELECT relative FROM times ORDER BY idx").fetchall()[1][0] == 1
    assert conn.execute("SELECT value, unit FROM quantities").fetchone()[:] == (4.358e9, "USD")
    assert json.loads(conn.execute("SELECT extra FROM entities WHERE idx = 0").fetchone()[0]) == {"mention": "name"}
    assert conn.execute("SELECT count(*) FROM entities WHERE kb_id = 'Q7747'").fetchone()[0] == 1


def test_failing_document_leaves_nothing_behind(conn):
    doc = make_doc(4)
    doc.add(Entity(start=0, end=3, type="PER", extra={"bad": object()}))  # not JSON
    with pytest.raises(TypeError):
        save(conn, doc)
    for table in ("documents", "sentences", "entities", "times", "events", "duplicates"):
        assert count(conn, table) == 0, table
    assert search(conn, "پوتین") == []


def test_save_batch_counts_and_is_idempotent(conn):
    docs = [make_doc(i, lang="fa" if i % 2 else "ar") for i in range(23)]
    docs.append(make_doc(5))  # the same document twice in one batch
    assert save_batch(conn, docs, hash_text=content_hash, batch_size=5) == {"inserted": 23, "exists": 1}
    assert save_batch(conn, docs, hash_text=content_hash, batch_size=7) == {"exists": 24}
    assert count(conn, "documents") == 23
    assert stats(conn)["languages"] == {"ar": 12, "fa": 11}


def test_save_batch_without_handler_rolls_back_the_failing_batch(conn):
    docs = [make_doc(i) for i in range(6)]
    docs[4].add(Entity(start=0, end=1, type="PER", extra={"bad": {1, 2}}))
    with pytest.raises(TypeError):
        save_batch(conn, docs, hash_text=content_hash, batch_size=3)
    assert count(conn, "documents") == 3  # the first batch only


def test_save_batch_with_handler_skips_only_the_failing_document(conn):
    run = start_run(conn, paths=["in/fa.jsonl"])
    docs = [make_doc(i) for i in range(6)]
    docs[4].add(Entity(start=0, end=1, type="PER", extra={"bad": {1, 2}}))

    def on_error(doc, error):
        record_problem(conn, run, message=f"{type(error).__name__}: {error}",
                       origin=doc.meta["origin"], doc_id=doc.id)

    counts = save_batch(conn, docs, hash_text=content_hash, batch_size=3, run_id=run,
                        on_error=on_error)
    finish_run(conn, run, counts=counts)
    assert counts == {"inserted": 5, "failed": 1}
    assert count(conn, "documents") == 5 and not has_document(conn, docs[4].id)
    problem = conn.execute("SELECT * FROM problems").fetchone()
    assert problem["origin"] == "fa.jsonl:4" and "TypeError" in problem["message"]
    run_row = conn.execute("SELECT * FROM runs").fetchone()
    assert run_row["finished_at"] and json.loads(run_row["counts"]) == {"inserted": 5, "failed": 1}
    assert json.loads(run_row["paths"]) == ["in/fa.jsonl"]
    assert conn.execute("SELECT count(DISTINCT run_id) FROM documents").fetchone()[0] == 1


def test_known_hashes_for_resume(conn):
    docs = [make_doc(i) for i in range(3)]
    save_batch(conn, docs[:2], hash_text=content_hash)
    hashes = [content_hash(d.text) for d in docs] * 400  # more than one IN (...) chunk
    assert known_hashes(conn, hashes) == {content_hash(d.text) for d in docs[:2]}
    assert known_hashes(conn, []) == set()


def test_delete_document_removes_rows_and_search_entries(conn):
    keep, drop = make_doc(1), make_doc(2)
    for doc in (keep, drop):
        save(conn, doc)
    assert save(conn, Document(drop.text, title="dup")) == "duplicate"
    assert delete_document(conn, drop.id) and not delete_document(conn, drop.id)
    assert [r[0] for r in conn.execute("SELECT id FROM documents")] == [keep.id]
    for table in ("sentences", "entities", "times", "quantities", "quotes", "events", "duplicates"):
        left = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (drop.id,))
        assert left.fetchone()[0] == 0, table
    assert {hit["doc_id"] for hit in search(conn, "پوتین")} == {keep.id}
    # The index itself (not just the join to sentences) forgot the deleted sentences.
    indexed = {r[0] for r in conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'پوتین'")}
    assert indexed == {r[0] for r in conn.execute("SELECT id FROM sentences WHERE idx = 0")}
    assert len(indexed) == 1
    conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 0)")


def _mixed_batch() -> list[Document]:
    """New documents in both languages, a copy under another id (a duplicate), the same
    document twice (exists), and events that merge across documents."""
    docs = [make_doc(i, lang="fa" if i % 2 else "ar") for i in range(10)]
    return [*docs, Document(docs[3].text, title="copy", meta={"origin": "copy.txt"}), docs[5]]


def test_save_rows_writes_a_batch_as_save_document_writes_each(tmp_path):
    from tests.db_contents import contents, differences

    docs = _mixed_batch()
    one_by_one, batched = connect(tmp_path / "each.db"), connect(tmp_path / "batch.db")
    each = [save(one_by_one, doc) for doc in docs]
    counts = save_rows(batched, [document_rows(doc, content_hash=content_hash(doc.text))
                                 for doc in docs])
    assert counts == Counter(each) == {"inserted": 10, "duplicate": 1, "exists": 1}
    one_by_one.close()
    batched.close()
    assert differences(contents(tmp_path / "each.db"), contents(tmp_path / "batch.db")) == []
    assert search(connect(tmp_path / "batch.db"), "پوتین")


def test_save_rows_with_a_handler_skips_only_the_document_that_fails(conn):
    docs = [make_doc(i) for i in range(4)]
    clash = Document("متن دیگری با همان شناسه.", id=docs[1].id, meta={"origin": "other.txt"})
    failed = []
    rows = [document_rows(doc, content_hash=content_hash(doc.text))
            for doc in [docs[0], docs[1], clash, docs[2], docs[3]]]
    counts = save_rows(conn, rows, on_error=lambda row, error: failed.append((row.origin, error)))
    assert counts == {"inserted": 4, "failed": 1}
    assert [(origin, type(error)) for origin, error in failed] == [("other.txt", ValueError)]
    assert count(conn, "documents") == 4
    assert count(conn, "sentences") == sum(len(doc.sentences) for doc in docs)


def test_save_rows_without_a_handler_stores_nothing_of_a_failing_batch(conn):
    docs = [make_doc(i) for i in range(3)]
    clash = Document("متن دیگری با همان شناسه.", id=docs[0].id)
    rows = [document_rows(doc, content_hash=content_hash(doc.text)) for doc in [*docs, clash]]
    with pytest.raises(ValueError, match="already stored with another text"):
        save_rows(conn, rows)
    for table in ("documents", "sentences", "entities", "events"):
        assert count(conn, table) == 0, table
