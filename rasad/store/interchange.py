"""A store's events in the shapes other event data comes in: a GDELT 2.0 Events table and
PLOVER/POLECAT-style JSON records, so tools written for those datasets read rasad's output.

GDELT's table keeps GDELT's 61 column names in GDELT's order, tab-separated with a header
row; what rasad does not know stays empty (listed in `GDELT_EMPTY`, and in the README).
GDELT rows are events that happened, so only asserted events are written, each once per
document (a repeated report, `same_as`, is left out); two trailing columns, `DocId` and
`SentenceIndex`, lead each row back to its sentence.

PLOVER records use the field names of the PLOVER specification and the POLECAT dataset
(`event_type`, `mode`, `context`, `actor`, `recipient`, `event_text`), one JSON object per
line, for every event whatever its status: `status` and `happened` say which happened.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{geo}_{field}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
RASAD_COLUMNS: tuple[str, ...] = ("DocId", "SentenceIndex")
# GDELT columns rasad has no value for: always empty.
GDELT_EMPTY: frozenset[str] = frozenset(
    [f"Actor{n}{f}" for n in (1, 2) for f in ("EthnicCode", "Religion1Code", "Religion2Code",
                                               "Type2Code", "Type3Code")]
    + ["AvgTone"]
    + [f"{geo}_{f}" for geo in ("Actor1Geo", "Actor2Geo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + [f"ActionGeo_{f}" for f in ("Type", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")])

_EVENTS_SQL = """
SELECT e.doc_id, e.idx, e.record, d.lang, d.published, d.title, d.source, d.url,
       d.ingested_at, s.text AS sentence_text, se.text AS source_text, te.text AS target_text
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN sentence_text s ON s.doc_id = e.doc_id AND s.idx = e.sentence
LEFT JOIN entities se ON se.doc_id = e.doc_id AND se.idx = e.source_entity
LEFT JOIN entities te ON te.doc_id = e.doc_id AND te.idx = e.target_entity
ORDER BY e.doc_id, e.idx
"""


def iter_events(conn: sqlite3.Connection) -> Iterator[tuple[sqlite3.Row, dict[str, Any]]]:
    """Every stored event as (its row with document fields, its contract record)."""
    for row in conn.execute(_EVENTS_SQL):
        yield row, json.loads(row["record"])


def event_id(doc_id: str, idx: int) -> int:
    """A stable integer id for GDELT's GLOBALEVENTID: the same event gets the same id in every
    export, whatever else the store holds."""
    return int(hashlib.sha256(f"{doc_id}:{idx}".encode()).hexdigest()[:15], 16)


def gdelt_row(row: sqlite3.Row, event: dict[str, Any], igos: frozenset[str]) -> dict[str, Any]:
    """One GDELT 2.0 Events row (column → value; absent columns are empty)."""
    day = event.get("date") or ""
    cameo = event.get("cameo") or ""
    location = event.get("location") or {}
    out: dict[str, Any] = {
        "GLOBALEVENTID": event_id(row["doc_id"], row["idx"]),
        "SQLDATE": day.replace("-", "") if len(day) == 10 else "",
        "MonthYear": day[:7].replace("-", "") if len(day) >= 7 else "", "Year": day[:4],
        "FractionDate": _fraction(day),
        "IsRootEvent": int(event.get("sentence") == 0), "EventCode": cameo,
        "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": event.get("quad_class"), "GoldsteinScale": event.get("goldstein"),
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "ActionGeo_FullName": location.get("text") or location.get("name_en"),
        "ActionGeo_FeatureID": location.get("kb_id"),
        "DATEADDED": "".join(ch for ch in (row["ingested_at"] or "")[:19] if ch.isdigit()),
        "SOURCEURL": row["url"] or row["source"], "DocId": row["doc_id"],
        "SentenceIndex": event.get("sentence"),
    }
    for n, side in ((1, "source"), (2, "target")):
        out.update(_gdelt_actor(n, event.get(side) or {}, igos))
    return out


def _gdelt_actor(n: int, actor: dict[str, Any], igos: frozenset[str]) -> dict[str, Any]:
    """Actor1/Actor2 columns: CAMEO-style code (country then sector: RUSGOV; an IGO's own
    code: NATO), name, country, IGO (GDELT's KnownGroupCode) and sector (Type1Code)."""
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    return {f"Actor{n}Code": country if country in igos else country + sector,
            f"Actor{n}Name": actor.get("name_en"),
            f"Actor{n}CountryCode": "" if country in igos else country,
            f"Actor{n}KnownGroupCode": country if country in igos else "",
            f"Actor{n}Type1Code": sector}


def _fraction(day: str) -> str:
    """GDELT's FractionDate, year + day-of-year/365 to 4 places, for a full date only."""
    if len(day) != 10:
        return ""
    when = date.fromisoformat(day)
    return f"{when.year + when.timetuple().tm_yday / 365:.4f}"


def plover_record(row: sqlite3.Row, event: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER/POLECAT-style record: who did what to whom, when, where, from which text."""
    plover = event.get("plover") or {}
    location = event.get("location")
    return {
        "id": f"{row['doc_id']}:{row['idx']}", "date": event.get("date"),
        "event_type": plover.get("event"), "mode": plover.get("mode"),
        "context": [plover["context"]] if plover.get("context") else [],
        "actor": _plover_actor(event.get("source"), row["source_text"]),
        "recipient": _plover_actor(event.get("target"), row["target_text"]),
        "event_text": (event.get("trigger") or {}).get("text"), "text": row["sentence_text"],
        "location": {"name": location.get("text") or location.get("name_en"),
                     "kb_id": location.get("kb_id"), "country": location.get("country")}
        if location else None,
        "story_id": row["doc_id"], "sentence_number": event.get("sentence"),
        "language": row["lang"], "publication": row["source"], "pub_date": row["published"],
        "headline": row["title"], "url": row["url"],
        "cameo": event.get("cameo"), "quad_class": event.get("quad_class"),
        "goldstein": event.get("goldstein"), "status": event.get("status"),
        "happened": event.get("status") == "asserted", "same_as": event.get("same_as"),
    }


def _plover_actor(actor: dict[str, Any] | None, text: str | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"name": actor.get("name_en"), "text": text, "kb_id": actor.get("kb_id"),
            "country": actor.get("country"), "sector": actor.get("sector")}


def write_gdelt(conn: sqlite3.Connection, out: Path) -> int:
    """Write the GDELT-shaped table (tab-separated, header row); the number of rows."""
    from rasad.kb.base import load_kb  # noqa: PLC0415

    igos = frozenset(r.country for r in load_kb().of_kind("igo") if r.country)
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*GDELT_COLUMNS, *RASAD_COLUMNS],
                                delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row, event in iter_events(conn):
            if event.get("status") == "asserted" and event.get("same_as") is None:
                writer.writerow(gdelt_row(row, event, igos))
                count += 1
    return count


def write_plover(conn: sqlite3.Connection, out: Path) -> int:
    """Write one PLOVER-style JSON record per line; the number of records."""
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row, event in iter_events(conn):
            handle.write(json.dumps(plover_record(row, event), ensure_ascii=False) + "\n")
            count += 1
    return count
