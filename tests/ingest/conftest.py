"""Fixtures for the ingest tests: the fixture folder and a WARC writer.

Binary and re-encoded inputs (cp1256, UTF-16, WARC, gzip) are made at test time from the
UTF-8 fixture files, so the repository holds only readable text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def write_warc(path: Path, responses: list[tuple[str, bytes, str, str]]) -> Path:
    """A gzipped WARC with a warcinfo record, then one response per (uri, body, type, status)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "rasad tests"}))
        for uri, body, content_type, status in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return path
