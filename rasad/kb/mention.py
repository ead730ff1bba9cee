"""A mention under construction: what the actor stages know about one span before it becomes
an `Entity`. Kept apart from `Entity` because linking needs token indices, the KB record and
the role phrase's parts, none of which belong in the output contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasad.document import Document, Entity
from rasad.kb.base import ActorRecord

# Entity type of each KB kind.
TYPE_OF_KIND = {
    "person": "PER", "state": "LOC", "territory": "LOC", "city": "LOC", "region": "LOC",
    "water": "LOC",
    "igo": "ORG", "gov_body": "ORG", "armed_group": "ORG", "party": "ORG", "company": "ORG",
    "media": "ORG",
}


@dataclass(slots=True, eq=False)
class Mention:
    """A span over tokens `first..last`, linked to `actor` or not (yet)."""

    first: int
    last: int
    start: int
    end: int
    type: str
    source: str  # kb | role | crf | coref
    actor: ActorRecord | None = None
    country: str | None = None
    confidence: float = 1.0
    rule: str = ""
    role: str | None = None  # the office a role phrase names (head_of_state, ...)
    sector: str | None = None
    kind: str = "name"  # name | adjective | role | counterpart | state | military | body | title
    obj: Mention | None = None  # the country/organization a role phrase names
    title: Any = None  # the rasad.kb.roles.Title of a role phrase
    clitic: str = ""  # Arabic proclitic left outside the span (ل of لبوتين)
    # "list" (weak_names.tsv), "kb" (the record's `ambiguous` names) or "title" (a person's
    # one-word short form followed by a title word: rasad.kb.context) for a word that is often
    # not this actor: kept only if the document confirms it.
    weak: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kb_id(self) -> str | None:
        return self.actor.id if self.actor else None

    @property
    def code(self) -> str | None:
        """The country (or IGO) code this mention stands for."""
        return self.actor.country if self.actor and self.actor.country else self.country

    def link(self, actor: ActorRecord | None, *, confidence: float, rule: str) -> None:
        self.actor = actor
        self.confidence = confidence
        if actor is not None:
            self.country = actor.country
        self.rule = rule

    def to_entity(self, doc: Document) -> Entity:
        extra: dict[str, Any] = {"source": self.source}
        if self.rule:
            extra["rule"] = self.rule
        if self.role:
            extra["role"] = self.role
        sector = self.sector or (self.actor.sector if self.actor else None)
        if sector:
            extra["sector"] = sector
        extra.update((k, v) for k, v in self.extra.items() if k != "name_en")
        name_en = self.actor.name_en if self.actor else self.extra.get("name_en")
        return Entity(start=self.start, end=self.end, type=self.type, kb_id=self.kb_id,
                      name_en=name_en, country=self.code, confidence=round(self.confidence, 3),
                      extra=extra)
