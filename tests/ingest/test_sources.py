"""`iter_documents` over a mixed folder: order, glob, hidden files, bad input, permissions."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from types import SimpleNamespace

import pytest

from rasad.ingest import IngestError, IngestReport, ingest, iter_documents
from rasad.ingest.sources import format_of, sniff

TEXT_FA = "وزیران خارجه ایران و روسیه درباره همکاری‌های بین‌المللی گفت‌وگو کردند."
TEXT_AR = "بحث وزير الخارجية الروسي مع نظيره التركي الأزمة السورية."


@pytest.fixture
def drop(tmp_path, fixtures):
    """An analyst's folder: every format, nested, with junk and copies."""
    root = tmp_path / "drop"
    (root / "fa" / "deep").mkdir(parents=True)
    (root / "ar").mkdir()
    (root / ".cache").mkdir()
    (root / "fa" / "b.txt").write_text(TEXT_FA, "utf-8")
    (root / "fa" / "deep" / "a.txt").write_bytes("\ufeff".encode() + TEXT_FA.replace("‌", "").encode())
    (root / "ar" / "c.txt").write_bytes(TEXT_AR.encode("cp1256"))
    (root / "ar" / "d.txt").write_bytes(TEXT_AR.encode("utf-16"))
    shutil.copy(fixtures / "fa_article.html", root / "fa" / "page.html")
    shutil.copy(fixtures / "feed.rss", root / "fa" / "feed.rss")
    shutil.copy(fixtures / "records.jsonl", root / "records.jsonl")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 50)
    (root / ".hidden.txt").write_text("hidden")
    (root / ".cache" / "x.txt").write_text("hidden too")
    return root


def _origins(docs, root):
    return [os.path.relpath(d.meta["origin"], root) for d in docs]


def test_mixed_folder(drop):
    report = IngestReport()
    docs = list(iter_documents([drop], report=report))
    assert _origins(docs, drop) == [
        "ar/c.txt", "fa/b.txt", "fa/feed.rss#1", "fa/feed.rss#2", "fa/page.html",
        "records.jsonl:1", "records.jsonl:10",
    ]  # sorted; the rest were copies, across encodings and formats:
    assert [(os.path.relpath(a, drop), os.path.relpath(b, drop)) for a, b in report.duplicate_of] == [
        ("ar/d.txt", "ar/c.txt"),  # UTF-16 copy of a Windows-1256 file
        ("fa/deep/a.txt", "fa/b.txt"),  # BOM, ZWNJ dropped
        ("records.jsonl:3", "ar/c.txt"),  # the same text in a JSONL record
        ("records.jsonl:9", "records.jsonl:1"),  # ي/ك and spaces for ZWNJ
    ]
    assert report.duplicates == 4
    assert report.by_format == {"text": 2, "rss": 2, "html": 1, "jsonl": 2}
    assert report.by_encoding == {"windows-1256": 1, "utf-8": 6}
    messages = [str(p).removeprefix(f"{drop}/") for p in report.errors]
    assert "blob.bin: looks binary (50 NUL bytes, and not UTF-16); skipped" in messages
    assert "empty.txt: empty file, skipped" in messages
    assert any(m.startswith("image.png: unsupported file type (.png)") for m in messages)
    assert any(m.startswith("records.jsonl:4: not valid JSON") for m in messages)
    assert not any("hidden" in d.text for d in docs)


def test_same_order_every_run(drop):
    assert [d.id for d in iter_documents([drop])] == [d.id for d in iter_documents([drop])]


def test_no_dedup_keeps_copies(drop):
    docs, report = ingest([drop / "ar"], dedup=False)
    assert len(docs) == 2 and report.duplicates == 0
    assert {d.meta["encoding"] for d in docs} == {"windows-1256", "utf-16-le"}
    assert docs[0].text == docs[1].text


@pytest.mark.parametrize(("glob", "expected"), [
    ("*.txt", ["ar/c.txt", "fa/b.txt"]),
    ("fa/*.txt", ["fa/b.txt"]),
    ("**/a.txt", ["fa/deep/a.txt"]),
    ("*.jsonl", ["records.jsonl:1", "records.jsonl:3", "records.jsonl:10"]),
    ("*.html", ["fa/page.html"]),
])
def test_glob(drop, glob, expected):
    docs, _ = ingest([drop], glob=glob)
    assert _origins(docs, drop) == expected


def test_named_file_is_read_even_if_hidden_or_not_matching(drop):
    docs, _ = ingest([drop / ".hidden.txt"], glob="*.jsonl")
    assert [d.text for d in docs] == ["hidden"]


def test_missing_path_reported_and_batch_goes_on(drop):
    docs, report = ingest([drop / "nope.txt", drop / "fa" / "b.txt"])
    assert len(docs) == 1
    assert str(report.errors[0]) == f"{drop / 'nope.txt'}: no such file or folder; skipped"


def test_unreadable_folder_reported_and_walk_goes_on(drop, monkeypatch):
    """Tests run as root, where chmod 000 blocks nothing: make scandir refuse instead."""
    real_scandir = os.scandir
    locked = drop / "fa"

    def scandir(path):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, report = ingest([drop], glob="c.txt")
    assert _origins(docs, drop) == ["ar/c.txt"]
    assert [str(p) for p in report.errors] == [
        f"{locked}: cannot read this folder (permission denied); skipped. Check its permissions"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_file_with_chmod(drop):
    path = drop / "fa" / "b.txt"
    path.chmod(0)
    try:
        docs, report = ingest([path])
    finally:
        path.chmod(0o644)
    assert docs == [] and "permission denied" in report.errors[0].message


def test_unreadable_file_reported(drop, monkeypatch):
    from pathlib import Path

    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "records.jsonl":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    docs, report = ingest([drop / "records.jsonl", drop / "fa" / "b.txt"])
    assert len(docs) == 1
    assert str(report.errors[0]) == f"{drop / 'records.jsonl'}: cannot read this file (permission denied); skipped"


def test_errors_list_and_callback(drop):
    sink: list = []
    list(iter_documents([drop / "empty.txt"], errors=sink))
    assert [str(p) for p in sink] == [f"{drop / 'empty.txt'}: empty file, skipped"]
    seen = []
    list(iter_documents([drop / "blob.bin", drop / "fa" / "b.txt"], errors=seen.append))
    assert len(seen) == 1 and seen[0].origin == str(drop / "blob.bin")


def test_strict_raises_on_first_error(drop):
    with pytest.raises(IngestError, match="empty file"):
        ingest([drop / "empty.txt"], strict=True)
    docs, _ = ingest([drop / "records.jsonl"], strict=False)
    assert docs


def test_stdin(monkeypatch):
    fake = SimpleNamespace(buffer=io.BytesIO(TEXT_AR.encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = list(iter_documents(["-"]))
    assert doc.text == TEXT_AR
    assert doc.meta == {"origin": "-", "format": "text", "encoding": "windows-1256",
                        "content_hash": doc.meta["content_hash"]}


def test_single_path_argument(drop):
    assert len(list(iter_documents(drop / "fa" / "b.txt"))) == 1
    assert len(list(iter_documents(str(drop / "fa" / "b.txt")))) == 1


def test_report_summary_and_dict(drop):
    _, report = ingest([drop])
    summary = report.summary()
    assert summary.splitlines()[0].startswith("7 documents (html 1, jsonl 2, rss 2, text 2)")
    assert "4 duplicates dropped" in summary
    data = report.to_dict()
    assert data["documents"] == 7 and data["duplicates"] == 4
    assert {"origin", "message", "level"} <= set(data["problems"][0])


def test_a_parser_crash_is_contained(drop, monkeypatch):
    import rasad.ingest.sources as sources

    def boom(*args, **kwargs):
        raise RuntimeError("parser bug")
        yield  # pragma: no cover

    monkeypatch.setitem(sources.READ_BYTES, "html", boom)
    docs, report = ingest([drop / "fa" / "page.html", drop / "fa" / "b.txt"])
    assert len(docs) == 1
    assert report.errors[0].message == "could not be read (RuntimeError: parser bug); skipped"


@pytest.mark.parametrize(("name", "fmt"), [
    ("a.txt", "text"), ("a.TEXT", "text"), ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"),
    ("a.jsonl.gz", "jsonl"), ("a.HTM", "html"), ("a.rss", "rss"), ("a.atom", "rss"),
    ("a.xml", "xml"), ("a.warc.gz", "warc"), ("a.pdf", "unsupported"), ("README", "sniff"),
    ("notes.md", "sniff"),
])
def test_format_of(name, fmt):
    from pathlib import Path

    assert format_of(Path(name)) == fmt


@pytest.mark.parametrize(("head", "fmt"), [
    (b"WARC/1.0\r\n", "warc"),
    (b'<?xml version="1.0"?><rss version="2.0">', "rss"),
    (b"<!-- saved page -->\n<!DOCTYPE html><html>", "html"),
    (b'{"text": "x", "id": 1}\n', "jsonl"),
    ("متن ساده".encode(), "text"),
    (b"{not json but text", "text"),
])
def test_sniff(head, fmt):
    assert sniff(head) == fmt


def test_gzipped_text_and_sniffed_html(tmp_path, fixtures):
    import gzip

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT_FA.encode()))
    (tmp_path / "page").write_bytes((fixtures / "ar_article.html").read_bytes())
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    docs, report = ingest([tmp_path])
    assert [d.meta["format"] for d in docs] == ["text", "html"]
    assert docs[0].text == TEXT_FA
    assert report.errors[0].origin.endswith("broken.txt.gz")
    assert report.errors[0].message.startswith("cannot read this file")


def test_content_hash_set_without_dedup(drop):
    from rasad.ingest import content_hash

    docs, _ = ingest([drop / "fa" / "b.txt"], dedup=False)
    assert docs[0].meta["content_hash"] == content_hash(TEXT_FA)


def test_a_text_file_too_large_for_one_article_is_skipped_unread(tmp_path, monkeypatch):
    """A 200 MB 'article' is not read whole: past RASAD_MAX_FILE_BYTES (64 MB by default) a text
    or HTML file is skipped with a reason naming it; the rest of the folder goes on, and a
    JSONL file of any size still streams."""
    monkeypatch.setenv("RASAD_MAX_FILE_BYTES", "10000")
    (tmp_path / "huge.txt").write_text("روسیه و ترکیه. " * 2000, encoding="utf-8")  # ~28 KB
    (tmp_path / "small.txt").write_text("پوتین با اردوغان دیدار کرد.", encoding="utf-8")
    lines = [json.dumps({"text": f"خبر شماره {i} درباره مذاکرات."}, ensure_ascii=False)
             for i in range(400)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")  # > 10,000 bytes
    docs, report = ingest([tmp_path])
    assert len(docs) == 401
    assert [p.origin for p in report.problems] == [str(tmp_path / "huge.txt")]
    assert "RASAD_MAX_FILE_BYTES" in report.problems[0].message
