"""rasad.store.clusters: merged events kept up to date by the write path, whatever the order."""

from __future__ import annotations

import csv
import json
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from rasad import default_pipeline
from rasad.analysis.dyad import dyad
from rasad.document import Document
from rasad.ingest import content_hash
from rasad.store import connect, delete_document, save_batch, save_document, stats
from rasad.store.clusters import query_merged, recluster_all
from tests.events.test_cli import run

# The Persian and the Arabic report of Putin meeting Erdogan in Saint Petersburg, 2016-08-09,
# the Persian report of their Astana meeting (2024-07-03), and demo-ar-01 (its Arabic report).
PAIR = ("demo-fa-09", "demo-ar-09")
OTHERS = ("demo-fa-10", "demo-ar-01")


@pytest.fixture(scope="module")
def analysed() -> dict[str, Document]:
    raw = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    articles = {a["id"]: a for a in map(json.loads, raw.splitlines())}
    pipeline = default_pipeline()
    docs = {}
    for doc_id in PAIR + OTHERS:
        article = articles[doc_id]
        doc = pipeline.analyze(article["text"], published=article["published"])
        doc.id = doc_id
        docs[doc_id] = doc
    return docs


def store(tmp_path: Path, docs: list[Document], name: str = "t.db") -> sqlite3.Connection:
    conn = connect(tmp_path / name)
    save_batch(conn, docs, hash_text=content_hash)
    return conn


def clusters(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """merged id → its mentions («doc:idx»): what must not depend on the order of input."""
    out: dict[str, set[str]] = {}
    for merged, doc_id, idx in conn.execute("SELECT merged_id, doc_id, idx FROM events"):
        out.setdefault(merged, set()).add(f"{doc_id}:{idx}")
    return {key: frozenset(value) for key, value in out.items()}


def meeting(conn: sqlite3.Connection, year: str = "2016") -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT merged_id, doc_id FROM events WHERE merge_key = 'asserted|CONSULT|RUS~TUR' "
        "AND date LIKE ? ORDER BY doc_id", (f"{year}%",)).fetchall()


def test_a_persian_and_an_arabic_report_of_one_meeting_are_one_event(tmp_path, analysed) -> None:
    conn = store(tmp_path, [analysed[d] for d in PAIR])
    rows = meeting(conn)
    assert {doc for _, doc in rows} == set(PAIR)
    assert len({merged for merged, _ in rows}) == 1, rows
    assert None not in {m for (m,) in conn.execute("SELECT merged_id FROM events")}


def test_the_same_corpus_in_any_order_gives_the_same_merged_events(tmp_path, analysed) -> None:
    order = [analysed[d] for d in PAIR + OTHERS]
    one = store(tmp_path, order, "one.db")
    other = connect(tmp_path / "other.db")
    for doc in reversed(order):  # one document per transaction, the other way round
        save_document(other, doc, content_hash=content_hash(doc.text))
    assert clusters(one) == clusters(other)
    assert len(meeting(one, "2024")) >= 2 and len({m for m, _ in meeting(one, "2024")}) == 1


def test_a_new_document_joins_the_existing_event(tmp_path, analysed) -> None:
    conn = store(tmp_path, [analysed["demo-fa-09"]])
    [(before, _)] = meeting(conn)
    save_batch(conn, [analysed["demo-ar-09"]], hash_text=content_hash)
    after = meeting(conn)
    assert len(after) == 2 and {m for m, _ in after} == {before}, "joined, not duplicated"
    assert recluster_all(conn) == 0  # incremental equals from scratch


def test_deleting_a_report_leaves_no_orphan(tmp_path, analysed) -> None:
    conn = store(tmp_path, [analysed[d] for d in PAIR])
    delete_document(conn, "demo-fa-09")
    rows = meeting(conn)
    assert [doc for _, doc in rows] == ["demo-ar-09"]
    assert recluster_all(conn) == 0
    ids = {m for (m,) in conn.execute("SELECT merged_id FROM events")}
    fresh = store(tmp_path, [analysed["demo-ar-09"]], "fresh.db")
    assert ids == {m for (m,) in fresh.execute("SELECT merged_id FROM events")}


def test_ids_survive_a_backfill_of_an_older_database(tmp_path, analysed) -> None:
    conn = store(tmp_path, [analysed[d] for d in PAIR + OTHERS])
    before = clusters(conn)
    conn.execute("UPDATE events SET merge_key = NULL, merged_id = NULL")
    assert recluster_all(conn) == conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert clusters(conn) == before


def test_rerunning_the_corpus_changes_nothing_and_the_commands_show_merged_events(tmp_path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    raw = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    lines = [line for line in raw.splitlines() if json.loads(line)["id"] in PAIR + OTHERS]
    (folder / "docs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "run.db"
    assert run("run", str(folder), "--db", str(db)).exit_code == 0
    first = clusters(connect(db, readonly=True))
    assert run("run", str(folder), "--db", str(db)).exit_code == 0
    assert clusters(connect(db, readonly=True)) == first

    conn = connect(db, readonly=True)
    merged = query_merged(conn, actor="TUR", plover="CONSULT", status="asserted", since="2016",
                          until="2016")
    assert [(r["mentions"], r["documents"], r["languages"]) for r in merged
            if r["target_country"] and r["source_country"]] == [(2, 2, "ar,fa")]
    result = dyad(conn, "RUS", "TUR")
    months = {p.key: p for p in result.periods}
    assert months["2016-08"].events == 1 and months["2016-08"].mentions == 2
    assert result.mentions > result.total

    listed = run("events", "--db", str(db), "--merged", "--json", "--plover", "CONSULT")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert any(r["mentions"] == 2 and set(r["doc_ids"]) == set(PAIR) for r in rows)
    out = tmp_path / "merged.csv"
    assert run("export", str(out), "--db", str(db), "--merged", "--format", "csv").exit_code == 0
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    pair = [r for r in table if r["doc_ids"] in ("demo-ar-09;demo-fa-09", "demo-fa-09;demo-ar-09")
            and r["plover"] == "CONSULT"]
    assert len(pair) == 1 and pair[0]["mentions"] == "2" and pair[0]["languages"] == "ar,fa"
    assert len(table) == len(first)
    shown = run("dyad", "RUS", "TUR", "--db", str(db))
    assert "mentions" in shown.output and "[2 mentions]" in shown.output


def test_an_older_database_is_read_as_it_is_and_upgraded_by_a_writer(tmp_path, analysed) -> None:
    path = tmp_path / "old.db"
    conn = store(tmp_path, [analysed[d] for d in PAIR + OTHERS], "old.db")
    before = clusters(conn)
    for statement in ("DROP INDEX events_merge_key", "DROP INDEX events_merged_id",
                      "ALTER TABLE events DROP COLUMN merge_key",
                      "ALTER TABLE events DROP COLUMN merged_id",
                      "DELETE FROM _migrations WHERE name = '0003_event_merge'"):
        conn.execute(statement)  # now as rasad wrote it before merging existed
    conn.close()
    old = connect(path, readonly=True)
    assert dyad(old, "RUS", "TUR").total >= 2  # each mention counts alone: no merged ids
    assert "merged_events" not in stats(old)
    with pytest.raises(ValueError, match="rasad run"):
        query_merged(old)
    old.close()
    upgraded = connect(path)  # a writer applies migration 0002, which clusters what is stored
    assert clusters(upgraded) == before
    assert stats(upgraded)["merged_events"] == len(before)


def test_a_report_from_the_other_side_of_a_meeting_joins_it(tmp_path, analysed) -> None:
    text = ("التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين في سان بطرسبورغ "
            "يوم الثلاثاء 9 أغسطس 2016.")
    reverse = default_pipeline().analyze(text, published="2016-08-10")
    reverse.id = "ar-reverse"
    [event] = [e for e in reverse.to_dict()["events"] if e["plover"]["event"] == "CONSULT"]
    assert (event["source"]["country"], event["target"]["country"]) == ("TUR", "RUS")
    conn = store(tmp_path, [analysed["demo-fa-09"], reverse])
    rows = meeting(conn)
    assert {doc for _, doc in rows} == {"demo-fa-09", "ar-reverse"}
    assert len({merged for merged, _ in rows}) == 1


def test_the_merged_export_reads_back_and_its_columns_are_documented(tmp_path, analysed) -> None:
    from rasad.store.export import MERGED_TABLE_COLUMNS, export_merged

    conn = store(tmp_path, [analysed[d] for d in PAIR + OTHERS])
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    export_merged(conn, tmp_path / "m.jsonl", "jsonl")
    rows = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text("utf-8").splitlines()]
    assert sum(r["mentions"] for r in rows) == total == sum(len(r["mention_ids"]) for r in rows)
    assert len(rows) == len(clusters(conn))
    pq = pytest.importorskip("pyarrow.parquet")
    export_merged(conn, tmp_path / "m.parquet", "parquet")
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.schema.names == list(MERGED_TABLE_COLUMNS)
    assert table.column("merged_id").to_pylist() == [r["merged_id"] for r in rows]
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    assert all(f"`{name}`" in readme for name in MERGED_TABLE_COLUMNS)
