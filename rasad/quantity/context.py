"""The text around a numeral that says it is not a quantity: a date, a clock time, a name.

Dates belong to the time stage, so a bare numeral (digits only, no scale, no unit) is dropped
when the words around it make it a year or a day: after سال/عام/سنة/دهه, after a month name,
before a month name (a day: "9 أغسطس"), before an era marker (۱۴۰۲ ش، 2016م), or when it is a
four-digit number between 1000 and 2100 with nothing after it. It is also dropped after a
clock word (ساعت ۱۰), after words that name things by number (قطعنامه ۲۲۳۱، المادة 5، گردان 38),
and when its shape is a date, a time, a phone number, an ordinal or a model name (2022-01-15,
10:30, +98 21 8877 6655, ۲۰مین, F-16, G20, «۳+۳»).
"""

from __future__ import annotations

import re

from rasad.quantity.lexicon import AR_CLITICS, Lexicon
from rasad.quantity.units import words_at

CHAIN_RE = re.compile(r"\d+(?:[.,:/+\-]\d+)*")
PHONE_TAIL_RE = re.compile(r"(?:[ \-]\d{2,})*")
ORDINAL_RE = re.compile(r"[\u200c\-]?(?:امین|ام|مین)(?![^\W\d_])")
LATIN_RE = re.compile(r"[A-Za-z]")
SLASH_DECIMAL_RE = re.compile(r"\d+/\d+")
DATE_CUES = ("year_before", "clock_before", "id_before", "month")


def chain_skip(t: str, i: int, lex: Lexicon) -> int | None:
    """If the numeral at t[i] is part of a date, time, phone number or name, where to resume."""
    chain = CHAIN_RE.match(t, i)
    assert chain is not None  # t[i] is a digit
    end, text = chain.end(), chain.group()
    if _named(t, i) or (end < len(t) and LATIN_RE.match(t, end)) or ORDINAL_RE.match(t, end):
        return end
    if (i > 0 and t[i - 1] == "+") or (len(text) > 2 and text[0] == "0" and text[1].isdigit()):
        return PHONE_TAIL_RE.match(t, end).end()  # type: ignore[union-attr]
    if any(c in text for c in ":+") or text.count("-") > 1 or text.count("/") > 1:
        return end
    if "/" in text and not (lex.lang == "fa" and SLASH_DECIMAL_RE.fullmatch(text)):
        return end
    return None


def _named(t: str, i: int) -> bool:
    """Digits glued to letters (G20, MH17), after letter + hyphen (F-16, إف-16, سو-35) or
    after a lone Latin letter (E 55)."""
    if i == 0:
        return False
    before = t[i - 1]
    if before == "-":
        return i > 1 and t[i - 2].isalpha()
    if before == " " and i > 1 and t[i - 2].isascii() and t[i - 2].isalpha():
        return i < 3 or not t[i - 3].isalpha()  # a road or a model: "E 55", "A 380"
    if not before.isalpha():
        return False
    j = i - 1
    while j > 0 and t[j - 1].isalpha():
        j -= 1
    return t[j:i] not in AR_CLITICS


def prev_words(t: str, i: int, n: int = 4) -> list[tuple[str, int]]:
    """Up to n words right before position i, nearest last, as (key, start)."""
    out: list[tuple[str, int]] = []
    j = i
    while len(out) < n:
        k = j
        while k > 0 and t[k - 1] in " \u200c/":
            k -= 1
        start = k
        while start > 0 and (t[start - 1].isalpha() or t[start - 1] == "\u200c"):
            start -= 1
        if start == k:
            break
        out.append((t[start:k].replace("\u200c", "").casefold(), start))
        j = start
    out.reverse()
    return out


def phrase_before(words: list[tuple[str, int]], table: dict[str, str] | set[str]) -> tuple[str, int] | None:
    """The longest run of the last words that is in `table`: (phrase, start)."""
    for n in range(len(words), 0, -1):
        phrase = " ".join(w for w, _ in words[-n:])
        if phrase in table:
            return phrase, words[-n][1]
    return None


def date_before(words: list[tuple[str, int]], lex: Lexicon) -> bool:
    """سال ۲۰۲۳، عام 2014، ساعت ۱۰، قطعنامه ۲۲۳۱، ژانویه ۱۹۹۰: the number names a time or a thing."""
    if not words:
        return False
    keys = [words[-1][0], " ".join(w for w, _ in words[-2:])]
    if lex.lang == "ar" and keys[0].startswith("ال") and len(keys[0]) > 3:
        keys.append(keys[0][2:])  # الميج 19، القرار 2254
    return any(lex.has_role(key, role) for key in keys for role in DATE_CUES)


def date_after(t: str, end: int, lex: Lexicon, *, value: float) -> bool:
    """A month name (a day number), an era marker (a year) or a time of day right after."""
    keys = [w.key for w in words_at(t, end, 3)]
    if keys[:1] == ["من"] and lex.lang == "ar":
        keys = keys[1:]  # "2 من مايو"
    if not keys:
        return False
    if _month(keys, lex):
        return value <= 31 or 1000 <= value <= 2100
    if lex.has_role(keys[0], "clock_after"):
        return value <= 24
    return 100 <= value <= 2100 and (lex.has_role(keys[0], "year_after") or _era_dot(t, end, lex))


def _month(keys: list[str], lex: Lexicon) -> bool:
    first = keys[0].removesuffix("ماه") if lex.lang == "fa" else keys[0]  # مردادماه
    return lex.has_role(first, "month") or (len(keys) > 1 and lex.has_role(f"{keys[0]} {keys[1]}", "month"))


def _era_dot(t: str, end: int, lex: Lexicon) -> bool:
    """ه.ش، ه.ق، ق.م written with a dot after a year."""
    m = re.match(r"[ \u200c]*([^\W\d_]\.[^\W\d_])", t[end:end + 8])
    return bool(m and lex.has_role(m.group(1), "year_after"))


def year_like(raw: str, value: float) -> bool:
    """A bare four-digit numeral in 1000–2100 is a year far more often than a count."""
    return len(raw) == 4 and raw.isdigit() and 1000 <= value <= 2100


def leading_zero(raw: str) -> bool:
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()
