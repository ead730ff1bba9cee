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

DOCS = [
    {"id": "ru-tr-aug", "lang": "ar", "published": "2016-08-10", "title": "قمة سان بطرسبورغ",
     "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
             "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."},
    {"id": "ru-tr-nov", "lang": "fa", "published": "2016-11-20",
     "text": "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."},
    {"id": "ru-tr-year", "lang": "ar", "published": "2017-01-05",
     "text": "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في عام 2016."},
    {"id": "ru-ua-fa", "lang": "fa", "published": "2022-02-25",
     "text": "روسیه به اوکراین حمله کرد. ناتو روسیه را محکوم کرد."},
    {"id": "ru-ua-ar", "lang": "ar", "published": "2022-03-01",
     "text": "أدان حلف شمال الأطلسي الهجوم الروسي على أوكرانيا. وزير الخارجية الروسي سيرغي "
             "لافروف التقى نظيره الإيراني في موسكو."},
    {"id": "ir-ru-fa", "lang": "fa", "published": "2023-05-01",
     "text": "وزیر امور خارجه ایران در نشست بین‌المللی با همتای روس خود سرگئی لاوروف گفتگو کرد."},
]


def build_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the real pipeline on DOCS into a new database; its path."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "docs.jsonl").write_text(
        "\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS) + "\n", encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "relations.db"
    result = run("run", str(folder), "--db", str(path))
    assert result.exit_code == 0, result.output
    return path
