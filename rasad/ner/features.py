"""Token features for the CRF tagger, as lists of strings (the fastest input to crfsuite).

Features are computed on the matching key (`match_key`: ي/ی, ك/ک, hamza forms, diacritics,
digits and ZWNJ folded), so `روسيه`/`روسیه` and `بین‌المللی`/`بینالمللی` look the same to the
model. What depends on the word alone (key, stem, affixes, shape, trigger class) is cached
per word; a sentence then only adds neighbour and gazetteer features, which keeps tagging
far above 30,000 tokens/s on one core.

Stems are cheap clitic strippers, not a morphological analyser: Arabic loses its proclitics
and article (`وللرئيس` → `رییس`), Persian its plural and adjectival suffixes
(`آمریکایی‌ها` → `امریکا`), so a name seen once generalises to its inflected forms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Protocol

from rasad.data import read_rows
from rasad.text.normalize import match_key, normalize_str

ZWNJ = "\u200c"
_FA_PLURAL = ("هایی", "های", "ها")
_FA_ADJ = ("یی", "ای", "ی")  # after ZWNJ; glued ones are handled in fa_stem
_FA_SPLIT = re.compile(r"[ \u200c]")


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the tagger knows about one word, independent of its neighbours."""

    key: str
    stem: str
    forms: tuple[str, ...]  # spellings to look up in a gazetteer, the key first
    shape: str
    trigger: str  # PER/LOC/ORG when the word is a title or head noun, else ""
    feats: tuple[str, ...]


class Tagging(Protocol):
    def tags(self, forms: list[tuple[str, ...]]) -> list[str]: ...


def ar_forms(key: str) -> tuple[str, ...]:
    """The key with Arabic proclitics peeled off: `وبروسيا` → (…, `بروسیا`, `روسیا`).

    The article stays (`للعراق` → `العراق`), so forms can be looked up in a name list.
    """
    forms = [key]
    word = key
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
        forms.append(word)
    if len(word) > 4 and word.startswith("لل"):
        forms.append("ال" + word[2:])
    elif len(word) > 3 and word[0] in "بلک":
        forms.append(word[1:])
    return tuple(dict.fromkeys(forms))


def ar_stem(key: str) -> str:
    """Proclitics and article stripped: `والرییس`, `للرییس`, `الرییس` → `رییس`."""
    word = key[1:] if len(key) > 3 and key[0] in "وف" else key
    if len(word) > 4 and word.startswith("لل"):
        return word[2:]
    if len(word) > 4 and word[0] in "بلک" and word[1:3] == "ال":
        return word[3:]
    if len(word) > 3 and word.startswith("ال"):
        return word[2:]
    return word


def fa_stem(norm: str) -> str:
    """Plural, adjectival and ezafe suffixes stripped: `آمریکایی‌ها` → `امریکا`, `روسیه‌ای` →
    `روسیه`, `شورای` → `شورا`.

    A suffix written after ZWNJ (or a space, as PEYMA writes it) is certain and removed first;
    suffixes glued to the word are removed by rule, plural before adjectival.
    """
    parts = _FA_SPLIT.split(norm)
    while len(parts) > 1 and parts[-1] in _FA_PLURAL + _FA_ADJ:
        parts.pop()
    word = match_key("".join(parts))
    for suffix in _FA_PLURAL:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    # After a final alef or vav the ی is the ezafe (شورای → شورا, سخنگوی → سخنگو).
    cut = 2 if word.endswith("یی") else 1 if word[-2:-1] in ("ا", "و") else \
        2 if word.endswith("ای") else 1
    if word.endswith("ی") and len(word) - cut >= 2:
        word = word[:-cut]
    return word


def shape(norm: str) -> str:
    """Character classes with runs collapsed: `Trump` → `Aa`, `4.5` → `d.d`, `روسیه` → `r`."""
    out: list[str] = []
    for ch in norm:
        if ch.isdigit():
            cls = "d"
        elif ch.isascii() and ch.isalpha():
            cls = "A" if ch.isupper() else "a"
        elif ch.isalpha():
            cls = "r" if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" else "o"
        elif ch == ZWNJ or ch == " ":
            continue
        else:
            cls = ch if ch in ".,:;!?()«»\"'-/،؛؟%" else "p"
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out[:6])


def _length_bucket(n: int) -> str:
    return str(n) if n <= 4 else "5-6" if n <= 6 else "7-9" if n <= 9 else "10+"


@cache
def triggers(lang: str) -> dict[str, str]:
    """Title and head-noun triggers by stem, from `rasad/data/ner/triggers.tsv`."""
    return {_stem(lang, normalize_str(word)): kind
            for row_lang, word, kind in read_rows("ner", "triggers.tsv") if row_lang == lang}


def _stem(lang: str, norm: str) -> str:
    return ar_stem(match_key(norm)) if lang == "ar" else fa_stem(norm)


@lru_cache(maxsize=100_000)
def word_info(word: str, lang: str) -> WordInfo:
    """Features of a word on its own (cached: news vocabularies are Zipfian).

    The bound keeps a long run's memory flat: the bench corpus (1.3M tokens) has 98,000
    distinct forms, and 100,000 entries take about 40 MB.
    """
    norm = normalize_str(word)
    key = match_key(norm)
    if lang == "ar":
        stem, forms = ar_stem(key), ar_forms(key)
    else:
        stem = fa_stem(norm)
        forms = (key, stem) if stem != key else (key,)
    trig = triggers(lang).get(stem) or triggers(lang).get(key, "")
    shp = shape(norm)
    feats = ["b", "w=" + key, "sh=" + shp, "ln=" + _length_bucket(len(key))]
    if stem != key:
        feats.append("s=" + stem)
    for n in range(1, 5):
        if len(key) > n:
            feats.extend((f"p{n}={key[:n]}", f"x{n}={key[-n:]}"))
    if trig:
        feats.append("t=" + trig)
    return WordInfo(key, stem, forms, shp, trig, tuple(feats))


BOS = WordInfo("<s>", "<s>", (), "<s>", "", ())
EOS = WordInfo("</s>", "</s>", (), "</s>", "", ())


@dataclass(frozen=True)
class Lexicon:
    """What a model knows besides its weights; shipped with it, so tagging sees what training saw.

    `gazetteer` marks known names; `name_parts` maps a stem to the type it mostly has inside
    names of an outside annotated corpus; `vocab` maps a word key to its frequency class in
    the training data (a word missing from it is rare, which by itself hints at a name);
    `rich` adds wider context and neighbour affixes (they help Persian, not Arabic);
    `clusters` maps a word key to its word-cluster ids, coarse to fine (`rasad.ner.clusters`).
    """

    gazetteer: Tagging | None = None
    name_parts: Mapping[str, str] = field(default_factory=dict)
    vocab: Mapping[str, str] | None = None
    rich: bool = False
    clusters: Mapping[str, tuple[str, ...]] | None = None


def sentence_features(words: list[str], lang: str, *,
                      lexicon: Lexicon | None = None) -> list[list[str]]:
    """One feature list per word: its own features, its neighbours' and the lexicon's."""
    lex = lexicon or Lexicon()
    infos = [word_info(w, lang) for w in words]
    n = len(infos)
    gaz = lex.gazetteer.tags([i.forms for i in infos]) if lex.gazetteer else [""] * n
    pad = [BOS, BOS, *infos, EOS, EOS]
    gpad = ["", *gaz, ""]
    out: list[list[str]] = []
    for i in range(n):
        p2, p1, cur, n1, n2 = pad[i:i + 5]
        f = [*cur.feats,
             "w-1=" + p1.key, "w-2=" + p2.key, "w+1=" + n1.key, "w+2=" + n2.key,
             "s-1=" + p1.stem, "s+1=" + n1.stem, "sh-1=" + p1.shape, "sh+1=" + n1.shape,
             "b-1=" + p1.key + "|" + cur.key, "b+1=" + cur.key + "|" + n1.key]
        for name, value in (("t-1=", p1.trigger), ("t-2=", p2.trigger), ("t+1=", n1.trigger),
                            ("g=", gpad[i + 1]), ("g-1=", gpad[i]), ("g+1=", gpad[i + 2]),
                            ("np=", lex.name_parts.get(cur.stem))):
            if value:
                f.append(name + value)
        if lex.rich:
            f.extend(_rich(p2, p1, cur, n1, n2))
        if lex.vocab is not None:
            f.extend(_frequency(lex.vocab, p1, cur, n1, rich=lex.rich))
        if lex.clusters is not None:
            f.extend(_cluster_features(lex.clusters, p2, p1, cur, n1, n2))
        out.append(f)
    return out


def _rich(p2: WordInfo, p1: WordInfo, cur: WordInfo, n1: WordInfo, n2: WordInfo) -> list[str]:
    """Wider context: outer bigrams, the trigram, neighbour affixes, stem affixes."""
    f = ["b-2=" + p2.key + "|" + p1.key, "b+2=" + n1.key + "|" + n2.key,
         "tr=" + p1.key + "|" + cur.key + "|" + n1.key,
         "px2-1=" + p1.key[-2:], "px2+1=" + n1.key[-2:],
         "pp2-1=" + p1.key[:2], "pp2+1=" + n1.key[:2]]
    if n2.trigger:
        f.append("t+2=" + n2.trigger)
    if cur.stem != cur.key:
        stem = cur.stem
        f.extend(("sx2=" + stem[-2:], "sx3=" + stem[-3:], "sp2=" + stem[:2], "sp3=" + stem[:3]))
    return f


_NO_CLUSTER = ("-", "-", "-", "-")


def _cluster_ids(clusters: Mapping[str, tuple[str, ...]], info: WordInfo) -> tuple[str, ...]:
    return clusters.get(info.key) or clusters.get(info.stem) or _NO_CLUSTER


def _cluster_features(clusters: Mapping[str, tuple[str, ...]], p2: WordInfo, p1: WordInfo,
                      cur: WordInfo, n1: WordInfo, n2: WordInfo) -> list[str]:
    """The word's cluster at every granularity (neighbours' clusters lowered the held-out
    scores: the neighbours' words already say more)."""
    del p2, p1, n1, n2
    return [f"k{g}={cid}" for g, cid in enumerate(_cluster_ids(clusters, cur))]


def _frequency(vocab: Mapping[str, str], p1: WordInfo, cur: WordInfo, n1: WordInfo, *,
               rich: bool) -> list[str]:
    f = ["f=" + vocab.get(cur.key, "r")]
    if rich:
        f.append("f-1=" + (vocab.get(p1.key, "r") if p1 is not BOS else "<s>"))
        f.append("f+1=" + (vocab.get(n1.key, "r") if n1 is not EOS else "</s>"))
    return f
