"""A store for the web tests, built by the real pipeline: the demo corpus, a Russian–Turkish
pair from 2016 (the dyad chart's points), and a document whose text, title and URL carry
markup and script, which every page must show as text.

Tests of the app need the `web` extra (fastapi, uvicorn, jinja2, python-multipart) and httpx:
without them they skip, saying which package is missing (through the `web_extra` fixture);
the tests of plain functions (parameters, segments, charts, snippets) run regardless.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import pytest

MISSING = next((name for name in ("fastapi", "uvicorn", "jinja2", "multipart", "httpx")
                if find_spec(name) is None), None)

HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = ("<script>alert('x')</script> روسیه و ترکیه <b>bold</b> در آنکارا دیدار کردند. "
                "<img src=x onerror=alert(1)> پوتین با اردوغان گفت‌وگو کرد.")
EXTRA_DOCS = [
    {"id": "pair-ar-2016", "lang": "ar", "published": "2016-08-10", "title": "لقاء بوتين وأردوغان",
     "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
             "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."},
    {"id": "pair-fa-2016", "lang": "fa", "published": "2016-11-20", "title": "اتهام روسیه",
     "text": "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."},
    {"id": HOSTILE_ID, "lang": "fa", "published": "2024-02-01",
     "title": "<img src=x onerror=alert(2)>عنوان</title><script>alert(3)</script>",
     "url": "javascript:alert(4)", "text": HOSTILE_TEXT},
]


def store_records() -> list[dict]:
    """The documents of the test store: the demo corpus, then EXTRA_DOCS."""
    corpus = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in corpus.splitlines() if line.strip()] + EXTRA_DOCS


def build_store(path: Path) -> Path:
    """Analyse the demo corpus and EXTRA_DOCS with the default pipeline into `path`."""
    from rasad import default_pipeline
    from rasad.document import Document
    from rasad.ingest.dedup import content_hash
    from rasad.store import close, connect, save_document

    conn = connect(path)
    for record in store_records():
        fields = {k: record.get(k) for k in ("id", "lang", "published", "title", "source", "url")}
        doc = default_pipeline()(Document(record["text"], **fields))
        save_document(conn, doc, content_hash=content_hash(doc.text))
    close(conn)
    return path


@pytest.fixture(scope="session")
def web_extra() -> None:
    """Skip, naming the package, when the web extra or httpx is not installed."""
    if MISSING:
        pytest.skip(f"the web app tests need {MISSING}: pip install -e '.[test,web]'")


@pytest.fixture(scope="session")
def web_db(web_extra: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_db: Path):  # noqa: ANN201
    from fastapi.testclient import TestClient

    from rasad.web import create_app

    return TestClient(create_app(web_db))
