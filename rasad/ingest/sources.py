"""`iter_documents`: files, folders and standard input in, one `Document` per article out.

The format comes from the file extension; a file without a known one is recognized by its
first bytes (WARC header, feed or HTML root, a JSON object per line), and is text otherwise.
Whatever goes wrong with one file is reported and the batch goes on; with `strict=True`
the first problem raises `IngestError` (for tests and `--strict`).
"""

from __future__ import annotations

import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rasad.document import Document
from rasad.ingest.dedup import Deduplicator, content_hash
from rasad.ingest.feeds import is_feed, read_feed, read_warc
from rasad.ingest.readers import open_binary, read_html, read_jsonl, read_text
from rasad.ingest.report import IngestError, IngestReport, ProblemSink
from rasad.ingest.selection import Selection
from rasad.ingest.walk import STDIN, iter_files
from rasad.settings import whole_number

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".jsonlines": "jsonl", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "rss", ".atom": "rss", ".xml": "xml", ".warc": "warc", ".arc": "warc",
}
UNSUPPORTED = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".gif",
               ".webp", ".svg", ".zip", ".tar", ".7z", ".rar", ".mp3", ".mp4", ".xls", ".xlsx"}
# A text, HTML or feed file is read whole: past this many bytes (decompressed) it is skipped
# before it is read. JSONL and WARC files stream, record by record, at any size.
MAX_FILE_BYTES = 64 * 1024 * 1024
_HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def iter_documents(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
                   glob: str | None = None, errors: ProblemSink = None,
                   report: IngestReport | None = None, dedup: bool = True,
                   strict: bool = False, skip: frozenset[str] = frozenset(),
                   select: Selection | None = None) -> Iterator[Document]:
    """Documents from files, folders (recursive, sorted) and "-" (standard input, as text).

    Problems go to `report` (an `IngestReport`, which also counts documents by format and
    encoding) and to `errors` (a list to append to, or a callable). Every document gets
    `meta["content_hash"]`; with `dedup`, one whose hash was already seen in this run is
    dropped and counted. With `select`, documents in other languages or outside its dates
    are left out as soon as they are read (counted in `report.left_out`).
    """
    report = report if report is not None else IngestReport()
    report.sink, report.strict = errors, strict
    seen = Deduplicator() if dedup else None
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for origin, path in iter_files(paths, glob=glob, report=report, skip=skip):
        for doc in _read_reported(origin, path, report=report):
            if select is not None and (why := select.reason(doc)):
                report.left_out[why] += 1
                continue
            doc.meta["content_hash"] = content_hash(doc.text)
            first = seen.first_origin(doc) if seen is not None else None
            if first is not None:
                report.duplicate(doc.meta["origin"], first)
                continue
            report.count(fmt=doc.meta["format"], encoding=doc.meta.get("encoding"))
            yield doc


def ingest(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
           glob: str | None = None, dedup: bool = True,
           strict: bool = False) -> tuple[list[Document], IngestReport]:
    """All documents at once, with the report (for small inputs and tests)."""
    report = IngestReport()
    docs = list(iter_documents(paths, glob=glob, report=report, dedup=dedup, strict=strict))
    return docs, report


def count_documents(paths: Iterable[str | os.PathLike[str]], *, glob: str | None = None,
                    skip: frozenset[str] = frozenset(), seconds: float = 3.0) -> int | None:
    """How many documents `paths` hold, when that is cheap to know: one per text or HTML
    file, one per non-blank JSONL line (what a progress bar needs; a line that turns out bad
    is one input too). None for standard input, feeds and WARC files, whose records are only
    known by parsing, or when counting takes longer than `seconds`."""
    started = time.monotonic()
    total = 0
    for _, path in iter_files(paths, glob=glob, report=IngestReport(), skip=skip):
        if path is None or time.monotonic() - started > seconds:
            return None
        try:
            fmt = format_of(path)
            if fmt in ("sniff", "xml"):
                with open_binary(path) as stream:
                    fmt = sniff(stream.read(4096), xml=fmt == "xml") or "unsupported"
            if fmt in ("rss", "warc"):
                return None
            total += _lines(path, started + seconds) if fmt == "jsonl" else 1
        except _TooSlow:
            return None
        except (OSError, EOFError, zlib.error):
            total += 1  # reading it will fail too, and be reported: one input
    return total


class _TooSlow(Exception):
    pass


def _lines(path: Path, deadline: float) -> int:
    count = 0
    with open_binary(path) as stream:
        for number, line in enumerate(stream):
            count += bool(line.strip())
            if number % 10_000 == 0 and time.monotonic() > deadline:
                raise _TooSlow
    return count


def _read_reported(origin: str, path: Path | None, *, report: IngestReport) -> Iterator[Document]:
    """Read one input; an unexpected failure becomes a problem naming the file."""
    try:
        yield from _read(origin, path, report=report)
    except IngestError:
        raise
    except PermissionError:
        report.problem(origin, "cannot read this file (permission denied); skipped")
    except (OSError, EOFError, zlib.error) as e:
        report.problem(origin, f"cannot read this file ({getattr(e, 'strerror', None) or e}); skipped")
    except Exception as e:  # noqa: BLE001 (a parser bug on one file must not stop the batch)
        report.problem(origin, f"could not be read ({type(e).__name__}: {e}); skipped")


def _read(origin: str, path: Path | None, *, report: IngestReport) -> Iterator[Document]:
    if path is None:  # standard input
        yield from read_text(sys.stdin.buffer.read(), origin=STDIN, report=report)
        return
    fmt = format_of(path)
    if fmt == "unsupported":
        report.problem(origin, f"unsupported file type ({path.suffix}): rasad reads text, JSONL, "
                       "HTML, RSS/Atom and WARC files; skipped")
        return
    if fmt in ("sniff", "xml"):
        with open_binary(path) as stream:
            head = stream.read(4096)
        fmt = sniff(head, xml=fmt == "xml")
        if fmt is None:
            report.problem(origin, "XML but not an RSS or Atom feed; skipped")
            return
    if fmt in READ_PATH:
        yield from READ_PATH[fmt](path, origin=origin, report=report)
        return
    limit = whole_number("RASAD_MAX_FILE_BYTES", MAX_FILE_BYTES) or sys.maxsize  # 0: no limit
    with open_binary(path) as stream:
        data = stream.read(limit + 1)  # bounded: a 200 MB "article" is not read whole
    if len(data) > limit:
        report.problem(origin, f"larger than {limit:,} bytes (RASAD_MAX_FILE_BYTES) for a "
                       f"{fmt} file, which is read whole; split it, or make it JSONL; skipped")
        return
    yield from READ_BYTES[fmt](data, origin=origin, report=report)






def format_of(path: Path) -> str:
    """The format by extension (`x.jsonl.gz` is JSONL): a reader name, "xml", "sniff" or
    "unsupported"."""
    name = path.name.lower()
    inner = Path(name.removesuffix(".gz"))
    if inner.suffix in EXTENSIONS:
        return EXTENSIONS[inner.suffix]
    return "unsupported" if inner.suffix in UNSUPPORTED else "sniff"


def sniff(head: bytes, *, xml: bool = False) -> str | None:
    """The format from a file's first bytes; for XML, "rss" or None (not a feed)."""
    if xml:
        return "rss" if is_feed(head) else None
    if head.startswith(b"WARC/"):
        return "warc"
    if is_feed(head):
        return "rss"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "jsonl" if first == b"{" and b'"text"' in head else "text"


READ_PATH: dict[str, Callable[..., Iterator[Document]]] = {"warc": read_warc, "jsonl": read_jsonl}
READ_BYTES: dict[str, Callable[..., Iterator[Document]]] = {
    "text": read_text, "html": read_html, "rss": read_feed,
}
