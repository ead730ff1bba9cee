"""The options that choose which documents a run keeps, shared by `rasad run` and `rasad spark`
(`rasad.ingest.selection`)."""

from __future__ import annotations

from typing import Annotated

import typer

from rasad.ingest.selection import Selection

LangOption = Annotated[str | None, typer.Option(
    "--lang", help="Keep only these languages, e.g. 'fa,ar' (fa, ar, other); other documents "
    "are left out as soon as they are read.")]
SinceOption = Annotated[str | None, typer.Option(
    help="Keep documents published on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).")]
UntilOption = Annotated[str | None, typer.Option(
    help="Keep documents published on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).")]
StrictDatesOption = Annotated[bool, typer.Option(
    "--strict-dates", help="Leave out documents whose input gives no publication date "
    "(by default they are kept: the text may date them).")]


def selection(lang: str | None, since: str | None, until: str | None,
              strict_dates: bool) -> Selection | None:
    """The Selection the options describe (None when they leave nothing out), or a usage error."""
    try:
        chosen = Selection.parse(lang=lang, since=since, until=until, strict_dates=strict_dates)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return chosen if chosen.active else None
