"""The default pipeline's output on the bench corpus is exactly what it was before the speed
work of issue #12 (the fingerprint recorded at 915799d, main just before the speed work was
merged, by `python -m tools.bench.fingerprint record --limit 200`). A speed-up must change no output; a deliberate change of output
re-records the file in the same commit and says why.

RASAD_FINGERPRINT_LIMIT=N checks the first N documents of each language (default 60; 200,
the whole recorded slice, in a thorough run).
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import shared_path
from tools.bench.fingerprint import FINGERPRINT, compute, differences, load


@pytest.mark.shared
def test_bench_outputs_unchanged() -> None:
    shared = shared_path("corpus", "bench").parents[1]
    limit = int(os.environ.get("RASAD_FINGERPRINT_LIMIT", "60"))
    recorded = load(FINGERPRINT)
    computed = list(compute(shared, limit))
    assert len(computed) == 2 * limit
    found = differences(recorded, computed)
    assert not found, f"{len(found)} of {len(computed)} bench documents changed:\n" + \
        "\n".join(found[:20])


def test_differences_name_document_and_field() -> None:
    before = {"d1": {"id": "d1", "doc": "a", "fields": "id=1 entities=2 times=3"}}
    after = [{"id": "d1", "doc": "b", "fields": "id=1 entities=9 times=3"},
             {"id": "d2", "doc": "c", "fields": "id=4"}]
    assert differences(before, after) == ["d1: entities differ",
                                          "d2: not in the recorded fingerprint"]
