"""A writer killed mid-run loses only its open batch; re-running adds exactly what is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from rasad.store.db import connect
from rasad.store.write import save_batch
from tests.store.helpers import content_hash, make_doc

ROOT = Path(__file__).resolve().parents[2]
N_DOCS, BATCH, KILL_AT = 200, 10, 66

# The writer saves N_DOCS in batches of BATCH. While hashing document KILL_AT (inside the
# transaction of batch 7, with five documents of it already written) it prints the size of
# the write-ahead log then and at the start of the batch, and waits to be killed. Its page
# cache is tiny, so the open batch spills into the log: recovery must ignore those frames.
WRITER = f"""
import os, sys, time
from rasad.store.db import connect
from rasad.store.write import save_batch
from tests.store.helpers import content_hash, make_doc

calls = 0
def hash_text(text):
    global calls
    calls += 1
    if calls in ({KILL_AT} - 5, {KILL_AT}):
        print(os.path.getsize(sys.argv[1] + "-wal"), flush=True)
    if calls == {KILL_AT}:
        time.sleep(60)
    return content_hash(text)

conn = connect(sys.argv[1])
conn.execute("PRAGMA cache_size = 4")
docs = (make_doc(i, lang="fa" if i % 2 else "ar") for i in range({N_DOCS}))
save_batch(conn, docs, hash_text=hash_text, batch_size={BATCH})
"""


def _write_until_killed(db: Path) -> tuple[int, int]:
    """Sizes of the log when the killed batch began and when the writer was killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                             text=True, cwd=ROOT, env=env)
    try:
        sizes = int(child.stdout.readline()), int(child.stdout.readline())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return sizes


def _assert_consistent(conn) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    incomplete = conn.execute("""
        SELECT d.id FROM documents AS d
        WHERE d.n_sentences != (SELECT count(*) FROM sentences AS s WHERE s.doc_id = d.id)
           OR (SELECT count(*) FROM events AS e WHERE e.doc_id = d.id) != 1
           OR (SELECT count(*) FROM entities AS e WHERE e.doc_id = d.id) = 0""").fetchall()
    assert incomplete == []
    orphans = conn.execute("SELECT count(*) FROM sentences_fts WHERE rowid NOT IN "
                           "(SELECT id FROM sentences)").fetchone()[0]
    assert orphans == 0


def test_killed_writer_then_resume(tmp_path):
    db = tmp_path / "rasad.db"
    at_begin, at_kill = _write_until_killed(db)
    assert at_kill > at_begin  # uncommitted pages of the open batch were in the log
    conn = connect(db)
    _assert_consistent(conn)
    committed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert committed == (KILL_AT - 1) // BATCH * BATCH  # the six committed batches, whole
    # Resume: the same input again (fewer documents, to keep the test fast).
    total = committed + 45
    docs = [make_doc(i, lang="fa" if i % 2 else "ar") for i in range(total)]
    counts = save_batch(conn, docs, hash_text=content_hash, batch_size=20)
    assert counts == {"exists": committed, "inserted": 45}
    _assert_consistent(conn)
    ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
    assert sorted(ids) == sorted(d.id for d in docs)
    assert conn.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 0
