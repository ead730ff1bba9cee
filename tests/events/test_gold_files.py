"""The hand-annotated event gold set (eval/events/gold_{fa,ar}.jsonl) is well formed: what
the scorer reads must be what the annotators meant."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from rasad.events.ontology import PLOVER_TYPES
from rasad.events.record import STATUSES

GOLD = Path(__file__).resolve().parents[2] / "eval" / "events"


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_gold_rows_are_well_formed(lang: str) -> None:
    rows = [json.loads(line) for line in (GOLD / f"gold_{lang}.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    assert len({r["id"] for r in rows}) == len(rows) >= 300
    for row in rows:
        assert row["lang"] == lang and row["id"].startswith(f"{lang}-")
        # the split is a hash of the id, fixed before annotation ended
        expected = "test" if int(hashlib.md5(row["id"].encode()).hexdigest(), 16) % 10 < 4 else "dev"
        assert row["split"] == expected, row["id"]
        for event in row["events"]:
            assert event["plover"] in PLOVER_TYPES and event["status"] in STATUSES, row["id"]
            for key in ("trigger", "source_text", "target_text"):
                assert event.get(key) is None or event[key] in row["text"], (row["id"], key)
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "a sentence annotated twice"
