"""A bounded fuzz run of the input readers: arbitrary bytes under every supported file name
never raise out of `iter_documents`; each yields documents with text, or problems that name
the file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.ingest import iter_documents
from rasad.ingest.report import IngestReport

SUFFIXES = [".txt", ".jsonl", ".html", ".xml", ".rss", ".warc", ".jsonl.gz", ".warc.gz", ".md"]
# Bytes that look like the formats, so the fuzz reaches past the first check of each reader.
SEEDS = [b"", b"\xef\xbb\xbf", b"<html><body><p>", b"</p>", b'{"text": "', b'"}\n', b"\n",
         b"<rss><channel><item><title>", b"<description>", b"WARC/1.0\r\n", b"\r\n\r\n",
         b"Content-Length: 5\r\n", b"\x1f\x8b\x08", "روسیه و ترکیه".encode(),
         "قال الرئيس".encode("cp1256"), b"\xff\xfe", b"\x00", b"\xc3\x28", b"<?xml version='1.0'?>"]

chunks = st.lists(st.one_of(st.sampled_from(SEEDS), st.binary(max_size=40)), max_size=25)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=chunks, suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise_on_arbitrary_bytes(parts: list[bytes], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(b"".join(parts))
        report = IngestReport()
        docs = list(iter_documents([path], report=report, dedup=False))
        for doc in docs:
            assert isinstance(doc.text, str) and doc.text.strip()
            assert str(path) in doc.meta["origin"]
        for problem in report.problems:
            assert str(path) in str(problem)


@settings(max_examples=60, deadline=None)
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "title", "published", "id", "lang", "url", "x"]),
                    st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.text(max_size=3)),
                              st.floats(allow_nan=True))),
    st.text(max_size=30)), max_size=8))
def test_jsonl_records_of_any_shape(records: list[object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r
                                  for r in records), encoding="utf-8")
        report = IngestReport()
        for doc in iter_documents([path], report=report, dedup=False):
            assert isinstance(doc.text, str) and doc.text.strip()
            assert doc.published is None or isinstance(doc.published, str)
