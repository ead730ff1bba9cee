"""Quality gate: span F1 on PEYMA dev's MON and PCT tags must not fall below the floors.

eval/eval_quantity.py prints the full table; this test keeps the scores from sliding.
Measured when written (detokenized text): MON exact 0.852 / overlap 0.889, PCT 0.950 / 1.000.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_path

FLOORS = {("MON", "exact"): 0.80, ("MON", "overlap"): 0.85, ("PCT", "exact"): 0.90, ("PCT", "overlap"): 0.95}


def _eval_module():  # noqa: ANN202 - the eval script, loaded as a module
    spec = importlib.util.spec_from_file_location("eval_quantity", ROOT / "eval" / "eval_quantity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_peyma_dev_floors() -> None:
    path: Path = shared_path("data", "ner", "fa", "peyma", "dev.txt")
    ev = _eval_module()
    scores = ev.evaluate(ev.read_sentences(path), detok=True, show=0)
    for (label, match), floor in FLOORS.items():
        f1 = scores[label][2] if match == "exact" else scores[label][5]
        assert f1 >= floor, f"{label} {match} F1 {f1:.3f} fell below {floor}"
