"""A run killed at any moment (SIGKILL, 20 different points) leaves a database that opens,
passes SQLite's integrity check and holds whole documents only; running again completes it
with no document missing and none twice. `rasad run --workers 2` killed again and again, or
stopped with Ctrl-C, then run again, stores exactly what one uninterrupted run in one
process stores (compared with `tests.db_contents`, which says what bookkeeping it ignores)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rasad.batch import run
from rasad.pipeline import Pipeline
from rasad.store import connect
from tests.db_contents import contents, differences
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


# `rasad run` itself (the command, with its progress, Ctrl-C handling and closing), with a
# light pipeline and a stage that takes 10 ms a document, so a run lasts a few seconds.
CLI = textwrap.dedent("""
    import time
    import rasad
    from rasad import pipeline as p
    from rasad.cli import app

    def slow(doc):
        time.sleep(0.01)
        return doc

    p.STAGES["slow"] = p.Stage("slow", "__main__:slow")
    rasad.default_pipeline = lambda ner=None: p.Pipeline([{stages}, "slow"])
    app(prog_name="rasad")
""").format(stages=", ".join(repr(s) for s in STAGES))


def _corpus_with_copies(folder: Path, n: int) -> Path:
    """`n` documents, then copies of some of them under new ids, and a line that is not JSON:
    duplicates and problems are recorded too, and must come out the same."""
    path = write_corpus(folder, n)
    lines = path.read_text("utf-8").splitlines()
    copies = [line.replace('"doc-', '"copy-') for line in lines[::37]]
    path.write_text("\n".join([*lines, *copies, "not json"]) + "\n", encoding="utf-8")
    return path


def _rasad_run(tmp_path: Path, corpus: Path, db: Path, workers: int,
               **popen: object) -> subprocess.Popen[str]:
    script = tmp_path / "rasad_cli.py"
    script.write_text(CLI, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(script), "run", str(corpus), "--db", str(db),
                             "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen)


def _reference(tmp_path: Path, corpus: Path) -> dict[str, list[tuple]]:
    """The database one uninterrupted run, in one process, stores."""
    db = tmp_path / "reference.db"
    proc = _rasad_run(tmp_path, corpus, db, workers=1)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, err  # 3: the line that is not JSON was reported
    return contents(db)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_rasad_run_killed_again_and_again_stores_what_one_run_stores(tmp_path: Path,
                                                                     seed: int) -> None:
    corpus = _corpus_with_copies(tmp_path / "in", 300)
    db = tmp_path / "killed.db"
    rng = random.Random(seed)
    kills = 0
    while True:
        proc = _rasad_run(tmp_path, corpus, db, workers=2)
        try:
            _, err = proc.communicate(timeout=rng.uniform(0.5, 4.0) if kills < 4 else 300)
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL: no cleanup at all
            proc.communicate(timeout=60)
            kills += 1
            if db.exists():
                _check_whole(db)
            continue
        assert proc.returncode == 3, err
        break
    assert differences(contents(db), _reference(tmp_path, corpus)) == []


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="sends Ctrl-C to a process group")
def test_ctrl_c_stops_cleanly_and_keeps_what_was_stored(tmp_path: Path) -> None:
    corpus = _corpus_with_copies(tmp_path / "in", 600)
    db = tmp_path / "r.db"
    proc = _rasad_run(tmp_path, corpus, db, workers=2, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the workers get it too
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err, err
    assert not Path(f"{db}-wal").exists(), "the log was not checkpointed into the database"
    kept = _check_whole(db)
    assert 0 < kept < 600
    assert f"the {kept:,} documents this run stored are kept" in err

    proc = _rasad_run(tmp_path, corpus, db, workers=2)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, err
    assert differences(contents(db), _reference(tmp_path, corpus)) == []


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet
        return 0
