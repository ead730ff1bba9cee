"""Join neighbouring atoms into whole time expressions.

The grammar finds pieces; news writes them in combinations: a part of the day with a day
(`شامگاه یکشنبه`, `مساء الثلاثاء`), a weekday with a date (`الثلاثاء 9 أغسطس/آب 2016`),
a clock time with a day (`ساعت 14:30 امروز`), a date with its other-calendar twin in
brackets (`۱۰ ژانویه ۲۰۲۲ (۲۰ دی)`), a month with a relative year (`اسفند سال گذشته`,
`يونيو من العام الماضي`), two ends of a range (`از سال 1908 تا سال 1928`), "since"
(`منذ 2014`, `از ... تاکنون`). Only spaces, a comma or a small glue word may sit between.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rasad.time.atoms import EMITTED, Atom
from rasad.time.grammar import context

Ctx = dict[str, re.Pattern[str]]


def combine(atoms: list[Atom], text: str, lang: str | None) -> list[Atom]:
    """Merge atoms that belong together and drop the qualifiers that stayed alone."""
    ctx = context(lang)
    atoms = _pairwise(atoms, text, ctx, _merge)
    atoms = _pairwise(atoms, text, ctx, _dual)
    atoms = _pairwise(atoms, text, ctx, _range)
    atoms = [_since(_from_word(a, text, ctx), text, ctx) for a in atoms]
    return [a for a in atoms if a.kind in EMITTED and not _bare_season(a)]


def _bare_season(atom: Atom) -> bool:
    return atom.kind == "season" and atom.f.get("y") is None and atom.f.get("yy") is None \
        and atom.f.get("rel_year") is None


def _pairwise(atoms: list[Atom], text: str, ctx: Ctx, rule) -> list[Atom]:  # type: ignore[no-untyped-def]
    atoms = list(atoms)
    i = 0
    while i < len(atoms) - 1:
        merged = rule(atoms[i], atoms[i + 1], text, ctx)
        if merged is None:
            i += 1
        else:
            atoms[i:i + 2] = [merged]
            i = max(i - 1, 0)
    return atoms


def _join(keep: Atom, other: Atom, **fields: object) -> Atom:
    """`keep` stretched over `other`, with extra facts."""
    return replace(keep, start=min(keep.start, other.start), end=max(keep.end, other.end),
                   f={**keep.f, **fields})


def _merge(a: Atom, b: Atom, text: str, ctx: Ctx) -> Atom | None:
    gap = text[a.end:b.start]
    space = ctx["space_glue"].fullmatch(gap) is not None
    glued = ctx["of_glue"].fullmatch(gap) is not None
    if a.kind == "part" and space and (b.is_day() or b.kind == "clock") and not b.f.get("part"):
        return _join(b, a, part=a.f["part"])
    if b.kind == "part" and space and a.is_day() and not a.f.get("part"):
        return _join(a, b, part=b.f["part"])
    if a.kind == "clock" and glued and b.is_day() and not b.f.get("clock"):
        return _join(b, a, clock=(a.f["h"], a.f["min"]), part=b.f.get("part") or a.f.get("part"))
    if b.kind == "clock" and space and a.is_day() and not a.f.get("clock"):
        return _join(a, b, clock=(b.f["h"], b.f["min"]), part=a.f.get("part") or b.f.get("part"))
    return _merge_days(a, b, space) or _merge_context(a, b, space, glued)


def _merge_days(a: Atom, b: Atom, space: bool) -> Atom | None:
    if not space:
        return None
    if a.kind == "weekday" and b.kind == "date" and b.is_day() and not a.f.get("dir"):
        return _join(b, a, wd=a.f["wd"], part=b.f.get("part") or a.f.get("part"))
    if a.kind == "deictic" and a.is_day() and b.kind == "weekday" and not b.f.get("dir"):
        return _join(a, b, wd=b.f["wd"])
    if a.kind == "weekday" and b.kind == "deictic" and b.is_day() and not a.f.get("dir"):
        return _join(b, a, wd=a.f["wd"], part=b.f.get("part") or a.f.get("part"))
    if a.kind == "deictic" and a.is_day() and a.f["offset"] == 0 and b.kind == "date" and b.is_day():
        # امروز 20 تیرماه: the date says which day
        carried = {k: a.f[k] for k in ("wd", "part", "clock") if a.f.get(k) and not b.f.get(k)}
        return _join(b, a, **carried)
    return None


def _merge_context(a: Atom, b: Atom, space: bool, glued: bool) -> Atom | None:
    if a.kind == "mod" and glued and b.kind in ("date", "year", "deictic", "rel", "season") \
            and not b.f.get("mod"):
        return _join(b, a, mod=a.f["mod"])
    no_year = a.f.get("y") is None and a.f.get("yy") is None and not a.f.get("reason")
    if a.kind in ("date", "season") and no_year and glued and b.kind == "deictic" \
            and b.f.get("unit") == "year" and not b.f.get("mod") and "rel_year" not in a.f:
        return _join(a, b, rel_year=b.f["offset"])
    return None


def _dual(a: Atom, b: Atom, text: str, ctx: Ctx) -> Atom | None:
    """`۱۰ ژانویه ۲۰۲۲ (۲۰ دی)`, `۲۸ مرداد ۱۴۰۳ برابر با ۱۸ اوت ۲۰۲۴`: one time, the twin
    kept for the agreement check."""
    if a.kind not in ("date", "year") or b.kind not in ("date", "year") or a.f.get("dual"):
        return None
    if ctx["equals"].fullmatch(text[a.end:b.start]):
        return replace(a, end=b.end, f={**a.f, "dual": b})
    if not ctx["open_bracket"].fullmatch(text[a.end:b.start]):
        return None
    close = ctx["close_bracket"].match(text, b.end)
    if close is None:
        return None
    return replace(a, end=close.end(), f={**a.f, "dual": b})


def _range(a: Atom, b: Atom, text: str, ctx: Ctx) -> Atom | None:
    if a.kind not in ("date", "year") or b.kind != a.kind or a.f.get("y2") or b.f.get("y2"):
        return None
    glue = ctx["range_glue"].fullmatch(text[a.end:b.start])
    if glue is None:
        return None
    between = ctx["between_before"].search(text, max(0, a.start - 12), a.start)
    if glue["and"] and between is None:
        return None  # عامي 2017 و2019 is a list, not a range
    before = between or ctx["from_before"].search(text, max(0, a.start - 12), a.start)
    start = before.start("w") if before else a.start
    if a.kind == "year" and _year_of(b) < _year_of(a):
        a, b = b, a  # سال 1347 - 1340 ش: right-to-left order, never an inverted period
    return Atom("interval", start, b.end, {"a": _borrow_year(a, b), "b": b}, "range")


def _year_of(atom: Atom) -> int:
    y = atom.f.get("y")
    return y if y is not None else atom.f.get("yy") or 0


def _from_word(atom: Atom, text: str, ctx: Ctx) -> Atom:
    """از سال 1908 تا سال 1928: a range of years read in one piece takes its "from" word."""
    if atom.kind != "year" or not (atom.f.get("y2") or atom.f.get("yy2")) or atom.f.get("decade"):
        return atom
    before = ctx["from_before"].search(text, max(0, atom.start - 12), atom.start) \
        or ctx["between_before"].search(text, max(0, atom.start - 12), atom.start)
    return replace(atom, start=before.start("w")) if before else atom


def _borrow_year(a: Atom, b: Atom) -> Atom:
    """از فوریه تا آوریل ۲۰۲۲: the first end takes the year of the second."""
    if a.kind != "date" or a.f.get("y") is not None or a.f.get("yy") is not None \
            or b.f.get("y") is None or a.f.get("cal") != b.f.get("cal"):
        return a
    year = b.f["y"] if a.f["m"] <= b.f["m"] else b.f["y"] - 1
    return replace(a, f={**a.f, "y": year})


def _since(atom: Atom, text: str, ctx: Ctx) -> Atom:
    """منذ 2014 / از ... تاکنون → an interval from that time to the publication date."""
    if atom.kind not in ("date", "year", "weekday", "deictic", "season"):
        return atom
    before = ctx["since_before"].search(text, max(0, atom.start - 10), atom.start)
    if before is None:
        return atom
    after = ctx["since_after"].match(text, atom.end)
    if before["w"] == "از" and after is None:
        return atom  # از alone is "from", not "since"
    end = after.end() if after else atom.end
    return Atom("since", before.start("w"), end, {"a": atom}, "since")
