"""Long documents stay linear, and one past the size limit is skipped with its reason.

A 5 MB line without punctuation ran for 13 minutes: each CRF name was compared with every
mention found so far. The span lookups (`rasad.spans.SpanIndex`) now look only near the span
asked about; these tests count the spans examined rather than time anything.
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from rasad.document import Document
from rasad.kb import link
from rasad.pipeline import DocumentTooLarge, Failure, Pipeline
from rasad.spans import SpanIndex

WORDS = ("ولادیمیر پوتین رئیس جمهور روسیه", "رجب طیب اردوغان", "در آنکارا", "با همتای ترکیه",
         "گفتگو کرد و", "وزیر خارجه آمریکا", "سرگئی لاوروف", "در مسکو", "درباره اوکراین",
         "ناتو و فنلاند", "گروه واگنر", "روز سه‌شنبه", "۱۲ درصد", "ایران و عراق")


def _one_long_line(chars: int) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(rng.choice(WORDS))
        size += len(parts[-1]) + 1
    return " ".join(parts)[:chars]


def _spans(rng: random.Random, n: int, length: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(length)
        out.append((start, start + rng.randrange(0, 30)))
    return out


def test_span_index_answers_as_a_scan_of_the_list_would() -> None:
    rng = random.Random(1)
    spans = _spans(rng, 400, 2000)
    index = SpanIndex(spans, span=lambda s: s)
    held = list(spans)
    for step in range(600):
        start, end = _spans(rng, 1, 2000)[0]
        assert index.overlapping(start, end) == [s for s in held if s[0] < end and start < s[1]]
        assert index.covers(start, end) == any(s <= start and end <= e for s, e in held)
        if step % 3 == 0 and held:  # remove one, add one: results stay in adding order
            gone = held.pop(rng.randrange(len(held)))
            index.remove(gone)
            new = _spans(rng, 1, 2000)[0]
            held.append(new)
            index.add(new)
        assert list(index) == held


def test_span_index_queries_look_only_near_the_span() -> None:
    spans = [(10 * k, 10 * k + 5) for k in range(20_000)]
    index = SpanIndex(spans, span=lambda s: s)
    for start, end in spans:
        assert index.overlapping(start, end) == [(start, end)]
    assert index.examined <= 2 * len(spans)  # a scan would examine 20,000 × 20,000


def test_a_200kb_line_links_actors_without_comparing_every_pair(monkeypatch) -> None:  # noqa: ANN001
    indexes: list[SpanIndex] = []

    class Counted(SpanIndex):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            indexes.append(self)

    monkeypatch.setattr(link, "SpanIndex", Counted)
    text = _one_long_line(200_000)
    assert "\n" not in text and "." not in text
    stages = ["language", "segment", "times", "quantities", "ner", "actors"]
    doc = Pipeline(stages).analyze(text, lang="fa")
    assert len(doc.sentences) == 1 and len(doc.entities) > 2000
    merge = indexes[-1]  # merge_crf's index of mentions, built last
    assert len(merge) >= len(doc.entities) // 2
    # Comparing every pair would examine ~ entities² / 2 (tens of millions here); the index
    # looks at a handful per entity (about 5 on this text).
    assert merge.examined <= 20 * len(doc.entities)
    spans = [(e.start, e.end) for e in doc.entities]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in pairwise(spans))


def test_a_document_past_the_limit_is_skipped_with_the_reason_and_no_analysis() -> None:
    pipeline = Pipeline(["language", "segment"], max_chars=1_000_000)
    big = Document("ا" * 5_000_000, meta={"origin": "huge.txt"})
    small = Document("این یک آزمایش است.")
    out = list(pipeline.pipe([big, small]))
    assert isinstance(out[0], Failure) and out[0].origin == "huge.txt"
    assert "too large" in out[0].error and "5,000,000 characters" in out[0].error
    assert "1,000,000" in out[0].error and big.sentences == []  # never analysed
    assert isinstance(out[1], Document) and out[1].sentences
    with pytest.raises(DocumentTooLarge):
        list(pipeline.pipe([big], strict=True))


def test_the_limit_is_configurable(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("RASAD_MAX_CHARS", "10")
    assert Pipeline(["language"]).max_chars == 10
    out = list(Pipeline(["language"]).pipe([Document("a" * 11)]))
    assert isinstance(out[0], Failure)
    assert isinstance(next(Pipeline(["language"], max_chars=0).pipe([Document("a" * 11)])),
                      Document)


def test_a_document_past_the_time_limit_is_a_failure_not_a_stall() -> None:
    """Every document has a time guard: past `max_seconds` it becomes a Failure with the reason."""
    from rasad.document import Document
    from rasad.pipeline import Failure, Pipeline

    pipeline = Pipeline(["language", "segment"], max_seconds=1e-6)
    [result] = list(pipeline.pipe([Document("متن " * 20_000, meta={"origin": "slow.txt"})]))
    assert isinstance(result, Failure)
    assert "RASAD_MAX_SECONDS" in result.error and "slow.txt" in result.error


def test_time_limit_raises_inside_and_restores_the_timer() -> None:
    import signal
    import time

    import pytest

    from rasad.pipeline import DocumentTimeout, time_limit

    with pytest.raises(DocumentTimeout), time_limit(0.05, "a test"):
        time.sleep(1)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(5, "a quick one"):
        pass
