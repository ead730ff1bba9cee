"""Checking query parameters before they reach the store, so a bad value is a clear 400.

FastAPI checks types and ranges (`limit` between 1 and 1000); these check what it cannot:
dates, PLOVER types, statuses, languages. Each raises `BadParameter` with one line naming the
parameter and what it takes; the app turns it into `{"error": {...}}` (API) or an error page.
"""

from __future__ import annotations

import re
from datetime import date

from rasad.analysis.network import LEVELS
from rasad.events.ontology import PLOVER_TYPES
from rasad.events.record import STATUSES

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PERIOD = re.compile(r"\d{4}(-\d{2}|-W\d{2})?")
MAX_QUERY_CHARS = 200  # a search or an actor's name; longer is not a query but a payload
MAX_OFFSET = 1_000_000  # how deep a listing pages: an OFFSET reads every row it skips


class BadParameter(ValueError):
    """A query parameter the app cannot use; `str()` says which and what it takes."""


def day(name: str, value: str | None) -> str | None:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, or None."""
    if not value:
        return None
    if _PARTIAL_DATE.fullmatch(value):
        try:
            date.fromisoformat((value + "-01-01")[:10])
            return value
        except ValueError:
            pass
    raise BadParameter(f"{name}={value!r}: give a date as YYYY-MM-DD, YYYY-MM or YYYY")


def choice(name: str, value: str | None, allowed: tuple[str, ...], *,
           upper: bool = False) -> str | None:
    """`value` when it is one of `allowed` (case-folded to upper for PLOVER types), or None."""
    if not value:
        return None
    value = value.upper() if upper else value
    if value not in allowed:
        raise BadParameter(f"{name}={value!r}: choose one of {', '.join(allowed)}")
    return value


def plover(value: str | None) -> str | None:
    return choice("plover", value, PLOVER_TYPES, upper=True)


def status(value: str | None) -> str | None:
    return choice("status", value, STATUSES)


def lang(value: str | None) -> str | None:
    return choice("lang", value, ("fa", "ar"))


def by(value: str | None) -> str:
    return choice("by", value, ("month", "week")) or "month"


def level(value: str | None) -> str:
    return choice("level", value, LEVELS) or "country"


def period(value: str | None) -> str | None:
    """A dyad period key: «2016-08», «2016-W32» or a bare year."""
    if value and not _PERIOD.fullmatch(value):
        raise BadParameter(f"period={value!r}: give a month (2016-08) or a week (2016-W32)")
    return value or None


def text(name: str, value: str | None, *, required: bool = True) -> str | None:
    """A search string or actor name: stripped, not empty when required, not too long."""
    value = (value or "").strip()
    if not value:
        if required:
            raise BadParameter(f"{name}: give a name or words to look for")
        return None
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"{name}: at most {MAX_QUERY_CHARS} characters")
    if _CONTROL.search(value):  # NUL ends a string in SQLite's full-text query parser
        raise BadParameter(f"{name}: control characters (such as NUL) are not allowed")
    return value
