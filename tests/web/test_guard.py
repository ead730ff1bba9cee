"""The app's wall (`rasad.web.guard`): security headers on every answer, limits refused with a
clear 4xx before a route runs, read-only mode, internal errors that tell the client nothing
and the log everything, and hostile parameter values that stay values."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from rasad.web.guard import INTERNAL_ERROR, MAX_QUERY_BYTES, SECURITY_HEADERS


def _client(db: Path, **options):  # noqa: ANN202
    from fastapi.testclient import TestClient

    from rasad.web import create_app

    return TestClient(create_app(db, **options), raise_server_exceptions=False)


@pytest.fixture
def broken(web_db: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A client whose store query fails with an error naming a file, as a bug would."""
    from rasad.web import queries

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom in /srv/secret/rasad/store.py line 12")

    monkeypatch.setattr(queries, "store_stats", fail)
    return _client(web_db)


def test_an_internal_error_is_a_generic_500_and_is_logged(
        broken, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    with caplog.at_level(logging.ERROR, logger="rasad.web"):
        answer = broken.get("/api/stats")
    assert answer.status_code == 500
    assert answer.json() == {"error": {"status": 500, "message": INTERNAL_ERROR}}
    page = broken.get("/")
    assert page.status_code == 500 and 'id="error-message"' in page.text
    for text in (answer.text, page.text):
        assert "Traceback" not in text and "boom" not in text and "/srv" not in text
    (record, *_) = [r for r in caplog.records if r.name == "rasad.web"]
    assert "GET /api/stats" in record.getMessage() and record.exc_info is not None
    assert "boom in /srv/secret" in caplog.text and "Traceback" in caplog.text


def test_a_missing_database_does_not_tell_its_path(web_db: Path, monkeypatch) -> None:  # noqa: ANN001
    from rasad.store.db import StoreError
    from rasad.web import app

    client = _client(web_db)

    def gone(path: object) -> None:
        raise StoreError("/srv/secret/web.db: no such database")

    monkeypatch.setattr(app, "open_existing", gone)
    answer = client.get("/api/documents")
    assert answer.status_code == 503 and "/srv" not in answer.text
    assert "not available" in answer.json()["error"]["message"]


def _headers_of_every_kind(web_db: Path, broken) -> Iterator[tuple[str, object]]:  # noqa: ANN001
    client = _client(web_db, max_chars=10)
    yield "page", client.get("/")
    yield "api", client.get("/api/stats")
    yield "static", client.get("/static/app.js")
    yield "404", client.get("/api/nothing-here")
    yield "413", client.post("/api/analyse", json={"text": "ا" * 100_000})
    yield "414", client.get("/api/search", params={"q": "x" * MAX_QUERY_BYTES})
    yield "500", broken.get("/api/stats")


def test_security_headers_on_every_kind_of_answer(web_db: Path, broken) -> None:  # noqa: ANN001
    for kind, answer in _headers_of_every_kind(web_db, broken):
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get(name) == value, (kind, name)
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/search?q=" + "x" * (MAX_QUERY_BYTES + 1), 414, "query string"),
    ("/search?q=" + "%D8%A7" * MAX_QUERY_BYTES, 414, "query string"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/search?q=x&limit=1000", 422, "limit"),
    ("/api/network?limit=5000", 422, "limit"),
    ("/api/documents?offset=2000000", 422, "offset"),
    ("/documents?offset=2000000", 422, "offset"),
    ("/api/actors?q=" + "ا" * 201, 400, "at most 200"),
    ("/api/dyad?b=TUR&a=" + "R" * 201, 400, "at most 200"),
])
def test_limits_are_a_clear_4xx(client, url: str, status: int, words: str) -> None:  # noqa: ANN001
    answer = client.get(url)
    assert answer.status_code == status, answer.text[:200]
    assert words in answer.text


def test_oversized_and_chunked_bodies_are_refused_before_reading(web_db: Path,
                                                                  monkeypatch) -> None:  # noqa: ANN001
    from rasad.web import api, pages

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a refused body reached the analysis")

    monkeypatch.setattr(api, "analyse", never)
    monkeypatch.setattr(pages, "analyse", never)
    client = _client(web_db, max_chars=100)
    upload = client.post("/analyse", files={"upload": ("big.txt", b"a" * 200_000, "text/plain")})
    assert upload.status_code == 413 and "bytes; at most" in upload.text
    chunked = client.post("/api/analyse", content=iter([b'{"text": "', b"a" * 10, b'"}']),
                          headers={"content-type": "application/json"})
    assert chunked.status_code == 411 and "Content-Length" in chunked.json()["error"]["message"]


def test_read_only_refuses_analysis_and_hides_the_form(web_db: Path, monkeypatch) -> None:  # noqa: ANN001
    from rasad.web import api, pages

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a read-only server analysed text")

    monkeypatch.setattr(api, "analyse", never)
    monkeypatch.setattr(pages, "analyse", never)
    reader = _client(web_db, read_only=True)
    refused = [reader.post("/api/analyse", json={"text": "پوتین با اردوغان دیدار کرد."}),
               reader.post("/analyse", data={"text": "پوتین با اردوغان دیدار کرد."}),
               reader.post("/analyse", files={"upload": ("a.txt", b"x", "text/plain")}),
               reader.put("/api/documents/demo-fa-01", json={}),
               reader.delete("/api/documents/demo-fa-01")]
    for answer in refused:
        assert answer.status_code == 403 and "read-only" in answer.text
    assert refused[0].json()["error"]["message"].startswith("this server is read-only")
    form = reader.get("/analyse").text
    assert 'id="read-only"' in form and "<form action=\"/analyse\"" not in form
    assert 'href="/analyse"' not in reader.get("/").text
    assert reader.get("/api/dyad", params={"a": "RUS", "b": "TUR"}).status_code == 200
    writer = _client(web_db)  # the default: analysis on (the database is read in both)
    assert 'href="/analyse"' in writer.get("/").text
    assert '<form action="/analyse"' in writer.get("/analyse").text


INJECTIONS = ["' OR 1=1 --", "x\" OR \"1\"=\"1", "'; DROP TABLE events; --", "*", "\"", "NEAR(a b)",
              "a OR b", "-روسیه", "^x", "%", "_", "روسیه) OR (1", "\\", "\x00"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_hostile_parameter_values_stay_values(client, value: str) -> None:  # noqa: ANN001
    before = client.get("/api/stats").json()
    for path, params in [("/api/search", {"q": value}), ("/api/actors", {"q": value}),
                         ("/api/events", {"actor": value}), ("/api/dyad", {"a": value, "b": "RUS"}),
                         ("/api/dyad/events", {"a": "RUS", "b": value}),
                         (f"/api/documents/{quote(value, safe='')}", {}),
                         (f"/api/actors/{quote(value, safe='')}", {}),
                         ("/search", {"q": value}), ("/dyad", {"a": value, "b": "TUR"})]:
        answer = client.get(path, params=params)
        assert answer.status_code in (200, 400, 404), (path, value, answer.text[:200])
    events = client.get("/api/events", params={"actor": value})
    if events.status_code == 200:  # no row of another actor leaks through the filter
        assert all(value in str(row) for row in events.json()), value
    assert client.get("/api/stats").json() == before
