"""A store for the web tests, built by the real pipeline: the demo corpus, a Russian–Turkish
pair from 2016 (the dyad chart's points), and two hostile documents whose text, title, source,
URL, entity names and event sides carry markup, script and quotes, which every page must show as
text: one analysed by the pipeline, one built by hand (so its entity and side names are hostile
too: no model would find such names).

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

from rasad.document import Document

MISSING = next((name for name in ("fastapi", "uvicorn", "jinja2", "multipart", "httpx")
                if find_spec(name) is None), None)

HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = ("<script>alert('x')</script> روسیه و ترکیه <b>bold</b> در آنکارا دیدار کردند. "
                "<img src=x onerror=alert(1)> پوتین با اردوغان گفت‌وگو کرد.")
HAND_ID = "hostile-hand"
HOSTILE_NAME = '"><svg onload=alert(10)>'  # an entity's and an event side's English name
HAND_TEXT = 'گروه <b onmouseover="alert(9)">\'x\'</b> با روسیه در تهران دیدار کرد.'
EXTRA_DOCS = [
    {"id": "pair-ar-2016", "lang": "ar", "published": "2016-08-10", "title": "لقاء بوتين وأردوغان",
     "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
             "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."},
    {"id": "pair-fa-2016", "lang": "fa", "published": "2016-11-20", "title": "اتهام روسیه",
     "text": "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."},
    {"id": HOSTILE_ID, "lang": "fa", "published": "2024-02-01",
     "title": "<img src=x onerror=alert(2)>عنوان</title><script>alert(3)</script>",
     "url": "javascript:alert(4)", "text": HOSTILE_TEXT},
    {"id": HAND_ID, "lang": "fa", "published": "2024-03-01", "source": "<script>alert(8)</script>",
     "title": '"><img src=x onerror=alert(6)>\' onmouseover=\'alert(7)', "url": "javascript:alert(12)",
     "text": HAND_TEXT},
]


def store_records() -> list[dict]:
    """The documents of the test store: the demo corpus, then EXTRA_DOCS."""
    corpus = resources.files("rasad.data").joinpath("demo", "articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in corpus.splitlines() if line.strip()] + EXTRA_DOCS


def build_store(path: Path) -> Path:
    """Analyse the demo corpus and EXTRA_DOCS with the default pipeline into `path`."""
    from rasad import default_pipeline
    from rasad.ingest.dedup import content_hash
    from rasad.store import close, connect, save_document

    conn = connect(path)
    for record in store_records():
        fields = {k: record.get(k) for k in ("id", "lang", "published", "title", "source", "url")}
        doc = Document(record["text"], **fields)
        doc = hand_annotated(doc) if doc.id == HAND_ID else default_pipeline()(doc)
        save_document(conn, doc, content_hash=content_hash(doc.text))
    close(conn)
    return path


def hand_annotated(doc: Document) -> Document:
    """HAND_TEXT with one sentence, an entity over its markup named HOSTILE_NAME, and an
    asserted meeting of that entity with Russia."""
    from rasad.document import Entity, Sentence

    markup = (doc.text.index("<b"), doc.text.index("</b>") + 4)
    verb = doc.text.index("دیدار کرد")
    doc.sentences = [Sentence(0, len(doc.text), "fa")]
    doc.entities = [Entity(start=markup[0], end=markup[1], type="ORG", kb_id="Qhostile",
                           name_en=HOSTILE_NAME)]
    side = {"entity": 0, "kb_id": "Qhostile", "name_en": HOSTILE_NAME, "country": None,
            "sector": None}
    russia = {"entity": None, "kb_id": "Q159", "name_en": "Russia", "country": "RUS",
              "sector": "GOV"}
    doc.events = [{"sentence": 0, "trigger": {"start": verb, "end": verb + 9, "text": "دیدار کرد"},
                   "source": side, "target": russia, "cameo": "040",
                   "plover": {"event": "CONSULT", "mode": None, "context": None}, "quad_class": 1,
                   "goldstein": 1.0, "date": "2024-03-01", "location": None, "status": "asserted",
                   "confidence": 0.8, "rule": "hand"}]
    return doc


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
