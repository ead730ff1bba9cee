"""A disk that fills up during a run, or a read-only database, gives one clear line and keeps
the database whole. The file size limit of the child process (RLIMIT_FSIZE, with SIGXFSZ
ignored so that writes fail with EFBIG as on a full disk) stands in for the full disk."""

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


def _make_read_only(path: Path) -> bool:
    """Make `path` unwritable even for root (chattr +i) or, failing that, by mode; False when
    neither stops a write here."""
    path.chmod(0o444)
    try:
        with path.open("ab"):
            pass
    except PermissionError:
        return True
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    return done.returncode == 0


def test_a_read_only_database_gives_a_clear_error_and_stays_whole(tmp_path: Path) -> None:
    corpus = str(resources.files("rasad.data").joinpath("demo", "articles.jsonl"))
    db = tmp_path / "ro.db"
    first = subprocess.run([sys.executable, "-m", "rasad", "run", corpus, "--db", str(db)],
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    stored = _check_whole(db)
    text = tmp_path / "new.txt"
    text.write_text("پوتین با اردوغان در آنکارا دیدار کرد.", encoding="utf-8")
    if not _make_read_only(db):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    try:
        done = subprocess.run([sys.executable, "-m", "rasad", "run", str(text), "--db", str(db)],
                              capture_output=True, text=True, timeout=300)
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True)
        db.chmod(0o644)
    assert done.returncode != 0 and "Traceback" not in done.stderr + done.stdout
    assert "read-only" in done.stderr and str(db) in done.stderr, done.stderr
    assert _check_whole(db) == stored  # nothing half-written
