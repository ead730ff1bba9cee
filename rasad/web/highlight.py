"""A stored document as highlighted segments: the view behind the document page.

Annotations overlap (a quote holds entities, an event's trigger sits inside a quote), so the
text is cut at every span boundary into segments, and each segment lists the annotations that
cover it. The template writes one `<span>` per segment with those annotations' classes and
ids; the text is always `text[start:end]` of the original and escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LAYERS = ("entities", "times", "quantities", "quotes", "events")


@dataclass
class Annotation:
    """One highlighted record: its id in the page, layer, span, and lines describing it."""

    id: str
    layer: str
    start: int
    end: int
    label: str
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Segment:
    """A run of text covered by the same annotations (none for plain text)."""

    text: str
    annotations: list[Annotation]
    sentence: int | None = None  # set on the first segment of each sentence, for its anchor

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{a.layer}" for a in self.annotations}))

    @property
    def ids(self) -> str:
        return " ".join(a.id for a in self.annotations)

    @property
    def title(self) -> str:
        return " · ".join(a.label for a in self.annotations)


def annotations(data: dict[str, Any]) -> list[Annotation]:
    """Every highlightable record of a contract dict (`load_dict`), events by their trigger."""
    out = []
    for layer in LAYERS:
        for index, record in enumerate(data.get(layer) or ()):
            span = record.get("trigger") if layer == "events" else record
            if not span or span.get("start") is None:
                continue
            out.append(Annotation(f"{layer}-{index}", layer, span["start"], span["end"],
                                  _label(layer, record), _details(layer, record)))
    return out


def segments(text: str, notes: list[Annotation],
             sentence_starts: list[int] = ()) -> list[Segment]:
    """`text` cut at every annotation boundary and sentence start; each piece with the
    annotations covering it, and the sentence it opens (for links to `#s3`)."""
    starts = {start: index for index, start in enumerate(sentence_starts)}
    bounds = {0, len(text), *(s for s in starts if 0 <= s <= len(text))}
    notes = [n for n in notes if 0 <= n.start < n.end <= len(text)]  # a bad span is not drawn
    for note in notes:
        bounds.update((note.start, note.end))
    cuts = sorted(bounds)
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [n for n in notes if n.start <= start and end <= n.end]
        out.append(Segment(text[start:end], covering, starts.get(start)))
    return out


def _side(side: dict[str, Any] | None) -> str:
    if not side:
        return "—"
    name = side.get("name_en") or side.get("sector") or "?"
    return f"{name} ({side['country']})" if side.get("country") else name


def _label(layer: str, record: dict[str, Any]) -> str:
    if layer == "entities":
        return f"{record.get('type')}: {record.get('name_en') or record.get('text')}"
    if layer == "times":
        return f"time: {record.get('value') or '?'}"
    if layer == "quantities":
        unit = record.get("unit") or record.get("currency") or ""
        return f"{record.get('kind')}: {record.get('value')} {unit}".strip()
    if layer == "quotes":
        return f"quote of {_side(record.get('speaker'))}"
    plover = (record.get("plover") or {}).get("event")
    return (f"event {plover} ({record.get('status')}): {_side(record.get('source'))} → "
            f"{_side(record.get('target'))}")


_DETAIL_KEYS = {
    "entities": ("type", "kb_id", "name_en", "country", "sector", "source", "rule"),
    "times": ("value", "granularity", "calendar", "relative"),
    "quantities": ("kind", "value", "unit", "currency"),
    "quotes": ("kind", "cue"),
    "events": ("cameo", "quad_class", "goldstein", "status", "status_reason", "date",
               "location", "rule"),
}


def _details(layer: str, record: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) lines for the details panel; values are plain strings (escaped later)."""
    lines = [("text", record.get("trigger", {}).get("text") if layer == "events"
              else record.get("text"))]
    if layer == "quotes":
        lines.append(("speaker", _side(record.get("speaker"))))
    if layer == "events":
        plover = record.get("plover") or {}
        lines += [("PLOVER", " / ".join(str(v) for v in plover.values() if v)),
                  ("source", _side(record.get("source"))), ("target", _side(record.get("target")))]
    for key in _DETAIL_KEYS[layer]:
        value = record.get(key)
        if value not in (None, ""):
            lines.append((key, value if isinstance(value, str) else str(value)))
    return [(k, str(v)) for k, v in lines if v is not None]
