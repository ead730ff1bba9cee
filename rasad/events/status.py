"""An event's status: asserted, or negated, future, proposed, hypothetical, a reported claim.

Only asserted events count as having happened, so the status is decided before anything is
counted. Two sources of evidence, both explained in the record's `status_reason`:

* the Persian verb itself (نکرد، نمی‌کند، نخواهد کرد، خواهد کرد), parsed by `rasad.events.verbs`;
* marker words around the trigger (`status.tsv`): لم، لن، سوف، سـ، يعتزم، إذا؛ قرار است، اگر،
  پیشنهاد، ادعا ... each with a scope (just before the trigger, just after, its clause, or the
  sentence before it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasad.events.patterns import Match, fold, table_rows

PRECEDENCE = ("negated", "hypothetical", "proposed", "future", "reported_claim")
_BEFORE, _AFTER = 4, 3
# Words that close a clause for scope purposes: a new finite clause starts after them.
_PUNCTUATION_BREAKS = ("،", ",", "؛", ";", ":", "-", "–")  # not ( ): «(۲۸ مرداد)» is an aside
# Per language: Arabic ولي (guardian, ولي العهد) folds to Persian ولی (but).
CLAUSE_BREAKS_BY_LANG = {
    "fa": frozenset(fold(w) for w in (*_PUNCTUATION_BREAKS, "که", "ولی", "اما")),
    "ar": frozenset(fold(w) for w in (*_PUNCTUATION_BREAKS, "لكن", "ولكن", "بينما", "حيث", "ثم")),
}
CLAUSE_BREAKS = CLAUSE_BREAKS_BY_LANG["fa"] | CLAUSE_BREAKS_BY_LANG["ar"]
# «» and “” are not breaks: Persian and Arabic news set names and titles in them («موشه يعلون»).


@dataclass(frozen=True, slots=True)
class Marker:
    words: tuple[str, ...]
    status: str
    scope: str
    row: str  # file:line


@lru_cache(maxsize=1)
def markers() -> dict[str, dict[str, list[Marker]]]:
    """lang → first word → markers starting with it."""
    table: dict[str, dict[str, list[Marker]]] = defaultdict(lambda: defaultdict(list))
    for row_id, row in table_rows("status.tsv"):
        words = tuple(fold(w) for w in row["form"].split())
        if row["status"] not in PRECEDENCE:
            raise ValueError(f"{row_id}: unknown status {row['status']!r}")
        table[row["lang"]][words[0]].append(Marker(words, row["status"], row["scope"], row_id))
    return {lang: dict(by_word) for lang, by_word in table.items()}


def clause_start(norms: Sequence[str], i: int, lang: str | None = None) -> int:
    """Index of the first word of the clause that holds word i."""
    breaks = CLAUSE_BREAKS_BY_LANG.get(lang or "", CLAUSE_BREAKS)
    j = i
    while j > 0 and norms[j - 1] not in breaks:
        j -= 1
    return j


def _bare(word: str, lang: str) -> str:
    """The word without a conjunction proclitic (ولم → لم, فلن → لن, وسوف → سوف)."""
    if lang == "ar" and len(word) > 2 and word[0] in "وف":
        return word[1:]
    return word


def decide(match: Match, norms: Sequence[str], lang: str) -> tuple[str, str]:
    """(status, reason) for one trigger match in a sentence's words."""
    found: list[tuple[str, str]] = []
    verb = match.verb
    if verb is not None:
        if verb.form.negated:
            found.append(("negated", f"negative verb «{' '.join(norms[verb.first:verb.last + 1])}»"))
        elif verb.form.future:
            found.append(("future", f"future verb «{' '.join(norms[verb.first:verb.last + 1])}»"))
    head = norms[match.first]
    if lang == "ar" and match.rule.kind == "verb" and _future_prefix(head):
        found.append(("future", f"future prefix سـ in «{head}»"))
    found.extend(_marker_hits(match, norms, lang))
    if match.rule.proposed:
        found.append(("proposed", f"an invitation or offer, put forward not done ({match.rule.id})"))
    if not found:
        return "asserted", "no negation, modality, condition or claim marker"
    found.sort(key=lambda hit: PRECEDENCE.index(hit[0]))
    return found[0]


def _future_prefix(word: str) -> bool:
    """سيلتقي، وستفرض: س + a person prefix, where the trigger read the word without it."""
    stem = word[1:] if word[:1] in "وف" else word
    return len(stem) >= 4 and stem[0] == "س" and stem[1] in "یتن"


def _marker_hits(match: Match, norms: Sequence[str], lang: str) -> list[tuple[str, str]]:
    table = markers().get(lang, {})
    trigger = set(match.tokens)
    first, last = match.first, match.last
    clause = clause_start(norms, first, lang)
    hits = []
    for i, word in enumerate(norms):
        for marker in table.get(_bare(word, lang), ()):
            n = len(marker.words)
            if tuple(_bare(w, lang) if k == 0 else w
                     for k, w in enumerate(norms[i:i + n])) != marker.words:
                continue
            span = set(range(i, i + n))
            if span & trigger and marker.status != "proposed":
                continue  # the marker is the trigger itself (نفى is a REJECT, not its negation)
            # an offer is proposed whatever the scope of its word: «عرضت الجزائر استضافة حوار»
            if span & trigger or _in_scope(marker.scope, i, i + n - 1, first, last, clause):
                hits.append((marker.status, f"«{' '.join(marker.words)}» ({marker.row})"))
    return hits


def _in_scope(scope: str, start: int, end: int, first: int, last: int, clause: int) -> bool:
    if scope == "before":
        return clause <= start and end < first and first - end <= _BEFORE
    if scope == "after":
        return start > last and start - last <= _AFTER
    if scope == "clause":
        return clause <= start and end < first or (start >= first and end <= last)
    if scope == "next":
        return end < first and first - end <= 3
    if scope == "sentence":
        return end < first
    return False
