"""`rasad events` on a store built by `rasad run`, and `rasad explain` on a file and a stored id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasad.cli import app

runner = CliRunner()

FA = {"id": "fa1", "lang": "fa", "published": "2024-03-01",
      "text": "عراقچی با لاوروف در مسکو دیدار کرد. پزشکیان با پوتین دیدار نخواهد کرد."}
AR = {"id": "ar1", "lang": "ar", "published": "2024-05-10",
      "text": "اجتمع لافروف مع عراقجي في موسكو. لم يجتمع الرئيس الروسي مع الرئيس الإيراني."}


def run(*args: str):  # noqa: ANN201
    result = runner.invoke(app, list(args))
    # an uncaught exception is a crash, whatever the exit code
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output, result.output
    return result


def events_json(db: Path, *args: str) -> list[dict]:
    result = run("events", "--db", str(db), "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, record in (("fa.jsonl", FA), ("ar.jsonl", AR)):
        (folder / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    (folder / "weather.txt").write_text("هوا امروز آفتابی است و مردم به پارک رفتند.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "t.db"
    result = run("run", str(corpus), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert path.exists()
    return path


def test_all_events_listed(db: Path) -> None:
    rows = events_json(db)
    assert {r["doc_id"] for r in rows} == {"fa1", "ar1"}
    assert len(rows) >= 4
    for row in rows:  # the output contract's event, with its document and sentence
        assert row["trigger"]["text"]
        assert row["rule"]
        assert row["sentence_text"] and row["trigger"]["text"] in row["sentence_text"]


def test_filter_plover(db: Path) -> None:
    rows = events_json(db, "--plover", "consult")
    assert rows and all(r["plover"]["event"] == "CONSULT" for r in rows)
    assert events_json(db, "--plover", "ASSAULT") == []


@pytest.mark.parametrize(("status", "expected"), [("asserted", 2), ("negated", 2)])
def test_filter_status(db: Path, status: str, expected: int) -> None:
    rows = events_json(db, "--status", status)
    assert len(rows) == expected
    assert all(r["status"] == status for r in rows)


def _sides(row: dict, key: str) -> tuple:
    return tuple((row[side] or {}).get(key) for side in ("source", "target"))


def test_filter_actor(db: Path) -> None:
    by_id = events_json(db, "--actor", "rasad:sergey-lavrov")
    assert by_id and all("rasad:sergey-lavrov" in _sides(r, "kb_id") for r in by_id)
    by_country = events_json(db, "--actor", "irn")
    assert by_country and all("IRN" in _sides(r, "country") for r in by_country)
    by_name = events_json(db, "--actor", "Putin")
    assert by_name and all("Putin" in "".join(n or "" for n in _sides(r, "name_en"))
                           for r in by_name)
    # an actor named in Persian or Arabic, any spelling the knowledge base knows
    for spelling in ("ایران", "إيران", "ايران"):
        assert events_json(db, "--actor", spelling) == by_country


def test_partial_dates_are_periods_and_bad_filters_are_refused(db: Path) -> None:
    assert events_json(db, "--since", "2024", "--until", "2024") == events_json(db)
    assert events_json(db, "--since", "2024-03", "--until", "2024-03") == \
        events_json(db, "--since", "2024-03-01", "--until", "2024-03-31")
    for args in (("--since", "yesterday"), ("--until", "2024-13-45"), ("--lang", "en"),
                 ("--status", "done"), ("--plover", "FOO")):
        assert run("events", "--db", str(db), *args).exit_code == 2, args


def test_filter_dates(db: Path) -> None:
    march = events_json(db, "--since", "2024-03-01", "--until", "2024-03-31")
    assert march and {r["doc_id"] for r in march} == {"fa1"}
    may = events_json(db, "--since", "2024-04-01")
    assert may and {r["doc_id"] for r in may} == {"ar1"}
    assert events_json(db, "--until", "2023-12-31") == []


def test_filter_lang(db: Path) -> None:
    assert {r["lang"] for r in events_json(db, "--lang", "ar")} == {"ar"}
    assert {r["doc_id"] for r in events_json(db, "--lang", "fa")} == {"fa1"}


def test_limit(db: Path) -> None:
    assert len(events_json(db, "--limit", "1")) == 1


def test_table_output(db: Path) -> None:
    result = run("events", "--db", str(db), "--plover", "CONSULT")
    assert result.exit_code == 0
    assert "events" in result.stdout and "CONSULT" in result.stdout


def test_bad_plover_is_a_usage_error(db: Path) -> None:
    result = run("events", "--db", str(db), "--plover", "FOO")
    assert result.exit_code == 2
    message = [line for line in result.output.splitlines() if line.strip()]
    assert len(message) == 1, result.output
    assert "--plover" in message[0] and "CONSULT" in message[0]


def test_bad_status_is_a_usage_error(db: Path) -> None:
    result = run("events", "--db", str(db), "--status", "bogus")
    assert result.exit_code == 2
    assert "asserted" in result.output


def test_missing_db(tmp_path: Path) -> None:
    result = run("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "none.db" in result.output
    assert not (tmp_path / "none.db").exists()


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite", "utf-8")
    result = run("events", "--db", str(junk))
    assert result.exit_code == 1


def test_explain_file(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(FA["text"], "utf-8")
    result = run("explain", str(path), "--no-bidi", "--published", "2024-03-01")
    assert result.exit_code == 0, result.output
    events = [line for line in result.stdout.splitlines() if line.strip().startswith("EVENT")]
    assert len(events) == 2
    assert "CONSULT" in events[0]
    assert "by rule triggers_fa.tsv:" in result.stdout
    statuses = [line.split("status:")[1].split(":")[0].strip()
                for line in result.stdout.splitlines() if line.strip().startswith("status:")]
    assert statuses == ["asserted", "negated"]
    assert "دیدار نخواهد کرد" in result.stdout  # logical order kept with --no-bidi
    assert "published 2024-03-01" in result.stdout


def test_explain_stored_document(db: Path) -> None:
    result = run("explain", "ar1", "--db", str(db), "--no-bidi")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("document ar1")
    assert "EVENT  CONSULT" in result.stdout
    assert "status: negated: «لم»" in result.stdout
    assert "by rule triggers_ar.tsv:" in result.stdout


def test_explain_unknown_id(db: Path) -> None:
    result = run("explain", "no-such-doc", "--db", str(db))
    assert result.exit_code == 1
    assert "no-such-doc" in result.output


def test_explain_nothing(tmp_path: Path) -> None:
    result = run("explain", "no-such-doc", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1


def test_a_code_never_matches_inside_a_name(db: Path) -> None:
    """«--actor RU» is a code: it does not match «Russia» or «Sergey Lavrov» by substring."""
    assert events_json(db, "--actor", "RU") == []
    assert events_json(db, "--actor", "RUS")
