"""`rasad export --format gdelt|plover`: the events in GDELT 2.0's table and PLOVER's records,
on a store built by the real pipeline."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rasad.events.ontology import PLOVER_TYPES
from rasad.store.interchange import GDELT_COLUMNS, GDELT_EMPTY, RASAD_COLUMNS
from tests.events.test_cli import run
from tests.store.corpus import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory)


def gdelt_rows(db: Path, out: Path) -> list[dict[str, str]]:
    result = run("export", str(out), "--db", str(db), "--format", "gdelt")
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert tuple(reader.fieldnames or ()) == GDELT_COLUMNS + RASAD_COLUMNS
        return list(reader)


def test_gdelt_has_gdelt_columns_and_only_the_events_that_happened(db: Path, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[0] == "GLOBALEVENTID"
    rows = gdelt_rows(db, tmp_path / "events.tsv")
    # 11 events: the negated meeting and the repeated report of August are left out
    assert len(rows) == 9
    assert all(row[column] == "" for row in rows for column in GDELT_EMPTY)
    assert {row["NumMentions"] for row in rows} == {"1"}
    ids = [row["GLOBALEVENTID"] for row in rows]
    assert len(set(ids)) == 9 and ids == [r["GLOBALEVENTID"] for r in gdelt_rows(db, tmp_path / "again.tsv")]


def test_gdelt_codes_dates_and_sides(db: Path, tmp_path: Path) -> None:
    rows = gdelt_rows(db, tmp_path / "events.tsv")
    attack = next(r for r in rows if r["DocId"] == "ru-ua-fa" and r["EventCode"] == "190")
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"]) == ("20220225", "202202", "2022")
    assert attack["FractionDate"] == "2022.1534"  # day 56 of 365
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor2Code"]) == (
        "RUSGOV", "RUS", "UKRGOV")
    assert (attack["EventBaseCode"], attack["EventRootCode"], attack["QuadClass"]) == ("190", "19", "4")
    assert float(attack["GoldsteinScale"]) == -10.0 and attack["IsRootEvent"] == "1"
    nato = next(r for r in rows if r["DocId"] == "ru-ua-fa" and r["EventRootCode"] == "11")
    assert (nato["Actor1KnownGroupCode"], nato["Actor1CountryCode"], nato["Actor1Code"]) == (
        "NATO", "", "NATO")
    assert (nato["IsRootEvent"], nato["SentenceIndex"]) == ("0", "1")
    year = next(r for r in rows if r["DocId"] == "ru-tr-year")
    assert (year["SQLDATE"], year["MonthYear"], year["Year"], year["FractionDate"]) == ("", "", "2016", "")
    august = next(r for r in rows if r["DocId"] == "ru-tr-aug")
    assert august["ActionGeo_FullName"] == "سان بطرسبورغ"
    assert august["Actor1Name"] == "Vladimir Putin" and len(august["DATEADDED"]) == 14


def test_plover_records_keep_every_event_with_its_text(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    assert run("export", str(out), "--db", str(db), "-f", "plover").exit_code == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 11 and len({r["id"] for r in records}) == 11
    assert {r["event_type"] for r in records} <= set(PLOVER_TYPES)
    negated = [r for r in records if not r["happened"]]
    assert [(r["story_id"], r["status"]) for r in negated] == [("ru-tr-nov", "negated")]
    talk = next(r for r in records if r["story_id"] == "ir-ru-fa")
    assert talk["actor"] == {"name": "Hossein Amir-Abdollahian", "text": "وزیر امور خارجه ایران",
                             "kb_id": "rasad:hossein-amir-abdollahian", "country": "IRN",
                             "sector": "GOV"}
    assert talk["recipient"]["kb_id"] == "rasad:sergey-lavrov"
    assert talk["event_text"] == "گفتگو کرد" and talk["event_text"] in talk["text"]
    assert (talk["event_type"], talk["mode"], talk["context"], talk["language"]) == (
        "CONSULT", None, [], "fa")
    august = [r for r in records if r["story_id"] == "ru-tr-aug"]
    assert [r["same_as"] for r in august] == [None, 0]
    assert august[0]["location"]["name"] == "سان بطرسبورغ"
