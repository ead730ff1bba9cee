"""Readers for plain text, HTML pages and JSONL: bytes in, `Document`s out.

Every reader reports what it could not read to the `IngestReport` (naming the file, and the
line for JSONL) and goes on; none raises for bad input. Each document's `meta` records its
origin, format and encoding, so any record can be traced to the file it came from.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rasad.document import Document
from rasad.ingest.encoding import (
    BOMS,
    BinaryContent,
    Decoded,
    UndecodableContent,
    decode,
    weak_charset,
)
from rasad.ingest.html import declared_charset, extract_article
from rasad.ingest.meta import iso_date, lang_code, text_or_none
from rasad.ingest.report import WARNING, IngestReport

JSONL_FIELDS = ("id", "text", "title", "published", "source", "url", "lang")


def make_document(text: str, *, origin: str, fmt: str, encoding: str | None,
                  **fields: Any) -> Document:
    """A Document with the ingest facts in `meta` (origin, format, encoding, extras)."""
    meta: dict[str, Any] = {"origin": origin, "format": fmt, "encoding": encoding}
    meta.update(fields.pop("meta", None) or {})
    return Document(text=text, meta=meta, **{k: v for k, v in fields.items() if v is not None})


def decode_reported(data: bytes, *, origin: str, report: IngestReport,
                    declared: str | None = None) -> Decoded | None:
    """`decode`, with failures reported as skips and guesses as warnings."""
    try:
        decoded = decode(data, declared=declared)
    except (BinaryContent, UndecodableContent) as e:
        report.problem(origin, f"{e}; skipped")
        return None
    if decoded.note:
        report.problem(origin, decoded.note, level=WARNING)
    return decoded


def _text_of(data: bytes, *, origin: str, report: IngestReport,
             declared: str | None = None) -> Decoded | None:
    """Decoded text of a whole file, or None after reporting an empty or unreadable one."""
    if not data:
        report.problem(origin, "empty file, skipped")
        return None
    decoded = decode_reported(data, origin=origin, report=report, declared=declared)
    if decoded is not None and not decoded.text.strip():
        report.problem(origin, "no text (only whitespace or a byte-order mark), skipped")
        return None
    return decoded


def read_text(data: bytes, *, origin: str, report: IngestReport, fmt: str = "text",
              url: str | None = None, meta: dict[str, Any] | None = None) -> Iterator[Document]:
    """A plain-text file is one document, its text as written (line ends made `\\n`)."""
    decoded = _text_of(data, origin=origin, report=report)
    if decoded is not None:
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        yield make_document(text, origin=origin, fmt=fmt, encoding=decoded.encoding, url=url,
                            meta=meta)


def read_html(data: bytes, *, origin: str, report: IngestReport,
              url: str | None = None, declared: str | None = None,
              fmt: str = "html", meta: dict[str, Any] | None = None) -> Iterator[Document]:
    """An HTML page is one document: its main text and metadata (see `ingest.html`).

    `url`, when given (a WARC record's target), wins over the page's canonical URL.
    `declared` (an HTTP header's charset) wins over the page's `<meta charset>`, unless it
    is a Western default (`weak_charset`) and the page says otherwise.
    """
    if not declared or weak_charset(declared):
        declared = declared_charset(data) or declared
    decoded = _text_of(data, origin=origin, report=report, declared=declared)
    if decoded is None:
        return
    article = extract_article(decoded.text, url=url)
    if article is None or not article.text.strip():
        report.problem(origin, "no article text found in the HTML page, skipped")
        return
    extra = {"extractor": article.extractor, **(meta or {})}
    if url and article.url and article.url != url:
        extra["canonical_url"] = article.url
    yield make_document(article.text, origin=origin, fmt=fmt, encoding=decoded.encoding,
                        title=article.title, published=article.published,
                        url=url or article.url, source=article.source, lang=article.lang,
                        meta=extra)


def read_jsonl(path: Path, *, origin: str, report: IngestReport) -> Iterator[Document]:
    """One document per line holding a JSON object with a string `text`."""
    with open_binary(path) as stream:
        head = stream.read(4)
        if not head:
            report.problem(origin, "empty file, skipped")
            return
        if any(head.startswith(bom) for bom, name in BOMS if name != "utf-8-sig") or b"\0" in head:
            yield from _jsonl_wide(head + stream.read(), origin=origin, report=report)
            return
        lines = _prepend(head, stream)
        for number, raw in enumerate(lines, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, encoding = raw[3:], "utf-8-sig"
            else:
                encoding = "utf-8"
            text, encoding = _jsonl_line(raw, encoding, origin=f"{origin}:{number}", report=report)
            if text is not None:
                yield from _jsonl_record(text, origin=f"{origin}:{number}", encoding=encoding,
                                         report=report)


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when its name ends in `.gz`."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _prepend(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of `stream`, whose first `len(head)` bytes were already read."""
    yield from io.BytesIO(head + stream.readline())  # the head may hold a line end
    yield from stream


def _jsonl_wide(data: bytes, *, origin: str, report: IngestReport) -> Iterator[Document]:
    """JSONL in UTF-16 or UTF-32 (a Windows export): decode the whole file, then each line."""
    decoded = decode_reported(data, origin=origin, report=report)
    if decoded is None:
        return
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if line.strip():
            yield from _jsonl_record(line, origin=f"{origin}:{number}",
                                     encoding=decoded.encoding, report=report)


def _jsonl_line(raw: bytes, encoding: str, *, origin: str,
                report: IngestReport) -> tuple[str | None, str]:
    """The text of one line; a line that is not UTF-8 is decoded (and reported) on its own."""
    if not raw.strip():
        return None, encoding
    try:
        return raw.decode("utf-8"), encoding
    except UnicodeDecodeError:
        decoded = decode_reported(raw, origin=origin, report=report)
    if decoded is None:
        return None, encoding
    if not decoded.note:
        report.problem(origin, f"not UTF-8; read as {decoded.encoding}", level=WARNING)
    return decoded.text, decoded.encoding


def _jsonl_record(line: str, *, origin: str, encoding: str,
                  report: IngestReport) -> Iterator[Document]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        what = e.msg.removesuffix(" at")  # "Invalid control character at": no doubled "at"
        report.problem(origin, f"not valid JSON ({what} at column {e.colno}); line skipped")
        return
    problem = _record_problem(record)
    if problem:
        report.problem(origin, f"{problem}; line skipped")
        return
    yield make_document(record["text"], origin=origin, fmt="jsonl", encoding=encoding,
                        **_record_fields(record, origin=origin, report=report))


def _record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return f"not a JSON object (got {type(record).__name__})"
    if "text" not in record:
        return 'no "text" field'
    if not isinstance(record["text"], str):
        return f'"text" is not a string (got {type(record["text"]).__name__})'
    if not record["text"].strip():
        return '"text" is empty'
    return None


def _record_fields(record: dict[str, Any], *, origin: str, report: IngestReport) -> dict[str, Any]:
    """Document fields from a JSONL record; other scalar fields go to meta["extra"]."""
    fields: dict[str, Any] = {
        "id": text_or_none(record.get("id")), "title": text_or_none(record.get("title")),
        "source": text_or_none(record.get("source")), "url": text_or_none(record.get("url")),
        "lang": lang_code(record.get("lang")), "published": iso_date(record.get("published")),
    }
    meta: dict[str, Any] = {}
    given = text_or_none(record.get("published"))
    if given and fields["published"] is None:
        report.problem(origin, f'"published" value {given!r} is not a date I can read; left empty',
                       level=WARNING)
        meta["published_raw"] = given
    extra = {k: v for k, v in record.items() if k not in JSONL_FIELDS
             and isinstance(v, str | int | float | bool)}
    if extra:
        meta["extra"] = extra
    fields["meta"] = meta
    return fields
