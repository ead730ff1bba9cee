"""`rasad kb list|search|show|validate` and `rasad entities --db`, on a test app that wires
them the way rasad/cli.py does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasad.document import Document
from rasad.ingest.dedup import content_hash
from rasad.kb.cli import entities_command, kb_app
from rasad.kb.corpus import actor_counts
from rasad.kb.link import annotate
from rasad.store import connect, save_document
from rasad.text import segment

app = typer.Typer()
app.add_typer(kb_app, name="kb")
app.command("entities")(entities_command)
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_every_command_has_help() -> None:
    for command in (["kb", "list"], ["kb", "search"], ["kb", "show"], ["kb", "validate"],
                    ["entities"]):
        code, out = run(*command, "--help")
        assert code == 0 and "Usage" in out


def test_list_filters_by_kind_and_country() -> None:
    code, out = run("kb", "list", "--kind", "igo", "--json")
    records = json.loads(out)
    assert code == 0 and records and {r["kind"] for r in records} == {"igo"}
    code, out = run("kb", "list", "--kind", "state", "--country", "rus", "--json")
    assert [r["id"] for r in json.loads(out)] == ["Q159"]
    code, out = run("kb", "list", "--kind", "nonsense")
    assert code == 2 and "media" in out  # a usage error that lists the kinds


def test_search_shows_records_and_the_role_reading() -> None:
    code, out = run("kb", "search", "پوتین", "--json")
    assert code == 0 and json.loads(out)["records"][0]["id"] == "Q7747"
    code, out = run("kb", "search", "الرئيس التركي", "--on", "2016-08-09", "--json")
    [reading] = json.loads(out)["reading"]
    assert (reading["kb_id"], reading["role"]) == ("Q39259", "head_of_state")
    code, out = run("kb", "search", "الرئيس التركي", "--on", "yesterday")
    assert code == 2


def test_show_and_unknown_id() -> None:
    code, out = run("kb", "show", "Q7747")
    assert code == 0 and "head_of_state" in out and "پوتین" in out
    code, out = run("kb", "show", "RUS", "--json")
    assert json.loads(out)["id"] == "Q159"
    code, _ = run("kb", "show", "no-such-actor")
    assert code == 1


def test_validate_exit_status(tmp_path: Path) -> None:
    code, _ = run("kb", "validate")
    assert code == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "X", "kind": "planet", "name_en": "X", "country": "ZZZ", '
                   '"sector": null, "names": {"en": ["X"]}}\n', "utf-8")
    code, out = run("kb", "validate", "--file", str(bad), "--json")
    assert code == 1 and {p["code"] for p in json.loads(out)} >= {"bad-kind"}


@pytest.fixture
def corpus_db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    conn = connect(path)
    for text in ("پوتین و اردوغان در مسکو دیدار کردند.", "بوتين زار أنقرة.", "روسیه گفت."):
        doc = annotate(segment.annotate(Document(text, lang="ar" if "زار" in text else "fa")))
        save_document(conn, doc, content_hash=content_hash(doc.text))
    conn.close()
    return path


def test_actor_counts(corpus_db: Path) -> None:
    conn = connect(corpus_db, readonly=True)
    rows = {r["kb_id"]: r for r in actor_counts(conn)}
    conn.close()
    assert (rows["Q7747"]["mentions"], rows["Q7747"]["documents"]) == (2, 2)
    # «در مسکو» and «زار أنقرة» are the cities, places here; روسیه is the state
    assert (rows["Q159"]["mentions"], rows["Q649"]["mentions"]) == (1, 1)
    assert rows["Q3640"]["name"] == "Ankara"


def test_entities_command(corpus_db: Path, tmp_path: Path) -> None:
    code, out = run("entities", "--db", str(corpus_db), "--json")
    assert code == 0 and json.loads(out)[0]["mentions"] == 2
    code, out = run("entities", "--db", str(corpus_db))
    assert code == 0 and "Vladimir Putin" in out
    code, _ = run("entities", "--db", str(tmp_path / "missing.db"))
    assert code == 1


def test_entities_table_keeps_short_headers_whole_at_80_columns(corpus_db: Path) -> None:
    result = runner.invoke(app, ["entities", "--db", str(corpus_db)], terminal_width=80)
    header = next(line for line in result.output.splitlines() if "kb_id" in line)
    assert all(word in header for word in ("country", "mentions", "documents")), header
