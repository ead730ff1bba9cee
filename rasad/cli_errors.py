"""Exit codes and one-line errors for the commands: what went wrong, never a traceback."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

# The README's table of exit codes: every command takes them from here.
OK, FAILED, USAGE, PARTIAL = 0, 1, 2, 3
INTERRUPTED = 130  # stopped by Ctrl-C (128 + SIGINT, as shells report it); what was committed is kept


@contextmanager
def store_errors(db: Path, doing: str,
                 also: tuple[type[Exception], ...] = ()) -> Iterator[None]:
    """Turn a missing or unreadable database into one line on stderr and exit status 1;
    `also`: more errors to report as «cannot <doing>» (a store from an older rasad)."""
    from rasad.store.db import StoreError  # noqa: PLC0415

    err = Console(stderr=True, soft_wrap=True)
    try:
        yield
    except StoreError as error:
        err.print(f"[red]error[/red] {error}")
        raise typer.Exit(FAILED) from error
    except (sqlite3.Error, *also) as error:  # a database from an older rasad, a locked file
        err.print(f"[red]error[/red] {db}: cannot {doing}: {error}")
        raise typer.Exit(FAILED) from error
