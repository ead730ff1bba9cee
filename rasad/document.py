"""The one `Document` every stage annotates, and its annotation records.

The document owns the text and never changes it. Every annotation is a record with
`start`/`end` code-point offsets into that text; its `text` is read from the document, so a
span can never disagree with what it points at. `Document.add` refuses a span outside the
text. `to_dict` is the output contract (`rasad/schema/document.schema.json`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cached_property
from typing import Any, ClassVar, TypeVar

from rasad.text.normalize import NormalizedText, normalize

LAYERS = ("entities", "times", "quantities", "quotes", "events")
T = TypeVar("T")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    lang: str | None = None

    def to_dict(self, doc: Document) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": doc.text[self.start:self.end]}
        if self.lang:
            out["lang"] = self.lang
        return out


@dataclass(slots=True)
class Token:
    """A word or punctuation mark. `norm` is its normalized form with ZWNJ removed.

    The clitic attributes are computed on demand (and cached by word form) by
    `rasad.text.clitics`, so tokenizing stays cheap for stages that never ask.
    """

    start: int
    end: int
    norm: str
    sentence: int = 0

    @property
    def proclitic(self) -> str:
        """The Arabic proclitic that carries the article (وال، بال، لل، ...), or ''."""
        from rasad.text.clitics import arabic_proclitics

        return arabic_proclitics(self.norm)[0]

    @property
    def suffix(self) -> str:
        """The Persian suffix or clitic (ها، های، ای، ی، ش، شان, ...), or ''."""
        from rasad.text.clitics import persian_suffixes

        return persian_suffixes(self.norm)[1]

    def stems(self, lang: str | None) -> list[str]:
        """Every reading of the word for a lexicon to try: the whole word first."""
        from rasad.text.clitics import candidate_stems

        return candidate_stems(self.norm, lang)


@dataclass(slots=True)
class Actor:
    """A participant of an event or the speaker of a quote."""

    entity: int | None = None
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        return None if data is None else cls(**{k: data.get(k) for k in _names(cls)})

    @classmethod
    def of_entity(cls, index: int, entity: Entity) -> Actor:
        """The actor an entity mention (`doc.entities[index]`) names, for an event or a quote:
        a city that acts («أنقرة ترفض», «مع موسكو») is the government it stands for (the
        actors stage's `stands_for`), while the mention itself stays the city."""
        government = entity.extra.get("stands_for")
        if government:
            return cls(entity=index, kb_id=government["id"], name_en=government.get("name_en"),
                       country=government["country"], sector=government.get("sector", "GOV"))
        return cls(entity=index, kb_id=entity.kb_id, name_en=entity.name_en,
                   country=entity.country, sector=entity.extra.get("sector"))


@dataclass(slots=True, kw_only=True)
class Record:
    """A span annotation. Subclasses add their fields; `extra` carries optional ones."""

    layer: ClassVar[str] = ""
    start: int
    end: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, doc: Document) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": doc.text[self.start:self.end]}
        for f in fields(self):
            if f.name in ("start", "end", "extra"):
                continue
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if hasattr(value, "to_dict") else value
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        known = _names(cls) - {"extra"}
        kwargs = {k: data[k] for k in known if k in data}
        extra = {k: v for k, v in data.items() if k not in known and k != "text"}
        return cls(**kwargs, extra=extra)


@dataclass(slots=True, kw_only=True)
class Entity(Record):
    layer: ClassVar[str] = "entities"
    type: str
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    confidence: float = 1.0


@dataclass(slots=True, kw_only=True)
class Time(Record):
    layer: ClassVar[str] = "times"
    value: str | None
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False


@dataclass(slots=True, kw_only=True)
class Quantity(Record):
    layer: ClassVar[str] = "quantities"
    value: float | None
    kind: str
    unit: str | None = None


@dataclass(slots=True, kw_only=True)
class Quote(Record):
    layer: ClassVar[str] = "quotes"
    speaker: Actor | None = None
    cue: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        quote = super(Quote, cls).from_dict(data)
        quote.speaker = Actor.from_dict(data.get("speaker"))  # type: ignore[arg-type]
        return quote  # type: ignore[return-value]


RECORD_TYPES: dict[str, type[Record]] = {cls.layer: cls for cls in (Entity, Time, Quantity, Quote)}


def _names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def iso_day(value: str | date | None) -> date | None:
    """The day of an ISO date or datetime string (a `date` passes); None if absent or unreadable.

    `published` is kept as given ("2016-08-09T10:00:00Z"); stages that date things use this.
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def document_id(text: str, **meta: str | None) -> str:
    """Stable id: a hash of the text and the metadata that came with it."""
    h = hashlib.sha256(text.encode("utf-8"))
    for key in sorted(meta):
        h.update(f"\x00{key}={meta[key] or ''}".encode())
    return h.hexdigest()[:20]


@dataclass(eq=False)
class Document:
    """A text and everything rasad found in it."""

    text: str
    id: str = ""
    lang: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # ingest facts: path, encoding, ...
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # names of the stages that ran

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Document text must be str, not {type(self.text).__name__}")
        if not self.id:
            self.id = document_id(self.text, title=self.title, published=self.published,
                                  source=self.source, url=self.url)

    @cached_property
    def normalized(self) -> NormalizedText:
        """The normalized copy with its offset map (computed once, on first use)."""
        return normalize(self.text)

    def language_runs(self) -> list[tuple[str | None, int, int]]:
        """(language, start, end) of each stretch of consecutive sentences in one language,
        covering the whole text. One run in the document's language unless the language
        stage marked sentences of another («۱۵ مهر ۱۴۰۲» in an Arabic article is Persian)."""
        runs: list[tuple[str | None, int, int]] = []
        for sentence in self.sentences:
            lang = sentence.lang or self.lang
            if runs and runs[-1][0] != lang:
                runs[-1] = (runs[-1][0], runs[-1][1], sentence.start)
            if not runs or runs[-1][0] != lang:
                runs.append((lang, runs[-1][2] if runs else 0, len(self.text)))
        return runs or [(self.lang, 0, len(self.text))]

    def per_language(self, find: Callable[[str | None], list[T]],
                     start_of: Callable[[T], int]) -> list[T]:
        """What `find(lang)` finds, each item kept only where its language is spoken: a
        mixed document is read once per language and every stretch keeps its own readings."""
        runs = self.language_runs()
        if len(runs) == 1:
            return find(runs[0][0])
        found: list[T] = []
        for lang in dict.fromkeys(run[0] for run in runs):
            spans = [(start, end) for run_lang, start, end in runs if run_lang == lang]
            found += [x for x in find(lang) if any(a <= start_of(x) < b for a, b in spans)]
        return sorted(found, key=start_of)

    def add(self, record: Record) -> Record:
        """Add an annotation after checking that its span lies inside the text."""
        self.check_span(record.start, record.end, what=type(record).__name__)
        getattr(self, record.layer).append(record)
        return record

    def check_span(self, start: int, end: int, *, what: str = "span") -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(self.text)):
            raise ValueError(f"{what} [{start}:{end}] lies outside document {self.id} "
                             f"of {len(self.text)} characters")

    def to_dict(self) -> dict[str, Any]:
        """The contract shape (see rasad/schema/document.schema.json)."""
        out: dict[str, Any] = {
            "id": self.id, "lang": self.lang or "other", "published": self.published,
            "title": self.title, "source": self.source, "url": self.url, "text": self.text,
            "sentences": [s.to_dict(self) for s in self.sentences],
        }
        if self.meta.get("published_source"):  # e.g. "inferred:dateline": not from metadata
            out["published_source"] = self.meta["published_source"]
        for layer in LAYERS:
            out[layer] = [r.to_dict(self) if hasattr(r, "to_dict") else r
                          for r in getattr(self, layer)]
        return out

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        doc = cls(text=data["text"], id=data.get("id", ""), lang=data.get("lang"),
                  published=data.get("published"), title=data.get("title"),
                  source=data.get("source"), url=data.get("url"))
        if data.get("published_source"):
            doc.meta["published_source"] = data["published_source"]
        doc.sentences = [Sentence(s["start"], s["end"], s.get("lang")) for s in data.get("sentences", [])]
        for layer, record_type in RECORD_TYPES.items():
            for item in data.get(layer, []):
                doc.add(record_type.from_dict(item))
        event_type = _event_type()
        doc.events = [event_type.from_dict(e) if event_type else e for e in data.get("events", [])]
        return doc


def _event_type() -> Any:
    """The events layer's record type, once the events package defines it."""
    try:
        from rasad.events.record import Event  # noqa: PLC0415
    except ImportError:
        return None
    return Event
