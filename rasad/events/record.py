"""The event record: who did what to whom, coded, dated, placed, with its status and its why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rasad.document import Actor

if TYPE_CHECKING:
    from rasad.document import Document

STATUSES = ("asserted", "negated", "hypothetical", "future", "proposed", "reported_claim")
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass(slots=True, kw_only=True)
class Event:
    """One coded event. `start`/`end` is the trigger's span; only `asserted` events happened."""

    sentence: int
    start: int
    end: int
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str
    mode: str | None = None
    context: str | None = None
    quad_class: int
    goldstein: float
    status: str = "asserted"
    date: str | None = None
    location: dict[str, Any] | None = None
    confidence: float = 0.5
    rule: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # status_reason, symmetric, reporter...

    def to_dict(self, doc: Document) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sentence": self.sentence,
            "trigger": {"start": self.start, "end": self.end, "text": doc.text[self.start:self.end]},
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": {"event": self.plover, "mode": self.mode, "context": self.context},
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "date": self.date, "location": self.location, "status": self.status,
            "confidence": self.confidence, "rule": self.rule,
        }
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {"sentence", "trigger", "source", "target", "cameo", "plover", "quad_class",
                 "goldstein", "date", "location", "status", "confidence", "rule"}
        plover = data.get("plover") or {}
        return cls(sentence=data["sentence"], start=data["trigger"]["start"],
                   end=data["trigger"]["end"], source=Actor.from_dict(data.get("source")),
                   target=Actor.from_dict(data.get("target")), cameo=data["cameo"],
                   plover=plover.get("event"), mode=plover.get("mode"),
                   context=plover.get("context"), quad_class=data["quad_class"],
                   goldstein=data["goldstein"], status=data.get("status", "asserted"),
                   date=data.get("date"), location=data.get("location"),
                   confidence=data.get("confidence", 0.5), rule=data.get("rule"),
                   extra={k: v for k, v in data.items() if k not in known})

    @property
    def happened(self) -> bool:
        return self.status == "asserted"
