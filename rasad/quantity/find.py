"""Finding quantities in a text: numbers with their units, as `Quantity` records.

The scan runs on the normalized copy (ASCII digits, one spelling per letter) and jumps from
one anchor to the next: a digit or a number word, found by one compiled regex, so text
without numbers costs one regex pass. At each anchor it reads a *group*: one or more numbers
joined by a connector, each with the unit written after it.

  * A range (X تا Y، X-Y، X الی Y، بين X و Y) gives one quantity: value = the smaller end,
    extra.value_max = the larger; an end without a unit or scale takes the other end's.
  * A coordination (X و Y، X یا Y) gives one quantity per number; a number without a unit or
    scale takes the next one's: "27 و28 مليار دولار" is 2.7e10 USD and 2.8e10 USD.
  * A number with no unit is kind "other"; a single number word (یک، دو، نه، واحد) or a bare
    scale word (هزار) is kept only with a unit, since alone it is mostly an article or an idiom
    (یک سیستم، دو کشور، نه تنها). A vague amount (عشرات، هزاران) has value null with
    extra.reason "vague amount" and extra.magnitude.
  * Dates, clock times, names and identifiers are left out (see `context`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasad.document import Document, Quantity
from rasad.quantity import context
from rasad.quantity.lexicon import LANGS, Lexicon, Unit, guess_lang, lexicon
from rasad.quantity.numbers import Expr, Marks, original_marks, read_expr
from rasad.quantity.units import UnitHit, read_unit, symbol_before
from rasad.text.normalize import NormalizedText, normalize

CONNECT_RE = re.compile(r"[ \t\u200c]*(?P<c>-|–|—|تا|الی|حتی|و|یا|او|،)(?![^\W\d_])[ \t\u200c]*")
RANGE_CONNECTORS = frozenset({"-", "–", "—", "تا", "الی", "حتی"})
HALF_RE = re.compile(r"[ \t\u200c]+و[ \t\u200c]*(?:نیم|نصف)(?![^\W\d_])")
CENTS_RE = re.compile(r"[ \t\u200c]+و[ \t\u200c]*(?P<n>\d{1,2})[ \t\u200c]*(?:سنت|سنتا|سنتات)(?![^\W\d_])")
MAX_GROUP = 6
COUNTABLE = ("count", "money")


@dataclass(slots=True)
class Item:
    """One number of a group, with the unit written after it or lent by a neighbour."""

    expr: Expr
    unit: UnitHit | None
    end: int
    scale: float = 1.0  # a scale lent by the next number ("27" in "27 و28 مليار")
    lent: bool = False
    sign_start: int | None = None  # where a sign written before the number starts ($5, %50)
    negative: bool = False  # "تا -0.1 درصد"
    link: str = ""  # the connector before this number in its group
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def bare(self) -> bool:
        return bool(self.expr.digits_only) and self.unit is None and self.scale == 1


def find_quantities(text: str, *, lang: str | None = None) -> list[Quantity]:
    """The quantities in `text`, with offsets into `text` itself."""
    if not isinstance(text, str):
        raise TypeError(f"find_quantities needs str, not {type(text).__name__}")
    return _find(normalize(text), lang=lang)


DURATION_UNITS = frozenset({"century", "decade", "year", "month", "week", "day", "hour", "minute", "second"})


def annotate(doc: Document) -> Document:
    """Pipeline stage: add the document's quantities to `doc.quantities`.

    A duration the time stage already holds (۵۰ دقیقه, سه سال و نیم) stays a time only: one
    expression, one record.
    """
    durations = [(t.start, t.end) for t in doc.times if t.granularity == "duration"]
    found = doc.per_language(lambda lang: _find(doc.normalized, lang=lang), lambda q: q.start)
    for quantity in found:
        if quantity.unit in DURATION_UNITS and any(
                start < quantity.end and quantity.start < end for start, end in durations):
            continue
        doc.add(quantity)
    return doc


def _find(nt: NormalizedText, *, lang: str | None) -> list[Quantity]:
    t = nt.text
    lex = lexicon(lang if lang in LANGS else guess_lang(nt.original))
    marks = original_marks(t, nt.original, nt.start_to_original)
    out: list[Quantity] = []
    pos = 0
    while (m := lex.anchor_re.search(t, pos)) is not None:
        items, connectors, end = _read_group(t, m.start(), lex, marks)
        pos = max(end, m.end())
        for start, stop, value, unit, extra in _emit(t, items, connectors, lex):
            pos = max(pos, stop)  # "و نیم", "و 22 سنت" extend a quantity past its group
            o_start, o_end = nt.to_original(start, stop)
            kind, code = (unit.kind, unit.unit) if unit else ("other", None)
            out.append(Quantity(start=o_start, end=o_end, value=value, kind=kind, unit=code, extra=extra))
    return out


def _read_group(t: str, i: int, lex: Lexicon, marks: Marks) -> tuple[list[Item], list[str], int]:
    """Numbers joined by connectors, starting at anchor i; returns where the scan resumes."""
    items: list[Item] = []
    connectors: list[str] = []
    pos = i
    minus = i > 0 and t[i - 1] == "-" and t[i].isdigit() and (i < 2 or t[i - 2] in " (\n\t")
    while len(items) < MAX_GROUP:
        if t[pos].isdigit() and (skip := context.chain_skip(t, pos, lex)) is not None:
            if not items:
                return [], [], skip
            connectors.pop()
            break
        expr = read_expr(t, pos, lex, marks, anchor=not items)
        if expr is None:
            if items:
                connectors.pop()
            break
        unit = read_unit(t, expr.end, lex)
        link = connectors[-1] if items else ""
        items.append(Item(expr, unit, unit.end if unit else expr.end, negative=minus, link=link))
        if minus:
            items[-1].sign_start = expr.start - 1
        if unit is None and (sign := symbol_before(t, expr.start, lex)):
            items[-1].unit, items[-1].sign_start = sign, sign.start
        c = CONNECT_RE.match(t, items[-1].end)
        if c is None or "\n" in c.group() or (unit and CENTS_RE.match(t, items[-1].end)):
            break
        pos = c.end()
        minus = c.group("c") in RANGE_CONNECTORS and t.startswith("-", pos) and t[pos + 1:pos + 2].isdigit()
        if not _starts_number(t, pos + minus, lex):
            break
        connectors.append(c.group("c"))
        pos += minus
    return items, connectors, items[-1].end if items else i + 1


def _starts_number(t: str, i: int, lex: Lexicon) -> bool:
    return i < len(t) and (t[i].isdigit() or lex.follow_re.match(t, i) is not None)


def _emit(t: str, items: list[Item], connectors: list[str], lex: Lexicon) -> list[tuple]:
    """(start, end, value, unit, extra) for each quantity the group makes."""
    if not items:
        return []
    before = context.prev_words(t, items[0].expr.start)
    is_range = any(c in RANGE_CONNECTORS for c in connectors)
    opener = _opener(before, connectors, lex, is_range=is_range)
    is_range = is_range or opener is not None
    if items[0].bare and context.date_before(before, lex):
        items = [it for it in items if not it.bare]  # سال ۹۴ و ۹۵، عامي 2017 و2019
    if not items:
        return []
    _lend(items, both_ways=is_range, lists="و" in connectors or "یا" in connectors)
    if lex.lang == "ar" and len(items) == 1:
        _noun_before(items[0], before, lex)
    items = [it for it in _drop_dates(t, items, lex) if _keep(t, it)]
    if not items:
        return []
    if before and before[-1][0] in lex.negative:
        items[0].negative, items[0].sign_start = True, before[-1][1]
    if approx := context.phrase_before(before, lex.approx):
        items[0].extra["approx"] = lex.approx[approx[0]]
    if is_range and len(items) > 1:
        start = opener[1] if opener else items[0].expr.start
        return [_range(items, items[0].sign_start if items[0].sign_start is not None and not opener else start)]
    return [_single(t, item) for item in items]


def _opener(before: list[tuple[str, int]], connectors: list[str], lex: Lexicon, *,
            is_range: bool) -> tuple[str, int] | None:
    """"بين" before "X و Y" makes a range; "بین"/"از"/"من" before "X تا Y" belong to its span."""
    if connectors == ["و"]:
        return context.phrase_before(before, lex.range_open)
    if is_range and len(connectors) == 1:
        return context.phrase_before(before, lex.range_open | lex.range_from)
    return None


def _noun_before(item: Item, before: list[tuple[str, int]], lex: Lexicon) -> None:
    """Arabic puts واحد after its noun: "خلال عام واحد" is one year."""
    if item.unit is not None or not item.expr.weak or item.expr.value != 1 or not before:
        return
    key, start = before[-1]
    unit = lex.units.get(key) or (lex.units.get(key[2:]) if key.startswith("ال") else None)
    if unit is not None and unit.kind in ("count", "other"):
        item.unit, item.sign_start = UnitHit(unit, start, item.expr.start), start


def _lend(items: list[Item], *, both_ways: bool, lists: bool) -> None:
    """A number without unit or scale takes the next one's (and, in a range, the previous one's).

    Across "،" only inside a list that ends in و/یا ("59، 107 و 142 میلیارد ریال"), and only
    to a small numeral: "در 1394، 500 نفر" and "2، 5 میلیون" lend nothing.
    """
    for a, b in zip(reversed(items[:-1]), reversed(items[1:]), strict=True):
        _lend_pair(a, b, link=b.link, lists=lists)
    if both_ways:
        for a, b in zip(items[:-1], items[1:], strict=True):
            _lend_pair(b, a, link=b.link, lists=lists)


def _lend_pair(to: Item, source: Item, *, link: str, lists: bool) -> None:
    if to.unit is not None and not to.lent:
        return  # "1.500 جندي و 3 مليارات دولار": a number with its own unit keeps it
    if link == "،" and not (lists and to.expr.digits_only and (to.expr.value or 0) < 1000):
        return
    if to.unit is None and source.unit is not None:
        to.unit, to.lent = source.unit, True
    lent_scale = source.expr.tail_scale * source.scale if source.expr.scaled else source.scale
    if not to.expr.scaled and lent_scale > 1:
        to.scale, to.lent = lent_scale, True


def _drop_dates(t: str, items: list[Item], lex: Lexicon) -> list[Item]:
    """A month or era marker after the last number makes the group's bare numbers dates."""
    last = items[-1].expr
    if items[-1].bare and last.value is not None and context.date_after(t, last.end, lex, value=last.value):
        return [it for it in items if not it.bare]
    return items


def _keep(t: str, item: Item) -> bool:
    expr = item.expr
    if item.unit is None and (expr.weak or ("/" in t[expr.start:expr.end] and not expr.scaled)):
        return False
    if not item.bare:
        return True
    raw = expr.digits_only
    value = expr.value if expr.value is not None else -1.0
    return not (context.leading_zero(raw) or context.year_like(raw, value)
                or (len(raw) >= 8 and raw.isdigit()))


def _value(item: Item) -> tuple[float | None, dict[str, Any]]:
    expr, extra = item.expr, dict(item.extra)
    value = expr.value
    unit = item.unit.unit if item.unit else None
    if expr.alt is not None and item.scale == 1:
        countable = unit is not None and unit.kind in COUNTABLE
        value = expr.alt if countable else value
        extra["separator"] = "thousands (guessed)" if countable else "decimal (guessed)"
    if value is None:
        extra["reason"] = expr.reason or "unreadable number"
        if expr.magnitude is not None:
            extra["magnitude"] = expr.magnitude * item.scale
        return None, extra
    value *= -item.scale if item.negative else item.scale
    if unit is not None and unit.factor != 1:
        extra.update(value_written=value, unit_written=unit.written)
        value *= unit.factor
    if unit is not None and unit.candidates:
        extra["currency_candidates"] = list(unit.candidates)
    return value, extra


def _single(t: str, item: Item) -> tuple:
    start, end = item.expr.start, (item.expr.end if item.lent else item.end)
    if item.sign_start is not None:
        start = item.sign_start
    value, extra = _value(item)
    unit: Unit | None = item.unit.unit if item.unit else None
    cents = CENTS_RE.match(t, end) if unit is not None and unit.kind == "money" and not item.lent else None
    if cents and value is not None and unit is not None:
        value, end = value + int(cents.group("n")) / 100 * unit.factor, cents.end()
    half = HALF_RE.match(t, end) if unit is not None and not item.lent else None
    if half and value is not None and unit is not None and not item.expr.scaled:
        value, end = value + 0.5 * unit.factor, half.end()
    if item.lent:
        extra["shared"] = True  # scale or unit read from the neighbouring number
    return start, end, value, unit, extra


def _range(items: list[Item], start: int) -> tuple:
    values = [_value(it) for it in items]
    extra: dict[str, Any] = dict(items[0].extra)
    unit = next((it.unit.unit for it in items if it.unit), None)
    numbers = [v for v, _ in values if v is not None]
    for _, ex in values:  # the ends' notes (separator, candidates, unit_written), not their own values
        extra.update({k: v for k, v in ex.items() if k not in ("approx", "value_written", "magnitude")})
    if len(numbers) < len(values):
        return start, items[-1].end, None, unit, {**extra, "reason": extra.get("reason", "range end unreadable")}
    extra["value_max"] = max(numbers)
    extra.pop("reason", None)
    return start, items[-1].end, min(numbers), unit, extra
