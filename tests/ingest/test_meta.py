"""Publication dates to ISO, language tags to fa/ar/other."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rasad.ingest.meta import iso_date, lang_code, text_or_none


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-05-14", "2023-05-14"),
    ("2023-05-14T09:30:00+03:30", "2023-05-14"),
    ("2023-05-14 23:59", "2023-05-14"),
    ("2023/5/4", "2023-05-04"),
    ("14.05.2023", "2023-05-14"),
    ("۲۰۲۳-۰۵-۱۴", "2023-05-14"),  # Persian digits
    ("٢٠٢٢/١١/٠٣", "2022-11-03"),  # Arabic-Indic digits
    ("Sun, 14 May 2023 01:15:00 +0330", "2023-05-14"),  # the local day, not UTC (13 May)
    (datetime(2023, 5, 14, 1, 0), "2023-05-14"),
    (date(2020, 1, 2), "2020-01-02"),
    ("۱۴۰۲/۰۲/۲۴", None),  # Solar Hijri: not guessed
    ("2023-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("fa", "fa"), ("fa-IR", "fa"), ("FA_ir", "fa"), ("Persian", "fa"), ("per", "fa"),
    ("ar", "ar"), ("ar-SY", "ar"), ("ara", "ar"), ("en-US", "other"), ("", None), (None, None),
])
def test_lang_code(value, expected):
    assert lang_code(value) == expected


def test_text_or_none():
    assert text_or_none("  x ") == "x"
    assert text_or_none(12) == "12"
    assert text_or_none("  ") is None
    assert text_or_none({"a": 1}) is None
