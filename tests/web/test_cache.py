"""The answer cache: an answer is reused until the database files change, the least recently
used is dropped first, and size 0 keeps nothing."""

from __future__ import annotations

import os
from pathlib import Path

from rasad.web.cache import AnswerCache


def _counting() -> tuple[list[str], object]:
    calls: list[str] = []

    def compute(key: str):  # noqa: ANN202
        return lambda: calls.append(key) or f"answer {key} #{len(calls)}"

    return calls, compute


def test_an_answer_is_reused_until_the_database_changes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"x")
    cache = AnswerCache(db)
    calls, compute = _counting()
    assert cache.get("k", compute("k")) == cache.get("k", compute("k")) == "answer k #1"
    assert calls == ["k"] and (cache.hits, cache.misses) == (1, 1)
    (tmp_path / "a.db-wal").write_bytes(b"a write")  # a writer appended to the log
    assert cache.get("k", compute("k")) == "answer k #2"
    stat = db.stat()
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # checkpointed
    assert cache.get("k", compute("k")) == "answer k #3"


def test_the_least_recently_used_answer_goes_first(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"x")
    cache = AnswerCache(db, size=2)
    calls, compute = _counting()
    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, compute(key))
    assert calls == ["a", "b", "c", "b"]  # "b" was the oldest when "c" came


def test_size_zero_keeps_nothing(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path / "none.db", size=0)
    calls, compute = _counting()
    cache.get("k", compute("k"))
    cache.get("k", compute("k"))
    assert calls == ["k", "k"]


def test_the_app_answers_a_repeated_dyad_from_the_cache(client) -> None:  # noqa: ANN001
    answers = client.app.state.answers
    first = client.get("/api/dyad", params={"a": "IRN", "b": "SAU", "by": "week"}).json()
    hits = answers.hits
    assert client.get("/api/dyad", params={"a": "IRN", "b": "SAU", "by": "week"}).json() == first
    assert answers.hits == hits + 1
    client.get("/dyad", params={"a": "IRN", "b": "SAU", "by": "week"})  # the page shares it
    assert answers.hits == hits + 2


def test_concurrent_requests_for_one_answer_compute_it_once(tmp_path: Path) -> None:
    import threading
    import time

    cache = AnswerCache(tmp_path / "none.db")
    release, calls, got = threading.Event(), [], []

    def slow() -> str:
        calls.append(1)
        release.wait(10)
        return "answer"

    threads = [threading.Thread(target=lambda: got.append(cache.get("k", slow)))
               for _ in range(5)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)  # all five are asking: one computes, four wait
    release.set()
    for thread in threads:
        thread.join(10)
    assert got == ["answer"] * 5 and calls == [1]


def test_a_failed_computation_is_not_kept(tmp_path: Path) -> None:
    import pytest

    cache = AnswerCache(tmp_path / "none.db")

    def fail() -> str:
        raise RuntimeError("database locked")

    with pytest.raises(RuntimeError):
        cache.get("k", fail)
    assert cache.get("k", lambda: "answer") == "answer"
