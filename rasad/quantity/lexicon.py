"""The quantity layer's word lists, loaded once per language from rasad/data/quantity/.

Everything a reader may want to extend is data: number words (numbers_fa.tsv,
numbers_ar.tsv), currencies (currencies.tsv), units and percent words (units.tsv), counted
nouns (counted.tsv) and the context words that turn a number into a date or an index
(context.tsv). Keys are `words_key` forms (normalized, ZWNJ dropped, one space between
words), so a lookup never depends on how the input spelled ي/ی, ك/ک, أ/ا or ة/ه.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from rasad.data import read_rows
from rasad.text.langid import identify
from rasad.text.normalize import ZWNJ, normalize_str, words_key

LANGS = ("fa", "ar")
# Arabic clitics that may stick to a number word or a numeral: وثلاثة، بخمسة، و28، بـ5.
AR_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "ال", "بال", "وال", "لل")


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    role: str  # num, mul100, scale, scalepl, dual, teen, teenunit, frac, fracden, vague, few


@dataclass(frozen=True, slots=True)
class Unit:
    kind: str  # money, percent, count, distance, mass, other
    unit: str | None
    factor: float = 1.0
    candidates: tuple[str, ...] = ()
    written: str = ""  # the unit's own name when the value is converted (toman)


@dataclass(slots=True)
class Lexicon:
    """One language's lists, with the regexes compiled from them."""

    lang: str
    numbers: dict[str, NumberWord] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    approx: dict[str, str] = field(default_factory=dict)
    range_open: set[str] = field(default_factory=set)
    range_from: set[str] = field(default_factory=set)
    negative: set[str] = field(default_factory=set)
    unit_words: int = 1  # the longest unit phrase, in words
    number_re: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    anchor_re: re.Pattern[str] = field(default=re.compile(r"\d"))
    follow_re: re.Pattern[str] = field(default=re.compile(r"(?!)"))  # no clitic, no look-behind

    def has_role(self, key: str, role: str) -> bool:
        return role in self.roles.get(key, ())


def _rows(name: str) -> list[list[str]]:
    return read_rows("quantity", name)


def _for(lang: str, row_lang: str) -> bool:
    return row_lang in ("*", lang)


def lexicon(lang: str | None) -> Lexicon:
    """The lists for `lang` ("fa" or "ar"; anything else is read as Persian), loaded once."""
    return _load(lang if lang in LANGS else "fa")


@cache
def _load(lang: str) -> Lexicon:
    lex = Lexicon(lang)
    for word, value, role in _rows(f"numbers_{lang}.tsv"):
        lex.numbers[number_key(normalize_str(word))] = NumberWord(float(value), role)
    for row_lang, phrase, code, factor, *note in _rows("currencies.tsv"):
        if _for(lang, row_lang):
            candidates = tuple(note[0].split()) if code == "-" and note else ()
            written = phrase if float(factor) != 1 else ""
            lex.units[words_key(phrase)] = Unit("money", None if code == "-" else code,
                                               float(factor), candidates, written)
    for row_lang, phrase, kind, unit in _rows("units.tsv"):
        if _for(lang, row_lang):
            lex.units[words_key(phrase)] = Unit(kind, unit)
    for row_lang, phrase, gloss in _rows("counted.tsv"):
        if _for(lang, row_lang):
            lex.units[words_key(phrase)] = Unit("count", gloss)
    for row_lang, phrase, role, *value in _rows("context.tsv"):
        if _for(lang, row_lang):
            lex.roles[words_key(phrase)].add(role)
            if role == "approx":
                lex.approx[words_key(phrase)] = value[0]
            elif role in ("range_open", "range_from", "negative"):
                getattr(lex, role).add(words_key(phrase))
    lex.unit_words = max(len(k.split()) for k in lex.units)
    lex.number_re, lex.follow_re = _number_patterns(lex)
    lex.anchor_re = re.compile(r"\d|" + lex.number_re.pattern)
    return lex


def _number_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Number words as a trie regex, whole words only (a letter or ZWNJ may not follow).

    The first pattern finds a number's first word (Arabic clitics allowed before it); the
    second reads the words that follow one, right after a space or an attached و.
    """
    raw = [w for w, *_ in _rows(f"numbers_{lex.lang}.tsv")]
    forms: set[str] = set()
    for word in raw:
        norm = normalize_str(word)
        forms.update({norm, norm.replace(ZWNJ, ""), norm.replace(ZWNJ, " ")})
    clitic = "(?:" + "|".join(sorted(AR_CLITICS, key=len, reverse=True)) + ")??" if lex.lang == "ar" else ""
    words = rf"(?P<word>{_trie(sorted(forms))})(?![^\W\d_]|{ZWNJ})"
    return re.compile(rf"(?<![^\W\d_]){clitic}{words}"), re.compile(words)


def _trie(words: list[str]) -> str:
    """A regex for a set of literals, shaped as a trie so it fails fast and prefers the longest."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(tree)


def _render(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def number_key(word: str) -> str:
    """A number word's key: ده‌ها, دهها and "ده ها" are one word (text already normalized)."""
    return word.replace(ZWNJ, "").replace(" ", "")


def guess_lang(text: str) -> str:
    """fa or ar for callers that pass no language: rasad's language id, Persian otherwise."""
    lang = identify(text, prior="fa")
    return lang if lang in LANGS else "fa"
