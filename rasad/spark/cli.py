"""`rasad spark`: the Spark job from the command line (`python -m rasad.spark` and spark-submit
run the same command)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from rasad.cli_errors import FAILED, OK, PARTIAL
from rasad.cli_select import LangOption, SinceOption, StrictDatesOption, UntilOption, selection

err_console = Console(stderr=True, soft_wrap=True)


def spark_command(
    paths: Annotated[list[str], typer.Argument(help="Files and folders: JSONL, text, HTML, RSS/Atom, WARC (.gz too).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Folder for the Parquet datasets (replaced).")],
    master: Annotated[str | None, typer.Option(help="Spark master, e.g. local[2]; default: spark-submit's, else local[*].")] = None,
    partitions: Annotated[int | None, typer.Option(min=1, help="Partitions to analyse in (default: Spark's default parallelism).")] = None,
    glob: Annotated[str | None, typer.Option(help="Only files matching this pattern, e.g. '*.warc.gz'.")] = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated pipeline stages (default: all).")] = None,
    lang: LangOption = None, since: SinceOption = None, until: UntilOption = None,
    strict_dates: StrictDatesOption = False,
) -> None:
    """Analyse a corpus or a crawl with Spark and write Parquet (documents, sentences, entities,
    times, quantities, quotes, events, problems), partitioned by month and language."""
    from rasad.pipeline import DEFAULT_STAGES
    from rasad.spark.job import run_job
    from rasad.spark.session import SparkUnavailable, local_session

    select = selection(lang, since, until, strict_dates)
    names = tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else DEFAULT_STAGES
    try:
        spark = local_session(master, shuffle_partitions=partitions)
    except SparkUnavailable as error:
        err_console.print(f"[red]error[/red] rasad spark cannot start: {escape(str(error))}")
        raise typer.Exit(FAILED) from None
    try:
        summary = run_job(spark, paths, out, select=select, stages=names,
                          partitions=partitions, glob=glob)
    except ValueError as error:  # standard input, an unknown stage
        err_console.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(FAILED) from None
    finally:
        spark.stop()
    print(json.dumps(summary.to_dict(), ensure_ascii=False))
    if not summary.documents:
        err_console.print(f"[red]error[/red] no documents analysed from {', '.join(paths)}")
        raise typer.Exit(FAILED)
    raise typer.Exit(PARTIAL if summary.problems else OK)


def main() -> None:
    """The entry point of `python -m rasad.spark` and of spark-submit."""
    typer.run(spark_command)
