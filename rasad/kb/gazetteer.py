"""Find the knowledge base's names in a document's token stream: longest match, clitic-tolerant.

Why tokens and not characters: the segmenter already normalized every token (`Token.norm`:
ي/ی ك/ک أ/ا folded, no diacritics, no ZWNJ), so a name is a short tuple of token keys and a
dict-of-dicts trie over tokens finds every name in one left-to-right pass, a few dict lookups
per token. Three kinds of variation are folded in when the trie is built or walked:

  * clitics: the first token of a match may be any `candidate_stems` reading (وروسيا → روسيا,
    بالكرملين → الكرملين) and so may the last token in Persian (روسیه‌ای, آمریکایی‌ها, ezafe
    اتحادیه‌ی اروپا); the longest reading the trie knows wins;
  * word joints: a name is stored both as written and with each space/ZWNJ joint merged or
    split (بین‌المللی = بین المللی = بینالمللی, علی‌اف = علی اف), since web text loses ZWNJ
    and spaces both ways;
  * Latin names are case-folded (names shorter than three letters, like US or EU, are skipped:
    as Latin words inside Persian or Arabic text they are too often something else).

Spans: an Arabic proclitic is a separate word written attached (و، ب، ل، ف), so the span
starts after it (وروسيا → روسيا). A Persian suffix inflects the name itself (روسیه‌ای,
آمریکایی‌ها), so the span keeps the whole token. The span's first character is found by
walking the original token, since the original may carry diacritics, tatweel or ZWNJ.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rasad.data import read_rows
from rasad.document import Document, Token
from rasad.kb.base import KnowledgeBase, NameEntry, load_kb
from rasad.text.clitics import candidate_stems
from rasad.text.normalize import ZWNJ, normalize_str
from rasad.text.segment import tokenize

END = ""  # the trie key that holds a node's values (no token is empty)
MAX_JOINTS = 4  # names with more space/ZWNJ joints are stored as written only
MAX_STARTS = 1 << 18  # a trie's cache of token forms that can start a phrase
# A Persian ezafe is written as ی only after a vowel letter (نماینده‌ی, سخنگوی, آقای); after a
# consonant the ی makes another word (رهبری "leadership", وزیری "a minister").
EZAFE_AFTER = frozenset("هاو")


@dataclass(slots=True)
class PhraseMatch:
    """Tokens `first..last` (inclusive) matched a phrase; `start`/`end` index the original text."""

    first: int
    last: int
    start: int
    end: int
    key: str  # the matched token keys, space-joined
    values: tuple[Any, ...]  # what the trie stores for the phrase (NameEntry for names)
    prefix: str = ""  # Arabic proclitic left outside the span (و، بال، لل, ...)
    suffix: str = ""  # a Persian ending read off the first or last token (ای، ها، ان)


def token_key(norm: str) -> str:
    """Key of one token: its normalized form, Latin case-folded."""
    return norm.casefold() if norm.isascii() else norm


def phrase_variants(phrase: str) -> set[tuple[str, ...]]:
    """Token-key tuples a phrase may appear as: as written, ZWNJ joints split, and each
    space/ZWNJ joint (or all of them) merged."""
    written = tuple(token_key(t) for _, _, t in tokenize(phrase))
    split = tuple(token_key(t) for _, _, t in tokenize(phrase.replace(ZWNJ, " ")))
    variants = {written, split}
    if 1 < len(split) <= MAX_JOINTS + 1 and all(t.isalnum() for t in split):
        for i in range(len(split) - 1):
            variants.add((*split[:i], split[i] + split[i + 1], *split[i + 2:]))
        variants.add(("".join(split),))
    return {v for v in variants if v}


class PhraseTrie:
    """Token-key sequences → values, walked with clitic-tolerant edges."""

    def __init__(self, *, inflected: bool = True) -> None:
        self.root: dict[str, Any] = {}
        self.size = 0
        # (token form, language) → whether any reading of it starts a phrase; emptied by
        # `add` and when it grows past MAX_STARTS.
        self._starts: dict[tuple[str, str | None], bool] = {}
        # False for titles: a Persian plural (رهبران) is not the office (رهبر); a proclitic
        # (والرئيس) or an ezafe (نماینده‌ی) still is.
        self.inflected = inflected

    def add(self, phrase: str, value: Any) -> None:
        self._starts.clear()
        for keys in phrase_variants(phrase):
            node = self.root
            for key in keys:
                node = node.setdefault(key, {})
            values = node.setdefault(END, [])
            if value not in values:
                values.append(value)
                self.size += 1

    def scan(self, doc: Document) -> list[PhraseMatch]:
        """Leftmost-longest, non-overlapping matches over the document's tokens."""
        view = TokenView(doc, inflected=self.inflected)
        starts = self._starts
        if len(starts) > MAX_STARTS:
            starts.clear()
        found, i, n = [], 0, len(view.tokens)
        norms, langs = view.table.norms, view.table.langs
        while i < n:
            known = (norms[i], langs[i])
            start = starts.get(known)
            if start is None:
                root = self.root
                start = starts[known] = any(
                    r in root for r in (*view.readings(i), *view.short_readings(i)))
            match = self.match_at(view, i) if start else None
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match.last + 1
        return found

    def match_at(self, view: TokenView, i: int) -> PhraseMatch | None:
        """The longest phrase starting at token `i` (within its sentence), or None.

        Among readings of the first token, the longest match wins, then a reading with a name
        in the sentence's language (Persian ایرانی‌هاست is ایرانی + ها + است, not the Arabic
        إيرانية), then the longest reading (the least stripped)."""
        best = None
        lang = view.lang(i)
        short = view.short_readings(i)
        for stem in (*view.readings(i), *short):
            node = self.root.get(stem)
            if node is None:
                continue
            found = _walk(node, view, i)
            if found is None or (stem in short and found[0] == i):
                continue
            rank = (found[0], _native(found[1], lang), len(stem))
            if best is None or rank > best[0]:
                best = (rank, stem, found[1], found[2])
        if best is None:
            return None
        (last, _, _), stem, values, last_key = best
        first = view.tokens[i]
        offset = _stem_offset(first.norm, stem)
        start = first.start if offset == 0 else _original_offset(view.text, first, offset)
        keys = [stem, *(token_key(t.norm) for t in view.tokens[i + 1:last + 1])]
        suffix = _ending(token_key(first.norm), stem) if offset == 0 else ""
        if last > i:
            suffix = _ending(token_key(view.tokens[last].norm), last_key) or suffix
        return PhraseMatch(i, last, start, view.tokens[last].end, " ".join(keys),
                           tuple(values), prefix=first.norm[:offset], suffix=suffix)


class TokenView:
    """A document's tokens with the readings of each (language from its sentence).

    The per-token work (language, readings) lives in a `TokenTable` shared by every view of
    the same document: the names scan, the titles scan and the context rules read it once."""

    def __init__(self, doc: Document, *, inflected: bool = True) -> None:
        self.tokens = doc.tokens
        self.text = doc.text
        self.table = token_table(doc)
        self.inflected = inflected
        self._readings = self.table.readings[inflected]

    def lang(self, i: int) -> str | None:
        return self.table.langs[i]

    def readings(self, i: int, *, last: bool = False) -> tuple[str, ...]:
        """The token's key, then its clitic-stripped readings (cached per form)."""
        memo = self._readings[last]
        found = memo[i]
        if found is None:
            table = self.table
            found = memo[i] = _readings(table.norms[i], table.langs[i], last, self.inflected)
        return found

    def short_readings(self, i: int) -> tuple[str, ...]:
        """A two-letter stem after the Arabic conjunction (وشي، وبن), too short to stand alone
        but the first word of a longer name: وشي جين بينغ, وبن سلمان."""
        return _short_readings(self.table.norms[i], self.table.langs[i])


class TokenTable:
    """Per token of one document: its normalized form, its language (its sentence's, else the
    document's) and, filled on demand, its readings (by `inflected`, then `last`)."""

    def __init__(self, doc: Document) -> None:
        self.tokens = doc.tokens
        self.snapshot = list(doc.tokens)
        self.norms = [t.norm for t in doc.tokens]
        self.sentence_langs = langs = [s.lang or doc.lang for s in doc.sentences] or [doc.lang]
        last = len(langs) - 1
        self.langs = [langs[t.sentence] if t.sentence <= last else langs[-1]
                      for t in doc.tokens]
        n = len(self.norms)
        self.readings: dict[bool, tuple[list[tuple[str, ...] | None], ...]] = {
            inflected: ([None] * n, [None] * n) for inflected in (False, True)}

    def describes(self, doc: Document) -> bool:
        """Whether this table is still right for `doc`: the same token objects in the same
        list, the same sentence languages."""
        return self.tokens is doc.tokens and len(self.snapshot) == len(doc.tokens) and \
            all(map(operator.is_, self.snapshot, doc.tokens)) and \
            self.sentence_langs == ([s.lang or doc.lang for s in doc.sentences] or [doc.lang])


_last_table: list[tuple[Document, TokenTable]] = []


def token_table(doc: Document) -> TokenTable:
    """The token table of `doc`, shared with the views before it while it still describes the
    document (the stages after segmentation never replace its tokens)."""
    if _last_table:
        cached_doc, table = _last_table[0]
        if cached_doc is doc and table.describes(doc):
            return table
    table = TokenTable(doc)
    _last_table[:] = [(doc, table)]
    return table


@lru_cache(maxsize=1 << 16)
def _short_readings(norm: str, lang: str | None) -> tuple[str, ...]:
    key = token_key(norm)
    return (key[1:],) if len(key) == 3 and key[0] in "وف" and lang in ("ar", None) else ()


def _readings(norm: str, lang: str | None, last: bool, inflected: bool) -> tuple[str, ...]:
    if last and lang == "ar":
        return (token_key(norm),)  # Arabic clitics attach to a name's first word only
    found = _all_readings(norm, lang)
    if not inflected and len(found) > 1:  # a proclitic or a written ezafe only (نماینده‌ی,
        whole = found[0]                   # سخنگوی; not رهبری)
        found = tuple(r for r in found
                      if whole.endswith(r) or (whole == r + "ی" and r[-1] in EZAFE_AFTER))
    return found


@lru_cache(maxsize=1 << 17)
def _all_readings(norm: str, lang: str | None) -> tuple[str, ...]:
    """Every reading of a token form, the whole key first (cached once per form and
    language; `_readings` narrows it for a phrase's last word or a title)."""
    whole = token_key(norm)
    if not norm.isalpha():
        return (whole,)
    found = dict.fromkeys([whole, *candidate_stems(norm, lang)])
    if lang == "fa" and whole.endswith("ست") and len(whole) > 5:  # آمریکایی‌هاست: + copula
        for bare in {whole[:-2], whole[:-3] if whole.endswith("است") else whole[:-2]}:
            found.update(dict.fromkeys(candidate_stems(bare, lang)))
    return tuple(found)


def _native(values: list[Any], lang: str | None) -> bool:
    """Whether a value is in `lang` (or has no language, or is Latin)."""
    return any(getattr(v, "lang", lang) in (lang, "en") for v in values)


def _walk(node: dict[str, Any], view: TokenView, i: int) -> tuple[int, list[Any], str] | None:
    """Follow whole tokens from `node` (which consumed token i); the last token may also be
    one of its readings. Returns (last token index, values, last reading) of the longest match."""
    best = (i, node[END], "") if END in node else None
    tokens = view.tokens
    sentence = tokens[i].sentence
    j = i + 1
    while j < len(tokens) and tokens[j].sentence == sentence:
        readings = view.readings(j, last=True)
        child = node.get(readings[0])
        for reading in readings:
            step = node.get(reading)
            if step is not None and END in step:
                best = (j, step[END], reading)
                break
        if child is None:
            break
        node = child
        j += 1
    return best


def _ending(whole: str, reading: str) -> str:
    """What a suffix-stripped reading left off the word ("" when nothing was)."""
    return whole[len(reading):] if reading and whole.startswith(reading) else ""


def _stem_offset(norm: str, stem: str) -> int:
    """Where the stem starts inside the token's normalized form (0 unless a proclitic went)."""
    norm = token_key(norm)
    if norm.startswith(stem):
        return 0
    if norm.endswith(stem):
        return len(norm) - len(stem)
    if stem.startswith("ال") and norm.endswith(stem[2:]):  # للولایات → الولایات
        return len(norm) - len(stem) + 2
    return 0


def _original_offset(text: str, tok: Token, k: int) -> int:
    """Original offset of normalized character `k` of the token (ZWNJ and marks skipped)."""
    pos, seen = tok.start, 0
    while pos < tok.end and seen < k:
        seen += len(normalize_str(text[pos]).replace(ZWNJ, ""))
        pos += 1
    while pos < tok.end and not normalize_str(text[pos]).replace(ZWNJ, ""):
        pos += 1  # a diacritic or ZWNJ after the clitic belongs to neither side
    return pos


class Gazetteer(PhraseTrie):
    """Every name and adjective of a knowledge base, as a phrase trie of `NameEntry`s."""

    @classmethod
    def from_entries(cls, entries: Iterable[NameEntry]) -> Gazetteer:
        gaz = cls()
        for entry in entries:
            if _usable(entry.name):
                gaz.add(entry.name, entry)
        return gaz

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> Gazetteer:
        return cls.from_entries(kb.names())

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the cache of start forms (rebuilt as documents are read)."""
        return {**self.__dict__, "_starts": {}}

    def find(self, doc: Document) -> list[PhraseMatch]:
        """Names in `doc` (values are `NameEntry` tuples; several actors when ambiguous)."""
        return self.scan(doc)


def _usable(name: str) -> bool:
    """Skip names that could never match safely: empty, Latin of fewer than 3 letters, or
    one word that is a function word (على reads as the name علي once ى/ي are folded)."""
    letters = [c for c in name if c.isalnum()]
    if not letters or (name.isascii() and len(letters) < 3):
        return False
    words = phrase_variants(name)
    return not any(len(w) == 1 and w[0] in function_words() for w in words)


@cache
def function_words() -> frozenset[str]:
    """Persian and Arabic function words (the language-id lists), as token keys."""
    words = set()
    for name in ("function_words_fa.txt", "function_words_ar.txt"):
        words.update(token_key(normalize_str(row[0].strip())) for row in read_rows("text", name))
    return frozenset(words)


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of the shipped knowledge base: built once per process, and compiled
    ahead into the user's cache (`rasad.diskcache`), rebuilt whenever the knowledge base, the
    text data or the code that builds it changes."""
    from rasad.diskcache import compiled, package_files

    inputs = [*package_files("rasad.data.kb", suffixes=(".jsonl",)),
              *package_files("rasad.data.text", suffixes=(".tsv", ".txt")),
              *package_files("rasad.kb", names=("base.py", "gazetteer.py")),
              *package_files("rasad.text", suffixes=(".py",)),
              *package_files("rasad.data", names=("__init__.py",))]
    return compiled("kb-gazetteer", inputs, lambda: Gazetteer.from_kb(load_kb()))


def find_names(doc: Document, *, gazetteer: Gazetteer | None = None) -> list[PhraseMatch]:
    """KB names in `doc`, leftmost-longest, with their candidate entries."""
    return (gazetteer or load_gazetteer()).find(doc)
