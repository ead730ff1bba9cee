"""Query times on a store of 100,000 events: a dyad and a full-text search, each under 200 ms.

Corpus: synthetic, generated here with a fixed seed (nothing read from ../shared). 25,000
documents (half Persian, half Arabic) of four one-event sentences each, written through
`save_batch` as `rasad run` writes, so the tables, indexes and full-text index are the real
ones. The sides are the knowledge base's states, IGOs and heads of state, drawn with Zipf
weights (a few actors take most events, as in news); CAMEO codes are drawn per quad class
in GDELT-like shares (verbal cooperation most); dates spread over 2000-2026, 5% a month only
and 5% a year only; 80% of events asserted. Sentences name the two sides in Persian or
Arabic with a place and a verb, so the words searched for are as common as in news.

    python bench/bench_store.py [--events 100000] [--repeat 7] [--db PATH]

Prints the median of `--repeat` runs of each query after one warm-up run, and PASS/FAIL
against 200 ms. The machine is shared and noisy: the median is what to read.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.analysis.dyad import dyad  # noqa: E402
from rasad.document import Document, Sentence  # noqa: E402
from rasad.events.ontology import codes  # noqa: E402
from rasad.ingest.dedup import content_hash  # noqa: E402
from rasad.kb.base import load_kb  # noqa: E402
from rasad.store import connect, save_batch, search  # noqa: E402
from rasad.store.events import query_events  # noqa: E402

TARGET_MS = 200.0
EVENTS_PER_DOC = 4
QUAD_SHARES = {1: 0.45, 2: 0.15, 3: 0.25, 4: 0.15}  # roughly GDELT's mix
VERBS = {"fa": {1: "دیدار کرد", 2: "کمک کرد", 3: "انتقاد کرد", 4: "حمله کرد"},
         "ar": {1: "التقى", 2: "ساعد", 3: "انتقد", 4: "هاجم"}}
BUSIEST = ("Q159", "Q43", "Q30", "Q794", "Q212", "Q7184", "Q7747", "Q39259")
STATUSES = ["asserted"] * 16 + ["negated", "future", "proposed", "reported_claim"]


def actors() -> list[dict]:
    """The sides events are drawn from: states, IGOs and people with a country, from the KB,
    with their Persian and Arabic names."""
    kb = load_kb()
    out = []
    for record in kb:
        if record.kind in ("state", "igo", "person") and record.country \
                and record.names.get("fa") and record.names.get("ar"):
            sector = "IGO" if record.kind == "igo" else "GOV"
            out.append({"kb_id": record.id, "name_en": record.name_en, "country": record.country,
                        "sector": sector, "fa": record.names["fa"][0], "ar": record.names["ar"][0]})
    # The busiest first (Zipf ranks): Russia and Turkey lead, so the benchmark's dyad is
    # among the largest, as it would be in a corpus about them.
    out.sort(key=lambda a: (BUSIEST.index(a["kb_id"]) if a["kb_id"] in BUSIEST else len(BUSIEST),
                            a["kb_id"]))
    return out


def _date(rng: random.Random) -> str:
    day = date(2000, 1, 1) + timedelta(days=rng.randrange(27 * 365))
    roll = rng.random()
    return day.isoformat()[:4] if roll < 0.05 else day.isoformat()[:7] if roll < 0.10 \
        else day.isoformat()


def documents(n_events: int, seed: int = 7) -> Iterator[Document]:
    """Synthetic documents of EVENTS_PER_DOC one-event sentences each."""
    rng = random.Random(seed)
    sides = actors()
    weights = [1 / (rank + 1) for rank in range(len(sides))]  # Zipf
    by_quad: dict[int, list[str]] = {}
    for code in codes().values():
        if len(code.code) == 3:
            by_quad.setdefault(code.quad_class, []).append(code.code)
    places = [a for a in sides if a["sector"] == "GOV"][:60]
    for n in range(n_events // EVENTS_PER_DOC):
        lang = "fa" if n % 2 else "ar"
        day = _date(rng)
        parts, events = [], []
        for i in range(EVENTS_PER_DOC):
            source, target = rng.choices(sides, weights, k=2)
            quad = rng.choices(list(QUAD_SHARES), list(QUAD_SHARES.values()))[0]
            cameo = codes()[rng.choice(by_quad[quad])]
            place = rng.choice(places)[lang]
            verb = VERBS[lang][quad]
            text = (f"{source[lang]} با {target[lang]} در {place} {verb}. " if lang == "fa"
                    else f"{verb} {source[lang]} {target[lang]} في {place}. ")
            start = sum(map(len, parts))
            parts.append(text)
            trigger = start + text.index(verb)
            events.append(_event(i, (trigger, trigger + len(verb), verb), source, target, cameo,
                                 day, rng.choice(STATUSES)))
        doc = Document("".join(parts), id=f"bench-{n:06d}", lang=lang, published=day[:10])
        offsets = [0]
        for part in parts:
            offsets.append(offsets[-1] + len(part))
        doc.sentences = [Sentence(s, e - 1, lang) for s, e in zip(offsets, offsets[1:], strict=False)]
        doc.events = events
        yield doc


def _event(sentence: int, trigger: tuple[int, int, str], source: dict, target: dict, cameo,  # noqa: ANN001
           day: str, status: str) -> dict:
    def side(actor: dict) -> dict:
        return {"entity": None, **{k: actor[k] for k in ("kb_id", "name_en", "country", "sector")}}

    return {"sentence": sentence, "trigger": dict(zip(("start", "end", "text"), trigger, strict=True)),
            "source": side(source), "target": side(target), "cameo": cameo.code,
            "plover": {"event": cameo.plover, "mode": cameo.mode, "context": cameo.context},
            "quad_class": cameo.quad_class, "goldstein": cameo.goldstein, "date": day,
            "location": None, "status": status, "confidence": 0.8, "rule": "bench"}


def build_store(path: Path, n_events: int) -> sqlite3.Connection:
    """A fresh store of `n_events` synthetic events at `path` (replaced if it exists), written
    as `rasad run` writes; prints its size. The web load test builds its store with it too."""
    path.unlink(missing_ok=True)
    conn = connect(path)
    start = time.perf_counter()
    save_batch(conn, documents(n_events), hash_text=content_hash)
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    n_sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    print(f"store: {n_events:,} events, {n_sentences:,} sentences, built in "
          f"{time.perf_counter() - start:.1f} s → {path} ({path.stat().st_size / 1e6:.0f} MB)")
    return conn


def median_ms(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of `repeat` runs after a warm-up, in milliseconds; the last result."""
    result = run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    conn = build_store(path, args.events)
    load_kb()  # loaded once by any process that names actors; not part of a query's time
    queries: dict[str, Callable[[], object]] = {
        "dyad RUS TUR --by month": lambda: dyad(conn, "RUS", "TUR").total,
        "dyad روسیه ترکیه --since 2016 --until 2016-12": lambda: dyad(
            conn, "روسیه", "ترکیه", since="2016", until="2016-12").total,
        "search روسیه (20 best)": lambda: len(search(conn, "روسیه")),
        "search «حمله ترکیه» (20 best)": lambda: len(search(conn, "حمله ترکیه")),
        "events --actor RUS --quad 4 (100 newest)": lambda: len(query_events(
            conn, actor="RUS", quad=4, limit=100)),
    }
    failed = False
    for name, run in queries.items():
        ms, result = median_ms(run, args.repeat)
        verdict = "PASS" if ms < TARGET_MS else "FAIL"
        failed |= ms >= TARGET_MS
        print(f"{name:48} {ms:8.1f} ms  ({result} found)  {verdict} (< {TARGET_MS:.0f} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
