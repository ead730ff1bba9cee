"""Load on the web API: 50 concurrent clients, dyad and search queries, p95 under 300 ms.

The store is `bench_store.py`'s (100,000 synthetic events by default, built by its
`build_store`); `rasad serve --workers N` runs it in a subprocess on a free loopback port,
exactly as a user starts it. `--clients` asyncio clients (httpx, one keep-alive connection
each, no pause between requests) share a fixed list of `--requests` requests: dyads by
code and by Persian and Arabic name, by month and by week, some with a date range, and
full-text searches in both scripts. Every latency and status is recorded; a warm-up of
`--warmup` requests first, on the same connections, let each worker process load the
knowledge base (about 1.5 s) and fill its answer cache (`rasad.web.cache`).

    python bench/bench_web_load.py [--events 100000] [--clients 50] [--requests 2000]
                                   [--workers 1] [--cache-size 256] [--db PATH]

One worker by default: on the 2-core machine the clients take most of a core themselves,
and one process keeps one answer cache; two answered more requests per second, with a p95
no lower (README, Benchmarks).

Prints count, errors, p50/p95/p99 and requests/s per endpoint and overall; exits 1 if any
request failed or the p95 of either endpoint is 300 ms or more. With `--db PATH` an existing
store at PATH is reused (delete it to rebuild).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_store import build_store  # noqa: E402

from rasad.store import close  # noqa: E402
from rasad.web.testing import free_port  # noqa: E402

# httpcore tries `import sniffio` for every request and falls back to asyncio when it is
# missing; a failed import is not remembered, so each try searched sys.path again (2.5 ms of
# the client's CPU per request, on the cores the server needs). None here makes it fail at once.
if importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

TARGET_P95_MS = 300.0
# Pairs the synthetic store holds many events for (the busiest first), and the same actors by
# Persian and Arabic name, resolved through the knowledge base as a user would type them.
DYADS = [("RUS", "TUR"), ("USA", "CHN"), ("IRN", "SAU"), ("RUS", "USA"), ("FRA", "DEU"),
         ("روسیه", "ترکیه"), ("روسيا", "تركيا"), ("ایران", "عربستان"), ("الصين", "الهند"),
         ("Q7747", "Q39259")]
SEARCHES = ["روسیه", "حمله ترکیه", "دیدار کرد", "ایران", "انتقاد کرد", "روسيا", "هاجم",
            "التقى", "تركيا في", "الصين"]


@dataclass(frozen=True)
class Sample:
    """One request's outcome: which endpoint, the HTTP status (0: no answer), milliseconds."""

    endpoint: str
    status: int
    ms: float


def request_mix(n: int, *, seed: int = 11) -> list[tuple[str, str]]:
    """`n` (endpoint, path) pairs, half dyads and half searches, in a fixed random order."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 2:
            q = rng.choice(SEARCHES)
            out.append(("search", f"/api/search?q={q}&limit=20"))
            continue
        a, b = rng.choice(DYADS)
        path = f"/api/dyad?a={a}&b={b}&by={rng.choice(('month', 'month', 'week'))}"
        if rng.random() < 0.3:
            since = rng.randrange(2000, 2025)
            path += f"&since={since}&until={since + rng.randrange(1, 3)}"
        out.append(("dyad", path))
    return out


@contextmanager
def served(db: Path, *, workers: int, cache_size: int = 256) -> Iterator[str]:
    """`rasad serve --db DB --workers N --cache-size C` on a free loopback port; yields its
    base URL once it answers, and stops it afterwards."""
    import httpx

    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
        str(HERE.parent), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "rasad", "serve", "--db", str(db), "--port",
                             str(port), "--workers", str(workers), "--cache-size",
                             str(cache_size)], env=env,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"rasad serve exited with status {proc.returncode}")
            try:
                if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"rasad serve did not answer on {base} within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


async def _drive(base: str, warmup: list[tuple[str, str]], requests: list[tuple[str, str]],
                 clients: int) -> tuple[list[Sample], float]:
    """Send `warmup`, then, once every client is done with it, `requests`, from `clients`
    concurrent clients, each one request at a time on its own keep-alive connection (one
    shared pool of 50 costs httpcore a scan of every connection per request: the load
    generator then measured itself). The samples of `requests` and their wall time in s.

    The connections opened during the warm-up serve the measured requests: opened together
    at the start of a run, 50 connections put their first requests at the p99 (0.7 s)."""
    import httpx

    warm, todo = iter(warmup), iter(requests)
    samples: list[Sample] = []
    ready, go = 0, asyncio.Event()
    start = 0.0

    async def client() -> None:
        nonlocal ready, start
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for _, path in warm:  # the shared iterators hand each request out once
                await http.get(path)
            ready += 1
            if ready == clients:
                start = time.perf_counter()
                go.set()
            await go.wait()
            for endpoint, path in todo:
                began = time.perf_counter()
                try:
                    status = (await http.get(path)).status_code
                except httpx.HTTPError:
                    status = 0
                samples.append(Sample(endpoint, status, (time.perf_counter() - began) * 1000))

    await asyncio.gather(*(client() for _ in range(clients)))
    return samples, time.perf_counter() - start


def drive(base: str, requests: list[tuple[str, str]], *, clients: int,
          warmup: list[tuple[str, str]] | None = None) -> tuple[list[Sample], float]:
    """Every request's sample and the wall time of the measured requests in seconds."""
    return asyncio.run(_drive(base, warmup or [], requests, clients))


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`, which must not be empty."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(samples: list[Sample], seconds: float) -> dict[str, dict[str, float]]:
    """Per endpoint and overall: count, errors (status ≠ 200), p50/p95/p99 in ms, requests/s."""
    rows = {}
    for endpoint in sorted({s.endpoint for s in samples}) + ["all"]:
        mine = [s for s in samples if endpoint in ("all", s.endpoint)]
        times = [s.ms for s in mine]
        rows[endpoint] = {"count": len(mine), "errors": sum(s.status != 200 for s in mine),
                          "p50": statistics.median(times), "p95": percentile(times, 95),
                          "p99": percentile(times, 99), "rps": len(mine) / seconds}
    return rows


def failures(rows: dict[str, dict[str, float]]) -> list[str]:
    """What fails the target: any error, or an endpoint's p95 at or over TARGET_P95_MS."""
    out = [f"{name}: {row['errors']:.0f} errors" for name, row in rows.items() if row["errors"]]
    return out + [f"{name}: p95 {row['p95']:.0f} ms ≥ {TARGET_P95_MS:.0f} ms"
                  for name, row in rows.items() if name != "all" and row["p95"] >= TARGET_P95_MS]


def prepare_store(path: Path, events: int) -> Path:
    """The store at `path`: reused when it exists, else built and checkpointed (so the
    server's read-only connections see one whole file)."""
    if not path.exists():
        close(build_store(path, events))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--cache-size", type=int, default=256,
                        help="rasad serve --cache-size (0: every request runs its query)")
    parser.add_argument("--db", type=Path, help="reuse or keep the store here")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    db = prepare_store(args.db or Path(folder.name) / "bench.db", args.events)
    with served(db, workers=args.workers, cache_size=args.cache_size) as base:
        samples, seconds = drive(base, request_mix(args.requests), clients=args.clients,
                                 warmup=request_mix(args.warmup, seed=3))
    rows = report(samples, seconds)
    print(f"{args.clients} clients, {args.requests:,} requests, {args.workers} worker(s), "
          f"cache {args.cache_size}, {seconds:.1f} s")
    print(f"{'endpoint':8} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'req/s':>6}")
    for name, row in rows.items():
        print(f"{name:8} {row['count']:6.0f} {row['errors']:6.0f} {row['p50']:7.0f} "
              f"{row['p95']:7.0f} {row['p99']:7.0f} {row['rps']:6.1f}")
    problems = failures(rows)
    print("FAIL: " + "; ".join(problems) if problems else f"PASS (no error, p95 < {TARGET_P95_MS:.0f} ms)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
