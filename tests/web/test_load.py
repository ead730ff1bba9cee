"""A small run of the load benchmark (bench/bench_web_load.py) as a test: `rasad serve` in a
subprocess on a store of 5,000 synthetic events, 20 concurrent clients, 200 dyad and search
requests, every answer a 200. No timing is asserted (the machine is shared); the figures
are the benchmark's, in the README."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_web_load.py"


def _bench() -> ModuleType:
    """The benchmark script as a module (bench/ is not a package)."""
    if "bench_web_load" in sys.modules:
        return sys.modules["bench_web_load"]
    spec = importlib.util.spec_from_file_location("bench_web_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_twenty_clients_get_every_answer(web_extra: None, tmp_path: Path) -> None:
    bench = _bench()
    db = bench.prepare_store(tmp_path / "load.db", 5_000)
    requests = bench.request_mix(200)
    with bench.served(db, workers=1) as base:
        samples, _ = bench.drive(base, requests, clients=20)
    assert len(samples) == len(requests)
    assert {s.endpoint for s in samples} == {"dyad", "search"}
    rows = bench.report(samples, 1.0)
    assert [s for s in samples if s.status != 200] == [], rows
    assert bench.failures({name: {**row, "p95": 0} for name, row in rows.items()}) == []
