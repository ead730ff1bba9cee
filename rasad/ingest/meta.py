"""Clean the metadata that comes with an article: publication date and language.

The publication date anchors relative dates ("yesterday", "last Tuesday"), so it must be an
ISO date, whatever the feed or page wrote: RFC 822 (RSS), ISO 8601 with a time and zone,
`2023/05/01`, Persian or Arabic-Indic digits. The local calendar date is kept (a Tehran
article of 01:00 +0330 is dated that day, not the UTC day before).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T\s])")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
FIRST_YEAR, LAST_YEAR = 1800, 2200  # outside: not Gregorian (a Solar Hijri 1402, a typo)

_LANGS = {"fa": "fa", "per": "fa", "fas": "fa", "persian": "fa", "farsi": "fa",
          "ar": "ar", "ara": "ar", "arabic": "ar"}


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` for a date written in any common way, or None when it cannot be read."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return _checked(value.year, value.month, value.day)
    text = str(value).translate(_DIGITS).strip()
    if not text:
        return None
    if m := _YMD.match(text):
        return _checked(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(text):
        return _checked(int(m[3]), int(m[2]), int(m[1]))
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def _checked(year: int, month: int, day: int) -> str | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def lang_code(value: object) -> str | None:
    """"fa", "ar", "other" from a tag such as `fa-IR`, `ar_SA`, `Persian`; None when empty."""
    if value is None or not str(value).strip():
        return None
    base = re.split(r"[-_\s]", str(value).strip().lower())[0]
    return _LANGS.get(base, "other")


def text_or_none(value: object) -> str | None:
    """Metadata values as given, but a blank or non-scalar value is no value."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
