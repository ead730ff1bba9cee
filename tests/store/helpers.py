"""Hand-built documents with every annotation layer, for the store tests.

The texts are written for these tests (not taken from ../shared). Spans are found with
`str.find`, so they always agree with the text.
"""

from __future__ import annotations

import hashlib
from typing import Any

from rasad.document import Actor, Document, Entity, Quantity, Quote, Sentence, Time, Token

FA = ("ولادیمیر پوتین، رئیس‌جمهور روسیه، روز سه‌شنبه ۱۴ تیر ۱۴۰۱ در تهران گفت: "
      "«همکاری با ایران ادامه دارد.» "
      "ارزش تجارت دو کشور به ۴٫۳۵۸ میلیارد دلار رسید. ")
AR = ("قال الرئيس الروسي فلاديمير بوتين الثلاثاء إن روسيا ستواصل التعاون مع تركيا. "
      "وبلغ حجم التجارة ٣٢ مليار دولار. ")


def content_hash(text: str) -> str:
    """Stand-in for rasad.ingest.dedup.content_hash in these tests."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == ".":
            out.append(Sentence(start, i + 1))
            start = i + 2
    return out


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for word in text.split():
        start = text.index(word, pos)
        pos = start + len(word)
        out.append(Token(start, pos, word))
    return out


def make_doc(i: int = 0, *, lang: str = "fa", events: bool = True) -> Document:
    """Document number `i` (its text differs by i) with every layer filled."""
    text = (FA if lang == "fa" else AR) + (f"گزارش {i}." if lang == "fa" else f"تقرير {i}.")
    doc = Document(text, lang=lang, published=f"2022-07-{1 + i % 28:02d}", title=f"خبر {i}",
                   source="test", url=f"https://example.org/{lang}/{i}",
                   meta={"origin": f"{lang}.jsonl:{i}", "format": "jsonl", "encoding": "utf-8"})
    doc.sentences = _sentences(text)
    doc.sentences[0].lang = lang
    doc.tokens = _tokens(text)
    doc.done = {"language", "segment"}
    if lang == "fa":
        _annotate_fa(doc)
    else:
        s, e = _span(text, "فلاديمير بوتين")
        doc.add(Entity(start=s, end=e, type="PER", kb_id="Q7747", name_en="Vladimir Putin",
                       country="RUS", confidence=0.9))
    if events:
        doc.events = [event_dict(doc)]
    return doc


def _annotate_fa(doc: Document) -> None:
    text = doc.text
    s, e = _span(text, "ولادیمیر پوتین")
    doc.add(Entity(start=s, end=e, type="PER", kb_id="Q7747", name_en="Vladimir Putin",
                   country="RUS", confidence=0.95, extra={"mention": "name"}))
    s, e = _span(text, "روسیه")
    doc.add(Entity(start=s, end=e, type="LOC", kb_id="Q159", name_en="Russia", country="RUS"))
    s, e = _span(text, "ایران")
    doc.add(Entity(start=s, end=e, type="LOC", kb_id="Q794", name_en="Iran", country="IRN"))
    s, e = _span(text, "۱۴ تیر ۱۴۰۱")
    doc.add(Time(start=s, end=e, value="2022-07-05", granularity="day", calendar="jalali"))
    s, e = _span(text, "روز سه‌شنبه")
    doc.add(Time(start=s, end=e, value="2022-07-05", granularity="day", relative=True))
    s, e = _span(text, "۴٫۳۵۸ میلیارد دلار")
    doc.add(Quantity(start=s, end=e, value=4.358e9, kind="money", unit="USD",
                     extra={"approximate": False}))
    s, e = _span(text, "همکاری با ایران ادامه دارد.")
    doc.add(Quote(start=s, end=e, cue="گفت",
                  speaker=Actor(entity=0, kb_id="Q7747", name_en="Vladimir Putin", country="RUS",
                                sector="GOV")))


def event_dict(doc: Document) -> dict[str, Any]:
    """A contract event (rasad.events does not exist yet): Russia/Putin cooperates with Iran."""
    trigger = "همکاری" if doc.lang == "fa" else "التعاون"
    s, e = _span(doc.text, trigger)
    target = ("IRN", "Q794", "Iran") if doc.lang == "fa" else ("TUR", "Q43", "Turkey")
    return {
        "sentence": 0, "trigger": {"start": s, "end": e, "text": doc.text[s:e]},
        "source": {"entity": 0, "kb_id": "Q7747", "name_en": "Vladimir Putin", "country": "RUS",
                   "sector": "GOV"},
        "target": {"entity": None, "kb_id": target[1], "name_en": target[2], "country": target[0],
                   "sector": None},
        "cameo": "057", "plover": {"event": "AGREE", "mode": None, "context": None},
        "quad_class": 1, "goldstein": 8.0, "date": "2022-07-05",
        "location": {"name_en": "Tehran", "kb_id": "Q3616"}, "status": "asserted",
        "confidence": 0.7, "rule": "fa.cooperate.1",
    }
