"""How a contract record (a dict of `Document.to_dict()`) maps to a table row, and back.

Each layer table stores span offsets and text, the contract fields that have a column, the
fields stored as JSON, and `extra` for every other key. Reading a row back gives the same
dict the document produced, so `Document.from_dict(load(...)).to_dict()` equals the
original. Events are stored whole in `record` and projected into query columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from rasad.events.merge import merge_key

if TYPE_CHECKING:
    from rasad.document import Document

ACTOR_KEYS = ("entity", "kb_id", "name_en", "country", "sector")


def to_json(value: Any) -> str | None:
    """JSON text for a column; None stays NULL."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


def from_json(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def real(value: Any) -> float | None:
    """A number for a REAL column (a Python int beyond 64 bits would not bind)."""
    return None if value is None else float(value)


def _actor_columns(role: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{role}_{key}": actor.get(key) for key in ACTOR_KEYS}


@dataclass(frozen=True)
class Layer:
    """A span layer table: which contract keys have which kind of column."""

    table: str
    columns: tuple[str, ...]                 # stored as they are, read back as they are
    reals: tuple[str, ...] = ()              # numbers in REAL columns
    bools: tuple[str, ...] = ()              # booleans in INTEGER columns
    jsons: tuple[str, ...] = ()              # nested values stored as JSON text
    derived: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None  # query-only columns
    stored: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stored", self.columns + self.reals + self.bools + self.jsons)

    def to_row(self, doc_id: str, idx: int, record: Mapping[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {"doc_id": doc_id, "idx": idx, "start": record["start"],
                               "end": record["end"], "text": record["text"]}
        row.update({key: record.get(key) for key in self.columns})
        row.update({key: real(record.get(key)) for key in self.reals})
        row.update({key: None if record.get(key) is None else bool(record[key]) for key in self.bools})
        row.update({key: to_json(record.get(key)) for key in self.jsons})
        if self.derived:
            row.update(self.derived(record))
        known = {"start", "end", "text", *self.stored}
        extra = {k: v for k, v in record.items() if k not in known}
        row["extra"] = to_json(extra) if extra else None
        return row

    def from_row(self, row: Mapping[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = {"start": row["start"], "end": row["end"], "text": row["text"]}
        record.update({key: row[key] for key in self.columns + self.reals})
        record.update({key: None if row[key] is None else bool(row[key]) for key in self.bools})
        record.update({key: from_json(row[key]) for key in self.jsons})
        record.update(from_json(row["extra"], {}))
        return record

    @property
    def insert_sql(self) -> str:
        return insert_sql(self.table, self.row_columns)

    @property
    def row_columns(self) -> tuple[str, ...]:
        derived = tuple(self.derived({})) if self.derived else ()
        return ("doc_id", "idx", "start", "end", "text", *self.stored, *derived, "extra")


def _speaker_columns(record: Mapping[str, Any]) -> dict[str, Any]:
    speaker = record.get("speaker") or {}
    return {"speaker_kb_id": speaker.get("kb_id"), "speaker_name_en": speaker.get("name_en"),
            "speaker_country": speaker.get("country")}


LAYERS: dict[str, Layer] = {layer.table: layer for layer in (
    Layer("entities", ("type", "kb_id", "name_en", "country"), reals=("confidence",)),
    Layer("times", ("value", "granularity", "calendar"), bools=("relative",)),
    Layer("quantities", ("kind", "unit"), reals=("value",)),
    Layer("quotes", ("cue",), jsons=("speaker",), derived=_speaker_columns),
)}


def event_row(doc_id: str, idx: int, event: Mapping[str, Any]) -> dict[str, Any]:
    """The query columns of one contract event, plus the whole event as `record`."""
    trigger = event.get("trigger") or {}
    plover = event.get("plover") or {}
    return {
        "doc_id": doc_id, "idx": idx, "sentence": event.get("sentence"),
        "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
        "trigger_text": trigger.get("text"),
        **_actor_columns("source", event.get("source")),
        **_actor_columns("target", event.get("target")),
        "cameo": event.get("cameo"), "plover_event": plover.get("event"),
        "plover_mode": plover.get("mode"), "plover_context": plover.get("context"),
        "quad_class": event.get("quad_class"), "goldstein": real(event.get("goldstein")),
        "date": event.get("date"), "location": to_json(event.get("location")),
        "status": event.get("status"), "confidence": real(event.get("confidence")),
        "rule": event.get("rule"), "record": json.dumps(event, ensure_ascii=False),
        "merge_key": merge_key(event) if event else None,
    }


EVENT_COLUMNS: tuple[str, ...] = tuple(event_row("", 0, {}))


@cache
def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """An INSERT with a named parameter for each of `columns`."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in columns)})"


DOC_COLUMNS = ("id", "content_hash", "lang", "published", "title", "source", "url", "text",
               "origin", "format", "encoding", "meta", "ingested_at", "analyzed_with",
               "n_sentences", "n_tokens", "run_id")
SENTENCE_COLUMNS = ("doc_id", "idx", "start", "end", "lang")


@dataclass
class DocRows:
    """Exactly the rows one document becomes in the store, built where it was analysed.

    A `rasad run` worker builds them and sends them to the writing process instead of the
    whole `Document` (its tokens, caches and objects pickle to several times the size), and
    `save_document` builds them in place: one path from a document to its rows. The
    document row lacks `ingested_at` and `run_id`, which the writer adds."""

    id: str
    origin: str | None
    content_hash: str
    document: dict[str, Any]
    sentences: list[dict[str, Any]]
    fts: list[str]  # what the full-text index holds for each sentence
    layers: dict[str, list[dict[str, Any]]]
    events: list[dict[str, Any]]
    lang: str | None
    analysed: bool  # segmented: its sentences and tokens count in a run's summary
    n_tokens: int


def document_rows(doc: Document, *, content_hash: str) -> DocRows:
    """The rows `doc` is stored as (see `DocRows`)."""
    from rasad import __version__
    from rasad.store.search import fts_text

    data = doc.to_dict()
    meta = doc.meta
    origin = _str_or_none(meta.get("origin"))
    document = {
        "id": doc.id, "content_hash": content_hash, "lang": doc.lang, "published": doc.published,
        "title": doc.title, "source": doc.source, "url": doc.url, "text": doc.text,
        "origin": origin, "format": _str_or_none(meta.get("format")),
        "encoding": _str_or_none(meta.get("encoding")),
        "meta": json.dumps(meta, ensure_ascii=False, default=str) if meta else None,
        "analyzed_with": json.dumps({"rasad": __version__, "stages": sorted(doc.done)}),
        "n_sentences": len(doc.sentences), "n_tokens": len(doc.tokens),
    }
    sentences = data["sentences"]
    return DocRows(
        id=doc.id, origin=origin, content_hash=content_hash, document=document,
        sentences=[{"doc_id": doc.id, "idx": i, "start": s["start"], "end": s["end"],
                    "lang": s.get("lang")} for i, s in enumerate(sentences)],
        fts=[fts_text(s["text"]) for s in sentences],
        layers={name: [layer.to_row(doc.id, i, record) for i, record in enumerate(data[name])]
                for name, layer in LAYERS.items()},
        events=[event_row(doc.id, i, event) for i, event in enumerate(data["events"])],
        lang=doc.lang, analysed="segment" in doc.done, n_tokens=len(doc.tokens))


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
