"""`rasad search`: sentences of a store that contain every word of a query, whatever the
spelling (ي/ی، ك/ک، with or without ZWNJ, diacritics, tatweel), with the words highlighted.

A thin shell over `rasad.store.search`; errors are one line and an exit code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text


def search_command(
    query: Annotated[str, typer.Argument(help="Words that must all occur; end one with * for a prefix (روسیه*).")],
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path("rasad.db"),
    lang: Annotated[str | None, typer.Option(help="Only documents in fa or ar.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many sentences.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    bidi: Annotated[bool | None, typer.Option("--bidi/--no-bidi", help="Reorder right-to-left text for display (default: on a terminal).")] = None,
) -> None:
    """Full-text search: the sentences that contain every word, best first, hits highlighted."""
    from rasad.cli_errors import USAGE, store_errors
    from rasad.render import display_rtl, highlighted_lines
    from rasad.store.db import open_existing
    from rasad.store.search import match_expression, search

    err = Console(stderr=True, soft_wrap=True)
    if lang not in (None, "fa", "ar"):
        err.print(f"[red]error[/red] --lang {lang}: choose fa or ar")
        raise typer.Exit(USAGE)
    try:
        match_expression(query)
    except ValueError as error:  # nothing left to search for («*», punctuation)
        err.print(f"[red]error[/red] {error}: give at least one word")
        raise typer.Exit(USAGE) from error
    with store_errors(db, "search"):
        hits = search(open_existing(db), query, limit=limit, langs=[lang] if lang else [])
    if as_json:
        for hit in hits:
            print(json.dumps(hit, ensure_ascii=False))
        return
    show = sys.stdout.isatty() if bidi is None else bidi
    out = Console()
    out.print(f"{len(hits)} sentences with «{display_rtl(query, show)}»"
              + (f" (the first {limit}; --limit N for more)" if len(hits) == limit else ""))
    for hit in hits:
        out.print(f"\n[bold]{hit['doc_id']}[/bold] · sentence {hit['sentence']}"
                  + (f" · {hit['published']}" if hit["published"] else "")
                  + (f" · {display_rtl(hit['title'][:60], show)}" if hit["title"] else ""))
        for line in highlighted_lines(hit["text"], hit["highlights"], bidi=show,
                                      width=max(20, out.width - 4)):
            out.print(Text("  ") + line)
