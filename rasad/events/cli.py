"""`rasad events` and `rasad explain`: the events of a store, and why each was coded."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_DB = Path("rasad.db")
FAILED, USAGE = 1, 2


def events_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Knowledge-base id, English name or country code (either side).")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER type, e.g. CONSULT, SANCTION.")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, negated, future, proposed, hypothetical or reported_claim.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date (ISO).")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date (ISO).")] = None,
    lang: Annotated[str | None, typer.Option(help="fa or ar.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stored events: English labels beside the original-script trigger and sentence."""
    import json

    from rich.console import Console
    from rich.table import Table

    from rasad.events.ontology import PLOVER_TYPES
    from rasad.store import connect
    from rasad.store.events import query_events

    err = Console(stderr=True, soft_wrap=True)
    if plover and plover.upper() not in PLOVER_TYPES:
        err.print(f"[red]error[/red] --plover {plover}: choose one of {', '.join(PLOVER_TYPES)}")
        raise typer.Exit(USAGE)
    if not db.exists():
        err.print(f"[red]error[/red] {db}: no such database; create one with 'rasad run PATH --db {db}'")
        raise typer.Exit(FAILED)
    try:
        conn = connect(db, readonly=True)
        rows = query_events(conn, actor=actor, plover=plover, status=status, since=since,
                            until=until, lang=lang, limit=limit)
    except ValueError as error:
        err.print(f"[red]error[/red] {error}")
        raise typer.Exit(USAGE) from error
    except Exception as error:  # not a database, or an old one
        err.print(f"[red]error[/red] {db}: cannot read events: {error}")
        raise typer.Exit(FAILED) from error
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("date", "PLOVER", "source", "target", "status", "trigger", "sentence",
                  title=f"{len(rows)} events", title_justify="left")
    for row in rows:
        table.add_row(row["date"] or "?", row["plover_event"],
                      _side(row, "source"), _side(row, "target"), row["status"],
                      row["trigger_text"], (row.get("sentence_text") or "")[:120])
    Console().print(table)


def _side(row: dict, side: str) -> str:
    name = row.get(f"{side}_name_en") or row.get(f"{side}_sector") or "—"
    country = row.get(f"{side}_country")
    return f"{name} ({country})" if country else name


def explain_command(
    what: Annotated[str, typer.Argument(help="A file to analyse, '-' for standard input, or a stored document id.")],
    db: Annotated[Path, typer.Option("--db", help="Where to look a document id up.")] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) for a file.")] = None,
    bidi: Annotated[bool | None, typer.Option("--bidi/--no-bidi", help="Reorder right-to-left text for display (default: on a terminal).")] = None,
) -> None:
    """Show each sentence with its entities, times and events marked, and why each event is coded."""
    from rich.console import Console

    from rasad.events.explain import explain_lines

    err = Console(stderr=True, soft_wrap=True)
    doc = _document(what, db, published, err)
    show_bidi = sys.stdout.isatty() if bidi is None else bidi
    for line in explain_lines(doc, bidi=show_bidi):
        print(line)


def _document(what: str, db: Path, published: str | None, err):  # noqa: ANN001, ANN202
    from rasad import default_pipeline

    if what == "-":
        return default_pipeline().analyze(sys.stdin.read(), published=published)
    path = Path(what)
    if path.is_file():
        from rasad.ingest import iter_documents

        docs = list(iter_documents([what], dedup=False))
        if not docs:
            err.print(f"[red]error[/red] {what}: no readable document")
            raise typer.Exit(FAILED)
        doc = docs[0]
        if published:
            doc.published = published
        return default_pipeline()(doc)
    if db.exists():
        from rasad.store import connect, load_document

        conn = connect(db, readonly=True)
        try:
            return load_document(conn, what)
        except Exception as error:
            err.print(f"[red]error[/red] {what}: not a file, and no such document in {db}")
            raise typer.Exit(FAILED) from error
    err.print(f"[red]error[/red] {what}: no such file, and no database {db} to look it up in")
    raise typer.Exit(FAILED)
