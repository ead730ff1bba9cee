"""`rasad run` as a library call: resumable, idempotent, and bad input does not stop a batch."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rasad.batch import BATCH_SIZE, run
from rasad.pipeline import Pipeline
from rasad.store import close, connect
from tests.conftest import shared_path
from tests.db_contents import contents, differences

PIPELINE = ["language", "segment"]


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"doc-{i:04d}", "text": f"روسیه و ترکیه در روز {i} گفتگو کردند. "
                         f"قال الرئيس {i} إن العلاقات جيدة."}, ensure_ascii=False)
             for i in range(n)]
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count(db: Path, sql: str) -> int:
    conn = connect(db, readonly=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_rerun_stores_nothing_twice(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 30)
    db = tmp_path / "r.db"
    first = run([str(corpus)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    second = run([str(corpus)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    assert first.outcomes["inserted"] == 30
    assert second.outcomes["inserted"] == 0 and second.outcomes["exists"] == 30
    assert count(db, "SELECT count(*) FROM documents") == 30
    assert count(db, "SELECT count(*) FROM sentences") == first.sentences == 60


def test_duplicate_texts_are_stored_once_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("روسیه و ترکیه توافق کردند.", encoding="utf-8")
    # The same article again, with ZWNJ, Arabic yeh and extra spaces: same content.
    (folder / "b.txt").write_text("روسيه  و ترکیه توافق کردند.", encoding="utf-8")
    (folder / "c.txt").write_text("سند دیگری است.", encoding="utf-8")
    db = tmp_path / "r.db"
    summary = run([str(folder)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    assert summary.outcomes["inserted"] == 2 and summary.outcomes["duplicate"] == 1
    assert summary.formats == {"text": 3} and summary.encodings == {"utf-8": 3}
    assert count(db, "SELECT count(*) FROM duplicates") == 1
    again = run([str(folder)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    assert again.outcomes["inserted"] == 0
    assert count(db, "SELECT count(*) FROM duplicates") == 1


def test_bad_inputs_are_reported_by_name_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("قال الرئيس الروسي إن العلاقات جيدة.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "bad.jsonl").write_text('{"text": "روسیه"}\nnot json\n{"title": "no text"}\n',
                                      encoding="utf-8")
    db = tmp_path / "r.db"
    summary = run([str(folder)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    assert summary.outcomes["inserted"] == 2
    origins = " ".join(origin for origin, _ in summary.problems)
    for name in ("empty.txt", "binary.txt", "bad.jsonl:2", "bad.jsonl:3"):
        assert name in origins, f"{name} not reported: {summary.problems}"
    assert count(db, "SELECT count(*) FROM problems") == len(summary.problems)


KILLER = textwrap.dedent("""
    import os, signal, sys
    from rasad import pipeline as p
    from rasad.batch import run
    from rasad.store import connect

    def die_at_marker(doc):
        if doc.id == sys.argv[3]:
            os.kill(os.getpid(), signal.SIGKILL)
        return doc

    p.STAGES["die"] = p.Stage("die", "__main__:die_at_marker")
    run([sys.argv[1]], conn=connect(sys.argv[2]), pipeline=p.Pipeline(["language", "segment", "die"]))
""")


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    n = BATCH_SIZE * 4
    corpus = write_corpus(tmp_path / "in", n)
    db = tmp_path / "r.db"
    victim = f"doc-{BATCH_SIZE * 2 + 5:04d}"  # dies in the third batch
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(corpus), str(db), victim],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    stored_before = count(db, "SELECT count(*) FROM documents")
    assert stored_before == BATCH_SIZE * 2, "the batches before the crash are kept whole"
    assert count(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                     "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)") == 0

    resumed = run([str(corpus)], conn=connect(db), pipeline=Pipeline(PIPELINE))
    assert resumed.outcomes["exists"] == stored_before
    assert resumed.outcomes["inserted"] == n - stored_before
    assert count(db, "SELECT count(*) FROM documents") == n
    assert count(db, "SELECT count(DISTINCT id) FROM documents") == n
    assert count(db, "SELECT count(*) FROM sentences") == 2 * n


@pytest.mark.parametrize("workers", [2])
def test_parallel_workers_store_the_same_as_one(tmp_path: Path, workers: int) -> None:
    corpus = write_corpus(tmp_path / "in", 150)
    lines = corpus.read_text("utf-8").splitlines()
    copies = [line.replace('"doc-', '"copy-') for line in lines[::7]]  # in-run duplicates
    corpus.write_text("\n".join([*lines, "not json", *copies]) + "\n", encoding="utf-8")
    one = run([str(corpus)], conn=connect(tmp_path / "one.db"), pipeline=Pipeline(PIPELINE))
    many = run([str(corpus)], conn=connect(tmp_path / "many.db"), pipeline=Pipeline(PIPELINE),
               workers=workers)
    assert one.counts == many.counts
    assert one.outcomes["duplicate"] == len(copies) and one.outcomes["inserted"] == 150
    assert differences(contents(tmp_path / "one.db"), contents(tmp_path / "many.db")) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_a_copy_of_a_document_that_failed_fails_too(tmp_path: Path, workers: int) -> None:
    long = "روسیه و ترکیه گفتگو کردند. " * 20  # past max_chars below: a failure
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in (
        {"id": "long", "text": long}, {"id": "short", "text": "قال الرئيس إن العلاقات جيدة."},
        {"id": "long-copy", "text": long})) + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    summary = run([str(corpus)], conn=connect(db), pipeline=Pipeline(PIPELINE, max_chars=200),
                  workers=workers)
    assert summary.outcomes == {"inserted": 1, "failed": 2}
    assert [origin.rsplit("/", 1)[-1] for origin, _ in summary.problems] == \
        ["in.jsonl:1", "in.jsonl:3"]
    assert "same text as an earlier document" in summary.problems[1][1]
    assert count(db, "SELECT count(*) FROM documents") == 1


@pytest.mark.shared
def test_two_workers_store_the_same_as_one_with_every_stage(tmp_path: Path) -> None:
    """Every stage, on real text: entities, events and merged events come out the same."""
    bench = shared_path("corpus", "bench")
    corpus = tmp_path / "bench.jsonl"
    corpus.write_text("".join(line for path in sorted(bench.glob("*.jsonl"))
                              for line in path.read_text("utf-8").splitlines(keepends=True)[:12]),
                      encoding="utf-8")
    pipeline = Pipeline()
    for workers, name in ((1, "one.db"), (2, "two.db")):
        conn = connect(tmp_path / name)
        run([str(corpus)], conn=conn, pipeline=pipeline, workers=workers)
        close(conn)
    one, two = contents(tmp_path / "one.db"), contents(tmp_path / "two.db")
    assert len(one["documents"]) == 24 and one["events"] and one["entities"]
    assert differences(one, two) == []


def test_a_run_inside_its_corpus_folder_skips_its_own_database(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الرئيس الروسي إن العلاقات جيدة.", encoding="utf-8")
    db = tmp_path / "rasad.db"
    for _ in range(2):
        summary = run([str(tmp_path)], conn=connect(db), pipeline=Pipeline(PIPELINE))
        assert summary.problems == [], summary.problems
    assert count(db, "SELECT count(*) FROM documents") == 1


def _state(pid: int) -> tuple[str, int] | None:
    """(state letter, parent pid) of a process from /proc, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def _alive(pid: int) -> bool:
    state = _state(pid)
    return state is not None and state[0] != "Z"


def _children(pid: int) -> list[int]:
    """Live processes whose parent is `pid`."""
    pids = (int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit())
    return [c for c in pids if (s := _state(c)) and s[1] == pid and s[0] != "Z"]


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; prctl is Linux's")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_stopping_a_parallel_run_leaves_no_workers(tmp_path: Path, how: int) -> None:
    corpus = write_corpus(tmp_path / "in", 3000)
    proc = subprocess.Popen([sys.executable, "-m", "rasad", "run", str(corpus), "--workers", "2",
                             "--db", str(tmp_path / "r.db")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait(lambda: len(_children(proc.pid)) >= 2, 60), "workers never started"
        workers = _children(proc.pid)
        proc.send_signal(how)
        proc.wait(timeout=60)  # Ctrl-C: the parent stops after the chunks already running
        assert _wait(lambda: not any(map(_alive, workers)), 20), "workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
