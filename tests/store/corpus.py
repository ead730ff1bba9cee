"""A small store built by running `rasad run` on short Persian and Arabic news texts written
for these tests, for the query, actor, search and export tests.

What the pipeline codes from them (checked by the tests that use it): Russia and Turkey meet
in August 2016 (reported twice in one Arabic article), again in «2016» (a year, no day),
Russia accuses Turkey; Russia attacks Ukraine and NATO condemns it (2022); Lavrov meets the
Iranian foreign minister twice (2022, 2023).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.events.test_cli import run

# (id, language, publication date, text)
TEXTS = [
    ("ru-tr-aug", "ar", "2016-08-10",
     "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
     "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."),
    ("ru-tr-nov", "fa", "2016-11-20",
     "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."),
    ("ru-tr-year", "ar", "2017-01-05",
     "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في عام 2016."),
    ("ru-ua-fa", "fa", "2022-02-25", "روسیه به اوکراین حمله کرد. ناتو روسیه را محکوم کرد."),
    ("ru-ua-ar", "ar", "2022-03-01",
     "أدان حلف شمال الأطلسي الهجوم الروسي على أوكرانيا. وزير الخارجية الروسي سيرغي "
     "لافروف التقى نظيره الإيراني في موسكو."),
    ("ir-ru-fa", "fa", "2023-05-01",
     "وزیر امور خارجه ایران در نشست بین‌المللی با همتای روس خود سرگئی لاوروف گفتگو کرد."),
]
DOCS = [dict(zip(("id", "lang", "published", "text"), row, strict=True)) for row in TEXTS]


def build_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the real pipeline on DOCS into a new database; its path."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "docs.jsonl").write_text(
        "\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS) + "\n", encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "relations.db"
    result = run("run", str(folder), "--db", str(path))
    assert result.exit_code == 0, result.output
    return path
