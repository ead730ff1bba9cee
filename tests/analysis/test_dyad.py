"""`rasad dyad`: the events that happened between two actors, by month, each counted once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.analysis.dyad import dyad
from rasad.store import connect
from tests.events.test_cli import run

DOCS = [
    {"id": "a", "lang": "ar", "published": "2016-08-10",
     "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
             "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."},
    {"id": "b", "lang": "fa", "published": "2016-11-20",
     "text": "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."},
    {"id": "c", "lang": "fa", "published": "2016-11-21",
     "text": "ایران و عراق یک توافقنامه همکاری امضا کردند."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "docs.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS),
                                       encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "t.db"
    assert run("run", str(folder), "--db", str(path)).exit_code == 0
    return path


def test_the_months_of_a_dyad_count_what_happened_once(db: Path) -> None:
    result = dyad(connect(db, readonly=True), "RUS", "TUR")
    months = {p.key: p for p in result.periods}
    assert set(months) == {"2016-08", "2016-11"}
    assert months["2016-08"].events == 1, "the second report of the meeting is the same event"
    assert months["2016-08"].types == {"CONSULT": 1}
    assert months["2016-11"].types == {"DISAPPROVE": 1}
    assert months["2016-11"].goldstein_mean < 0 < months["2016-08"].goldstein_mean
    assert result.not_happened == {"negated": 1}  # «دیدار نخواهد کرد»: negation beats future


def test_either_direction_and_any_spelling_name_the_same_dyad(db: Path) -> None:
    conn = connect(db, readonly=True)
    by_code = dyad(conn, "RUS", "TUR")
    assert dyad(conn, "TUR", "RUS").total == by_code.total
    assert dyad(conn, "روسیه", "تركيا").total == by_code.total
    assert dyad(conn, "RUS", "IRN").total == 0


def test_the_command_prints_the_table_and_refuses_bad_options(db: Path) -> None:
    result = run("dyad", "RUS", "TUR", "--db", str(db))
    assert result.exit_code == 0 and "2016-08" in result.output and "CONSULT" in result.output
    assert run("dyad", "RUS", "TUR", "--db", str(db), "--by", "day").exit_code == 2
    assert run("dyad", "RUS", "TUR", "--db", str(db), "--since", "last year").exit_code == 2
