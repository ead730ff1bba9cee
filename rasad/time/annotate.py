"""The time stage: find time expressions, resolve them against the publication date.

The anchor is `doc.published` when the metadata gave it. Otherwise it is inferred only from a
dateline: a full date (day, month, year) at the head of the article, within its first
`DATELINE_START` characters and on its first line («تهران - ایرنا - ۱۵ مهر ۱۴۰۲», «قال بوتين
الثلاثاء 9 أغسطس 2016 ...»). A date further into the running text is when something happened,
not when the article appeared, so it is never taken as the anchor. An inferred anchor is
written back to `doc.published` (with `doc.meta["published_source"] = "inferred:dateline"`),
and every time resolved against it carries `"inferred": true`. With no anchor at all,
relative expressions keep value None and a reason: nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date

from rasad.document import Document, Time, iso_day
from rasad.text.normalize import NormalizedText, normalize
from rasad.time.atoms import Atom
from rasad.time.combine import combine
from rasad.time.resolve import Result, resolve
from rasad.time.rules import find_atoms
from rasad.time.windows import windows

DATELINE_START = 80  # a dateline starts within the first characters of the article


def extract(text: str, lang: str | None) -> list[Atom]:
    """Combined atoms of a normalized text (no anchor needed)."""
    atoms = combine(find_atoms(text, lang, spans=windows(text, lang)), text, lang)
    for atom in atoms:
        if atom.kind == "weekday" and not atom.f.get("dir") and _future_around(text, atom):
            atom.f["ahead"] = True
    return atoms


# A bare weekday is the nearest such day: the last one for a past report, the next one when
# the sentence speaks of the future («الخميس» in a Wednesday article about a coming meeting is
# tomorrow; «روز پنجشنبه برگزار می‌شود»). Verbs only: «المقبل»، «آینده» belong to a time of
# their own («الخميس المقبل»). Forms are normalized (ي→ی، ك→ک، ة→ه، أ→ا).
_FUTURE = re.compile(
    r"خواهد|خواهند|قرار[ \u200c]+(?:است|شده)|بنا[ \u200c]+است|در[ \u200c]+نظر[ \u200c]+دار"
    r"|می[ \u200c]?(?:شود|شوند|کند|کنند|رود|روند|رسد|آید|اید|گردد)(?![\w\u200c])"
    r"|سوف|من[ \u200c]+(?:المقرر|المنتظر|المتوقع)|یعتزم|تعتزم"
    r"|(?<![\w])[وف]?س?[یتن](?:عقد|زور|لتقی|بدا|توجه|شارک|جری|صل|تراس|لقی|نطلق|تم|کون|جتمع|"
    r"ستقبل|غادر|وقع|بحث|عود|قوم|شهد|نظم|عرض|طلق)(?![\w])")
# (An Arabic imperfect of a scheduling verb, «يعقد المجلس جلسة الخميس», is a coming event.)
_SENTENCE_END = re.compile(r"[.!؟?\n]")


def _future_around(text: str, atom: Atom) -> bool:
    """Whether the sentence around a weekday speaks of the future."""
    before = _SENTENCE_END.split(text[max(0, atom.start - 120):atom.start])[-1]
    after = _SENTENCE_END.split(text[atom.end:atom.end + 200])[0]
    return bool(_FUTURE.search(before) or _FUTURE.search(after))


def _lang(lang: str | None) -> str | None:
    return lang if lang in ("fa", "ar") else None


def infer_from(atoms: list[Atom], text: str, lang: str | None) -> tuple[str | None, str]:
    """(ISO day, "dateline") from a full date at the head of the article; (None, "none")
    when there is none: a date in the running text is no publication date."""
    first_line_end = text.find("\n") if "\n" in text else len(text)
    limit = min(DATELINE_START, first_line_end)
    for atom in atoms:
        if atom.start >= limit:
            break
        if atom.kind != "date" or not atom.f.get("d") or atom.f.get("d2"):
            continue
        if atom.f.get("y") is None and atom.f.get("yy") is None:
            continue
        result = resolve(atom, None, lang)
        if result.value is not None and result.lo is not None:
            return result.lo.isoformat(), "dateline"
    return None, "none"


def infer_published(doc: Document) -> tuple[str | None, str]:
    """The publication date: ("…", "metadata") when given, else inferred from the text."""
    if iso_day(doc.published):
        return doc.published, "metadata"
    lang = _lang(doc.lang)
    return infer_from(extract(doc.normalized.text, lang), doc.normalized.text, lang)


def _record(atom: Atom, result: Result, norm: NormalizedText, *, inferred: bool) -> Time:
    start, end = norm.to_original(atom.start, atom.end)
    extra = dict(result.extra)
    if inferred and result.relative:
        extra["inferred"] = True
    return Time(start=start, end=end, value=result.value, granularity=result.granularity,
                calendar=result.calendar, relative=result.relative, extra=extra)


def find_times(text: str, *, lang: str | None = None, anchor: date | str | None = None) -> list[Time]:
    """Times in a raw string, offsets into that string (the pure API the tests use)."""
    norm, lang = normalize(text), _lang(lang)
    day = iso_day(anchor)
    return [_record(a, resolve(a, day, lang), norm, inferred=False) for a in extract(norm.text, lang)]


def annotate(doc: Document) -> Document:
    """Fill `doc.times` (replacing earlier ones), inferring the publication date if missing."""
    norm, lang = doc.normalized, _lang(doc.lang)
    # each atom with the language of the sentences it sits in: a mixed article is read by run
    found = doc.per_language(lambda run: [(_lang(run), a) for a in extract(norm.text, _lang(run))],
                             lambda pair: norm.to_original(pair[1].start, pair[1].end)[0])
    atoms = [atom for _, atom in found]
    anchor, inferred = iso_day(doc.published), False
    if anchor is None and doc.published is None:
        iso, how = infer_from(atoms, norm.text, lang)
        if iso:
            doc.published, anchor, inferred = iso, date.fromisoformat(iso), True
            doc.meta["published_source"] = f"inferred:{how}"
    doc.times = []
    for atom_lang, atom in found:
        doc.add(_record(atom, resolve(atom, anchor, atom_lang), norm, inferred=inferred))
    return doc
