"""`rasad serve`: the web app over a database, on 127.0.0.1 unless told otherwise.

FastAPI and uvicorn are imported when the command runs, not when `rasad` starts, and their
absence is one line naming the extra to install (exit status 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

FAILED = 1


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file (opened read-only).")] = Path("rasad.db"),
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
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

    try:
        app = create_app(db)
    except StoreError as error:
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(FAILED) from None
    err.print(f"rasad web app on http://{host}:{port}/ over {db} (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
