"""Which read documents a run keeps: by language and by publication date.

A crawl (a CC-NEWS WARC holds pages in every language) is mostly not Persian or Arabic, and
analysing a page costs a hundred times more than reading it, so the choice is made as soon
as a document is read, before it is hashed, stored or analysed. `rasad run`, `rasad spark`
and the Python API share this one `Selection`.

The language is the one the pipeline's `language` stage would give (`rasad.text.langid`):
the language the input declared (`<html lang>`, a JSONL `lang`), else identification of the
text. The document keeps it, so the stage does not identify it twice.

Dates compare the publication date the input gave (a day; `since` and `until` included).
A document without one is kept, since the `times` stage may still date it from its text;
with `strict_dates` it is left out.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from rasad.document import Document, iso_day
from rasad.ingest.meta import FIRST_YEAR, LAST_YEAR

LANGUAGES = ("fa", "ar", "other")


@dataclass(frozen=True, slots=True)
class Selection:
    """Languages to keep (None: all) and an inclusive publication-date window."""

    langs: frozenset[str] | None = None
    since: date | None = None
    until: date | None = None
    strict_dates: bool = False

    def __post_init__(self) -> None:
        if self.langs is not None and not self.langs <= set(LANGUAGES):
            unknown = ", ".join(sorted(self.langs - set(LANGUAGES)))
            raise ValueError(f"unknown language(s) {unknown}: choose among {', '.join(LANGUAGES)}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until}): nothing to keep")

    @classmethod
    def parse(cls, *, lang: str | None = None, since: str | None = None,
              until: str | None = None, strict_dates: bool = False) -> Selection:
        """From command-line values: `lang` as "fa,ar", dates as YYYY-MM-DD (or YYYY-MM,
        YYYY: the first day for `since`, the last day for `until`). ValueError says what is wrong."""
        langs = frozenset(p.strip().lower() for p in lang.split(",") if p.strip()) if lang else None
        return cls(langs=langs or None, since=_day(since, last=False, what="since"),
                   until=_day(until, last=True, what="until"), strict_dates=strict_dates)

    @property
    def active(self) -> bool:
        """Whether it leaves anything out at all."""
        return bool(self.langs is not None or self.since or self.until or self.strict_dates)

    def reason(self, doc: Document) -> str | None:
        """Why `doc` is left out ("language", "date", "undated"), or None to keep it.
        Sets `doc.lang` when languages are chosen and the input did not say."""
        if self.since or self.until or self.strict_dates:
            day = iso_day(doc.published)
            if day is None:
                if self.strict_dates:
                    return "undated"
            elif (self.since and day < self.since) or (self.until and day > self.until):
                return "date"
        if self.langs is not None:
            from rasad.text.langid import document_lang  # noqa: PLC0415 (loads word lists)

            doc.lang = document_lang(doc)
            if doc.lang not in self.langs:
                return "language"
        return None


def _day(value: str | None, *, last: bool, what: str) -> date | None:
    """A day from YYYY-MM-DD, YYYY-MM or YYYY; the last day of the month or year if `last`."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            day = date(int(text), 12, 31) if last else date(int(text), 1, 1)
        elif len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            day = date(year, month, monthrange(year, month)[1] if last else 1)
        else:
            day = date.fromisoformat(text)
    except ValueError as e:
        raise ValueError(f"--{what} {value!r} is not a date such as 2024-04-22, 2024-04 "
                         f"or 2024") from e
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # 1402: a Solar Hijri year, never AD 1402
        raise ValueError(f"--{what} {value!r} is not a Gregorian date of news (years "
                         f"{FIRST_YEAR}-{LAST_YEAR}); convert a Hijri date to Gregorian")
    return day
