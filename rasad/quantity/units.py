"""What follows a number: a currency, percent word, unit, duration or counted noun.

Lookups are on `words_key` forms, longest phrase first ("ليرة تركية" before "ليرة"). Word
forms that grammar makes are found by stripping, not listed: Persian adjectival and ezafe
-ی (درصدی، کیلومتری، روستای), -ای and plural -ها; Arabic accusative -ا (قتيلا، دولارا) and the
article ال after vague amounts and من (عشرات القتلى، مليارات من الدولارات).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.quantity.lexicon import Lexicon, Unit

ZWNJ = "\u200c"
SYMBOLS = "$€£₽₺%٪‰"
WORD_RE = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
GAP_RE = re.compile(r"[ \t\u200c]*")
SPACE_RE = re.compile(r"[ \t\u200c]+")
PERSON = Unit("count", "person")
SQUARE_RE = re.compile(r" ?[2²](?![\d.,])")


@dataclass(frozen=True, slots=True)
class Word:
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class UnitHit:
    unit: Unit
    start: int
    end: int
    key: str = ""  # the lexicon phrase that matched


def read_unit(t: str, i: int, lex: Lexicon) -> UnitHit | None:
    """The unit written right after position i (spaces allowed), or None."""
    pos = GAP_RE.match(t, i).end()  # type: ignore[union-attr]
    if pos < len(t) and t[pos] in SYMBOLS:
        unit = lex.units.get(t[pos])
        return UnitHit(unit, pos, pos + 1) if unit else None
    words = words_at(t, pos, lex.unit_words + 1)
    if not words:
        return None
    hit = _longest(words, lex)
    if hit is None and lex.lang == "ar" and words[0].key == "من" and len(words) > 1:
        hit = _longest(words[1:], lex)
    if hit and hit.unit.unit == "t" and [w.key for w in words_at(t, hit.end, 1)] == ["از"]:
        return UnitHit(PERSON, hit.start, hit.end)  # "ده تن از ..." counts people
    if hit and lex.has_role(hit.key, "classifier"):
        return _classified(t, hit, lex)
    if hit and hit.unit.kind == "distance" and (sq := SQUARE_RE.match(t, hit.end)):
        return UnitHit(Unit("other", f"{hit.unit.unit}2"), hit.start, sq.end(), hit.key)  # كم2، km²
    return hit


def _classified(t: str, hit: UnitHit, lex: Lexicon) -> UnitHit:
    """"80 فروند هواپیما" counts aircraft: the noun after a counter word says what is counted."""
    words = words_at(t, hit.end, lex.unit_words)
    noun = _longest(words, lex) if words else None
    if noun is not None and noun.unit.kind == "count":
        return UnitHit(noun.unit, hit.start, noun.end, noun.key)
    return hit


def symbol_before(t: str, i: int, lex: Lexicon) -> UnitHit | None:
    """A currency or percent sign written before a number: $5, €20, %50."""
    j = i
    while j > 0 and t[j - 1] in " \u200c":
        j -= 1
    if j > 0 and t[j - 1] in SYMBOLS and (unit := lex.units.get(t[j - 1])):
        start = j - 3 if t[max(0, j - 3):j] == "US$" else j - 1
        return UnitHit(unit, start, j)
    return None


def words_at(t: str, pos: int, n: int) -> list[Word]:
    """Up to n words from pos (after any spaces), separated by spaces only (punctuation stops)."""
    out: list[Word] = []
    pos = GAP_RE.match(t, pos).end()  # type: ignore[union-attr]
    while len(out) < n:
        m = WORD_RE.match(t, pos)
        if m is None:
            break
        out.append(Word(m.group().replace(ZWNJ, "").casefold(), m.start(), m.end()))
        gap = SPACE_RE.match(t, m.end())
        if gap is None:
            break
        pos = gap.end()
    return out


def _longest(words: list[Word], lex: Lexicon) -> UnitHit | None:
    for n in range(min(len(words), lex.unit_words), 0, -1):
        head = [w.key for w in words[:n - 1]]
        for first_keys in _first_variants(head, lex.lang):
            for last in _variants(words[n - 1].key, lex.lang, definite=n == 1):
                key = " ".join([*first_keys, last])
                unit = lex.units.get(key)
                if unit is not None:
                    return UnitHit(unit, words[0].start, words[n - 1].end, key)
    return None


def _first_variants(head: list[str], lang: str) -> list[list[str]]:
    if lang == "ar" and head and head[0].startswith("ال") and len(head[0]) > 3:
        return [head, [head[0][2:], *head[1:]]]
    return [head]


def _variants(key: str, lang: str, *, definite: bool) -> list[str]:
    """The word and the forms with grammatical suffixes (or the Arabic article) removed."""
    out = [key]
    if lang == "fa":
        for suffix in ("یی", "ای", "ی", "ه"):  # not plural ها: "نه تنها" is not nine tons
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                out.append(key[: -len(suffix)])
    else:
        bases = [key, key[2:]] if definite and key.startswith("ال") and len(key) > 3 else [key]
        for base in bases:
            out.append(base)
            if base.endswith("ا") and len(base) > 3:  # not كما → كم: short accusatives are listed
                out.append(base[:-1])
    return out
