"""Offset-preserving normalization of Persian and Arabic text.

Matching needs one spelling for many: ي/ی/ى, ك/ک, أ/إ/آ/ا, digits of three scripts,
text with and without diacritics, tatweel, ZWNJ or bidi marks. Spans, though, must point
into the text as the user gave it. So normalization never edits the document: it builds a
copy (`NormalizedText.text`) and a map from every position of the copy back to the
original, and any span found on the copy is mapped back with `to_original`.

The character table is data (`rasad/data/text/charmap.tsv`), not code. Most characters map
one-to-one; the few that are dropped (diacritics, tatweel, bidi controls, ZWJ) or expand
(presentation-form ligatures such as ﻻ → لا) are the only places where the offset map
bends, so the map is stored as breakpoints and stays small.

Two levels:
  * `normalize(text)` keeps ZWNJ (U+200C) as a word-internal joiner, so tokenization still
    sees `بین‌المللی` as one word.
  * `match_key(text)` additionally drops ZWNJ and spaces, so `بین‌المللی`, `بینالمللی` and
    `بین المللی` all give the same key; gazetteers and lexicons compare keys.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rasad.data import read_rows

ZWNJ = "\u200c"


@cache
def _table() -> dict[int, str | None]:
    """The translate table: charmap.tsv plus presentation forms folded by NFKC."""
    table: dict[int, str | None] = {}
    # Arabic presentation forms (FB50–FDFF, FE70–FEFF) fold to their base letters.
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp) and not folded.isspace():
            table[cp] = folded
    for row in read_rows("text", "charmap.tsv"):
        source, target = (row + [""])[:2]
        for cp in _codepoints(source):
            table[cp] = "".join(chr(c) for c in _codepoints(target)) or None
    # One more pass so that chains resolve: ﻱ (presentation) → ي → ی.
    return {cp: ("".join(_apply(table, ch) for ch in v) or None) if v else None
            for cp, v in table.items()}


def _apply(table: dict[int, str | None], ch: str) -> str:
    mapped = table.get(ord(ch), ch)
    return mapped if mapped is not None else ""


def _codepoints(field: str) -> list[int]:
    """`U+0649 U+064A` or a range `U+064B..U+065F` → code points."""
    out: list[int] = []
    for part in field.split():
        if ".." in part:
            lo, hi = (int(p[2:], 16) for p in part.split(".."))
            out.extend(range(lo, hi + 1))
        else:
            out.append(int(part[2:], 16))
    return out


@cache
def _length_changing() -> re.Pattern[str]:
    """Characters whose image is not exactly one character: where the offset map bends."""
    chars = [chr(cp) for cp, v in _table().items() if v is None or len(v) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@dataclass(frozen=True, slots=True, eq=False)
class NormalizedText:
    """A normalized copy of `original` with a map back to it.

    `_norm_at` and `_orig_at` are parallel breakpoints: from normalized index
    `_norm_at[k]` on, normalized index i sits at original index
    `_orig_at[k] + (i - _norm_at[k])`, until the next breakpoint.
    """

    original: str
    text: str
    _norm_at: tuple[int, ...]
    _orig_at: tuple[int, ...]
    _expanded: dict[int, int]  # normalized index → original index, for expanded chars

    def start_to_original(self, i: int) -> int:
        if i in self._expanded:
            return self._expanded[i]
        k = bisect.bisect_right(self._norm_at, i) - 1
        return self._orig_at[k] + (i - self._norm_at[k])

    def end_to_original(self, i: int) -> int:
        """Original end of a span whose normalized end (exclusive) is i."""
        if i <= 0:
            return self.start_to_original(0) if self.text else 0
        last = i - 1
        if last in self._expanded:
            # An expansion (ﻻ → لا): every produced char belongs to one original char.
            return self.start_to_original(last) + 1
        end = self.start_to_original(last) + 1
        # Absorb marks dropped right after the span's last char (diacritics, tatweel) so a
        # vowelled name is shown whole; stop at spaces, ZWNJ and bidi controls.
        while end < len(self.original) and _is_attached_mark(self.original[end]):
            end += 1
        return end

    def offset_table(self) -> list[int] | None:
        """Original offset of every normalized offset (and of the end); None when equal.

        For mapping many spans at once: built with C-speed range copies, and equal to
        `start_to_original(i)` for every i.
        """
        if len(self._norm_at) == 1 and not self._expanded:
            return None
        table: list[int] = []
        bounds = [*self._norm_at[1:], len(self.text) + 1]
        for n_start, o_start, n_end in zip(self._norm_at, self._orig_at, bounds, strict=True):
            table.extend(range(o_start, o_start + max(0, n_end - n_start)))
        del table[len(self.text) + 1:]
        for i, o in self._expanded.items():
            table[i] = o
        return table

    def spans_to_original(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """`to_original` for many spans at once (the tokenizer maps thousands per document)."""
        table = self.offset_table()
        if table is None:
            return starts, ends
        new_starts = [table[s] for s in starts]
        new_ends = []
        for s, e in zip(new_starts, ends, strict=True):
            end = table[e - 1] + 1 if e else s
            if table[e] != end:  # a dropped or expanded character at the edge: map exactly
                end = max(s, self.end_to_original(e))
            new_ends.append(end)
        return new_starts, new_ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalized text of {len(self.text)}")
        orig_start = self.start_to_original(start)
        return orig_start, max(orig_start, self.end_to_original(end))


def _is_attached_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


def normalize(text: str) -> NormalizedText:
    """Normalize for matching, keeping an exact map back to `text`."""
    table = _table()
    normalized = text.translate(table)
    norm_at, orig_at, expanded = [0], [0], {}
    if len(normalized) != len(text) or _length_changing().search(text):
        shift = 0  # normalized index minus original index, so far
        for m in _length_changing().finditer(text):
            pos = m.start()
            image = _apply(table, m.group())
            norm_pos = pos + shift
            if len(image) > 1:
                expanded.update(dict.fromkeys(range(norm_pos, norm_pos + len(image)), pos))
            shift += len(image) - 1
            # From here on, normalized i maps to original i - shift.
            norm_at.append(pos + 1 + shift)
            orig_at.append(pos + 1)
    return NormalizedText(text, normalized, tuple(norm_at), tuple(orig_at), expanded)


_SPACES = re.compile(r"[\s\u200c]+")


# Words and short phrases are cached (the stages ask again and again for the same ones);
# longer texts are computed each time, so the caches never hold a document.
CACHED_LENGTH = 64


def normalize_str(text: str) -> str:
    """The normalized form alone, for lexicon entries and lookups."""
    if len(text) <= CACHED_LENGTH:
        return _normalize_short(text)
    return text.translate(_table())


@lru_cache(maxsize=1 << 17)
def _normalize_short(text: str) -> str:
    return text.translate(_table())


def match_key(text: str) -> str:
    """A comparison key: normalized, ZWNJ and spaces dropped, Latin case-folded.

    `بین‌المللی`, `بینالمللی` and `بین المللی` share one key; so do `رئیس`/`رييس`,
    `روسيه`/`روسیه` and `أردوغان`/`اردوغان`.
    """
    if len(text) <= CACHED_LENGTH:
        return _match_key_short(text)
    return _SPACES.sub("", normalize_str(text)).casefold()


@lru_cache(maxsize=1 << 17)
def _match_key_short(text: str) -> str:
    return _SPACES.sub("", text.translate(_table())).casefold()


def words_key(text: str) -> str:
    """Like `match_key` but words stay apart by one space (ZWNJ still dropped)."""
    return " ".join(normalize_str(text).replace(ZWNJ, "").split()).casefold()
