"""A disk that fills up during a run gives one clear line and keeps the database whole: the
file size limit of the child process (RLIMIT_FSIZE, with SIGXFSZ ignored so that writes fail
with EFBIG as on a full disk) stands in for the full disk."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from rasad.store.db import close, connect
from tests.test_kill_resume import _check_whole

resource = pytest.importorskip("resource", reason="RLIMIT_FSIZE needs a POSIX system")


def _limited(limit: int):  # noqa: ANN202
    def apply() -> None:
        import signal  # noqa: PLC0415

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_gives_a_clear_error_and_a_whole_database(tmp_path: Path) -> None:
    corpus = str(resources.files("rasad.data").joinpath("demo", "articles.jsonl"))
    db = tmp_path / "full.db"
    empty = tmp_path / "empty.db"
    close(connect(empty))  # the disk fills after the schema is written, during the run
    room = empty.stat().st_size + 100_000
    done = subprocess.run([sys.executable, "-m", "rasad", "run", corpus, "--db", str(db)],
                          capture_output=True, text=True, preexec_fn=_limited(room),
                          timeout=300)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error {db}") and "run again" in last, done.stderr
    stored = _check_whole(db)
    # with room again, a re-run completes it: every document once
    again = subprocess.run([sys.executable, "-m", "rasad", "run", corpus, "--db", str(db)],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    lines = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    assert _check_whole(db) == sum(1 for line in lines.splitlines() if line.strip()) >= stored
