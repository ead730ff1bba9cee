"""Quotes and their speakers: «direct speech», "quoted", “curly”, and indirect speech after a
cue verb (گفت، افزود، اعلام کرد؛ قال، أضاف، أكد، صرح).

A direct quote may run across sentence ends; its speaker is the nearest actor before it in the
same or the previous sentence, or after it with a cue («...»، قال لافروف). Indirect speech is
the rest of the sentence after the cue (and after که / إن / أن); its speaker is the cue's subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasad.document import Actor, Document, Quote, Token
from rasad.events.patterns import fold

_QUOTES = re.compile(r"«([^«»]{2,2000})»|“([^“”]{2,2000})”|\"([^\"\n]{2,2000})\"")
CUES = {
    "ar": frozenset(fold(w) for w in (
        "قال", "يقول", "قالت", "تقول", "أضاف", "أضافت", "يضيف", "أكد", "أكدت", "يؤكد", "صرح",
        "صرحت", "أعلن", "أعلنت", "أوضح", "أوضحت", "أشار", "أشارت", "ذكر", "ذكرت", "تابع",
        "تابعت", "اعتبر", "اعتبرت", "لفت", "لفتت", "شدد", "شددت")),
    "fa": frozenset(fold(w) for w in (
        "گفت", "گفته", "افزود", "اظهار", "تاکید", "اعلام", "تصریح", "خاطرنشان", "یادآور",
        "عنوان", "بیان", "می‌گوید", "میگوید", "گفتند")),
}
_COMPLEMENTIZERS = frozenset(fold(w) for w in ("که", "إن", "أن", "ان", "بأن", "وإن"))
_CUE_REACH = 6


def find_quotes(doc: Document, by_sentence: dict[int, list[Token]]) -> list[Quote]:
    quotes = _direct(doc, by_sentence)
    taken = [(q.start, q.end) for q in quotes]
    for s, tokens in by_sentence.items():
        lang = doc.sentences[s].lang or doc.lang
        if lang not in CUES:
            continue
        quote = _indirect(doc, s, tokens, lang)
        if quote and not any(a < quote.end and quote.start < b for a, b in taken):
            quotes.append(quote)
    return sorted(quotes, key=lambda q: q.start)


def _direct(doc: Document, by_sentence: dict[int, list[Token]]) -> list[Quote]:
    quotes = []
    for found in _QUOTES.finditer(doc.text):
        group = next(g for g in range(1, 4) if found.group(g) is not None)
        start, end = found.start(group), found.end(group)
        if len(found.group(group).split()) < 3:
            continue  # a quoted name or title, not speech
        speaker, cue = _speaker_near(doc, start, end)
        cue = cue or _cue_before(doc, start)
        quotes.append(Quote(start=start, end=end, speaker=speaker, cue=cue,
                            extra={"kind": "direct"}))
    return quotes


def _speaker_near(doc: Document, start: int, end: int) -> tuple[Actor | None, str | None]:
    """The nearest named actor before the quote in its paragraph (or right after it)."""
    before = [e for e in doc.entities if e.end <= start and start - e.end < 200
              and e.type == "PER" and "\n\n" not in doc.text[e.end:start]]
    after = [e for e in doc.entities if e.start >= end and e.start - end < 40 and e.type == "PER"]
    entity = before[-1] if before else (after[0] if after else None)
    if entity is None:
        return None, None
    index = doc.entities.index(entity)
    return _actor(doc, index), None


def _cue_before(doc: Document, start: int) -> str | None:
    """The speech verb in the words just before a direct quote («… قال بوتين: "…"»)."""
    words = list(re.finditer(r"\S+", doc.text[max(0, start - 120):start]))
    for word in reversed(words[-8:]):
        norm = fold(word.group().strip(":،,«\"“"))
        bare = norm[1:] if norm[:1] in "وف" and len(norm) > 3 else norm
        if norm in CUES["fa"] or norm in CUES["ar"] or bare in CUES["ar"]:
            return word.group().strip(":،,«\"“")
    return None


def _actor(doc: Document, index: int) -> Actor:
    return Actor.of_entity(index, doc.entities[index])


def _indirect(doc: Document, s: int, tokens: Sequence[Token], lang: str) -> Quote | None:
    norms = [t.norm for t in tokens]
    for i, norm in enumerate(norms):
        bare = norm[1:] if lang == "ar" and norm[:1] in "وف" and len(norm) > 3 else norm
        if bare not in CUES[lang] and norm not in CUES[lang]:
            continue
        if lang == "fa":  # Persian: the cue comes before که; the speaker before the cue
            rest = next((k for k in range(i + 1, min(i + 4, len(norms)))
                         if norms[k] == "که"), None)
            if rest is None or rest + 1 >= len(tokens):
                continue
            begin = tokens[rest + 1].start
            speaker = _entity_between(doc, tokens[0].start, tokens[i].start, last=False)
        else:
            rest = next((k for k in range(i + 1, min(i + _CUE_REACH + 6, len(norms)))
                         if norms[k] in _COMPLEMENTIZERS), None)
            if rest is None or rest + 1 >= len(tokens):
                continue
            begin = tokens[rest + 1].start
            speaker = (_entity_between(doc, tokens[i].end, tokens[rest].start, last=False)
                       or _entity_between(doc, tokens[0].start, tokens[i].start, last=True))
        end = tokens[-1].end
        if doc.text[end - 1] in ".!؟?":
            end -= 1
        if end - begin < 5:
            continue
        return Quote(start=begin, end=end, speaker=speaker, cue=doc.text[tokens[i].start:tokens[i].end],
                     extra={"kind": "indirect"})
    return None


def _entity_between(doc: Document, lo: int, hi: int, *, last: bool) -> Actor | None:
    found = [k for k, e in enumerate(doc.entities) if lo <= e.start and e.end <= hi
             and (e.type in ("PER", "ORG") or e.extra.get("sector") == "GOV")]
    if not found:
        return None
    return _actor(doc, found[-1] if last else found[0])
