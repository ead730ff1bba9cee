"""`rasad serve`: the web app over a database, on 127.0.0.1 unless told otherwise.

FastAPI and uvicorn are imported when the command runs, not when `rasad` starts, and their
absence is one line naming the extra to install (exit status 1). With `--workers N` uvicorn
starts N processes, each building the app from the environment (`app_from_environment`):
queries are CPU-bound Python, so processes, not threads, use more than one core.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from rasad.cli_errors import FAILED
from rasad.web.cache import DEFAULT_SIZE  # standard library only: no web extra needed here


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file (opened read-only).")] = Path("rasad.db"),
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[bool, typer.Option(
        "--read-only", help="Refuse to analyse pasted or uploaded text (403); only browse.")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (about one per core).")] = 1,
    cache_size: Annotated[int, typer.Option(
        min=0, help="Answers of dyad and search queries kept per process until the database changes (0: none).")] = DEFAULT_SIZE,
) -> None:
    """Browse a database in a web browser: search, documents, actors, dyads, network, and a JSON API."""
    from rich.console import Console
    from rich.markup import escape

    from rasad.web import WEB_EXTRA_HINT

    err = Console(stderr=True, soft_wrap=True)
    try:
        import uvicorn

        from rasad.web.app import create_app
    except ImportError as error:
        err.print(f"[red]error[/red] {escape(WEB_EXTRA_HINT)} ({error.name or error} is missing)")
        raise typer.Exit(FAILED) from None
    from rasad.store.db import StoreError
    from rasad.web.app import CACHE_VARIABLE, DB_VARIABLE, READ_ONLY_VARIABLE

    try:
        app = create_app(db, read_only=read_only, cache_size=cache_size)  # checks the database before listening
    except StoreError as error:
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(FAILED) from None
    mode = "read-only, " if read_only else ""
    err.print(f"rasad web app on http://{host}:{port}/ over {db} ({mode}{workers} "
              f"worker{'s' * (workers > 1)}; Ctrl-C stops it)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[DB_VARIABLE] = str(db.resolve())
    os.environ[READ_ONLY_VARIABLE] = "1" if read_only else "0"
    os.environ[CACHE_VARIABLE] = str(cache_size)
    uvicorn.run("rasad.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")
