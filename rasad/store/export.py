"""A store's contents as files for pandas, R, DuckDB or Spark: the output contract as JSONL, and
the events as one flat table (CSV or Parquet) whose columns are documented in the README.

The flat table has one row per event mention, with its document, sentence and both sides in
plain columns; `happened` is true only for asserted events, and `same_as` points a repeated
report at the first report of the same event in its document, so counts can skip repeats.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasad.store.interchange import write_gdelt, write_plover
from rasad.store.read import load_dict

# Formats that write other datasets' shapes (rasad/store/interchange.py).
INTERCHANGE = {"gdelt": write_gdelt, "plover": write_plover}
FORMATS = ("jsonl", "csv", "parquet", *INTERCHANGE)

# The flat events table: name → what it holds (the README lists the same).
EVENT_TABLE_COLUMNS: dict[str, str] = {
    "doc_id": "document id", "lang": "document language (fa, ar)",
    "published": "publication date of the document", "title": "document title",
    "source_name": "the outlet or file the document came from",
    "sentence": "sentence index in the document", "sentence_text": "the sentence",
    "trigger": "the trigger words, original script", "trigger_start": "offset in the text",
    "trigger_end": "offset in the text (exclusive)",
    "date": "when it happened (ISO; a month or year when that is all the text says)",
    "cameo": "CAMEO code", "plover": "PLOVER event type", "plover_mode": "PLOVER mode",
    "plover_context": "PLOVER context", "quad_class": "1-4, CAMEO quad class",
    "goldstein": "Goldstein value (ICEWS)", "status": "asserted, negated, future, proposed, "
    "hypothetical or reported_claim", "happened": "true only for asserted events",
    "symmetric": "true for meetings, talks and agreements that run both ways",
    "same_as": "index of the first report of this event in its document, when a repeat",
    "source_kb_id": "source actor's knowledge-base id", "source_name_en": "source's English name",
    "source_country": "source's country (ISO alpha-3) or IGO code", "source_sector": "source sector",
    "target_kb_id": "target's knowledge-base id", "target_name_en": "target's English name",
    "target_country": "target's country or IGO code", "target_sector": "target sector",
    "location": "where it happened (place name as written)", "location_kb_id": "the place's id",
    "rule": "the lexicon row that made the event", "status_reason": "why it has its status",
}


def iter_event_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One flat row per stored event, in document and event order."""
    sql = ("SELECT e.doc_id, e.idx, e.record, d.lang, d.published, d.title, d.source, "
           "s.text AS sentence_text FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           "ORDER BY e.doc_id, e.idx")
    for row in conn.execute(sql):
        yield flat_event(row[0], json.loads(row[2]), lang=row[3], published=row[4], title=row[5],
                         source=row[6], sentence_text=row[7])


def flat_event(doc_id: str, event: dict[str, Any], **doc: Any) -> dict[str, Any]:
    """A contract event (with its document's fields) as one row of the flat table."""
    plover = event.get("plover") or {}
    trigger = event.get("trigger") or {}
    location = event.get("location") or {}
    row: dict[str, Any] = {
        "doc_id": doc_id, "lang": doc.get("lang"), "published": doc.get("published"),
        "title": doc.get("title"), "source_name": doc.get("source"),
        "sentence": event.get("sentence"), "sentence_text": doc.get("sentence_text"),
        "trigger": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"), "date": event.get("date"), "cameo": event.get("cameo"),
        "plover": plover.get("event"), "plover_mode": plover.get("mode"),
        "plover_context": plover.get("context"), "quad_class": event.get("quad_class"),
        "goldstein": event.get("goldstein"), "status": event.get("status"),
        "happened": event.get("status") == "asserted",
        "symmetric": bool(event.get("symmetric")), "same_as": event.get("same_as"),
    }
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for key in ("kb_id", "name_en", "country", "sector"):
            row[f"{side}_{key}"] = actor.get(key)
    row.update({"location": location.get("text"), "location_kb_id": location.get("kb_id"),
                "rule": event.get("rule"), "status_reason": event.get("status_reason")})
    return row


def export(conn: sqlite3.Connection, out: Path, fmt: str) -> int:
    """Write the store to `out` as `jsonl` (documents), `csv` or `parquet` (events), `gdelt`
    or `plover` (events in those datasets' shapes); the count."""
    if fmt == "jsonl":
        return _jsonl(conn, out)
    if fmt in INTERCHANGE:
        return INTERCHANGE[fmt](conn, out)
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: choose {', '.join(FORMATS)}")
    rows = list(iter_event_rows(conn))
    return _table(rows, out, fmt, EVENT_TABLE_COLUMNS,
                  ints={"sentence", "trigger_start", "trigger_end", "quad_class", "same_as"},
                  bools={"happened", "symmetric"})


def _table(rows: list[dict[str, Any]], out: Path, fmt: str, columns: dict[str, str], *,
           ints: set[str], bools: set[str]) -> int:
    """Write flat `rows` as CSV or Parquet with `columns` in order (Parquet: `ints` and
    `bools` typed, `goldstein` a float, text elsewhere); the count."""
    if fmt == "csv":
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns))
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    import pyarrow as pa  # noqa: PLC0415 (the `export` extra)
    import pyarrow.parquet as pq  # noqa: PLC0415

    schema = pa.schema([(name, pa.int64() if name in ints else pa.float64()
                         if name == "goldstein" else pa.bool_() if name in bools
                         else pa.string()) for name in columns])
    table = {name: [row[name] for row in rows] for name in columns}
    pq.write_table(pa.table(table, schema=schema), out)
    return len(rows)


def _jsonl(conn: sqlite3.Connection, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id"):
            data = load_dict(conn, doc_id)
            if data is not None:
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
                count += 1
    return count


# `rasad export --merged`: one row per merged event (`rasad.events.merge`); the README lists
# the same columns. Its mentions are listed by id («doc_id:idx») and by document.
MERGED_TABLE_COLUMNS: dict[str, str] = {
    "merged_id": "the merged event's id (derived from its group and first day: stable across runs)",
    "first_date": "date of its earliest dated mention", "last_date": "date of its latest",
    "plover": "PLOVER event type", "cameo": "CAMEO code of the lead (earliest) mention",
    "quad_class": "1-4, CAMEO quad class", "goldstein": "Goldstein value of the lead mention",
    "status": "asserted, negated, future, proposed, hypothetical or reported_claim",
    "happened": "true only for asserted events",
    "source_kb_id": "source actor's knowledge-base id (lead mention)",
    "source_name_en": "source's English name", "source_country": "source's country or IGO code",
    "target_kb_id": "target's knowledge-base id", "target_name_en": "target's English name",
    "target_country": "target's country or IGO code",
    "location_kb_id": "the place's id, from the first mention that names one",
    "mentions": "how many event rows (reports) it merges", "documents": "in how many documents",
    "languages": "languages of those documents (ar,fa)",
    "mention_ids": "its mentions as doc_id:idx, earliest first (';'-separated in CSV and Parquet)",
    "doc_ids": "its documents, earliest first (';'-separated in CSV and Parquet)",
    "lead_doc_id": "document of the earliest mention", "sentence_text": "its sentence",
}


def iter_merged_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One row per merged event, earliest first, with its mention and document ids as lists."""
    from itertools import groupby  # noqa: PLC0415

    from rasad.store.clusters import require_merged  # noqa: PLC0415

    require_merged(conn)

    sql = ("SELECT e.merged_id, e.doc_id, e.idx, e.date, e.status, e.plover_event, e.cameo, "
           "e.quad_class, e.goldstein, e.source_kb_id, e.source_name_en, e.source_country, "
           "e.target_kb_id, e.target_name_en, e.target_country, e.location, d.lang, s.text "
           "FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           "ORDER BY ifnull(e.merged_id, e.doc_id || ':' || e.idx), ifnull(e.date, '~'), "
           "e.doc_id, e.idx")
    groups = groupby(conn.execute(sql), key=lambda r: r[0] or f"{r[1]}:{r[2]}")
    rows = [_merged_row(ident, list(members)) for ident, members in groups]
    yield from sorted(rows, key=lambda r: (r["first_date"] or "~", r["merged_id"]))


def _merged_row(ident: str, members: list[Any]) -> dict[str, Any]:
    lead = members[0]
    dates = [m[3] for m in members if m[3]]
    places = [json.loads(m[15]).get("kb_id") for m in members if m[15]]
    return {
        "merged_id": ident, "first_date": dates[0] if dates else None,
        "last_date": max(dates) if dates else None, "plover": lead[5], "cameo": lead[6],
        "quad_class": lead[7], "goldstein": lead[8], "status": lead[4],
        "happened": lead[4] == "asserted",
        **dict(zip(("source_kb_id", "source_name_en", "source_country", "target_kb_id",
                    "target_name_en", "target_country"), lead[9:15], strict=True)),
        "location_kb_id": next((p for p in places if p), None),
        "mentions": len(members), "documents": len({m[1] for m in members}),
        "languages": ",".join(sorted({m[16] for m in members if m[16]})),
        "mention_ids": [f"{m[1]}:{m[2]}" for m in members],
        "doc_ids": list(dict.fromkeys(m[1] for m in members)),
        "lead_doc_id": lead[1], "sentence_text": lead[17],
    }


def export_merged(conn: sqlite3.Connection, out: Path, fmt: str) -> int:
    """Write one row per merged event to `out` as `jsonl`, `csv` or `parquet`; the count."""
    rows = list(iter_merged_rows(conn))
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r} for merged events: choose jsonl, csv or parquet")
    flat = [{**row, "mention_ids": ";".join(row["mention_ids"]), "doc_ids": ";".join(row["doc_ids"])}
            for row in rows]
    return _table(flat, out, fmt, MERGED_TABLE_COLUMNS,
                  ints={"quad_class", "mentions", "documents"}, bools={"happened"})
