"""`rasad events` filters (--source, --target, --country, --cameo, --quad) and the one date
reading `rasad events` and `rasad dyad` share, on a store built by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.analysis.dyad import dyad
from rasad.events.ontology import quad_class
from rasad.store import connect
from tests.events.test_cli import events_json, run
from tests.store.corpus import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory)


def _dyads(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(r["doc_id"], r["source"]["country"], (r["target"] or {}).get("country")) for r in rows}


def test_source_and_target_each_match_one_side(db: Path) -> None:
    targets = _dyads(events_json(db, "--target", "RUS"))
    assert targets == {("ir-ru-fa", "IRN", "RUS"), ("ru-ua-fa", "NATO", "RUS")}
    sources = events_json(db, "--source", "RUS")
    assert len(sources) == 8 and {r["source"]["country"] for r in sources} == {"RUS"}
    either = events_json(db, "--actor", "RUS")
    assert len(either) == len(sources) + len(targets)


@pytest.mark.parametrize("spelling", ["روسیه", "روسيه", "روسيا", "Russia"])
def test_a_country_in_any_script_is_the_same_target(db: Path, spelling: str) -> None:
    assert _dyads(events_json(db, "--target", spelling)) == {("ir-ru-fa", "IRN", "RUS"),
                                                             ("ru-ua-fa", "NATO", "RUS")}


@pytest.mark.parametrize("spelling", ["لاوروف", "لافروف", "Sergey Lavrov"])
def test_a_person_named_in_persian_or_arabic_is_resolved_to_his_id(db: Path, spelling: str) -> None:
    source = events_json(db, "--source", spelling)
    assert [(r["doc_id"], r["plover"]["event"]) for r in source] == [("ru-ua-ar", "CONSULT")]
    target = events_json(db, "--target", spelling)
    assert [(r["doc_id"], r["target"]["kb_id"]) for r in target] == [("ir-ru-fa", "rasad:sergey-lavrov")]


def test_country_is_a_code_on_either_side(db: Path) -> None:
    rows = events_json(db, "--country", "nato")
    assert {(r["doc_id"], r["source"]["country"]) for r in rows} == {("ru-ua-fa", "NATO"),
                                                                     ("ru-ua-ar", "NATO")}
    assert {r["doc_id"] for r in events_json(db, "--country", "UKR")} == {"ru-ua-fa", "ru-ua-ar"}


def test_cameo_is_a_code_prefix(db: Path) -> None:
    assert {r["cameo"] for r in events_json(db, "--cameo", "04")} == {"040"}
    assert len(events_json(db, "--cameo", "04")) == 6
    assert {r["cameo"] for r in events_json(db, "--cameo", "11")} == {"111", "112"}
    assert {r["doc_id"] for r in events_json(db, "--cameo", "112")} == {"ru-tr-nov"}


@pytest.mark.parametrize(("value", "count"), [("4", 2), ("material conflict", 2),
                                              ("Material-Conflict", 2), ("verbal_conflict", 3),
                                              ("1", 6)])
def test_quad_by_number_or_name(db: Path, value: str, count: int) -> None:
    rows = events_json(db, "--quad", value)
    assert len(rows) == count and {r["quad_class"] for r in rows} == {quad_class(value)}


@pytest.mark.parametrize(("args", "word"), [
    (("--country", "XYZ"), "--country XYZ"), (("--country", "روسیه"), "--country"),
    (("--cameo", "9"), "--cameo 9"), (("--cameo", "99"), "--cameo 99"),
    (("--cameo", "0a"), "--cameo"), (("--quad", "5"), "--quad 5"),
    (("--quad", "cooperation"), "verbal cooperation")])
def test_bad_values_are_one_line_usage_errors(db: Path, args: tuple[str, str], word: str) -> None:
    result = run("events", "--db", str(db), *args)
    assert result.exit_code == 2
    assert word in result.output and len(result.output.strip().splitlines()) == 1


def test_a_year_is_a_period_for_events_and_dyad_alike(db: Path) -> None:
    rows = events_json(db, "--since", "2016-06-01", "--until", "2016-12-31", "--cameo", "040",
                       "--status", "asserted")
    assert sorted(r["date"] for r in rows) == ["2016", "2016-08-09", "2016-08-09"]
    conn = connect(db, readonly=True)
    months = {p.key: (p.events, p.mentions)
              for p in dyad(conn, "RUS", "TUR", since="2016-06-01").periods}
    # «2016» overlaps June 2016 onwards, so its report is kept; it is a report of the August
    # meeting (merged across documents), so the event counts once, in its most precise month
    assert months == {"2016": (0, 1), "2016-08": (1, 2), "2016-11": (1, 1)}, months
    assert {p.key for p in dyad(conn, "RUS", "TUR", until="2016-08").periods} == {"2016", "2016-08"}
    assert {p.key for p in dyad(conn, "RUS", "TUR", since="2017").periods} == set()
    assert dyad(conn, "RUS", "TUR", since="2016-09-01").total == 2  # «2016» and November


@pytest.mark.parametrize("name", ["%", "_", "%ov", "L_vrov"])
def test_wildcards_in_a_name_are_letters(db: Path, name: str) -> None:
    """An actor name is matched as written: «%» is not every event, «L_vrov» not Lavrov."""
    assert events_json(db, "--actor", name) == []
    assert events_json(db, "--actor", "Lavrov")  # a part of an English name still matches


def test_dyad_with_an_unknown_actor_says_so(db: Path) -> None:
    """A typo must not look like "no events": one line naming it, and a usage exit code."""
    result = run("dyad", "Narnia", "TUR", "--db", str(db))
    assert result.exit_code == 2
    assert "Narnia" in result.output and "knowledge base" in result.output
    assert run("dyad", "روسیه", "ترکیه", "--db", str(db)).exit_code == 0
