"""Readers for the containers of many articles: RSS/Atom feeds and WARC web archives.

A feed entry or a WARC record is one document; its origin is `file#n` (the n-th entry, or
the n-th record of the archive counting every record), so a problem can be found again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasad.document import Document
from rasad.ingest.html import fragment_text
from rasad.ingest.meta import iso_date, lang_code, text_or_none
from rasad.ingest.readers import make_document, read_html, read_text
from rasad.ingest.report import WARNING, IngestReport

FEED_ROOTS = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF)\b")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def is_feed(head: bytes) -> bool:
    """Whether XML starts with an RSS, Atom or RSS 1.0 (RDF) root element."""
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL)
    body = body.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    m = FEED_ROOTS.match(body)
    return m is not None


def read_feed(data: bytes, *, origin: str, report: IngestReport) -> Iterator[Document]:
    """Each entry of an RSS or Atom feed (content, else summary) is a document."""
    import feedparser  # noqa: PLC0415 (only when a feed is read)

    if not data.strip():
        report.problem(origin, "empty file, skipped")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.bozo else ""
        report.problem(origin, f"no entries found: not a readable RSS or Atom feed{reason}, skipped")
        return
    source = text_or_none(feed.feed.get("title"))
    feed_lang = feed.feed.get("language")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{number}"
        text, part = _entry_text(entry)
        if not text:
            report.problem(where, "feed entry has no text, skipped")
            continue
        yield make_document(
            text, origin=where, fmt="rss", encoding=feed.get("encoding"), source=source,
            title=_plain(entry.get("title_detail")), url=text_or_none(entry.get("link")),
            published=_entry_date(entry), lang=lang_code(_entry_lang(entry) or feed_lang),
            meta={"content": part, "guid": text_or_none(entry.get("id"))},
        )


def _entry_text(entry: Any) -> tuple[str, str]:
    """The entry's full content when the feed has it, else its summary."""
    for detail in entry.get("content") or []:
        if text := _plain(detail):
            return text, "content"
    return _plain(entry.get("summary_detail")) or "", "summary"


def _plain(detail: Any) -> str | None:
    """Text of a feedparser detail ({type, value}); HTML is reduced to its text."""
    if not detail or not detail.get("value"):
        return None
    value = detail["value"]
    if "html" in (detail.get("type") or ""):
        value = fragment_text(value)
    return value.strip() or None


def _entry_date(entry: Any) -> str | None:
    """The local date as written (not feedparser's UTC struct, which can be the day before)."""
    for key in ("published", "updated", "created"):
        if date := iso_date(entry.get(key)):
            return date
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def _entry_lang(entry: Any) -> str | None:
    for detail in [*(entry.get("content") or []), entry.get("summary_detail") or {}]:
        if detail.get("language"):
            return detail["language"]
    return None


def read_warc(path: Path, *, origin: str, report: IngestReport) -> Iterator[Document]:
    """Each HTML (or plain-text) response or resource record of a WARC is a document."""
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415
    from warcio.exceptions import ArchiveLoadFailed  # noqa: PLC0415

    number, found = 0, 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):  # noqa: B007
                if record.format == "arc" and not _is_arc(path):
                    report.problem(origin, "not a WARC file (no WARC/1.x header), skipped")
                    return
                for doc in _warc_record(record, origin=f"{origin}#{number}", report=report):
                    found += 1
                    yield doc
        except ArchiveLoadFailed as e:
            where = f"{origin}#{number + 1}" if number else origin
            report.problem(where, f"not a readable WARC record ({e}); rest of the file skipped")
            return
    if not found:
        report.problem(origin, f"no HTML or plain-text responses among {number} records; "
                       "nothing read", level=WARNING)


def _is_arc(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(".arc")


def _warc_record(record: Any, *, origin: str, report: IngestReport) -> Iterator[Document]:
    if record.rec_type not in ("response", "resource"):
        return
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return
        # CC-NEWS names the type it identified when the server did not send one
        content_type = (record.http_headers.get_header("Content-Type")
                        or record.rec_headers.get_header("WARC-Identified-Payload-Type") or "")
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in (*HTML_TYPES, "text/plain"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"crawled": record.rec_headers.get_header("WARC-Date")}
    data = record.content_stream().read()
    if mime == "text/plain":
        yield from read_text(data, origin=origin, report=report, fmt="warc", url=url, meta=meta)
        return
    charset = m[1] if (m := _CHARSET.search(content_type)) else None
    yield from read_html(data, origin=origin, report=report, url=url, declared=charset,
                         fmt="warc", meta=meta)
