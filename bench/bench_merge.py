"""Time to re-cluster merged events (`rasad.store.clusters`) in a store of synthetic events.

Corpus: generated here (no data needed), with a fixed seed: N events (100,000 by default) in
N/5 documents over two years, between 30 countries, 8 PLOVER types (3 symmetric), 80 % asserted,
a tenth undated or dated to a month, two places in three unknown. The rows go straight into a
temporary database (`events` with the record and query columns the write path gives them).

It prints, one run each (the machine is shared: read the orders of magnitude):

  1. the pure function (`rasad.events.merge.cluster_all`) over every mention, in memory;
  2. `recluster_all`: every group from the store, as the migration does on an old database;
  3. `recluster` of the groups one write batch of 64 new documents touches, as `rasad run`
     does after each batch (the documents are added first, then re-clustered);
  4. the same store re-clustered again: how many rows change (must be 0).

    python bench/bench_merge.py [--events N]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rasad.events.merge import Mention, cluster_all
from rasad.store import connect, transaction
from rasad.store.clusters import keys_of, recluster, recluster_all
from rasad.store.rows import EVENT_COLUMNS, event_row, insert_sql

COUNTRIES = ["RUS", "TUR", "IRN", "USA", "CHN", "UKR", "SAU", "ISR", "LBN", "SYR", "IRQ", "AZE",
             "ARM", "GEO", "KAZ", "EGY", "QAT", "ARE", "JOR", "PAK", "AFG", "IND", "FRA", "DEU",
             "GBR", "EU", "NATO", "UN", "SCO", "GCC"]
TYPES = ["CONSULT", "COOPERATE", "AGREE", "DISAPPROVE", "SANCTION", "ASSAULT", "SUPPORT", "DEMAND"]
STATUSES = ["asserted"] * 8 + ["future", "negated"]
PLACES = [None, None, "Q649", "Q656", "Q3692", "Q1520", "Q84"]
START = date(2023, 1, 1)


def synthetic_event(rng: random.Random) -> dict:
    source, target = rng.sample(COUNTRIES, 2)
    day = START + timedelta(days=rng.randrange(730))
    roll = rng.random()
    when = None if roll < 0.05 else day.isoformat()[:7] if roll < 0.1 else day.isoformat()
    place = rng.choice(PLACES)
    return {"sentence": 0, "trigger": {"start": 0, "end": 1, "text": "x"},
            "source": {"country": source, "sector": "GOV"},
            "target": {"country": target, "sector": "GOV"}, "cameo": "040",
            "plover": {"event": rng.choice(TYPES)}, "quad_class": 1, "goldstein": 1.0,
            "date": when, "location": {"kb_id": place} if place else None,
            "status": rng.choice(STATUSES)}


def fill(conn, rng: random.Random, *, docs: int, first: int = 0) -> list[str]:  # noqa: ANN001
    """Add `docs` documents of five synthetic events each; their ids."""
    ids = [f"doc{first + i:07d}" for i in range(docs)]
    conn.executemany(
        "INSERT INTO documents (id, content_hash, text, ingested_at) VALUES (?, ?, 'x', '-')",
        [(doc_id, doc_id) for doc_id in ids])
    conn.executemany(insert_sql("events", EVENT_COLUMNS),
                     [event_row(doc_id, idx, synthetic_event(rng))
                      for doc_id in ids for idx in range(5)])
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "bench.db")
        with transaction(conn):
            fill(conn, rng, docs=args.events // 5)
        rows = conn.execute("SELECT doc_id, idx, merge_key, date, location FROM events").fetchall()
        mentions = [Mention(d, i, k, day, (json.loads(loc) or {}).get("kb_id") if loc else None)
                    for d, i, k, day, loc in rows]
        groups = len({m.key for m in mentions})

        started = time.perf_counter()
        merged = cluster_all(mentions)
        pure = time.perf_counter() - started
        print(f"{len(mentions):,} mentions in {groups:,} groups → {len(set(merged.values())):,} "
              f"merged events")
        print(f"  cluster_all (pure, in memory):        {pure:7.3f} s")

        started = time.perf_counter()
        with transaction(conn):
            changed = recluster_all(conn)
        print(f"  recluster_all (store, every group):   {time.perf_counter() - started:7.3f} s "
              f"({changed:,} rows given an id)")

        with transaction(conn):
            new = fill(conn, rng, docs=64, first=args.events // 5)
            started = time.perf_counter()
            keys = {key for doc_id in new for key in keys_of(conn, doc_id)}
            changed = recluster(conn, keys)
        touched = conn.execute(
            f"SELECT count(*) FROM events WHERE merge_key IN ({', '.join('?' * len(keys))})",
            sorted(keys)).fetchone()[0]
        print(f"  recluster of one batch (64 docs):     {time.perf_counter() - started:7.3f} s "
              f"({len(keys)} groups, {touched:,} rows read, {changed} rows changed)")

        started = time.perf_counter()
        with transaction(conn):
            again = recluster_all(conn)
        print(f"  recluster_all again (nothing to do):  {time.perf_counter() - started:7.3f} s "
              f"({again} rows changed: must be 0)")
        conn.close()


if __name__ == "__main__":
    main()
