"""The command line: help everywhere, the output contract, exit codes scripts rely on."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from rasad.cli import app
from tests.conftest import shared_path

runner = CliRunner()


def contract() -> dict:
    raw = resources.files("rasad.schema").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(raw)


def all_commands() -> list[list[str]]:
    """Every command and sub-command path, e.g. ["kb", "search"]."""
    paths: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:  # noqa: ANN001
        for name, sub in getattr(command, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(get_command(app), [])
    return paths


@pytest.mark.parametrize("path", all_commands(), ids=" ".join)
def test_every_command_has_help(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output and len(result.output) > 100


def test_analyze_stdin_gives_contract_jsonl() -> None:
    result = runner.invoke(app, ["analyze", "-"], input="روسیه و ترکیه توافق کردند.\nقال الرئيس.")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1
    jsonschema.validate(lines[0], contract())


def test_analyze_lang_and_published_override() -> None:
    result = runner.invoke(app, ["analyze", "--lang", "ar", "--published", "2016-08-09",
                                 "--format", "json"], input="نص قصير")
    data = json.loads(result.stdout)
    assert data["lang"] == "ar" and data["published"] == "2016-08-09"


def test_pretty_output_says_why_each_entity_was_linked() -> None:
    result = runner.invoke(app, ["analyze", "--lang", "fa", "--format", "pretty"],
                           input="او به تهران رفت.", terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "capital of Iran" in result.stdout and "Iran" in result.stdout


def test_analyze_rejects_a_bad_format() -> None:
    result = runner.invoke(app, ["analyze", "--format", "xml"], input="x")
    assert result.exit_code == 2


def test_analyze_reports_a_missing_file_and_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_analyze_partial_batch_exits_3(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("روسیه و ترکیه توافق کردند.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 3
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in result.stderr


@pytest.mark.shared
def test_analyze_each_seed_gives_valid_exact_json() -> None:
    seeds = sorted(shared_path("corpus", "seeds").glob("*.txt"))
    result = runner.invoke(app, ["analyze", *map(str, seeds)])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["lang"] for d in docs] == ["fa", "ar", "ar", "fa", "fa"]
    for doc in docs:
        jsonschema.validate(doc, contract())
        for layer in ("sentences", "entities", "times", "quantities", "quotes"):
            for span in doc[layer]:
                assert span["text"] == doc["text"][span["start"]:span["end"]]


def test_run_then_stats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الرئيس الروسي إن العلاقات جيدة.", encoding="utf-8")
    db = tmp_path / "x.db"
    assert runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"] == 1


def test_stats_on_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "rasad run" in result.stderr


def test_demo_stores_the_sample_corpus(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    data = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert data["documents"] >= 10
    assert set(data["languages"]) == {"fa", "ar"}


def test_analyze_rejects_a_publication_date_that_is_not_iso() -> None:
    for bad in ("yesterday", "2024-13-45"):
        result = runner.invoke(app, ["analyze", "--published", bad], input="روسیه")
        assert result.exit_code == 2, bad


def test_an_inferred_publication_date_dates_role_phrases() -> None:
    result = runner.invoke(app, ["analyze"],
                           input="قال الرئيس الروسي الثلاثاء 9 أغسطس 2016 إن العلاقات جيدة.")
    data = json.loads(result.stdout)
    assert data["published"] == "2016-08-09" and data["published_source"].startswith("inferred")
    assert data["entities"][0]["name_en"] == "Vladimir Putin"


def test_run_on_missing_paths_exits_1_without_a_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["run", str(tmp_path / "nothere"), "--db", str(db)])
    assert result.exit_code == 1 and not db.exists()
    assert "nothere" in result.stderr


def test_run_with_only_unreadable_inputs_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1


def test_rerun_does_not_inflate_the_problem_count(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("روسیه و ترکیه توافق کردند.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "x.db"
    for _ in range(2):
        assert runner.invoke(app, ["run", str(folder), "--db", str(db)]).exit_code == 3
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["problems"] == 1 and stats["documents"] == 1
