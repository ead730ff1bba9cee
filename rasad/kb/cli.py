"""`rasad kb ...` (list, search, show, validate the actor knowledge base) and `rasad entities`
(the actors of a stored corpus). Thin shells over rasad.kb.base, rasad.kb.validate,
rasad.kb.link and rasad.kb.corpus; the lead wires them into rasad/cli.py:

    app.add_typer(kb_app, name="kb")
    app.command("entities")(entities_command)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rasad.cli_errors import FAILED
from rasad.kb.base import ActorRecord, KnowledgeBase, load_kb, load_kb_file

kb_app = typer.Typer(help="The actor knowledge base: list, search, show and validate it.",
                     no_args_is_help=True, add_completion=False)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)

KbFile = Annotated[Path | None, typer.Option("--file", help="A KB JSONL file of your own "
                                             "(default: the one shipped with rasad).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _kb(path: Path | None) -> KnowledgeBase:
    if path is None:
        return load_kb()
    try:
        return load_kb_file(path)
    except (OSError, ValueError) as error:
        err_console.print(f"[red]error[/red] {path}: {error}")
        raise typer.Exit(FAILED) from error


def _names(record: ActorRecord, lang: str | None = None) -> str:
    langs = (lang,) if lang else ("fa", "ar")
    return " | ".join(n for code in langs for n in record.names.get(code, ())[:2])


def _records_table(records: list[ActorRecord], *, title: str, lang: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("id", no_wrap=True, min_width=max((len(r.id) for r in records), default=2))
    for column in ("kind", "name_en", "country", "sector", "names"):
        table.add_column(column, overflow="fold")
    for r in records:
        table.add_row(r.id, r.kind, r.name_en, r.country or "—", r.sector or "—", _names(r, lang))
    return table


@kb_app.command("list")
def list_command(
    kind: Annotated[str | None, typer.Option(help="Only this kind: state, person, igo, ...")] = None,
    country: Annotated[str | None, typer.Option(help="Only this country/IGO code: RUS, NATO.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 100,
    as_json: JsonFlag = False,
    file: KbFile = None,
) -> None:
    """List actors, optionally of one kind or country."""
    kb = _kb(file)
    kinds = sorted(kb.counts())
    if kind is not None and kind not in kinds:
        raise typer.BadParameter(f"no actors of kind {kind!r}; kinds: {', '.join(kinds)}",
                                 param_hint="--kind")
    records = [r for r in kb if (kind is None or r.kind == kind)
               and (country is None or r.country == country.upper())]
    if as_json:
        print(json.dumps([r.to_dict() for r in records[:limit]], ensure_ascii=False, indent=2))
        return
    console.print(_records_table(records[:limit], title=f"{len(records)} actors"
                                 + (f" (showing {limit})" if len(records) > limit else "")))


@kb_app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="A name, adjective or role phrase (fa, ar, en).")],
    lang: Annotated[str | None, typer.Option(help="Compare names of this language only.")] = None,
    on: Annotated[str | None, typer.Option(help="Resolve role phrases on this date (ISO).")] = None,
    as_json: JsonFlag = False,
    file: KbFile = None,
) -> None:
    """Actors called QUERY, and how rasad reads QUERY as text (names and role phrases)."""
    kb = _kb(file)
    day = _day(on)
    records = kb.search(query, lang)
    reading = _read_phrase(query, lang=lang, on=day, kb=kb)
    if as_json:
        print(json.dumps({"records": [r.to_dict() for r in records], "reading": reading},
                         ensure_ascii=False, indent=2))
        return
    if records:
        console.print(_records_table(records, title=f"actors called «{query}»", lang=lang))
    else:
        console.print(f"no actor is called «{query}»")
    for record in records[:5]:
        held = [r for r in record.roles if day is None or r.holds_on(day)]
        for role in held[:6]:
            console.print(f"  {record.id}: {role.role} {role.country or ''} "
                          f"{role.start or '…'} → {role.end or 'now'}")
    if reading:
        console.print(_reading_table(reading, query))


def _day(on: str | None) -> date | None:
    if on is None:
        return None
    try:
        return date.fromisoformat(on)
    except ValueError as error:
        raise typer.BadParameter("use an ISO date, e.g. 2022-01-10", param_hint="--on") from error


def _read_phrase(text: str, *, lang: str | None, on: date | None,
                 kb: KnowledgeBase) -> list[dict]:
    """The actor stage's entities for `text` read as a tiny document."""
    from rasad.document import Document
    from rasad.kb.gazetteer import Gazetteer, load_gazetteer
    from rasad.kb.link import find_actors
    from rasad.text import langid, segment

    doc = Document(text, lang=lang, published=on.isoformat() if on else None)
    doc = segment.annotate(doc if lang else langid.annotate(doc))
    gazetteer = load_gazetteer() if kb is load_kb() else Gazetteer.from_kb(kb)
    return [m.to_entity(doc).to_dict(doc) for m in find_actors(doc, kb=kb, gazetteer=gazetteer)]


def _reading_table(reading: list[dict], query: str) -> Table:
    table = Table(title=f"«{query}» read as text", title_justify="left")
    for column in ("text", "type", "kb_id", "name_en", "country", "role", "rule"):
        table.add_column(column, overflow="fold")
    for e in reading:
        table.add_row(e["text"], e["type"], e["kb_id"] or "—", e["name_en"] or "—",
                      e["country"] or "—", e.get("role") or "—", e.get("rule") or "")
    return table


@kb_app.command("show")
def show_command(actor_id: Annotated[str, typer.Argument(metavar="ID", help="An actor id, e.g. Q7747.")],
                 as_json: JsonFlag = False, file: KbFile = None) -> None:
    """Everything the KB holds on one actor: names, adjectives, dated roles."""
    kb = _kb(file)
    record = kb.get(actor_id) or kb.by_code(actor_id.upper())
    if record is None:
        err_console.print(f"[red]error[/red] no actor {actor_id!r}; find one with 'rasad kb search NAME'")
        raise typer.Exit(FAILED)
    if as_json:
        print(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{record.id}  {record.name_en}", title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key in ("kind", "country", "sector", "parent", "code", "notes"):
        if getattr(record, key):
            table.add_row(key, str(getattr(record, key)))
    for lang, names in record.names.items():
        table.add_row(f"names {lang}", " | ".join(names))
    for lang, names in record.adjectives.items():
        table.add_row(f"adjectives {lang}", " | ".join(names))
    for role in record.roles:
        to = f" to {role.to}" if role.to else ""
        table.add_row("role", f"{role.role} {role.country or ''}{to} {role.start or '…'} → "
                              f"{role.end or 'now'}" + (" (acting)" if role.acting else ""))
    console.print(table)


@kb_app.command("validate")
def validate_command(file: KbFile = None, as_json: JsonFlag = False,
                     warnings: Annotated[bool, typer.Option(help="List warnings too.")] = False) -> None:
    """Check the KB; exit status 1 when it has errors."""
    from rasad.kb.validate import errors, validate, validate_file

    problems = validate_file(file) if file is not None else validate(load_kb())
    bad = errors(problems)
    shown = problems if warnings else bad
    if as_json:
        print(json.dumps([p.to_dict() for p in shown], ensure_ascii=False, indent=2))
    elif not shown:
        console.print(f"{len(bad)} errors, {len(problems) - len(bad)} warnings "
                      f"(--warnings lists them)")
    else:
        table = Table(title=f"{len(bad)} errors, {len(problems) - len(bad)} warnings",
                      title_justify="left")
        for column in ("severity", "code", "actor", "message"):
            table.add_column(column, overflow="fold")
        for p in shown:
            table.add_row(p.severity, p.code, p.actor_id, p.message)
        console.print(table)
    if bad:
        raise typer.Exit(FAILED)


def entities_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path("rasad.db"),
    limit: Annotated[int, typer.Option(min=1, help="At most this many actors (and unlinked names).")] = 50,
    as_json: JsonFlag = False,
) -> None:
    """The actors of a stored corpus, by mention count; unlinked names after them."""
    from rasad.cli_errors import store_errors
    from rasad.kb.corpus import actor_counts
    from rasad.store import open_existing

    with store_errors(db, "read the database"):
        conn = open_existing(db)
        try:
            rows = actor_counts(conn, limit=limit)
        finally:
            conn.close()
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"actors in {db}", title_justify="left")
    # Ids stay whole (folded onto a second line when long): they are what `rasad kb show`
    # takes. Short columns keep their headers whole; names and types wrap.
    table.add_column("kb_id", overflow="fold")
    table.add_column("name")
    table.add_column("country", no_wrap=True, min_width=7)
    table.add_column("types")
    for column in ("mentions", "documents"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    for r in rows:
        table.add_row(r["kb_id"] or "(unlinked)", r["name"] or "—", r["country"] or "—",
                      r["types"] or "—", f"{r['mentions']:,}", f"{r['documents']:,}")
    console.print(table)
