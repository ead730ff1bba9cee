"""The command line as a new user meets it: bad input gives one line and an exit code (never a
traceback), no outcome is silent, the .db file alone is the database, progress shows, and
every output says which input it came from."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from rasad.cli import app
from rasad.ingest import count_documents
from rasad.progress import RunProgress
from rasad.store import connect, iter_documents

runner = CliRunner()
GOOD = {"text": "روسیه و ترکیه در آنکارا گفتگو کردند.", "published": "2024-01-02"}


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> dict[str, Path]:
    """Bad inputs a user can hand to any command."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    empty_sqlite = folder / "other.db"
    sqlite3.connect(empty_sqlite).execute("CREATE TABLE t (x)").connection.close()
    (folder / "empty").mkdir()
    return {
        "notadb": _write(folder / "notadb.txt", "this is not a database\n"),
        "folder": folder / "empty",
        "missing": folder / "missing.db",
        "other_sqlite": empty_sqlite,
        "bad_jsonl": jsonl(folder / "bad.jsonl", GOOD, "{not json"),
        "binary": _write(folder / "scan.pdf", "%PDF-1.4 \x00\x01\x02"),
        "zero": _write(folder / "zero.txt", ""),
    }


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="latin-1")
    return path


def _commands(bad: dict[str, Path], tmp_path: Path) -> list[list[str]]:
    db = str(tmp_path / "fresh.db")
    commands = []
    for name in ("notadb", "folder", "missing", "other_sqlite"):
        commands += [["stats", "--db", str(bad[name])], ["stats", "--json", "--db", str(bad[name])],
                     ["entities", "--db", str(bad[name])]]
    for name in ("notadb", "folder"):
        commands += [["run", str(bad["bad_jsonl"]), "--db", str(bad[name])],
                     ["demo", "--db", str(bad[name])]]
    for name in ("bad_jsonl", "binary", "zero", "folder", "missing"):
        commands += [["analyze", str(bad[name])], ["analyze", "--strict", str(bad[name])],
                     ["run", str(bad[name]), "--db", db]]
    commands += [["analyze", "--published", "yesterday", str(bad["bad_jsonl"])],
                 ["kb", "show", "no-such-actor"], ["kb", "search", ""],
                 ["train", "ner", "--shared", str(bad["missing"])]]
    return commands


def test_no_command_shows_a_traceback_on_bad_input(bad: dict[str, Path], tmp_path: Path) -> None:
    for command in _commands(bad, tmp_path):
        result = runner.invoke(app, command)
        shown = result.output + (result.stderr or "")
        assert "Traceback" not in shown, (command, shown)
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            (command, repr(result.exception))
        assert result.exit_code in (0, 1, 2, 3), (command, result.exit_code)
        if result.exit_code in (1, 3):  # a reason, on stderr or in the run's table of problems
            assert result.stderr.strip() or "problem" in result.output, (command, shown)


@pytest.mark.parametrize("args", [["stats", "--db", "{notadb}"],
                                  ["analyze", "--strict", "{bad_jsonl}"]])
def test_errors_are_one_line_with_the_file_and_exit_1(bad: dict[str, Path], args: list[str]) -> None:
    """The two the issue found, as a user runs them (a real process, not the test runner)."""
    argv = [a.format(**{k: str(v) for k, v in bad.items()}) for a in args]
    done = subprocess.run([sys.executable, "-m", "rasad", *argv], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1, done.stderr
    expected = "notadb.txt: " if args[0] == "stats" else "bad.jsonl:2: not valid JSON"
    assert expected in errors[0]


def test_analyze_on_an_empty_folder_says_so_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = runner.invoke(app, ["analyze", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "no documents found" in result.stderr and "nothing" in result.stderr


def test_run_records_and_says_an_unreadable_published_date(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", {**GOOD, "published": "yesterday"})
    db = tmp_path / "r.db"
    result = runner.invoke(app, ["run", str(source), "--db", str(db)])
    assert result.exit_code == 0, result.stderr  # a warning: the document is stored
    assert "'yesterday' is not a date" in result.stderr and "in.jsonl:1" in result.stderr
    conn = connect(db, readonly=True)
    rows = conn.execute("SELECT origin, message FROM problems").fetchall()
    conn.close()
    assert [(r[0], r[1][:9]) for r in rows] == [(f"{source}:1", "warning: ")]
    stats = json.loads(runner.invoke(app, ["stats", "--json", "--db", str(db)]).stdout)
    assert stats["warnings"] == 1 and stats["problems"] == 0 and stats["documents"] == 1


def test_stats_says_a_run_did_not_finish(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    assert runner.invoke(app, ["run", str(jsonl(tmp_path / "in.jsonl", GOOD)), "--db",
                               str(db)]).exit_code == 0
    conn = connect(db)  # a run killed before its end leaves finished_at NULL
    conn.execute("INSERT INTO runs (started_at, paths) VALUES ('2026-01-01T00:00:00', '[]')")
    conn.close()
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["unfinished_runs"] == 1
    assert "did not finish" in result.stderr and "2026-01-01" in result.stderr
    clean = runner.invoke(app, ["stats", "--db", str(tmp_path / "r.db")])
    assert "unfinished_runs" in clean.stdout


@pytest.mark.parametrize("workers", ["1", "2"])
def test_after_a_run_the_db_file_alone_is_the_database(tmp_path: Path, workers: str) -> None:
    db = tmp_path / "corpus.db"
    source = jsonl(tmp_path / "in.jsonl", GOOD, {**GOOD, "text": "قال الرئيس الروسي إن العلاقات جيدة."})
    result = runner.invoke(app, ["run", str(source), "--db", str(db), "--workers", workers])
    assert result.exit_code == 0, result.stderr
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("corpus.db"))
    assert beside == ["corpus.db"]  # no -wal or -shm left holding the data
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    shutil.copy(db, elsewhere / "corpus.db")  # the .db file only
    copy = connect(elsewhere / "corpus.db", readonly=True)
    assert len(list(iter_documents(copy))) == 2
    copy.close()
    assert runner.invoke(app, ["stats", "--db", str(db)]).exit_code == 0
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("corpus.db"))
    assert beside == ["corpus.db"]  # a reader leaves the files alone


def test_analyze_outputs_name_the_file_and_line_they_came_from(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("روسیه و ترکیه گفتگو کردند.", encoding="utf-8")
    jsonl(folder / "b.jsonl", GOOD, {"text": "قال الرئيس إن العلاقات جيدة."})
    result = runner.invoke(app, ["analyze", str(folder)])
    assert result.exit_code == 0, result.stderr
    origins = [json.loads(line)["origin"] for line in result.stdout.splitlines()]
    assert origins == [str(folder / "a.txt"), f"{folder / 'b.jsonl'}:1", f"{folder / 'b.jsonl'}:2"]
    one = json.loads(runner.invoke(app, ["analyze", "-f", "json", "-"], input="نص قصير").stdout)
    assert one["origin"] == "-"


def test_counting_inputs_for_the_progress_bar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body>x</body></html>", encoding="utf-8")
    jsonl(tmp_path / "c.jsonl", GOOD, GOOD, "", "{bad")  # the blank line is no input
    assert count_documents([tmp_path]) == 5
    assert count_documents([tmp_path], glob="*.jsonl") == 3
    assert count_documents(["-"]) is None  # standard input: unknown
    (tmp_path / "d.rss").write_text("<rss></rss>", encoding="utf-8")
    assert count_documents([tmp_path]) is None  # a feed's entries are known only by parsing


def test_progress_without_a_terminal_prints_lines_with_rate_and_eta() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    with RunProgress(console, total=4, every=0) as progress:
        for kind in ("stored", "exists", "failed"):
            progress.update(kind, None)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("progress: 1/4 documents (25%)")
    assert all("docs/s" in line for line in lines) and "ETA" in lines[0]
    assert lines[-1].startswith("done: 3/4 documents") and "failed 1" in lines[-1]


def test_the_live_bar_runs_no_thread_of_its_own() -> None:
    """`rasad run --workers N` forks while the bar is shown: no other thread may be running
    (one holding the console's lock at the fork would leave it locked in the worker)."""
    import threading

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=200)
    before = set(threading.enumerate())
    with RunProgress(console, total=3) as progress:
        started = set(threading.enumerate()) - before
        for _ in range(3):
            progress.update("stored", None)
    assert started == set()
    assert "documents" in out.getvalue()


def test_run_reports_progress_on_stderr_with_the_total(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", GOOD, {**GOOD, "text": "قال الرئيس إن العلاقات جيدة."},
                   "{bad")
    result = runner.invoke(app, ["run", str(source), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 3
    assert "done: 3/3 documents (100%)" in result.stderr and "docs/s" in result.stderr


def test_a_hijri_published_date_is_refused_with_its_gregorian_day() -> None:
    """«--published 1402-07-15» is not the year 1402 AD: refused, with the Solar Hijri reading
    as a hint, never guessed."""
    from typer.testing import CliRunner

    from rasad.cli import app

    result = CliRunner().invoke(app, ["analyze", "-", "--published", "1402-07-15"], input="سلام")
    assert result.exit_code == 2
    assert "Hijri" in result.output and "2023-10-07" in result.output
    ok = CliRunner().invoke(app, ["analyze", "-", "--published", "2023-10-07"], input="سلام دنیا")
    assert ok.exit_code == 0
