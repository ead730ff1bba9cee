"""`rasad serve`: bound to 127.0.0.1 by default (with one worker or several), read-only on
request, one line and exit 1 without a database or without the web extra; `rasad demo` says
how to open the web app."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasad.cli import app

runner = CliRunner()


def test_serve_listens_on_localhost_by_default(web_db: Path, monkeypatch) -> None:  # noqa: ANN001
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    result = runner.invoke(app, ["serve", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert call["host"] == "127.0.0.1" and call["port"] == 8000
    assert call["app"].title == "rasad"
    runner.invoke(app, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "9001"])
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 9001


def test_serve_read_only_and_workers(web_db: Path, monkeypatch) -> None:  # noqa: ANN001
    import os

    import uvicorn

    from rasad.web.app import DB_VARIABLE, READ_ONLY_VARIABLE, app_from_environment

    calls: list[tuple] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    for name in (DB_VARIABLE, READ_ONLY_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    result = runner.invoke(app, ["serve", "--db", str(web_db), "--read-only"])
    assert result.exit_code == 0 and "read-only" in result.stderr
    assert calls[-1][0].state.read_only is True and calls[-1][1]["host"] == "127.0.0.1"
    runner.invoke(app, ["serve", "--db", str(web_db), "--workers", "2", "--read-only"])
    target, options = calls[-1]
    assert target == "rasad.web.app:app_from_environment" and options["factory"] is True
    assert options["workers"] == 2 and options["host"] == "127.0.0.1"
    built = app_from_environment()  # what each worker process runs
    assert built.state.db_path == web_db.resolve() and built.state.read_only is True
    assert os.environ[READ_ONLY_VARIABLE] == "1"


def test_serve_without_a_database_is_one_line_and_exit_1(web_extra: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_without_the_web_extra_names_it(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    real_import = builtins.__import__

    def no_uvicorn(name: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if name == "uvicorn":
            raise ImportError("No module named 'uvicorn'", name="uvicorn")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_uvicorn)
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "any.db")])
    assert result.exit_code == 1
    assert "pip install -e '.[web]'" in " ".join(result.stderr.split()) and "uvicorn" in result.stderr


@pytest.mark.slow
def test_demo_ends_with_how_to_open_the_web_app(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0
    assert f"rasad serve --db {tmp_path / 'd.db'}" in " ".join(result.stdout.split())
