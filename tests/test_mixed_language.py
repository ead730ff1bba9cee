"""A document that mixes Persian and Arabic: every stage reads each sentence in its own
language (the language stage marks sentences only when a document mixes them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.document import Document, Sentence
from rasad.pipeline import Pipeline

ARABIC = ("أعلنت وزارة الخارجية الروسية اليوم أن الوزير سيزور طهران الأسبوع المقبل لإجراء "
          "محادثات مع نظيره الإيراني حول الملف النووي والتعاون الاقتصادي بين البلدين.")
PERSIAN = ("وزیر امور خارجه روسیه روز ۱۵ مهر ۱۴۰۲ در مسکو با همتای ایرانی خود دیدار کرد و "
           "درباره ۲۰ درصد افزایش تجارت گفت‌وگو کرد.")


@pytest.fixture(scope="module")
def mixed() -> Document:
    return Pipeline().analyze(f"{ARABIC}\n{PERSIAN}\n", published="2023-10-08")


def test_sentences_carry_their_own_language(mixed: Document) -> None:
    assert mixed.lang == "ar"
    assert [s.lang for s in mixed.sentences] == ["ar", "fa"]


def test_a_persian_date_in_an_arabic_article_is_read_as_persian(mixed: Document) -> None:
    times = {t.to_dict(mixed)["text"]: t.value for t in mixed.times}
    assert times.get("روز ۱۵ مهر ۱۴۰۲") == "2023-10-07", times
    # and the Arabic sentence keeps its Arabic relative expression
    assert times.get("الأسبوع المقبل") is not None, times


def test_a_persian_percentage_in_an_arabic_article(mixed: Document) -> None:
    quantities = {q.to_dict(mixed)["text"]: (q.value, q.unit) for q in mixed.quantities}
    assert quantities.get("۲۰ درصد") == (20, "%"), quantities
    assert "۱۵" not in quantities  # the day of the month is a date, not a number


def test_actors_and_events_of_the_persian_sentence(mixed: Document) -> None:
    names = {e.to_dict(mixed)["text"]: e.country for e in mixed.entities}
    assert names.get("مسکو") == "RUS", names
    persian = mixed.sentences[1]
    meetings = [e for e in mixed.events if e.plover == "CONSULT"
                and persian.start <= e.start < persian.end]
    assert meetings and meetings[0].source.country == "RUS", [e.to_dict(mixed) for e in mixed.events]


def test_runs_cover_the_text_in_order() -> None:
    doc = Document(text="aaa. bbb. ccc. ddd.", lang="ar")
    doc.sentences = [Sentence(0, 4), Sentence(5, 9, "fa"), Sentence(10, 14, "fa"), Sentence(15, 19)]
    assert doc.language_runs() == [("ar", 0, 5), ("fa", 5, 15), ("ar", 15, 19)]
    found = doc.per_language(lambda lang: [(lang, i) for i in range(0, 19, 3)], lambda x: x[1])
    assert found == [("ar", 0), ("ar", 3), ("fa", 6), ("fa", 9), ("fa", 12), ("ar", 15), ("ar", 18)]


def test_a_windows_1256_file_of_mixed_text(tmp_path: Path) -> None:
    # Windows-1256 has no Persian ی nor Persian digits: such files write ي and 0-9
    persian = PERSIAN.replace("ی", "ي").translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    path = tmp_path / "mixed.txt"
    path.write_bytes(f"{ARABIC}\n{persian}\n".encode("cp1256"))
    done = subprocess.run([sys.executable, "-m", "rasad", "analyze", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout.splitlines()[0])
    assert any(t["text"] == "روز 15 مهر 1402" and t["value"] == "2023-10-07" for t in doc["times"]), doc["times"]
