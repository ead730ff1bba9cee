"""Document segments: cut at every boundary, each piece knowing what covers it."""

from __future__ import annotations

from rasad.web.highlight import annotations, segments

TEXT = "پوتین گفت: «روسیه آماده است». دیدار کرد."


def _doc() -> dict:
    quote_start = TEXT.index("«") + 1
    return {
        "text": TEXT,
        "entities": [{"start": 0, "end": 5, "text": "پوتین", "type": "PER", "name_en": "Putin"},
                     {"start": quote_start, "end": quote_start + 5, "text": "روسیه",
                      "type": "LOC", "name_en": "Russia"}],
        "quotes": [{"start": quote_start, "end": TEXT.index("»"), "speaker": {"name_en": "Putin"}}],
        "events": [{"trigger": {"start": TEXT.index("دیدار"), "end": len(TEXT) - 1, "text": "دیدار کرد"},
                    "plover": {"event": "CONSULT"}, "status": "asserted", "source": None,
                    "target": None}],
        "times": [{"start": 3, "end": 99}],  # outside the text: not drawn, text stays whole
    }


def test_segments_rebuild_the_text_and_nest_overlaps() -> None:
    notes = annotations(_doc())
    pieces = segments(TEXT, notes, [0, TEXT.index("دیدار")])
    assert "".join(p.text for p in pieces) == TEXT
    russia = next(p for p in pieces if p.text == "روسیه")
    assert russia.ids == "entities-1 quotes-0" and russia.classes == "hl-entities hl-quotes"
    assert "LOC: Russia" in russia.title and "quote of Putin" in russia.title
    assert [p.sentence for p in pieces if p.sentence is not None] == [0, 1]
    assert next(p for p in pieces if p.text == "دیدار کرد").ids == "events-0"
    assert all(p.text != "" for p in pieces)


def test_details_are_plain_strings() -> None:
    event = next(n for n in annotations(_doc()) if n.layer == "events")
    assert event.label == "event CONSULT (asserted): — → —"
    assert ("text", "دیدار کرد") in event.details
    assert all(isinstance(v, str) for _, v in event.details)
