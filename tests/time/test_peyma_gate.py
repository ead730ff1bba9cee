"""Quality gate: span F1 on PEYMA dev's DAT+TIM tags must not fall below the floors.

eval/eval_time.py prints the full table. Measured when written: exact P 0.707 R 0.898 F1 0.791,
overlap P 0.751 R 0.953 F1 0.840.
"""

from __future__ import annotations

import pytest

from eval.eval_time import evaluate
from tests.conftest import shared_path

FLOORS = {"exact": 0.76, "overlap": 0.81}


@pytest.mark.shared
def test_peyma_dev_floors() -> None:
    path = shared_path("data", "ner", "fa", "peyma", "dev.txt")
    scores = evaluate(path, quiet=True)
    for match, floor in FLOORS.items():
        assert scores[match][2] >= floor, f"{match} F1 {scores[match][2]:.3f} fell below {floor}"
