"""Quotes and speakers: «direct» across sentence ends, “curly” and "straight", indirect speech
after a cue verb and إن/أن or که, and the reporter of an event said inside a quote."""

from __future__ import annotations

import pytest


def kinds(doc) -> list[str]:  # noqa: ANN001
    return [q.extra.get("kind") for q in doc.quotes]


def quoted(doc, quote) -> str:  # noqa: ANN001
    return doc.text[quote.start:quote.end]


def test_guillemets_across_a_sentence_end(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی در نشست خبری گفت: «ما با لاوروف در مسکو دیدار کردیم. این دیدار سازنده "
                  "بود.» سپس نشست پایان یافت.")
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert quote.extra["kind"] == "direct"
    assert quoted(doc, quote) == "ما با لاوروف در مسکو دیدار کردیم. این دیدار سازنده بود."
    spanned = [i for i, s in enumerate(doc.sentences) if s.start < quote.end and quote.start < s.end]
    assert len(spanned) >= 2  # the quote runs over a sentence end
    assert quote.speaker is not None and quote.speaker.name_en == "Abbas Araghchi"
    assert doc.entities[quote.speaker.entity].kb_id == quote.speaker.kb_id


@pytest.mark.parametrize("marks", [("«", "»"), ("“", "”"), ('"', '"')])
def test_direct_quote_marks_ar(analyze, marks: tuple[str, str]) -> None:  # noqa: ANN001
    left, right = marks
    doc = analyze(f"قال لافروف {left}إن روسيا لن تتخلى عن حلفائها في المنطقة{right}.")
    direct = [q for q in doc.quotes if q.extra.get("kind") == "direct"]
    assert len(direct) == 1
    assert quoted(doc, direct[0]) == "إن روسيا لن تتخلى عن حلفائها في المنطقة"
    assert direct[0].speaker is not None and direct[0].speaker.name_en == "Sergey Lavrov"


def test_short_quoted_name_is_not_speech(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی با هیئت «اکو» در تهران دیدار کرد.")
    assert not [q for q in doc.quotes if q.extra.get("kind") == "direct"]


@pytest.mark.parametrize("cue", ["وقال", "وأضاف", "وأكد", "قال", "أكد"])
@pytest.mark.parametrize("that", ["إن", "أن"])
def test_arabic_indirect_speech(analyze, cue: str, that: str) -> None:  # noqa: ANN001
    doc = analyze(f"{cue} لافروف {that} روسيا اجتمعت مع إيران في موسكو.")
    indirect = [q for q in doc.quotes if q.extra.get("kind") == "indirect"]
    assert len(indirect) == 1
    quote = indirect[0]
    assert quoted(doc, quote) == "روسيا اجتمعت مع إيران في موسكو"
    assert quote.cue == cue
    assert quote.speaker is not None and quote.speaker.name_en == "Sergey Lavrov"


@pytest.mark.parametrize("cue", ["گفت", "افزود", "تاکید کرد"])
def test_persian_indirect_speech(analyze, cue: str) -> None:  # noqa: ANN001
    doc = analyze(f"عراقچی {cue} که ایران با روسیه دیدار خواهد کرد.")
    indirect = [q for q in doc.quotes if q.extra.get("kind") == "indirect"]
    assert len(indirect) == 1
    quote = indirect[0]
    assert quoted(doc, quote) == "ایران با روسیه دیدار خواهد کرد"
    assert quote.speaker is not None and quote.speaker.name_en == "Abbas Araghchi"


def test_no_cue_no_indirect_quote(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی با لاوروف در مسکو دیدار کرد.")
    assert doc.quotes == []
    doc = analyze("اجتمع لافروف مع عراقجي في موسكو.")
    assert doc.quotes == []


@pytest.mark.parametrize(("text", "reporter"), [
    ("وقال لافروف إن روسيا اجتمعت مع إيران في موسكو.", "Sergey Lavrov"),
    ("وأضاف لافروف أن روسيا اجتمعت مع إيران في موسكو.", "Sergey Lavrov"),
    ("عراقچی گفت که ایران با روسیه دیدار کرده است.", "Abbas Araghchi"),
    ("عراقچی تاکید کرد که ایران با روسیه دیدار خواهد کرد.", "Abbas Araghchi"),
    ("عراقچی گفت: «پزشکیان با پوتین در مسکو دیدار کرد.»", "Abbas Araghchi"),
])
def test_event_inside_a_quote_has_its_reporter(analyze, text: str, reporter: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    inside = [e for e in doc.events
              if any(q.start <= e.start < q.end for q in doc.quotes)]
    assert inside, [doc.text[e.start:e.end] for e in doc.events]
    for event in inside:
        assert event.extra["reporter"]["name_en"] == reporter
        # the reporter is not a side of the reported act
        assert event.source is None or event.source.name_en != reporter


def test_event_outside_quotes_has_no_reporter(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی با لاوروف در مسکو دیدار کرد.")
    assert doc.events and all("reporter" not in e.extra for e in doc.events)


def test_reporter_survives_the_document_dict(analyze) -> None:  # noqa: ANN001
    doc = analyze("وقال لافروف إن روسيا اجتمعت مع إيران في موسكو.")
    data = doc.to_dict()
    assert data["events"][0]["reporter"]["name_en"] == "Sergey Lavrov"
    assert data["quotes"][0]["speaker"]["name_en"] == "Sergey Lavrov"


@pytest.mark.xfail(strict=True, reason="quotes.py: indirect speech after a pronoun subject (او/وی "
                   "گفت که …) gets no speaker; the last salient actor (the previous sentence's "
                   "Araghchi) is not used, so the event in it has no reporter")
def test_pronoun_speaker_is_the_salient_actor(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی با لاوروف در مسکو دیدار کرد. او افزود که ایران با چین دیدار خواهد کرد.")
    indirect = [q for q in doc.quotes if q.extra.get("kind") == "indirect"]
    assert indirect and indirect[0].speaker is not None
    assert indirect[0].speaker.name_en == "Abbas Araghchi"


def test_first_person_in_a_quote_is_the_speaker(analyze) -> None:  # noqa: ANN001
    doc = analyze("عراقچی در نشست خبری گفت: «ما با لاوروف در مسکو دیدار کردیم.»")
    meetings = [e for e in doc.events if e.plover == "CONSULT"]
    assert meetings
    event = meetings[0]
    assert event.target is not None and event.target.name_en == "Sergey Lavrov"
    assert event.source is not None and event.source.country == "IRN"
