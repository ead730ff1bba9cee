"""`rasad explain`: each sentence with its entities, times and events marked, and for every
event the trigger, the two sides and why, the lexicon row and the reason for its status.

Terminals differ on right-to-left text: most show Persian and Arabic letters in memory order,
reversed. With `bidi=True` lines are reordered for display (python-bidi's implementation of
the Unicode Bidirectional Algorithm); the default turns it on only for a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator

from rasad.document import Document
from rasad.render import display_rtl as _display


def _side(actor: dict | None) -> str:
    if not actor:
        return "—"
    name = actor.get("name_en") or actor.get("sector") or actor.get("kb_id") or "?"
    extra = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{name} ({extra})" if extra else name


def explain_lines(doc: Document, *, bidi: bool = False) -> Iterator[str]:
    """Plain lines (no markup) explaining a document, sentence by sentence."""
    data = doc.to_dict()
    yield f"document {data['id']} · lang {data['lang']} · published {data['published'] or '?'}"
    for i, sentence in enumerate(data["sentences"]):
        text, offset = sentence["text"], sentence["start"]
        marks = []
        for layer, tag in (("entities", "E"), ("times", "T"), ("events", "V")):
            for item in data[layer]:
                span = item["trigger"] if layer == "events" else item
                mark = (span["start"] - offset, span["end"] - offset, tag)
                if sentence["start"] <= span["start"] and span["end"] <= sentence["end"] \
                        and mark not in marks:  # two events of one trigger: one mark
                    marks.append(mark)
        yield ""
        yield f"[{i}] " + _display(_bracket(text, marks), bidi)
        for item in data["entities"]:
            if sentence["start"] <= item["start"] < sentence["end"]:
                yield (f"    entity «{_display(item['text'], bidi)}» {item['type']} "
                       f"{item.get('name_en') or '-'} {item.get('country') or ''}  ({item.get('rule', '')})")
        for item in data["times"]:
            if sentence["start"] <= item["start"] < sentence["end"]:
                yield f"    time   «{_display(item['text'], bidi)}» = {item['value']}"
        for event in data["events"]:
            if event["sentence"] != i:
                continue
            yield (f"    EVENT  {event['plover']['event']} (CAMEO {event['cameo']}, quad "
                   f"{event['quad_class']}, Goldstein {event['goldstein']}) "
                   f"{_side(event['source'])} → {_side(event['target'])}"
                   + (" [symmetric]" if event.get("symmetric") else ""))
            yield f"           trigger «{_display(event['trigger']['text'], bidi)}» by rule {event['rule']}"
            yield f"           sides: {event.get('sides', '')}"
            yield f"           status: {event['status']}: {event.get('status_reason', '')}"
            yield f"           date {event['date'] or '?'}" + (
                f", place {_display(event['location']['text'], bidi)}" if event.get("location") else "")


def _bracket(text: str, marks: list[tuple[int, int, str]]) -> str:
    """The sentence with ⟦...⟧E / T / V around entities, times and event triggers."""
    inserts: list[tuple[int, int, str]] = []
    for start, end, tag in marks:
        inserts.append((start, 1, "⟦"))
        inserts.append((end, 0, f"⟧{tag}"))
    out, last = [], 0
    for pos, _order, piece in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(text[last:pos])
        out.append(piece)
        last = pos
    out.append(text[last:])
    return "".join(out)
