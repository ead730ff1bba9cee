"""Entity-level scoring with exact spans (seqeval / conlleval counting)."""

from __future__ import annotations

import pytest

from rasad.ner.score import bio_spans, score


def test_bio_spans() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG"]) == [
        ("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 7)]
    assert bio_spans(["I-PER", "O"]) == [("PER", 0, 1)]
    assert bio_spans([]) == []


def test_score_counts_exact_spans_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-MISC"]]
    pred = [["B-PER", "O", "O", "B-LOC", "B-ORG", "O"]]
    s = score(gold, pred)
    assert s["PER"].f1 == 0.0 and s["LOC"].f1 == 1.0
    assert s["ORG"].predicted == 1 and s["ORG"].support == 0
    assert s["micro"].precision == pytest.approx(1 / 3)
    assert s["micro"].recall == pytest.approx(1 / 2)
    assert "MISC" not in s
