"""A hostile corpus through `rasad run`: every good document is stored, every bad input is
reported with its file (and line) and reason, and the run finishes normally (exit 3: done,
some inputs skipped). The corpus is generated here; nothing large is committed."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rasad.store import connect

GOOD_FA = "پوتین روز سه‌شنبه در مسکو با اردوغان دیدار کرد و دو طرف توافقنامه‌ای امضا کردند."
GOOD_AR = "فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم الثلاثاء 9 أغسطس 2016."


def build(folder: Path) -> dict[str, str]:
    """Write the corpus; return {file name: what must happen to it} ('stored' or a reason word)."""
    folder.mkdir()
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    put("good_fa.txt", GOOD_FA, "stored")
    put("good_ar.txt", GOOD_AR, "stored")
    put("empty.txt", b"", "empty")
    put("fake.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "binary")
    put("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary")
    buffer = folder / "archive.zip"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner.txt", GOOD_FA)
    expect["archive.zip"] = "binary"
    put("bad_utf8.txt", GOOD_FA.encode("utf-8")[:40] + b"\xff\xfe\xfa" + GOOD_AR.encode("utf-8"),
        "stored")
    # (each stored text differs: copies of one text are stored once, by design)
    put("mixed_encodings.txt", "عنوان الخبر".encode() + b"\n" + GOOD_AR.encode("cp1256"),
        "stored")
    put("one_huge_line.txt", "کلمه " * 300_000, "too large")            # 1.5 M characters
    put("long_sentence.txt", " ".join(["روسیه", "و", "ترکیه"] * 30_000), "stored")  # 90 k tokens
    put("nested.html", "<div>" * 5_000 + f"<p>{GOOD_AR} وقال إن القرار نهائي.</p>" + "</div>" * 10
        + "<p><b>unclosed", "stored")
    put("scripts.html", f"<html><head><title><script>alert(1)</script></title></head><body>"
                        f"<script>alert(2)</script><p>{GOOD_FA} وی افزود که گفتگوها ادامه دارد.</p>"
                        f"<img src=x onerror=alert(3)>"
                        f"</body></html>", "stored")
    lines = [json.dumps({"text": GOOD_AR + " سطر أول.", "published": "2016-08-09"},
                        ensure_ascii=False),
             "this is not json",
             json.dumps({"title": "no text here"}),
             json.dumps({"text": 12345}),
             json.dumps({"text": GOOD_FA + " سطر پنجم.", "published": "2016-02-30"},
                        ensure_ascii=False),
             json.dumps({"text": GOOD_FA + " " + "9" * 400, "published": ["2016"]}, ensure_ascii=False),
             json.dumps({"text": "\u202e\u0000\u0007" + GOOD_AR + " سطر سابع\u2066\u200f"},
                        ensure_ascii=False),
             json.dumps({"text": "Только русский текст. 只有中文。 English only."}, ensure_ascii=False)]
    put("records.jsonl", "\n".join(lines) + "\n", "mixed")
    put("truncated.jsonl.gz", gzip.compress(("\n".join(lines)).encode())[:-20], "mixed")
    return expect


@pytest.mark.slow
def test_a_hostile_corpus_runs_through(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    expect = build(folder)
    db = tmp_path / "r.db"
    env = {**os.environ, "RASAD_MAX_SECONDS": "60", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "rasad", "run", str(folder), "--db", str(db),
                           "--workers", "1"], capture_output=True, text=True, timeout=900, env=env)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output[-3000:]
    assert proc.returncode == 3, (proc.returncode, output[-3000:])   # done, some inputs skipped
    conn = connect(db, readonly=True)
    origins = [row[0] or "" for row in conn.execute("SELECT meta FROM documents")]
    stored = " ".join(origins)
    problems = " ".join(f"{o} {m}" for o, m in conn.execute("SELECT origin, message FROM problems"))
    for name, outcome in expect.items():
        if outcome == "stored":
            assert name in stored, f"{name} should be stored; problems: {problems}"
        elif outcome != "mixed":
            assert name in problems, f"{name} should be reported ({outcome}); problems: {problems}"
    # records.jsonl: the good lines are stored, the bad ones reported by line
    assert "records.jsonl:2" in problems and "records.jsonl:3" in problems
    assert sum("records.jsonl" in o for o in origins) >= 4
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()[0] == 0
