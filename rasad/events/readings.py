"""The readings of one word that a trigger pattern may match.

A pattern is written with dictionary forms (قال، يقول، عقوبات؛ دیدار، تحریم) and news
inflects them: وقال، فقال، تقول، سيقول، التقيا، بالعقوبات؛ تحریم‌ها، تحریمهای. Rather than list
every surface form in the lexicon, a token offers every plausible reading and the pattern
matches if any reading is its word. Readings are computed once per word form and cached.

Arabic: the clitic stems of `rasad.text.clitics` (و، ف، ب، ل، ال), then for each stem the verb
and pronoun endings peeled off (ـوا، ـا، ـت، ـتا، ـون، ـان، ـه، ـها، ـهم ...), and an
imperfect's person prefix (ت، ن، أ) and future سـ put back to the 3rd person ي, so تجتمع and
سيجتمع both read يجتمع. Persian: the clitic stems (plural ها/های, ezafe, possessives).
Persian verbs are not read here: `rasad.events.verbs` parses them, prefixes and all.
"""

from __future__ import annotations

from functools import lru_cache

from rasad.text.clitics import candidate_stems

# Verb subject endings and object pronouns, longest first.
_AR_ENDINGS = ("تما", "تم", "تن", "وا", "ون", "ین", "ان", "تا", "نا", "هما", "هم", "هن", "ها",
               "ه", "ا", "ت", "ن", "ی")
_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا"})
_AR_PERSON_PREFIXES = ("ت", "ن", "ا")  # تجتمع، نجتمع، أجتمع → یجتمع
_MIN_LETTERS = 2


@lru_cache(maxsize=1 << 17)
def readings(norm: str, lang: str | None) -> tuple[str, ...]:
    """Every reading of a normalized word (ZWNJ removed), the word itself first."""
    stems = candidate_stems(norm, lang)
    if lang != "ar":
        return tuple(stems)
    found: dict[str, None] = dict.fromkeys(stems)
    for stem in stems:
        for form in _arabic_verb_forms(stem):
            found.setdefault(form)
    return tuple(found)


def _arabic_verb_forms(word: str) -> list[str]:
    forms = [word]
    if word.startswith("س") and len(word) >= 4 and word[1] in "یتنا":
        forms.append(word[1:])  # سیجتمع → یجتمع (future)
    more = []
    for form in forms:
        if len(form) >= 4 and form[0] in _AR_PERSON_PREFIXES:
            more.append("ی" + form[1:])
    forms.extend(more)
    peeled = []
    for form in forms:
        for ending in _AR_ENDINGS:
            # ة is folded to ه, so a lone ه is peeled only from a stem of four letters or
            # more: وزارة must not read as و + زار + ه ("visited him").
            least = 4 if ending == "ه" else _MIN_LETTERS + 1
            if form.endswith(ending) and len(form) - len(ending) >= least:
                stem = form[:-len(ending)]
                peeled.append(stem)
                if stem.endswith("ت") and ending in _PRONOUNS and len(stem) >= 4:
                    peeled.append(stem[:-1] + "ه")  # وساطتها → وساطة، زيارته → زيارة
    return forms + peeled
