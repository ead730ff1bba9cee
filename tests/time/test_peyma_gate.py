"""Quality gate: span F1 on PEYMA dev's DAT+TIM tags must not fall below the floors.

eval/eval_time.py prints the full table. Measured when written: exact P 0.707 R 0.898 F1 0.791,
overlap P 0.751 R 0.953 F1 0.840.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, shared_path

FLOORS = {"exact": 0.76, "overlap": 0.81}


def _eval_module():  # noqa: ANN202 - the eval script, loaded as a module
    spec = importlib.util.spec_from_file_location("eval_time", ROOT / "eval" / "eval_time.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_peyma_dev_floors() -> None:
    path = shared_path("data", "ner", "fa", "peyma", "dev.txt")
    scores = _eval_module().evaluate(path, quiet=True)
    for match, floor in FLOORS.items():
        assert scores[match][2] >= floor, f"{match} F1 {scores[match][2]:.3f} fell below {floor}"
