"""A run killed at any moment (SIGKILL, 20 different points) leaves a database that opens,
passes SQLite's integrity check and holds whole documents only; running again completes it
with no document missing and none twice."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rasad.batch import run
from rasad.pipeline import Pipeline
from rasad.store import connect
from tests.test_batch import write_corpus

STAGES = ["language", "segment", "times", "quantities"]
N_DOCS = 600
# The runner adds a stage that takes 3 ms a document, so that a run lasts a few seconds and a
# kill can land anywhere in it: reading, analysing, or in the middle of a batch's writes.
RUNNER = textwrap.dedent("""
    import sys, time
    from rasad import pipeline as p
    from rasad.batch import run
    from rasad.store import connect

    def slow(doc):
        time.sleep(0.003)
        return doc

    p.STAGES["slow"] = p.Stage("slow", "__main__:slow")
    print("started", flush=True)
    run([sys.argv[1]], conn=connect(sys.argv[2]),
        pipeline=p.Pipeline([*sys.argv[3].split(","), "slow"]))
""")


def _check_whole(db: Path) -> int:
    conn = connect(db, readonly=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchone()[0] == 0
        broken = conn.execute("SELECT count(*) FROM documents AS d WHERE d.n_sentences != "
                              "(SELECT count(*) FROM sentences AS s WHERE s.doc_id = d.id)")
        assert broken.fetchone()[0] == 0, "a document was stored without all its sentences"
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(20))
def test_killed_at_a_random_moment_then_resumed(tmp_path: Path, seed: int) -> None:
    corpus = write_corpus(tmp_path / "in", N_DOCS)
    db = tmp_path / "r.db"
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(corpus), str(db), ",".join(STAGES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    time.sleep(random.Random(seed).uniform(0.0, 3.0))  # somewhere in reading, analysing, writing
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    stored = _check_whole(db) if db.exists() else 0

    summary = run([str(corpus)], conn=connect(db), pipeline=Pipeline(STAGES))
    assert summary.outcomes.get("exists", 0) == stored
    assert summary.outcomes.get("inserted", 0) == N_DOCS - stored
    assert _check_whole(db) == N_DOCS


@pytest.mark.slow
def test_two_runs_on_one_database_take_turns(tmp_path: Path) -> None:
    """Two `rasad run` processes writing one database at once: SQLite's lock makes each batch
    wait its turn (busy timeout); both finish and every document is stored once."""
    first = write_corpus(tmp_path / "a", N_DOCS)
    second = tmp_path / "b" / "corpus.jsonl"
    second.parent.mkdir()
    second.write_text(first.read_text("utf-8").replace('"doc-', '"other-').replace("روسیه", "ایران"),
                      encoding="utf-8")
    db = tmp_path / "r.db"
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, str(script), str(corpus), str(db), ",".join(STAGES)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for corpus in (first, second)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert _check_whole(db) == 2 * N_DOCS
