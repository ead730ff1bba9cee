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
