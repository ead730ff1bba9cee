"""Grammar matches → atoms, and the choice among overlapping atoms (leftmost, then longest).

Each rule of `rasad.time.grammar` has a builder (`build_dates`, `build_relative`) that turns
its matches into atoms. `find_atoms` runs the rules, only inside their windows when given
(`rasad.time.windows`), and `select` keeps the leftmost of overlapping atoms, then the
longest, then the one of the earlier rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rasad.time import build_dates as d
from rasad.time import build_relative as r
from rasad.time import observances as o
from rasad.time.atoms import Atom
from rasad.time.grammar import patterns

Builder = Callable[[re.Match[str], str | None, str], list[Atom]]

BUILDERS: dict[str, Builder] = {
    "date": d.build_date, "numdate": d.build_numdate, "year_cue": d.build_year_cue,
    "year_bare": d.build_year_bare,
    "year_range": d.build_year_range, "year_era": d.build_year_era, "since_year": d.build_since_year,
    "decade": d.build_decade,
    "decade_word": d.build_decade_word, "season": d.build_season, "weekday": r.build_weekday,
    "deictic": r.build_deictic, "unit_dir": r.build_unit_dir, "this_unit": r.build_this_unit,
    "count_post": r.build_count_post, "pre_count": r.build_pre_count, "def_dir": r.build_def_dir,
    "duration": r.build_duration, "clock": r.build_clock, "clock_word": r.build_clock_word,
    "part": r.build_part, "mod": r.build_mod, "observance": o.build,
}
_ORDER = {name: i for i, name in enumerate(BUILDERS)}


def find_atoms(text: str, lang: str | None, *,
               spans: dict[str, list[tuple[int, int]]] | None = None) -> list[Atom]:
    """All atoms of a normalized text, overlaps settled leftmost-then-longest.

    `spans` (rule → windows, see `rasad.time.windows`) limits where each rule looks.
    """
    found: list[Atom] = []
    whole = [(0, len(text))]
    for name, pattern in patterns(lang).items():
        build = BUILDERS[name]
        for lo, hi in whole if spans is None else spans.get(name, ()):
            for m in pattern.finditer(text, lo, hi):
                found.extend(build(m, lang, text))
    return select(found)


def select(atoms: list[Atom]) -> list[Atom]:
    """Keep non-overlapping atoms: the leftmost, and of those the longest."""
    chosen: list[Atom] = []
    last_end = -1
    for atom in sorted(atoms, key=lambda a: (a.start, -len(a), _ORDER.get(a.rule, 99))):
        if atom.start >= last_end and atom.end > atom.start:
            chosen.append(atom)
            last_end = atom.end
    return chosen
