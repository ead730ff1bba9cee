"""The events stage on arbitrary text: it never raises, every event points at a real sentence,
entity and span, the same input gives the same events, and only asserted events happened."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.events.record import STATUSES

# Pieces of news in both languages (triggers, markers, actors, punctuation, noise) so that the
# generated texts reach every branch of matching and side assignment, not just the empty one.
PIECES = st.sampled_from([
    "التقى", "الرئيس الروسي", "بوتين", "نظيره التركي", "أردوغان", "في", "طشقند", "مع", "لم",
    "سوف", "إذا", "زعم", "نفى", "أن", "فرضت", "الولايات المتحدة", "عقوبات", "على", "روسيا",
    "الشرطة", "العراقية", "اعتقلت", "المتظاهرين", "بين", "و", "هجوم", "وساطتها", "قطر",
    "پوتین", "با", "اردوغان", "دیدار", "کرد", "نکرد", "خواهد", "قرار است", "اگر", "آمریکا",
    "روسیه", "را", "تحریم", "پلیس", "ترکیه", "معترضان", "بازداشت", "شد", "میان", "ایران",
    "که", "گفت", "«", "»", "،", ".", "؟", "\n", " ", "\u200c", "\u0640", "x", "2024", "۱۴۰۲",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(words=st.lists(PIECES, max_size=40), published=st.sampled_from([None, "2024-03-01"]))
def test_events_always_point_at_what_exists(pipeline, words: list[str], published: str | None) -> None:  # noqa: ANN001
    text = " ".join(words)
    doc = pipeline.analyze(text, published=published)
    again = pipeline.analyze(text, published=published)
    assert [e.to_dict(doc) for e in doc.events] == [e.to_dict(again) for e in again.events]
    for event in doc.events:
        sentence = doc.sentences[event.sentence]
        assert sentence.start <= event.start < event.end <= sentence.end
        assert event.status in STATUSES
        assert event.happened == (event.status == "asserted")
        assert event.source is not None and event.rule
        for side in (event.source, event.target):
            if side is not None and side.entity is not None:
                assert 0 <= side.entity < len(doc.entities)
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
