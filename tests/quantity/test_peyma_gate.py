"""Quality gate: span F1 on PEYMA dev's MON and PCT tags must not fall below the floors.

eval/eval_quantity.py prints the full table; this test keeps the scores from sliding.
Measured when written (detokenized text): MON exact 0.852 / overlap 0.889, PCT 0.950 / 1.000.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.eval_quantity import evaluate
from eval.peyma import read_sentences
from tests.conftest import shared_path

FLOORS = {("MON", "exact"): 0.80, ("MON", "overlap"): 0.85, ("PCT", "exact"): 0.90, ("PCT", "overlap"): 0.95}


@pytest.mark.shared
def test_peyma_dev_floors() -> None:
    path: Path = shared_path("data", "ner", "fa", "peyma", "dev.txt")
    scores = evaluate(read_sentences(path), detok=True, show=0)
    for (label, match), floor in FLOORS.items():
        f1 = scores[label][2] if match == "exact" else scores[label][5]
        assert f1 >= floor, f"{label} {match} F1 {f1:.3f} fell below {floor}"
