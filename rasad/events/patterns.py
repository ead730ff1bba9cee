"""Trigger patterns: the readable rows of `triggers_{fa,ar}.tsv`, compiled and matched.

A row is `cameo  plover  kind  pattern  target  origin  gloss` (`plover` may be empty: the type
then comes from the CAMEO code through `cameo.tsv`; a row sets it where the guide codes the
row's sense differently from its CAMEO root, e.g. a denial as REJECT). The pattern is a sequence of elements
separated by spaces, each matching one word of a sentence (after normalization: ي/ی, ك/ک, ة/ه,
hamza seats, diacritics and ZWNJ folded):

  قال            a word one of whose readings (`rasad.events.readings`) is قال: وقال، فقال، قالت
  قال|يقول       alternatives
  اجتماع*        a reading that starts with اجتماع (اجتماعات، اجتماعها)
  @کردن          any form of a verb of `verbs_fa.tsv`: کرد، نکردند، می‌کند، خواهد کرد، کرده است
  _  _2          a gap of up to 3 (or N) words: «تحریم‌های جدیدی را علیه روسیه اعمال کرد»

The first element must be a word (not a gap or a verb): it is how rows are found. `target`
lists the markers that introduce the event's target (به، با، علیه، از، را؛ على، مع، ضد، إلى،
ل، obj for the next actor, passive when the grammatical subject is the target; `needed` when
the row is an event only with such a target, `proposed` when what it names is put forward, not
done: an invitation); `kind` is
verb or noun (an event noun needs a participant in its phrase). A match records the row, so
every event can say which line made it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rasad.data import read_text
from rasad.events.readings import readings
from rasad.events.verbs import ParsedVerb, parse_verb, verb_table
from rasad.text.normalize import ZWNJ, normalize_str

_GAP = re.compile(r"^_(\d*)$")
# A gap never skips these: a pattern does not reach across a clause or a quotation.
GAP_STOPS = frozenset({"،", ",", "؛", ";", ":", ".", "(", ")", "؟", "?", "!"})
# (« » and quotes are no stops: news sets names in them, «سامانه‌های "ایریس-تی" را … تحویل داد».)
_DEFAULT_GAP = 3
_MIN_PREFIX = 2
COLUMNS = ("cameo", "plover", "kind", "pattern", "target", "origin", "gloss")
ROW_FLAGS = ("needed", "proposed")  # words of the target column that are flags of the row


def fold(word: str) -> str:
    """A lexicon word in the form tokens are compared in."""
    return normalize_str(word).replace(ZWNJ, "").strip()


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a pattern."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()  # infinitives, for @verb elements
    gap: int = 0  # > 0: skip up to this many words

    def matches_word(self, reads: Sequence[str]) -> bool:
        if not self.words.isdisjoint(reads):
            return True
        return bool(self.prefixes) and any(r.startswith(self.prefixes) for r in reads)


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled lexicon row."""

    id: str  # file:line, shown in explanations
    lang: str
    cameo: str
    plover: str  # '' = from the CAMEO table
    kind: str
    pattern: str
    elements: tuple[Element, ...]
    target: tuple[str, ...]
    origin: str
    gloss: str
    # What a sentence must hold for the rule to have a chance: the word sets of its later
    # plain-word elements and the verbs of its verb elements (a cheap filter before matching).
    needs_words: tuple[frozenset[str], ...] = ()
    needs_verbs: tuple[frozenset[str], ...] = ()
    # `needed` in the target column: a broad word is an event only towards an actor the
    # sentence marks («حذر الحكومة السودانية» is; «حذر من ارتفاع الأسعار» is not)
    needs_target: bool = False
    # `proposed` in the target column: what the row names is put forward, not done (an
    # invitation: «وجه ... دعوة»، «دعوت کرد»), so its events are `proposed` (EVENTS_GUIDE)
    proposed: bool = False


@dataclass(slots=True)
class Match:
    """Where a rule matched: the token indices of its words (gaps excluded)."""

    rule: Rule
    tokens: list[int] = field(default_factory=list)
    verb: ParsedVerb | None = None

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.verb.last if self.verb and self.verb.last > self.tokens[-1] else self.tokens[-1]


def compile_element(text: str) -> Element:
    gap = _GAP.match(text)
    if gap:
        return Element(gap=int(gap.group(1) or _DEFAULT_GAP))
    words: set[str] = set()
    prefixes: list[str] = []
    verbs: set[str] = set()
    for alt in text.split("|"):
        if alt.startswith("@"):
            verbs.add(fold(alt[1:]).replace(" ", ""))
        elif alt.endswith("*"):
            stem = fold(alt[:-1])
            if len(stem) < _MIN_PREFIX:
                raise ValueError(f"prefix {alt!r} is too short")
            prefixes.append(stem)
        elif alt:
            words.add(fold(alt))
    return Element(frozenset(words), tuple(prefixes), frozenset(verbs))


def compile_rule(rule_id: str, lang: str, row: dict[str, str]) -> Rule:
    elements = tuple(compile_element(part) for part in row["pattern"].split())
    if not elements or elements[0].gap or elements[0].verbs:
        raise ValueError(f"{rule_id}: a pattern starts with a word, not a gap or a verb")
    if elements[-1].gap:
        raise ValueError(f"{rule_id}: a pattern ends with a word, not a gap")
    cameo = row["cameo"].strip()
    if not re.fullmatch(r"\d{2,4}", cameo):
        raise ValueError(f"{rule_id}: CAMEO code {cameo!r} is not 2 to 4 digits")
    kind = row.get("kind", "verb").strip() or "verb"
    if kind not in ("verb", "noun"):
        raise ValueError(f"{rule_id}: kind {kind!r} is not verb or noun")
    words = (row.get("target") or "").replace(",", " ").split()
    target = tuple(fold(t) if t not in ("obj", "passive") else t for t in words
                   if t not in ROW_FLAGS)
    return Rule(rule_id, lang, cameo, (row.get("plover") or "").strip().upper(), kind,
                row["pattern"], elements, target,
                row.get("origin", ""), row.get("gloss", ""),
                tuple(e.words for e in elements[1:] if e.words and not e.prefixes and not e.verbs),
                tuple(e.verbs for e in elements if e.verbs and not e.words and not e.prefixes),
                needs_target="needed" in words, proposed="proposed" in words)


def table_rows(name: str) -> list[tuple[str, dict[str, str]]]:
    """(file:line, row) for each data row of `rasad/data/events/<name>` (read through
    `rasad.data`); the header row names the columns, file:line names the row in explanations."""
    return read_rows(name, read_text("events", name))


def read_rows(name: str, text: str) -> list[tuple[str, dict[str, str]]]:
    """(file:line, row) for each data row of a lexicon TSV; the header row names the columns."""
    rows: list[tuple[str, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        rows.append((f"{name}:{number}", dict(zip(header, (c.strip() for c in cells), strict=False))))
    return rows


class RuleIndex:
    """Rules found by their first word: exact readings through a dict, prefixes by length."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self._by_word: dict[str, list[Rule]] = defaultdict(list)
        self._by_prefix: dict[str, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            head = rule.elements[0]
            for word in head.words:
                self._by_word[word].append(rule)
            for prefix in head.prefixes:
                self._by_prefix[prefix].append(rule)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix})
        self._cache: dict[tuple[str, ...], list[Rule]] = {}

    def candidates(self, reads: tuple[str, ...]) -> list[Rule]:
        """The rules whose first element one of the readings can match (cached per word)."""
        cached = self._cache.get(reads)
        if cached is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            cached = self._cache[reads] = self._candidates(reads)
        return cached

    def _candidates(self, reads: Sequence[str]) -> list[Rule]:
        found: dict[str, Rule] = {}
        for r in reads:
            for rule in self._by_word.get(r, ()):
                found.setdefault(rule.id, rule)
            for n in self._prefix_lengths:
                if n > len(r):
                    break
                for rule in self._by_prefix.get(r[:n], ()):
                    found.setdefault(rule.id, rule)
        return list(found.values())


def match_sentence(index: RuleIndex, norms: Sequence[str], lang: str,
                   reads: Sequence[Sequence[str]] | None = None) -> list[Match]:
    """Every rule match in one sentence's words (normalized, ZWNJ removed)."""
    if reads is None:
        reads = [readings(n, lang) for n in norms]
    present = {r for word in reads for r in word}
    verbs: set[str] | None = None
    possible: dict[str, bool] = {}  # rule id → can it match this sentence at all
    matches: list[Match] = []
    candidates, absent = index.candidates, present.isdisjoint
    for i in range(len(norms)):
        rules = candidates(reads[i])
        if not rules:
            continue
        for rule in rules:
            ok = possible.get(rule.id)
            if ok is None:
                ok = not any(map(absent, rule.needs_words))
                if ok and rule.needs_verbs:  # a word or verb the rule needs is nowhere here
                    if verbs is None:
                        verbs = _sentence_verbs(norms)
                    ok = not any(map(verbs.isdisjoint, rule.needs_verbs))
                possible[rule.id] = ok
            if not ok:
                continue
            found = _walk(rule, 0, i, norms, reads, (), None)
            if found is not None:
                matches.append(found)
    return matches


def _sentence_verbs(norms: Sequence[str]) -> set[str]:
    found = set()
    table = verb_table()
    for i, norm in enumerate(norms):
        if norm not in table:
            continue
        parsed = parse_verb(norms, i)
        if parsed is not None:
            found.add(parsed.form.infinitive)
    return found


def _walk(rule: Rule, e: int, i: int, norms: Sequence[str], reads: Sequence[Sequence[str]],
          tokens: tuple[int, ...], verb: ParsedVerb | None) -> Match | None:
    """Match the rule's elements from element e at word i, trying the shortest gap first."""
    elements = rule.elements
    if e == len(elements):
        return Match(rule, list(tokens), verb)
    element = elements[e]
    if element.gap:
        for skip in range(element.gap + 1):
            if skip and (i + skip - 1 >= len(norms) or norms[i + skip - 1] in GAP_STOPS):
                return None
            found = _walk(rule, e + 1, i + skip, norms, reads, tokens, verb)
            if found is not None:
                return found
        return None
    if i >= len(norms):
        return None
    if element.verbs:
        parsed = parse_verb(norms, i)
        if parsed is not None and parsed.form.infinitive in element.verbs:
            return _walk(rule, e + 1, parsed.last + 1, norms, reads, (*tokens, i), parsed)
        if not element.words and not element.prefixes:
            return None  # a verb-only element; «است|@بودن» also tries its words below
    if not element.matches_word(reads[i]):
        return None
    return _walk(rule, e + 1, i + 1, norms, reads, (*tokens, i), verb)


@lru_cache(maxsize=4)
def load_rules(lang: str) -> RuleIndex:
    """The shipped trigger lexicons of a language: `triggers_{lang}.tsv` (written by hand) and
    any `triggers_{lang}_*.tsv` beside it (e.g. converted from another coder's dictionary)."""
    from rasad.diskcache import compiled, package_files  # noqa: PLC0415

    folder = resources.files("rasad.data.events")
    names = sorted(p.name for p in folder.iterdir()
                   if p.name == f"triggers_{lang}.tsv"
                   or (p.name.startswith(f"triggers_{lang}_") and p.name.endswith(".tsv")))

    def build() -> RuleIndex:
        return RuleIndex([compile_rule(rule_id, lang, row) for name in names
                          for rule_id, row in table_rows(name)])

    # Compiled ahead into the user's cache (the Arabic lexicons take about 0.15 s to compile),
    # keyed by every events data file and the code that reads them.
    inputs = [*package_files("rasad.data.events", suffixes=(".tsv",)),
              *package_files("rasad.events", suffixes=(".py",)),
              *package_files("rasad.text", suffixes=(".py",)),
              *package_files("rasad.data.text", suffixes=(".tsv", ".txt"))]
    return compiled(f"events-rules-{lang}", inputs, build)


def show_matches(text: str, lang: str | None = None) -> list[str]:
    """Which rows match in a text, one line each: a lexicon writer's check."""
    from rasad.pipeline import Pipeline  # noqa: PLC0415

    doc = Pipeline(["language", "segment"]).analyze(text)
    lines = []
    for s, sentence in enumerate(doc.sentences):
        sent_lang = lang or sentence.lang or doc.lang or "fa"
        tokens = [t for t in doc.tokens if t.sentence == s]
        for m in match_sentence(load_rules(sent_lang), [t.norm for t in tokens], sent_lang):
            words = doc.text[tokens[m.first].start:tokens[m.last].end]
            lines.append(f"{m.rule.id}\t{m.rule.cameo}\t{m.rule.plover}\t{m.rule.pattern}\t«{words}»")
    return lines


if __name__ == "__main__":  # python -m rasad.events.patterns "جمله" [fa|ar]
    import sys

    print("\n".join(show_matches(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
          or "no rule matches")
