"""Arabic proclitics and Persian suffixes, so that a gazetteer finds روسيا in وروسيا and
روسیه in روسیه‌ای.

Without a lexicon a split is a guess: وزير is not و + زير, لبنان is not ل + بنان, سازمان is not
ساز + مان. So there are two levels:

  * `arabic_proclitics` / `persian_suffixes` make the one split that is safe without a lexicon
    (an Arabic prefix carrying the article: وال، بال، لل، ...; a Persian plural ها/های, ای after
    ه, یی after a vowel);
  * `candidate_stems` lists every grammatical reading, the whole word first and then the
    stems from longest to shortest, for a gazetteer to try in turn and keep the first it knows.

All work on normalized forms (`Token.norm`: ي→ی, ك→ک, ة→ه, أ→ا, no ZWNJ) and are cached.
"""

from __future__ import annotations

from functools import lru_cache

from rasad.text.normalize import ZWNJ, normalize_str

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ک", "ل")
_ARTICLE = "ال"
_MIN_STEM = 3  # letters left after a bare clitic or the article
_PLURALS = ("هایی", "های", "ها")
_POSSESSIVES = ("شان", "تان", "مان", "ش")
_VOWELS = ("ا", "و")
# Endings written after a ZWNJ: plural, ezafe/indefinite, -i adjective, possessives, verb endings.
_AFTER_ZWNJ = frozenset({"ها", "های", "هایی", "ای", "ایی", "ی", "یی", "اش", "ام", "ات", "شان",
                         "تان", "مان", "ایم", "اید", "اند", "تر", "ترین"})


def _clean(word: str) -> str:
    return normalize_str(word).replace(ZWNJ, "")


@lru_cache(maxsize=1 << 16)
def arabic_proclitics(norm: str) -> tuple[str, str]:
    """(prefix, stem) when the word opens with clitics carrying the article
    (ال، وال، فال، بال، کال، لل، وبال، وللـ ...); ("", word) otherwise.

    `للرئيس` → ("لل", "رییس"), `والروسی` → ("وال", "روسی"), `وزیر` → ("", "وزیر").
    """
    word = _clean(norm)
    for prefix in _article_prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return prefix, word[len(prefix):]
    return "", word


@lru_cache(maxsize=1)
def _article_prefixes() -> tuple[str, ...]:
    """Every conjunction? + preposition? + article combination, longest first."""
    prefixes = {_ARTICLE}
    for conj in ("", *_CONJUNCTIONS):
        for prep in ("", *_PREPOSITIONS):
            prefixes.add(conj + prep + _ARTICLE)
        prefixes.add(conj + "لل")  # ل + ال loses its alef: للرئیس
    return tuple(sorted(prefixes, key=len, reverse=True))


@lru_cache(maxsize=1 << 16)
def persian_suffixes(norm: str) -> tuple[str, str]:
    """(stem, suffix) for the Persian endings that are safe to strip; (word, "") otherwise.

    A ZWNJ, when the input still has one, marks the boundary: `روسیه‌ای` → ("روسیه", "ای").
    Without it: `روسیهای` → ("روسیه", "ای"), `آمریکاییها` → ("آمریکا", "ییها"),
    `کشورهای` → ("کشور", "های"); a stem keeps at least three letters (تنها, آنها stay whole).
    """
    word = normalize_str(norm)
    head, _, tail = word.rpartition(ZWNJ)
    if head and tail in _AFTER_ZWNJ:
        stem, suffix = _adjective_stem(head.replace(ZWNJ, ""))
        return stem, suffix + tail
    word = word.replace(ZWNJ, "")
    if word.endswith("یهای") and len(word) > 5:  # روسیه‌ای written without ZWNJ
        return word[:-2], "ای"
    for plural in _PLURALS:
        if word.endswith(plural) and len(word) - len(plural) >= _MIN_STEM:
            stem, suffix = _adjective_stem(word[:-len(plural)])
            return stem, suffix + plural
    return _adjective_stem(word)


def _adjective_stem(word: str) -> tuple[str, str]:
    """`آمریکایی` → ("آمریکا", "یی"): the -i adjective after a vowel."""
    if word.endswith("یی") and word[:-2].endswith(_VOWELS) and len(word) > 4:
        return word[:-2], "یی"
    return word, ""


def candidate_stems(norm: str, lang: str | None) -> list[str]:
    """Readings of the word, most likely first: the word itself, then shorter stems."""
    return list(_candidates(_clean(norm), lang))


@lru_cache(maxsize=1 << 17)
def _candidates(word: str, lang: str | None) -> tuple[str, ...]:
    """The word, its safe Persian split (if any), then the other readings, longest first."""
    preferred = [word]
    if lang == "ar":
        found = _arabic_candidates(word)
    elif lang == "fa":
        preferred.append(persian_suffixes(word)[0])
        found = _persian_candidates(word)
    elif lang is None:  # language unknown: both readings
        found = [*_arabic_candidates(word), *_persian_candidates(word)]
    else:
        found = []
    ordered = dict.fromkeys([*preferred, *sorted(found, key=len, reverse=True)])
    return tuple(stem for stem in ordered if stem)


def _arabic_candidates(word: str) -> list[str]:
    """Strip conjunction, then preposition, then article, each only if a stem remains."""
    found = [word]
    for conj in ("", *_CONJUNCTIONS):
        if not word.startswith(conj):
            continue
        rest = word[len(conj):]
        forms = [rest]
        if rest.startswith("لل") and len(rest) - 2 >= 2:
            forms.append(_ARTICLE + rest[2:])  # للولایات → الولایات
        elif rest.startswith(_PREPOSITIONS) and len(rest) - 1 >= _MIN_STEM:
            forms.append(rest[1:])
        for form in forms:
            if len(form) >= _MIN_STEM:
                found.append(form)
            if form.startswith(_ARTICLE) and len(form) - 2 >= _MIN_STEM:
                found.append(form[2:])
    return found


def _persian_candidates(word: str) -> list[str]:
    """Every ending peeled off, twice over: آمریکاییها → آمریکایی → آمریکا."""
    found = [word, persian_suffixes(word)[0]]
    frontier = list(found)
    for _ in range(2):
        frontier = [stem for form in frontier for stem in _peel(form)]
        found.extend(frontier)
    return found


def _peel(form: str) -> list[str]:
    """Stems of `form` with one Persian ending removed (each reading, no lexicon)."""
    stems = [form[:-len(e)] for e in (*_PLURALS, *_POSSESSIVES, "ی")
             if form.endswith(e) and len(form) - len(e) >= _MIN_STEM]
    if form.endswith("ان") and len(form) - 2 >= 4:
        stems.append(form[:-2])  # ایرانیان → ایرانی (→ ایران)
    if form.endswith("ای") and form[:-2].endswith("ه") and len(form) > 4:
        stems.append(form[:-2])  # روسیهای → روسیه, منطقهای → منطقه
    if form.endswith("یی") and form[:-2].endswith(_VOWELS) and len(form) > 4:
        stems.append(form[:-2])
    return stems
