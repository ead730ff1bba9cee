"""`rasad spark` and `rasad run`'s selection options, without starting Spark."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from rasad.cli import app
from tests.ingest.test_crawl import cc_news_sample

runner = CliRunner()


def test_run_keeps_the_persian_and_arabic_pages_of_a_crawl(tmp_path):
    crawl = cc_news_sample(tmp_path)
    db = tmp_path / "crawl.db"
    result = runner.invoke(app, ["run", str(crawl), "--db", str(db), "--lang", "fa,ar",
                                 "--until", "2024-05"])
    assert result.exit_code == 0, result.output
    assert "left out (language)" in result.output and "left out (date)" in result.output
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT url, lang, encoding FROM documents ORDER BY url").fetchall()
    counts = json.loads(conn.execute("SELECT counts FROM runs").fetchone()[0])
    conn.close()
    assert rows == [("https://alwatan.example.sy/3", "ar", "windows-1256"),
                    ("https://news.example.ir/fa/1", "fa", "utf-8"),
                    ("https://old.example.ir/news/2", "fa", "windows-1256")]
    assert counts["left_out_language"] == 2 and counts["left_out_date"] == 1


@pytest.mark.parametrize(("options", "message"), [
    (["--lang", "fa,en"], "unknown language(s) en"),
    (["--since", "1402-01-01"], "convert a Hijri date"),
    (["--until", "2024-13"], "not a date"),
    (["--since", "2024-06", "--until", "2024-05"], "is after until"),
])
@pytest.mark.parametrize("command", ["run", "spark"])
def test_selection_options_are_checked_before_anything_runs(tmp_path, command, options, message):
    (tmp_path / "a.txt").write_text("متن", encoding="utf-8")
    extra = ["--out", str(tmp_path / "out")] if command == "spark" else ["--db", str(tmp_path / "x.db")]
    result = runner.invoke(app, [command, str(tmp_path / "a.txt"), *extra, *options])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "x.db").exists()


def test_spark_says_what_to_install_when_pyspark_or_java_is_missing(tmp_path, monkeypatch):
    import rasad.spark.session as session

    monkeypatch.setattr(session, "missing_requirement",
                        lambda: "pyspark is not installed: pip install 'rasad[spark]'")
    result = runner.invoke(app, ["spark", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "rasad spark cannot start: pyspark is not installed: pip install 'rasad[spark]'" \
        in result.output


def test_missing_requirement_names_pyspark(monkeypatch):
    import builtins

    from rasad.spark.session import missing_requirement

    real_import = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark":
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    assert missing_requirement() == "pyspark is not installed: pip install 'rasad[spark]'"
