"""`rasad events` and `rasad explain`: the events of a store, and why each was coded."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from rasad.cli_errors import FAILED, USAGE, store_errors

DEFAULT_DB = Path("rasad.db")


def events_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Knowledge-base id, country code, or a name in English, Persian or Arabic (either side).")] = None,
    source: Annotated[str | None, typer.Option(help="Like --actor, the source side only.")] = None,
    target: Annotated[str | None, typer.Option(help="Like --actor, the target side only.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 or IGO code (RUS, NATO) on either side.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix: 04 is 040-046 and their sub-codes.")] = None,
    quad: Annotated[str | None, typer.Option(help="Quad class: 1-4 or a name, e.g. 'verbal cooperation'.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER type, e.g. CONSULT, SANCTION.")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, negated, future, proposed, hypothetical or reported_claim.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date (ISO).")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date (ISO).")] = None,
    lang: Annotated[str | None, typer.Option(help="fa or ar.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    merged: Annotated[bool, typer.Option("--merged", help="One row per merged event (its reports across documents), with its mention count.")] = False,
) -> None:
    """List stored events: English labels beside the original-script trigger and sentence."""
    from rich.console import Console
    from rich.table import Table

    from rasad.events.ontology import PLOVER_TYPES
    from rasad.store.db import open_existing
    from rasad.store.events import query_events

    err = Console(stderr=True, soft_wrap=True)
    problem = (_bad_filter(plover, status, since, until, lang, PLOVER_TYPES)
               or _bad_code_filter(country, cameo, quad))
    if problem:
        err.print(f"[red]error[/red] {problem}")
        raise typer.Exit(USAGE)
    with store_errors(db, "read events", also=(Exception,)):  # an older store, a locked file
        conn = open_existing(db)
        filters = dict(actor=actor, source=source, target=target, country=country, cameo=cameo,
                       quad=quad, plover=plover, status=status, since=since, until=until,
                       lang=lang, limit=limit + 1)
        if merged:
            from rasad.store.clusters import query_merged

            _print_merged(query_merged(conn, **filters), limit=limit, as_json=as_json, err=err)
            return
        rows = query_events(conn, **filters)
    more = len(rows) > limit
    rows = rows[:limit]
    if as_json:
        for row in rows:
            print(json.dumps(_json_row(row), ensure_ascii=False))
    else:
        title = f"{len(rows)} events" + (f" (the first {limit}; --limit N for more)" if more else "")
        table = Table("date", "PLOVER", "source", "target", "status", "trigger", "sentence",
                      title=title, title_justify="left")
        for row in rows:
            table.add_row(row["date"] or "?", row["plover_event"],
                          _side(row, "source"), _side(row, "target"), row["status"],
                          row["trigger_text"], (row.get("sentence_text") or "")[:120])
        Console().print(table)
    if more and as_json:
        err.print(f"[yellow]note:[/yellow] the first {limit} events; --limit N for more")


MERGED_JSON_KEYS = ("merged_id", "first_date", "last_date", "plover_event", "cameo", "status",
                    "source_kb_id", "source_name_en", "source_country", "target_kb_id",
                    "target_name_en", "target_country", "mentions", "documents", "languages",
                    "mention_ids", "doc_ids", "sentence_text")


def _print_merged(rows: list[dict], *, limit: int, as_json: bool, err) -> None:  # noqa: ANN001
    """`rasad events --merged`: one line (or JSON object) per merged event."""
    from rich.console import Console
    from rich.table import Table

    more = len(rows) > limit
    rows = rows[:limit]
    if as_json:
        for row in rows:
            print(json.dumps({key: row.get(key) for key in MERGED_JSON_KEYS}, ensure_ascii=False))
        if more:
            err.print(f"[yellow]note:[/yellow] the first {limit} merged events; --limit N for more")
        return
    title = (f"{len(rows)} merged events, {sum(r['mentions'] for r in rows)} mentions"
             + (f" (the first {limit}; --limit N for more)" if more else ""))
    table = Table("date", "PLOVER", "source", "target", "status", "mentions", "docs", "langs",
                  "sentence", title=title, title_justify="left")
    for row in rows:
        table.add_row(row["first_date"] or "?", row["plover_event"], _side(row, "source"),
                      _side(row, "target"), row["status"], str(row["mentions"]),
                      str(row["documents"]), row["languages"], (row.get("sentence_text") or "")[:120])
    Console().print(table)


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _bad_filter(plover: str | None, status: str | None, since: str | None, until: str | None,
                lang: str | None, types: tuple[str, ...]) -> str | None:
    """One line saying which filter value is wrong, or None."""
    from rasad.events.record import STATUSES

    if plover and plover.upper() not in types:
        return f"--plover {plover}: choose one of {', '.join(types)}"
    if status and status not in STATUSES:
        return f"--status {status}: choose one of {', '.join(STATUSES)}"
    if bad := _bad_dates(since, until):
        return bad
    if lang and lang not in ("fa", "ar"):
        return f"--lang {lang}: choose fa or ar"
    return None


def _bad_code_filter(country: str | None, cameo: str | None, quad: str | None) -> str | None:
    """One line saying which of --country, --cameo, --quad is wrong, or None."""
    from rasad.events.ontology import is_cameo_prefix, quad_class
    from rasad.kb.base import load_kb

    if country and country.upper() not in load_kb().codes():
        return (f"--country {country}: not an ISO alpha-3 or IGO code (RUS, IRN, NATO); "
                "`rasad kb search NAME` shows an actor's code")
    if cameo and not is_cameo_prefix(cameo):
        return f"--cameo {cameo}: give a CAMEO code or its first digits (04, 043, 0431)"
    if quad:
        try:
            quad_class(quad)
        except ValueError as error:
            return f"--quad {quad}: {error}"
    return None


def _bad_dates(since: str | None, until: str | None) -> str | None:
    """One line naming the --since or --until value that is not a date, or None."""
    for name, value in (("--since", since), ("--until", until)):
        if value and not _valid_date(value):
            return f"{name} {value}: give a date as YYYY-MM-DD, YYYY-MM or YYYY"
    return None


def _valid_date(value: str) -> bool:
    if not _PARTIAL_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def _json_row(row: dict) -> dict:
    """A stored event in the output contract's shape, with its document and sentence."""
    event = json.loads(row["record"])
    return {"doc_id": row["doc_id"], "lang": row.get("lang"), "title": row.get("title"),
            "sentence_text": row.get("sentence_text"), **event}


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
        text = sys.stdin.read()
        if not text.strip():
            err.print("[red]error[/red] -: empty input, nothing to explain")
            raise typer.Exit(FAILED)
        return default_pipeline().analyze(text, published=published)
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


def export_command(
    out: Annotated[Path, typer.Argument(help="The file to write.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (documents in the output contract), csv or parquet (one row per event), gdelt (a GDELT 2.0 Events table of the events that happened) or plover (PLOVER/POLECAT-style JSON lines).")] = "jsonl",
    merged: Annotated[bool, typer.Option("--merged", help="One row per merged event (its reports across documents) with its mention and document ids; jsonl, csv or parquet.")] = False,
) -> None:
    """Write a database out for pandas, R, DuckDB or Spark: documents as JSONL, events as CSV,
    Parquet, a GDELT-shaped table or PLOVER records."""
    from rich.console import Console

    from rasad.store.db import open_existing
    from rasad.store.export import FORMATS, export

    err = Console(stderr=True, soft_wrap=True)
    if fmt not in FORMATS:
        err.print(f"[red]error[/red] --format {fmt}: choose {', '.join(FORMATS)}")
        raise typer.Exit(USAGE)
    if merged and fmt not in ("jsonl", "csv", "parquet"):
        err.print(f"[red]error[/red] --merged writes jsonl, csv or parquet, not {fmt}")
        raise typer.Exit(USAGE)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401, PLC0415
        except ImportError as error:
            err.print("[red]error[/red] Parquet needs pyarrow: pip install -e '.\\[export]' "
                      "in a clone (or pip install pyarrow)")
            raise typer.Exit(FAILED) from error
    with store_errors(db, "export"):
        try:
            conn = open_existing(db)
            if merged:
                from rasad.store.export import export_merged

                count = export_merged(conn, out, fmt)
            else:
                count = export(conn, out, fmt)
        except OSError as error:
            err.print(f"[red]error[/red] {out}: cannot write: {error.strerror or error}")
            raise typer.Exit(FAILED) from error
    what = "merged events" if merged else "documents" if fmt == "jsonl" else "events"
    err.print(f"{count} {what} → {out}")


def dyad_command(
    a: Annotated[str, typer.Argument(help="An actor: country or IGO code, KB id, or a name in English, Persian or Arabic.")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = DEFAULT_DB,
    by: Annotated[str, typer.Option(help="week or month.")] = "month",
    since: Annotated[str | None, typer.Option(help="First date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last date.")] = None,
) -> None:
    """How a relationship moved: events that happened between two actors, by week or month."""
    from rich.console import Console
    from rich.table import Table

    from rasad.analysis.dyad import QUADS, dyad
    from rasad.store.db import open_existing

    err, out = Console(stderr=True, soft_wrap=True), Console()
    if by not in ("week", "month"):
        err.print(f"[red]error[/red] --by {by}: choose week or month")
        raise typer.Exit(USAGE)
    if bad := _bad_dates(since, until):
        err.print(f"[red]error[/red] {bad}")
        raise typer.Exit(USAGE)
    from rasad.kb.base import load_kb
    from rasad.store.events import actor_keys, is_code

    for actor in (a, b):  # a name the KB does not know matches nothing: say so, not "0 events"
        if not is_code(actor) and load_kb().get(actor) is None and len(actor_keys(actor)[0]) == 1:
            err.print(f"[red]error[/red] {actor}: no actor of that name in the knowledge base; "
                      "name it by its code (RUS), id, or a name `rasad kb search NAME` finds")
            raise typer.Exit(USAGE)
    with store_errors(db, "read events"):
        result = dyad(open_existing(db), a, b, by=by, since=since, until=until)
    noun = "event" if result.total == 1 else "events"
    table = Table(by, "events", "mentions", "coop", "conflict", "mean Goldstein", "", "types",
                  title=f"{a} ↔ {b}: {result.total} {noun} that happened (merged across "
                        f"documents; {result.mentions} mentions)", title_justify="left")
    for period in result.periods:
        coop = period.quads.get(1, 0) + period.quads.get(2, 0)
        conflict = period.quads.get(3, 0) + period.quads.get(4, 0)
        mean = period.goldstein_mean
        bar = ("[green]" + "█" * round(min(10.0, mean)) + "[/green]" if mean >= 0
               else "[red]" + "█" * round(min(10.0, -mean)) + "[/red]")
        types = ", ".join(f"{t} {n}" for t, n in sorted(period.types.items(), key=lambda x: -x[1]))
        table.add_row(period.key, str(period.events), str(period.mentions), str(coop),
                      str(conflict), f"{mean:+.1f}", bar, types)
    out.print(table)
    for event in result.top:
        reports = f" [{event['mentions']} mentions]" if event["mentions"] > 1 else ""
        out.print(f"  {event['date']} {event['plover']} {event['source']}→{event['target']} "
                  f"({event['goldstein']:+}){reports} «{event['trigger']}»: "
                  f"{(event['sentence'] or '')[:100]}")
    if not result.total and not result.not_happened:
        err.print(f"[yellow]note:[/yellow] no events between {a} and {b}; name an actor by its "
                  "code (RUS), knowledge-base id, or a name `rasad kb search NAME` finds")
    if result.not_happened:
        kept = ", ".join(f"{n} {s}" for s, n in result.not_happened.items())
        out.print(f"Not counted (did not happen): {kept}. Quad classes: "
                  + "; ".join(f"{k} {v}" for k, v in QUADS.items()))
