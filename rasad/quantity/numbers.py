"""Reading one number: a numeral with separators, or number words joined by و.

Separators. The original text decides when it can: ٫ is always the decimal sign and ٬ always
groups thousands, even though normalization turned them into '.' and ','. Otherwise:
  * both '.' and ',' (1.234,5 or 1,234.5): the last one is the decimal sign;
  * ',' followed by exactly three digits groups thousands (1,500 and 1,500,000); other digit
    counts make it a decimal comma (2,5);
  * several '.' groups of three are thousands (1.500.000);
  * one '.' followed by three digits is the hard case: "86.262 مليار" is 86.262 billion, but
    "1.500 جندي" is 1,500 soldiers. Before a scale word it is a decimal; otherwise both readings
    are kept (`Digits.alt`) and the finder picks thousands for counts and money, decimal for the
    rest, and says it guessed.

Words. Chunks of words without و (ثلاثة عشر، سه هزار، ثلاث مائة) are joined by و when the
join is arithmetic: a later term must be smaller than the place of the one before (دویست و سی
و پنج = 235; Arabic may put units before tens: خمسة وعشرون = 25), and after a scale word the
rest must be smaller than that scale (سه هزار و پانصد = 3500, ۱۶۴ هزار و ۹۱۲ = 164912), unless
a larger scale ends the rest, which then multiplies everything before it (هشت هزار و 900
میلیارد = 8.9e12, as Iranian budget figures are written). After a million or more, a bare rest
below 1000 stands for the next scale down, as prices are said: یک میلیون و پانصد تومان is
1,500,000 tomans, not 1,000,500 (164 هزار و 912 stays 164,912). When it
is not ("27 و28 مليار", "200 و 300 هزار") the number stops before و and the finder reads a
coordination of two numbers that share the scale and the unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rasad.quantity.lexicon import Lexicon, NumberWord, guess_lang, lexicon, number_key
from rasad.quantity.units import read_unit
from rasad.text.normalize import normalize

DIGITS_RE = re.compile(r"\d+/\d+(?![.,/]?\d)|\d+(?:[.,]\d+)*")
# "32 , 390 ریال": a tokenizer split the thousands separator off; read only before a unit.
SPACED_RE = re.compile(r"\d{1,3}(?: , \d{3})+(?![\d.,])")
AND_RE = re.compile(r"[ \u200c]+و[ \u200c]*")
GAP_RE = re.compile(r"[ \u200c]*")
SEPARATORS = ".,"
Marks = Callable[[int, int], str]  # the original separator characters of t[i:j]


@dataclass(slots=True)
class Digits:
    value: float | None
    alt: float | None = None  # the thousands reading of an ambiguous "1.500"
    reason: str | None = None


def parse_digits(run: str, *, marks: str = "") -> Digits:
    """Read ASCII digits with '.' and ','; `marks` are the separators as first written (٫ ٬)."""
    if "/" in run:  # Persian ۲/۵: the finder lets a slash through only before a unit
        return _finite(float(run.replace("/", ".")))
    groups = re.split(r"[.,]", run)
    seps = [c for c in run if c in SEPARATORS]
    if not seps:
        return _finite(float(run))
    marks = marks if len(marks) == len(seps) else "".join(seps)
    if "٫" in marks or "٬" in marks:
        decimal = [i for i, m in enumerate(marks) if m == "٫"]
        if len(decimal) > 1:
            return Digits(None, reason="two decimal signs")
        return _read(groups, decimal[0] + 1 if decimal else len(groups))
    if len(set(seps)) == 2:
        last = seps[-1]
        if seps.count(last) > 1:
            return Digits(None, reason="mixed separators")
        return _read(groups, len(groups) - 1)
    if len(seps) > 1:
        got = _read(groups, len(groups))
        return got if got.value is not None else Digits(None, reason="ambiguous separators")
    if len(groups[1]) != 3 or groups[0].startswith("0"):
        return _read(groups, 1)
    if seps[0] == ",":
        return _read(groups, 2)
    decimal, thousands = _read(groups, 1), _read(groups, 2)
    return Digits(decimal.value, alt=thousands.value)


def _read(groups: list[str], int_groups: int) -> Digits:
    """Groups before `int_groups` form the integer part (thousands-grouped), the rest the fraction."""
    head, tail = groups[:int_groups], groups[int_groups:]
    if len(tail) > 1 or (len(head) > 1 and not _grouped(head)):
        return Digits(None, reason="digits not in groups of three")
    return _finite(float("".join(head) + ("." + tail[0] if tail else "")))


def _grouped(head: list[str]) -> bool:
    return 1 <= len(head[0]) <= 3 and not (head[0].startswith("0")) and all(len(g) == 3 for g in head[1:])


def _finite(value: float) -> Digits:
    return Digits(value) if math.isfinite(value) else Digits(None, reason="number too large")


@dataclass(slots=True)
class Chunk:
    """Number atoms without و between them: a numeral or words, then scale words."""

    start: int
    end: int
    small: float  # the value before scale words
    role: str  # the lead's role: digits, num, scale, vague, frac, ...
    scale: float = 1.0
    words: int = 0
    digits: Digits | None = None
    terms: list[int] = field(default_factory=list)  # additive terms, for place checks
    raw: str = ""  # the numeral as normalized, when the lead is one


@dataclass(slots=True)
class Expr:
    """One number as read: where it is, its value and how confident the reading is."""

    start: int
    end: int
    value: float | None
    alt: float | None = None
    reason: str | None = None
    scaled: bool = False
    weak: bool = False  # one word or a bare scale: a number only if a unit follows
    digits_only: str = ""  # the numeral, when the number is one numeral without scale
    magnitude: float | None = None  # for vague amounts (عشرات، هزاران)
    tail_scale: float = 1.0  # the scale of the last chunk: "28 مليار" lends it to "27 و"


def read_expr(t: str, i: int, lex: Lexicon, marks: Marks, *, anchor: bool = True) -> Expr | None:
    """The longest number starting at t[i] (a digit or a number word), or None.

    `anchor` is False right after a connector such as an attached و (و28، وعشرون).
    """
    first = read_chunk(t, i, lex, marks, anchor=anchor)
    if first is None:
        return None
    comp = Composer(first)
    end = first.end
    while not comp.vague and (m := AND_RE.match(t, end)) and "\n" not in m.group():
        nxt = read_chunk(t, m.end(), lex, marks, anchor=False)
        if nxt is None or not comp.add(nxt):
            break
        end = nxt.end
    return comp.expr(first.start, end)


def read_chunk(t: str, i: int, lex: Lexicon, marks: Marks, *, anchor: bool) -> Chunk | None:
    if i < len(t) and t[i].isdigit():
        m = SPACED_RE.match(t, i)
        if m is None or read_unit(t, m.end(), lex) is None:
            m = DIGITS_RE.match(t, i)
        assert m is not None  # t[i] is a digit
        raw = m.group().replace(" ", "")
        digits = parse_digits(raw, marks="," * raw.count(",") if " " in m.group() else marks(i, m.end()))
        chunk = Chunk(i, m.end(), digits.value or 0.0, "digits", digits=digits, raw=raw)
    else:
        chunk = _word_lead(t, i, lex, anchor=anchor)
        if chunk is None:
            return None
    _read_scales(t, chunk, lex)
    if chunk.role in ("teenunit", "fracden") or (chunk.role == "few" and chunk.scale == 1):
        return None
    return chunk


def _word_lead(t: str, i: int, lex: Lexicon, *, anchor: bool) -> Chunk | None:
    m = (lex.number_re if anchor else lex.follow_re).match(t, i)
    if m is None:
        return None
    word = lex.numbers[number_key(m.group("word"))]
    chunk = Chunk(m.start("word"), m.end(), word.value, word.role, words=1)
    if word.role in ("scale", "scalepl", "dual"):
        chunk.small, chunk.scale = (2.0, word.value / 2) if word.role == "dual" else (1.0, word.value)
    if word.role in ("num", "teenunit") and word.value < 10:
        _read_unit_follower(t, chunk, lex)
    if chunk.role in ("num", "mul100", "teen"):
        chunk.terms = [int(chunk.small)]
    return chunk


def _next_word(t: str, pos: int, lex: Lexicon) -> tuple[NumberWord, int] | None:
    m = lex.follow_re.match(t, GAP_RE.match(t, pos).end())  # type: ignore[union-attr]
    return (lex.numbers[number_key(m.group("word"))], m.end()) if m else None


def _read_unit_follower(t: str, chunk: Chunk, lex: Lexicon) -> None:
    """ثلاثة عشر (13), ثلاث مائة / یک صد (×100), سه دهم (0.3) after a unit word."""
    nxt = _next_word(t, chunk.end, lex)
    if nxt is None:
        return
    word, end = nxt
    if word.role == "teen":
        chunk.small, chunk.role = chunk.small + 10, "num"
    elif word.role == "mul100" and chunk.role == "num":
        chunk.small *= 100
    elif word.role == "fracden" and chunk.role == "num":
        chunk.small, chunk.role = chunk.small * word.value, "frac"
    else:
        return
    chunk.end, chunk.words = end, chunk.words + 1


def _read_scales(t: str, chunk: Chunk, lex: Lexicon) -> None:
    """Scale words after the lead multiply it: ۲۴ ألف، سه هزار، هزار میلیارد، مئات الملايين."""
    while (nxt := _next_word(t, chunk.end, lex)) and nxt[0].role in ("scale", "scalepl"):
        if chunk.role in ("scale", "scalepl") and nxt[0].value <= chunk.scale:
            break  # "هزار هزار" is not a number we read
        chunk.scale *= nxt[0].value
        chunk.end, chunk.words = nxt[1], chunk.words + 1


class Composer:
    """Joins chunks separated by و when the arithmetic allows it (see the module doc)."""

    def __init__(self, first: Chunk) -> None:
        self.chunks = [first]
        self.vague = first.role in ("vague", "few", "scalepl")
        self.total = 0.0
        self.limit = math.inf  # the last scale added to total: what follows must be smaller
        self.pending: float | None = None  # a value not yet scaled
        self.terms: list[int] = []
        self._start(first)

    def _start(self, chunk: Chunk) -> None:
        if chunk.scale > 1:
            self.total += chunk.small * chunk.scale
            self.limit, self.pending, self.terms = chunk.scale, None, []
        else:
            self.pending, self.terms = chunk.small, list(chunk.terms)

    def add(self, chunk: Chunk) -> bool:
        if chunk.role in ("vague", "few", "scalepl") or chunk.digits and chunk.digits.value is None:
            return False
        if chunk.role == "frac" and chunk.scale == 1:
            ok = self._add_fraction(chunk.small)
        elif self.pending is not None:
            ok = self._add_to_pending(chunk)
        elif chunk.scale > self.limit and chunk.small < self.limit:
            # "هشت هزار و 900 میلیارد": the larger scale multiplies all before it (8900e9)
            self.total, self.limit, ok = (self.total + chunk.small) * chunk.scale, chunk.scale, True
        else:
            ok = (chunk.scale if chunk.scale > 1 else chunk.small) < self.limit
            if ok:
                self._start(chunk)
        if ok:
            self.chunks.append(chunk)
        return ok

    def _add_fraction(self, frac: float) -> bool:
        if self.pending is not None:
            self.pending += frac
        else:
            self.total += frac * self.limit
        return True

    def _add_to_pending(self, chunk: Chunk) -> bool:
        if chunk.role == "digits" or self.chunks[-1].role == "digits":
            return False  # "27 و28": two numerals are two numbers
        if chunk.role != "frac" and (not chunk.terms or not _place_ok(self.terms, chunk.terms[0])):
            return False
        if chunk.scale > 1 and chunk.scale >= self.limit:
            return False
        assert self.pending is not None
        self.pending += chunk.small
        self.terms.extend(chunk.terms)
        if chunk.scale > 1:
            self.total += self.pending * chunk.scale
            self.limit, self.pending, self.terms = chunk.scale, None, []
        return True

    def _elided_scale(self) -> float:
        """"یک میلیون و پانصد" is 1.5 million: after a million, a bare rest below 1000 counts thousands."""
        if self.pending is None or not 1e6 <= self.limit < math.inf or len(self.chunks) < 2:
            return 1.0
        return self.limit / 1000 if self.pending < 1000 and self.chunks[-1].scale == 1 else 1.0

    def expr(self, start: int, end: int) -> Expr:
        first = self.chunks[0]
        value = self.total + (self.pending or 0.0) * self._elided_scale()
        one = len(self.chunks) == 1
        scaled = any(c.scale > 1 for c in self.chunks)
        out = Expr(start, end, value, scaled=scaled, tail_scale=self.chunks[-1].scale)
        if one and first.digits is not None:
            out.value, out.reason = (None, first.digits.reason) if first.digits.value is None else (value, None)
            out.alt = first.digits.alt * first.scale if first.digits.alt is not None and not scaled else None
            out.digits_only = "" if scaled else first.raw
        if self.vague:
            out.value, out.reason, out.magnitude = None, "vague amount", first.small * first.scale
        out.weak = self.vague or (one and first.role not in ("digits",) and
                                  (first.words == 1 or first.role == "scale"))
        if out.value is not None and not math.isfinite(out.value):
            out.value, out.reason = None, "number too large"
        return out


def _place(n: int) -> int:
    place = 1
    while n and n % (place * 10) == 0:
        place *= 10
    return place


def _place_ok(terms: list[int], n: int) -> bool:
    """May term n follow `terms` in one number? (200 then 30: yes; 27 then 28: no.)"""
    if not terms:
        return True
    last = terms[-1]
    if n < _place(last):
        return True
    # Arabic: units before tens (خمسة وعشرون), after a larger term or alone (مائة وخمسة وعشرون)
    before = _place(terms[-2]) if len(terms) > 1 else math.inf
    return 1 <= last <= 9 and n % 10 == 0 and 20 <= n <= 90 and n < before


def parse_number(s: str) -> float | None:
    """The value of a number written alone: "۴٫۳۵۸" → 4.358, "سه هزار و پانصد" → 3500.

    None when `s` is not exactly one number, or when its value is unknown (عشرات).
    """
    if not isinstance(s, str):
        return None
    nt = normalize(s)
    t = nt.text.strip()
    offset = nt.text.index(t) if t else 0
    if not t:
        return None
    marks = original_marks(nt.text, nt.original, nt.start_to_original)
    first = guess_lang(s)
    for lang in (first, "ar" if first == "fa" else "fa"):  # a few words may not tell the language
        expr = read_expr(nt.text, offset, lexicon(lang), marks)
        if expr is not None and expr.end == offset + len(t):
            return expr.value
    return None


def original_marks(t: str, original: str, to_original: Callable[[int], int]) -> Marks:
    """A `Marks` function: the separators of t[i:j] as the original text wrote them."""
    def marks(i: int, j: int) -> str:
        return "".join(original[to_original(k)] for k in range(i, j) if t[k] in SEPARATORS)
    return marks
