"""`rasad actors`: the actors of a store's events, or one actor's counterparts ranked.

A thin shell over `rasad.analysis.actors`; errors are one line and an exit code, as in
`rasad events`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rasad.cli_errors import USAGE, store_errors
from rasad.render import display_rtl

DEFAULT_DB = Path("rasad.db")


def actors_command(
    actor: Annotated[str | None, typer.Argument(metavar="[ID]", help="An actor (id, code, or a name in English, Persian or Arabic): list its counterparts.")] = None,
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="Only actors (or counterparts) of this ISO alpha-3 or IGO code.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    bidi: Annotated[bool | None, typer.Option("--bidi/--no-bidi", help="Reorder Persian and Arabic names for display (default: on a terminal).")] = None,
) -> None:
    """The actors of the stored events with their counts as source and target, or (given an
    actor) the actors it dealt with in events that happened, most events first."""
    from rasad.analysis.actors import counterparts, event_actors
    from rasad.kb.base import load_kb
    from rasad.store.db import open_existing

    err = Console(stderr=True, soft_wrap=True)
    if country and country.upper() not in load_kb().codes():
        err.print(f"[red]error[/red] --country {country}: not an ISO alpha-3 or IGO code "
                  "(RUS, IRN, NATO); `rasad kb search NAME` shows an actor's code")
        raise typer.Exit(USAGE)
    with store_errors(db, "read events"):
        conn = open_existing(db)
        rows = (counterparts(conn, actor, country=country, limit=limit) if actor
                else event_actors(conn, country=country, limit=limit))
    if as_json:
        for row in rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    show = sys.stdout.isatty() if bidi is None else bidi
    Console().print(_counterpart_table(actor, rows, show) if actor else _actor_table(db, rows, show))
    if actor and not rows:
        err.print(f"[yellow]note:[/yellow] no events that happened with {actor}; name an actor "
                  "by its code (RUS), knowledge-base id, or a name `rasad kb search NAME` finds")


def _names(row, bidi: bool) -> str:  # noqa: ANN001 (an ActorCount or a Counterpart)
    return " | ".join(display_rtl(n, bidi) for n in (row.name_fa, row.name_ar) if n)


def _actor_table(db: Path, rows: list, bidi: bool) -> Table:
    table = Table("kb_id", "name", "fa | ar", "country", "sector", "source", "target", "asserted",
                  title=f"{len(rows)} actors in the events of {db}", title_justify="left")
    for row in rows:
        table.add_row(row.kb_id, row.name_en or "—", _names(row, bidi), row.country or "—",
                      row.sector or "—", str(row.as_source), str(row.as_target), str(row.asserted))
    return table


def _counterpart_table(actor: str, rows: list, bidi: bool) -> Table:
    table = Table("counterpart", "name", "fa | ar", "country", "events", "→ them", "← them",
                  "mean Goldstein", "types",
                  title=f"counterparts of {display_rtl(actor, bidi)} (events that happened)",
                  title_justify="left")
    for row in rows:
        types = ", ".join(f"{t} {n}" for t, n in sorted(row.types.items(), key=lambda x: -x[1]))
        table.add_row(row.key, row.name_en or "—", _names(row, bidi), row.country or "—",
                      str(row.events), str(row.outgoing), str(row.incoming),
                      f"{row.goldstein_mean:+.1f}", types)
    return table
