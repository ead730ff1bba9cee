"""Persian verb forms: which verb a word (or two) is, and its negation, tense and voice.

Persian events are mostly compound verbs, a noun and a light verb (دیدار کرد، تحریم کرد، امضا
شد), and the light verb carries what the event's status needs: negation (نکرد، نمی‌کند،
نخواهد کرد), future (خواهد کرد), the present (می‌کند) and the perfect (کرده است). Every form of
every verb in `verbs_fa.tsv` is generated once into a table; `parse_verb` looks a token up and
takes in the word around it that belongs to the verb (a detached می, the future auxiliary
before the stem, the auxiliary after a participle). Forms are normalized with ZWNJ removed, as
`Token.norm` is, so می‌کند and میکند are one form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasad.data import read_rows
from rasad.text.normalize import ZWNJ, normalize_str

_PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
_PERFECT_ENDINGS = ("", "ام", "ای", "ایم", "اید", "اند", "است")  # کرده‌است written joined
_FUTURE_AUX = ("خواهم", "خواهی", "خواهد", "خواهیم", "خواهید", "خواهند")
_AUXILIARIES = frozenset({"است", "اند", "ام", "ای", "ایم", "اید", "بود", "بودند", "باشد",
                          "باشند", "شد", "شدند", "شده", "میشود", "میشوند"})
_DETACHED = ("می", "نمی")


@dataclass(frozen=True, slots=True)
class VerbForm:
    """What a form says: its verb and the features the status stage reads."""

    infinitive: str
    negated: bool = False
    future: bool = False
    tense: str = "past"  # past | present | perfect | subjunctive | future


@dataclass(frozen=True, slots=True)
class ParsedVerb:
    form: VerbForm
    first: int  # token index of the verb's first word (a detached می or the auxiliary)
    last: int   # index of its last word (inclusive)


def _key(text: str) -> str:
    return normalize_str(text).replace(ZWNJ, "").replace(" ", "")


@lru_cache(maxsize=1)
def verb_table() -> dict[str, VerbForm]:
    """Every generated form of every listed verb (compound infinitives keep their noun)."""
    table: dict[str, VerbForm] = {}
    for infinitive, past, present in (row[:3] for row in read_rows("events", "verbs_fa.tsv")[1:]):
        inf = _key(infinitive)
        past, present = _key(past), _key(present)
        for form, features in _forms(inf, past, present):
            table.setdefault(form, features)
    return table


def _forms(inf: str, past: str, present: str) -> list[tuple[str, VerbForm]]:
    out: list[tuple[str, VerbForm]] = []
    for neg in (False, True):
        n = _glide("ن", past) if neg else ""  # نکرد، نیامد
        for end in _PAST_ENDINGS:
            out.append((n + past + end, VerbForm(inf, neg, False, "past")))
            out.append(((("نمی" if neg else "می") + past + end), VerbForm(inf, neg, False, "past")))
        for end in _PRESENT_ENDINGS:
            out.append(((("نمی" if neg else "می") + present + end),
                        VerbForm(inf, neg, False, "present")))
            for prefix in ((_glide("ن", present),) if neg else (_glide("ب", present), "")):
                # (ب)کند، نکند؛ بیایند، نیاید
                out.append((prefix + present + end, VerbForm(inf, neg, False, "subjunctive")))
        for end in _PERFECT_ENDINGS:
            out.append((n + past + "ه" + end, VerbForm(inf, neg, False, "perfect")))
    out.append((inf, VerbForm(inf, False, False, "infinitive")))
    return out


def _glide(prefix: str, stem: str) -> str:
    """ب and ن take a ی before a stem that starts with a vowel (آ/ا, folded): بیاید، نیامد."""
    return prefix + "ی" if stem.startswith("ا") else prefix


def parse_verb(norms: Sequence[str], i: int) -> ParsedVerb | None:
    """The verb whose main word is at `norms[i]`, with the words around it that belong to it."""
    table = verb_table()
    if i + 1 < len(norms) and (norms[i] in _DETACHED or _is_future_aux(norms[i])):  # the pattern reached a detached می first
        parsed = parse_verb(norms, i + 1)
        return ParsedVerb(parsed.form, i, parsed.last) if parsed and parsed.first == i else None
    word = norms[i]
    form = table.get(word)
    first, last = i, i
    joined = table.get(norms[i - 1] + word) if i > 0 and norms[i - 1] in _DETACHED else None
    if joined is not None:  # «می کند» written apart
        form, first = joined, i - 1
    if form is None:
        return None
    if form.tense == "past" and not word.startswith(("می", "نمی")) and first == i and i > 0:
        aux = norms[i - 1]
        if _is_future_aux(aux):
            form = VerbForm(form.infinitive, aux.startswith("ن"), True, "future")
            first = i - 1
    if form.tense == "perfect" and i + 1 < len(norms) and norms[i + 1] in _AUXILIARIES:
        last = i + 1
    return ParsedVerb(form, first, last)


def _is_future_aux(word: str) -> bool:
    return word in _FUTURE_AUX or (word.startswith("ن") and word[1:] in _FUTURE_AUX)

