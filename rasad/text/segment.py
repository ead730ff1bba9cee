"""Sentences and tokens, found on the normalized copy and mapped back to the original text.

Working on `doc.normalized.text` means one set of rules for every spelling: digits are ASCII
and ٫ is '.', so `۴٫۳۵۸` and `86.262` look alike and a period between digits is never a
boundary. A sentence ends at . ! ? ؟ ؛ … followed by space (with the closing quotes and
brackets that follow it), and at every line break, so paragraphs are never glued. A period
does not end a sentence after a single letter (`M.`, `أ.`), initials (`ق.م`, `ج.ا.ا`), a listed
abbreviation, or a list number opening a line — except `م.`/`ق.م.` right after a year, which
closes the sentence unless a preposition or conjunction carries it on (`2023 م. في القاهرة`).

Tokens are words (ZWNJ kept inside), numbers with their internal separators (`4.358`,
`1,007`, `1402/05/12`) and single punctuation marks. `Token.norm` is the normalized form
without ZWNJ.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate, repeat
from operator import sub

from rasad.data import read_rows
from rasad.document import Document, Sentence, Token
from rasad.text import langid
from rasad.text.normalize import ZWNJ, normalize, normalize_str

_CLOSERS = "»”’)]}›"
# A terminator run (". . ." and "؟ .." count as one), where what follows is space, a closer or the end.
_BOUNDARY = re.compile(r"[\n\r\u2028\u2029\x85]|(?P<term>[.!?؟؛…]+(?:[ \t]*[.!?؟؛…]+)*)"
                       r"(?=[\s\"»”’)\]}›]|$)")
_CONTENT = re.compile(r"[^\s\u200c](?:.*[^\s\u200c])?", re.S)  # a span without its edge spaces
_WORDLIKE = re.compile(r"[^\W_]")
_LAST_WORD = re.compile(r"(\S*)$")
_OPENERS = "«“‘([{\"'‹"
_NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")
_L = r"[^\W\d_]"  # a letter
_M = r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"  # a combining mark
_WORD = rf"{_L}+(?:{_M}+{_L}*)*(?:\u200c+{_L}+(?:{_M}+{_L}*)*)*"
# One group, so that `split` returns gaps and tokens in turn: offsets come from their lengths.
_TOKEN = re.compile(rf"({_WORD}|\d+(?:[.,/:]\d+)*|\.\.+|[^\s\u200c])")
_YEAR_LETTERS = frozenset("مهشق")  # م = Gregorian, ه/ق = Hijri, ش = Solar Hijri
_ELLIPSIS_AFTER = frozenset({"و", "یا", "او", "أو", "،", ","})  # "X, Y و ..." is a list


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(normalize_str(row[0].strip()).casefold()
                     for row in read_rows("text", "abbreviations.txt"))


def _sentence_cuts(text: str) -> list[int]:
    """Offsets where a sentence ends (exclusive), on normalized text."""
    cuts: list[int] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        term = m.group("term")
        if term is None:  # a line break
            cuts.append(m.start())
            start = m.end()
            continue
        if not _ends_sentence(text, start, m.start(), term):
            continue
        end = _after_closers(text, start, m.end())
        if end is not None:
            cuts.append(end)
            start = end
    return cuts


@cache
def _list_markers() -> frozenset[str]:
    """Ordinals that open list items (أولا، ثانيا، ...): the abbreviation list's last part."""
    return frozenset(word for word in _abbreviations() if not word.isascii())


def _ends_sentence(text: str, start: int, pos: int, term: str) -> bool:
    """Whether the terminator `term` at `pos` (sentence so far from `start`) ends it."""
    before = text[max(start, pos - 40):pos]
    if term.count(".") >= 2 or "…" in term:  # an ellipsis, unless it stands in a list: `X، Y و ...`
        words = before.split()
        after = text[pos + len(term):pos + len(term) + 20].split()
        return not (words and (words[-1] in _ELLIPSIS_AFTER or words[-1].endswith(("،", ",")))
                    or after and after[0] in _ELLIPSIS_AFTER)
    prev = _LAST_WORD.search(before).group(1).lstrip(_OPENERS)
    if term != "." or not prev:
        return True  # ! ? ؟ ؛, or a period after a space (`کرده ایم .`)
    if _NUMBER.match(prev) or prev in _list_markers():  # `1. ` or `ثالثا. ` opening a line: a list
        return bool(text[start:pos - len(prev)].strip(" \t" + _OPENERS))
    if len(prev) == 1 and prev.isalpha() or _INITIALS.match(prev):
        return (prev[-1] in _YEAR_LETTERS and _after_year(before[:len(before) - len(prev)])
                and not _continues(text, pos + len(term)))
    return prev.casefold() not in _abbreviations()


# Prepositions and conjunctions that carry a sentence on after an era abbreviation:
# «توفي عام 2023 م. في القاهرة», «سال ۱۴۰۲ ه.ش. در تهران».
_CONTINUATIONS = frozenset(normalize_str(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "حتى", "منذ", "عند", "و", "در", "از", "به", "تا", "که"))


def _continues(text: str, pos: int) -> bool:
    after = text[pos:pos + 20].split()
    return bool(after) and after[0] in _CONTINUATIONS


def _after_year(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].isdigit() and len(words[-1]) in (3, 4)


def _after_closers(text: str, start: int, pos: int) -> int | None:
    """End of the sentence once the quotes and brackets it closes are taken; None if the
    text goes on right after them (`«...است.»، وی گفت`)."""
    n = len(text)
    while True:
        nxt = pos
        while nxt < n and text[nxt] in " \t":
            nxt += 1
        if nxt < n and (text[nxt] in _CLOSERS
                        or text[nxt] == '"' and text.count('"', start, nxt) % 2 == 1):
            pos = nxt + 1  # a closer, or a straight quote that closes an open one
        else:
            break
    return pos if pos == n or text[pos].isspace() else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans on already normalized text, edge spaces stripped, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*_sentence_cuts(text), len(text)]:
        m = _CONTENT.search(text, start, cut)
        if m is None:
            pass
        elif spans and not _WORDLIKE.search(text, *m.span()) and "\n" not in text[spans[-1][1]:m.start()]:
            spans[-1] = (spans[-1][0], m.end())  # a stray mark (`؟ :`) stays with its sentence
        else:
            spans.append(m.span())
        start = cut
    return spans


def _token_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of the tokens of `text` (one regex pass, no per-match calls)."""
    parts = _TOKEN.split(text)  # gap, token, gap, token, ..., gap
    found = parts[1::2]
    ends = list(accumulate(map(len, parts)))[1::2]
    return list(map(sub, ends, map(len, found))), ends, found


def _norms(found: list[str], text: str) -> list[str]:
    return [t.replace(ZWNJ, "") for t in found] if ZWNJ in text else found


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text` as given."""
    norm = normalize(text)
    spans = sentence_spans(norm.text)
    starts, ends = norm.spans_to_original([s for s, _ in spans], [e for _, e in spans])
    return list(zip(starts, ends, strict=True))


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Tokens (start, end, norm) in `text` as given; `norm` is normalized without ZWNJ."""
    norm = normalize(text)
    starts, ends, found = _token_spans(norm.text)
    starts, ends = norm.spans_to_original(starts, ends)
    return list(zip(starts, ends, _norms(found, norm.text), strict=True))


def annotate(doc: Document) -> Document:
    """Stage `segment`: fill `doc.sentences` and `doc.tokens`; label sentences if mixed."""
    norm = doc.normalized
    spans = sentence_spans(norm.text)
    starts, ends, found = _token_spans(norm.text)
    # Every token lies inside one sentence (sentences cover all non-space text).
    sentence_ids = list(map(bisect_right, repeat([s for s, _ in spans[1:]]), starts))
    # Map tokens and sentences back in one call: one offset table per document.
    n = len(starts)
    all_starts, all_ends = norm.spans_to_original(starts + [s for s, _ in spans],
                                                  ends + [e for _, e in spans])
    starts, ends = all_starts[:n], all_ends[:n]
    sent_starts, sent_ends = all_starts[n:], all_ends[n:]
    doc.sentences = list(map(Sentence, sent_starts, sent_ends))
    doc.tokens = list(map(Token, starts, ends, _norms(found, norm.text), sentence_ids))
    return langid.label_sentences(doc)
