"""`rasad actors`: the actors of a store's events and one actor's counterparts, on a store
built by the real pipeline from short Persian and Arabic texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.analysis.actors import counterparts, event_actors
from rasad.store import connect
from tests.events.test_cli import run
from tests.store.corpus import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory)


def test_actors_count_each_side_with_names_from_the_knowledge_base(db: Path) -> None:
    actors = {a.kb_id: a for a in event_actors(connect(db, readonly=True))}
    putin, erdogan = actors["Q7747"], actors["Q39259"]
    assert (putin.as_source, putin.as_target) == (4, 0)
    assert (erdogan.as_source, erdogan.as_target) == (0, 4)
    # the August meeting, reported twice and once more dated only «2016», is one merged event;
    # the negated meeting does not count
    assert erdogan.asserted == 1, "the negated meeting and the repeated reports do not count"
    assert (putin.name_en, putin.name_fa, putin.name_ar) == ("Vladimir Putin", "ولادیمیر پوتین",
                                                              "فلاديمير بوتين")
    assert (putin.country, putin.sector) == ("RUS", "GOV")
    assert actors["Q7184"].country == "NATO" and actors["Q7184"].name_ar == "الناتو"
    ranked = [a.as_source + a.as_target for a in actors.values()]
    assert ranked == sorted(ranked, reverse=True)


def test_country_and_limit_filter_the_list(db: Path) -> None:
    conn = connect(db, readonly=True)
    assert {a.kb_id for a in event_actors(conn, country="tur")} == {"Q39259", "Q43"}
    assert len(event_actors(conn, limit=2)) == 2
    assert [p.key for p in counterparts(conn, "RUS", country="TUR")] == ["Q39259", "Q43"]
    assert [p.key for p in counterparts(conn, "RUS", limit=1)] == ["Q212"]


@pytest.mark.parametrize("name", ["RUS", "Russia", "روسیه", "روسيا"])
def test_counterparts_of_a_country_in_any_spelling(db: Path, name: str) -> None:
    parts = {p.key: p for p in counterparts(connect(db, readonly=True), name)}
    assert set(parts) == {"Q212", "Q39259", "rasad:hossein-amir-abdollahian", "Q43", "Q7184"}
    ukraine = parts["Q212"]
    assert (ukraine.outgoing, ukraine.incoming, ukraine.types) == (2, 0, {"ASSAULT": 2})
    assert ukraine.goldstein_mean == -10.0 and ukraine.name_fa == "اوکراین"
    # one meeting in August, reported twice and again in a report dated only «2016»: one event
    assert parts["Q39259"].events == 1
    assert (parts["Q7184"].outgoing, parts["Q7184"].incoming) == (0, 1)  # NATO condemned Russia
    first = next(iter(parts.values()))
    assert first.events == max(p.events for p in parts.values())


def test_the_command_lists_actors_and_counterparts(db: Path) -> None:
    result = run("actors", "--db", str(db), "--no-bidi")
    assert result.exit_code == 0 and "Q7747" in result.output and "پوتین" in result.output
    result = run("actors", "لاوروف", "--db", str(db), "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["key"], r["outgoing"], r["incoming"], r["types"]) for r in rows] == [
        ("rasad:hossein-amir-abdollahian", 1, 1, {"CONSULT": 2})]
    assert rows[0]["name_ar"] == "حسين أمير عبد اللهيان"


def test_bad_values_are_one_line_errors(db: Path, tmp_path: Path) -> None:
    result = run("actors", "--db", str(db), "--country", "XX")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert run("actors", "--db", str(tmp_path / "none.db")).exit_code == 1
    result = run("actors", "Nobody Known", "--db", str(db))
    assert result.exit_code == 0 and "no events that happened with Nobody Known" in result.output


@pytest.mark.parametrize("name", ["RUS", "روسیه"])
def test_a_country_is_not_its_own_counterpart(db: Path, name: str) -> None:
    keys = {p.key for p in counterparts(connect(db, readonly=True), name)}
    assert keys and "Q159" not in keys and not any(k.endswith(":RUS") for k in keys), keys
