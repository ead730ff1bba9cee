"""Human-readable views of documents and databases for the terminal (rich)."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rasad.document import Document


def display_rtl(text: str, bidi: bool) -> str:
    """`text` in display order when `bidi` (python-bidi's Unicode Bidirectional Algorithm):
    most terminals show Persian and Arabic letters in memory order, reversed."""
    if not bidi:
        return text
    from bidi import get_display  # noqa: PLC0415

    return get_display(text)


# Private-use characters that mark a highlight while python-bidi reorders a line: they are
# neutral, so they move with the word they enclose, and come out in either order.
_MARK = "\ue000"


def highlighted(text: str, spans: list[tuple[int, int]], *, bidi: bool,
                style: str = "bold black on yellow") -> Text:
    """`text` with `spans` (offsets into `text`) styled, in display order when `bidi`.

    Reordering moves the words, so the spans are marked in the text before it and read back
    after: each mark toggles the style, whichever order a right-to-left run left them in.
    """
    marked, last = [], 0
    for start, end in sorted(spans):
        marked += [text[last:start], _MARK, text[start:end], _MARK]
        last = end
    shown = display_rtl("".join(marked) + text[last:], bidi)
    out = Text()
    for i, piece in enumerate(shown.split(_MARK)):
        out.append(piece, style=style if i % 2 else None)
    return out


def highlighted_lines(text: str, spans: list[tuple[int, int]], *, bidi: bool,
                      width: int) -> list[Text]:
    """`text` cut into lines of at most `width` characters at spaces, each line highlighted
    and reordered on its own: reordering a whole paragraph and then wrapping it would put its
    first words on the last line."""
    lines, start = [], 0
    for word in re.finditer(r"\S+\s*", text):
        if word.end() - start > width and word.start() > start:
            lines.append((start, word.start()))
            start = word.start()
    lines.append((start, len(text)))
    out = []
    for line_start, line_end in lines:
        inside = [(max(s, line_start) - line_start, min(e, line_end) - line_start)
                  for s, e in spans if s < line_end and e > line_start]
        out.append(highlighted(text[line_start:line_end].rstrip(), inside, bidi=bidi))
    return out


_LAYER_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("type", "kb_id", "name_en", "country", "rule"),
    "times": ("value", "granularity", "calendar"),
    "quantities": ("value", "kind", "unit"),
    "quotes": ("cue",),
}


def document_view(doc: Document) -> Panel:
    """A panel with the document's sentences and one table per non-empty layer."""
    data = doc.to_dict()
    parts: list[Any] = [Text(f"id {data['id']} · lang {data['lang']} · published "
                             f"{data['published'] or '?'} · {len(data['sentences'])} sentences",
                             style="dim")]
    sentences = Table("#", "sentence", show_header=False, box=None, expand=True)
    for i, sent in enumerate(data["sentences"]):
        sentences.add_row(str(i), Text(sent["text"], justify="right"))
    parts.append(sentences)
    for layer, columns in _LAYER_COLUMNS.items():
        if data[layer]:
            parts.append(_layer_table(layer, columns, data[layer]))
    if data["events"]:
        parts.append(_events_table(data["events"]))
    return Panel(Group(*parts), title=data["title"] or data["id"], expand=True)


def _layer_table(layer: str, columns: tuple[str, ...], items: list[dict[str, Any]]) -> Table:
    table = Table("text", *columns, "span", title=layer, title_justify="left")
    for item in items:
        table.add_row(item["text"], *[_cell(_field(item, c)) for c in columns],
                      f"{item['start']}:{item['end']}")
    return table


def _events_table(events: list[dict[str, Any]]) -> Table:
    table = Table("sentence", "trigger", "source", "target", "cameo", "plover", "status",
                  title="events", title_justify="left")
    for event in events:
        table.add_row(str(event["sentence"]), event["trigger"]["text"],
                      _actor(event.get("source")), _actor(event.get("target")), event["cameo"],
                      event["plover"]["event"], event["status"])
    return table


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    return actor.get("name_en") or actor.get("country") or "?"


def _field(item: dict[str, Any], column: str) -> Any:
    """A record's field, or else its `extra` entry (`rule`: why an entity was linked, e.g.
    «kb name «تهران» (fa), capital of Iran»)."""
    return item[column] if column in item else item.get("extra", {}).get(column)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.6g}"
    return str(value)


def key_value_table(title: str, rows: dict[str, Any]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in rows.items():
        table.add_row(key, _cell(value) if not isinstance(value, int) else f"{value:,}")
    return table


def print_document(console: Console, doc: Document) -> None:
    console.print(document_view(doc))


def run_summary_view(summary: Any, *, db: Any) -> Group:
    """The end-of-run report: what was stored, skipped and why."""
    rows: dict[str, Any] = {
        "documents stored": summary.outcomes.get("inserted", 0),
        "already in the database": summary.outcomes.get("exists", 0),
        "duplicates (same text)": summary.outcomes.get("duplicate", 0),
        "failed": summary.outcomes.get("failed", 0),
        **{f"left out ({key[9:]})": n for key, n in sorted(summary.outcomes.items())
           if key.startswith("left_out_")},
        "sentences": summary.sentences,
        "tokens": summary.tokens,
    }
    rows.update({f"language {k}": v for k, v in sorted(summary.languages.items())})
    rows.update({f"read as {k}": v for k, v in sorted(summary.formats.items())})
    rows.update({f"encoding {k}": v for k, v in sorted(summary.encodings.items())})
    rows["seconds"] = round(summary.seconds, 2)
    parts: list[Any] = [key_value_table(f"run {summary.run_id} → {db}", rows)]
    if summary.problems:
        problems = Table("input", "problem", title=f"skipped ({len(summary.problems)})",
                         title_justify="left", title_style="yellow")
        for origin, message in summary.problems:
            problems.add_row(str(origin), message)
        parts.append(problems)
    return Group(*parts)
