"""The actor knowledge base: load the shipped records, look actors up by id, name or role.

Why this shape: a mention in a Persian or Arabic article ("پوتین", "الرئيس التركي", "کرملین")
has to end as one actor with an id, a country and a sector, and a role phrase has to resolve
against the article's date ("the US Secretary of State" is Blinken in 2022, Rubio in 2025).
So every record carries its names per language and its dated roles, and the KB answers
three questions: who is this id, who is called this, who held this role on that day.

The data is rasad/data/kb/actors.jsonl (one JSON object per line, sorted by id; format in
rasad/data/kb/README.md). It is read lazily and once (`load_kb` is cached).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from rasad.data import read_text
from rasad.text.normalize import match_key

LANGS = ("fa", "ar", "en", "ru")
# Offices one person holds at a time in one country (for IGOs: in one organization; for
# envoys of one sender: per host). Shared by the resolver (several holders found → take the
# first) and the validator (two unmarked holders at once → an error): one list, one meaning.
SINGLE_HOLDER = frozenset({
    "head_of_state", "head_of_government", "president", "foreign_minister", "defense_minister",
    "supreme_leader", "crown_prince", "secretary_general", "commission_president",
    "council_president", "high_representative", "speaker_of_parliament",
    "chief_of_general_staff", "central_bank_governor", "national_security_adviser",
    "presidential_spokesperson", "foreign_ministry_spokesperson", "security_council_secretary"})


def _date(value: str | None, *, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{what}: {value!r} is not an ISO date (YYYY-MM-DD)") from e


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: `foreign_minister` of `USA` from `start` up to (not including) `end`.

    `end` is the day the tenure ended, which is usually the successor's first day, so a
    tenure covers start <= day < end. `end=None` means still in office as far as the KB
    knows; `last_confirmed` bounds that for imported data that is only known up to a date.
    """

    role: str
    country: str | None
    start: date | None
    end: date | None
    to: str | None = None  # ambassadors, envoys, permanent representatives: the host
    org: str | None = None  # actor id of the organization led (a group leader's group)
    title: str | None = None
    acting: bool = False  # acting, interim or caretaker holder (beside or between holders)
    shared: bool = False  # held jointly or alongside another office-holder (co-chairs, a PM's kept portfolio)
    note: str | None = None
    source: str | None = None  # None = curated with the record; "countryinfo" = imported
    last_confirmed: date | None = None

    def holds_on(self, day: date, *, include_unconfirmed: bool = False) -> bool:
        """True when the role covers `day` (start <= day < end)."""
        if self.start is not None and day < self.start:
            return False
        if self.end is not None:
            return day < self.end
        if self.last_confirmed is not None and day > self.last_confirmed:
            return include_unconfirmed
        return True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        what = f"role {data.get('role')!r}"
        last = data.get("last_confirmed")
        return cls(
            role=data["role"],
            country=data.get("country"),
            start=_date(data.get("start"), what=what + " start"),
            end=_date(data.get("end"), what=what + " end"),
            to=data.get("to"),
            org=data.get("org"),
            title=data.get("title"),
            acting=bool(data.get("acting", False)),
            shared=bool(data.get("shared", False)),
            note=data.get("note"),
            source=data.get("source"),
            last_confirmed=_date(last, what=what + " last_confirmed"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "role": self.role,
            "country": self.country,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }
        for key in ("to", "org", "title", "note", "source"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for flag in ("acting", "shared"):
            if getattr(self, flag):
                out[flag] = True
        if self.last_confirmed:
            out["last_confirmed"] = self.last_confirmed.isoformat()
        return out


def _names(data: dict[str, Any] | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(values) for lang, values in (data or {}).items() if values}


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor: a state, city, IGO, government body, person, armed group, party, company
    or media outlet. `country` is an ISO 3166-1 alpha-3 code or an IGO code (NATO, EU, UN)."""

    id: str
    kind: str
    name_en: str
    country: str | None
    sector: str | None
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    code: str | None = None
    capital: bool = False
    metonym: bool = False
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    notes: str | None = None

    def display_names(self) -> dict[str, str]:
        """{"en": ..., "fa": ..., "ar": ...}: the English name and the first Persian and Arabic
        names the record has (what tables and pages show beside one another)."""
        out = {"en": self.name_en}
        for lang in ("fa", "ar"):
            if self.names.get(lang):
                out[lang] = self.names[lang][0]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRecord:
        return cls(
            id=data["id"],
            kind=data["kind"],
            name_en=data["name_en"],
            country=data.get("country"),
            sector=data.get("sector"),
            names=_names(data.get("names")),
            adjectives=_names(data.get("adjectives")),
            roles=tuple(Role.from_dict(r) for r in data.get("roles", ())),
            parent=data.get("parent"),
            code=data.get("code"),
            capital=bool(data.get("capital", False)),
            metonym=bool(data.get("metonym", False)),
            ambiguous=_names(data.get("ambiguous")),
            sources=tuple(data.get("sources", ())),
            notes=data.get("notes"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "name_en": self.name_en,
            "country": self.country, "sector": self.sector,
            "names": {lang: list(v) for lang, v in self.names.items()},
        }
        if self.adjectives:
            out["adjectives"] = {lang: list(v) for lang, v in self.adjectives.items()}
        if self.roles:
            out["roles"] = [r.to_dict() for r in self.roles]
        for key in ("parent", "code", "notes"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("capital", "metonym"):
            if getattr(self, key):
                out[key] = True
        if self.ambiguous:
            out["ambiguous"] = {lang: list(v) for lang, v in self.ambiguous.items()}
        out["sources"] = list(self.sources)
        return out

    def all_names(self, lang: str | None = None) -> Iterator[str]:
        for code in (lang,) if lang else LANGS:
            yield from self.names.get(code, ())


class NameEntry(NamedTuple):
    """One surface form for a gazetteer: the text, its language, whose it is, and whether it
    is an adjective/demonym (روسی، الروسية) rather than a name."""

    name: str
    lang: str
    actor_id: str
    is_adjective: bool


class KnowledgeBase:
    """Records plus indexes by id, by name key and by (role, country)."""

    def __init__(self, records: Iterable[ActorRecord]):
        self.records: tuple[ActorRecord, ...] = tuple(records)
        self._by_id = {r.id: r for r in self.records}
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._by_role: dict[tuple[str, str | None], list[tuple[Role, str]]] = defaultdict(list)
        self._by_code: dict[str, str] = {}
        for r in self.records:
            for entry in _entries(r):
                ids = self._by_key[match_key(entry.name)]
                if r.id not in ids:
                    ids.append(r.id)
            for role in r.roles:
                self._by_role[(role.role, role.country)].append((role, r.id))
            if r.kind in ("state", "territory", "igo") and r.country:
                self._by_code.setdefault(r.country, r.id)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[ActorRecord]:
        return iter(self.records)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> ActorRecord | None:
        """The record with this id, or None."""
        return self._by_id.get(actor_id)

    def government_of(self, record: ActorRecord | None) -> ActorRecord | None:
        """The state a city can stand for in the news: its capital's (موسكو), or the one a
        city names there (تل أبيب); None for other places (القدس is a place of its own)."""
        if record is None or record.kind != "city" or not (record.capital or record.metonym) \
                or not record.parent:
            return None
        return self.get(record.parent)

    def by_code(self, code: str) -> ActorRecord | None:
        """The state, territory or IGO whose code is `code` (RUS, XKX, NATO, EU)."""
        actor_id = self._by_code.get(code)
        return self._by_id[actor_id] if actor_id else None

    def of_kind(self, kind: str) -> list[ActorRecord]:
        """All records of one kind (state, person, igo, ...), in id order."""
        return [r for r in self.records if r.kind == kind]

    def counts(self) -> dict[str, int]:
        """Number of records per kind, for listings."""
        out: dict[str, int] = defaultdict(int)
        for r in self.records:
            out[r.kind] += 1
        return dict(sorted(out.items()))

    def codes(self) -> frozenset[str]:
        """Every valid `country` value: ISO3 codes of states/territories and IGO codes."""
        return frozenset(self._by_code)

    def search(self, query: str, lang: str | None = None, *, kinds: Iterable[str] | None = None,
               limit: int = 20) -> list[ActorRecord]:
        """Actors called `query`: exact name/adjective key first, then keys containing it.

        Keys come from `match_key`, so پوتین/پوتين, أردوغان/اردوغان and ZWNJ or space
        variants meet. `lang` restricts which names are compared; `kinds` filters records.
        """
        key = match_key(query)
        if not key:
            return []
        wanted = set(kinds) if kinds else None
        exact = self._filter(self._by_key.get(key, ()), lang, key, wanted, exact=True)
        if exact or len(key) < 3:
            return exact[:limit]
        partial: list[str] = []
        for k, ids in self._by_key.items():
            if key in k:
                partial.extend(i for i in ids if i not in partial)
        return self._filter(partial, lang, key, wanted, exact=False)[:limit]

    def exact(self, name: str, lang: str | None = None, *,
              kinds: Iterable[str] | None = None) -> list[ActorRecord]:
        """Actors whose name or adjective is exactly `name` (up to `match_key`), no partial
        search: cheap enough to call per word."""
        key = match_key(name)
        if not key:
            return []
        return self._filter(self._by_key.get(key, ()), lang, key, set(kinds) if kinds else None,
                            exact=True)

    def _filter(self, ids: Iterable[str], lang: str | None, key: str,
                kinds: set[str] | None, *, exact: bool) -> list[ActorRecord]:
        def fits(name: str) -> bool:
            name_key = match_key(name)
            return name_key == key if exact else key in name_key

        out = []
        for actor_id in ids:
            record = self._by_id[actor_id]
            if kinds and record.kind not in kinds:
                continue
            if lang and not any(e.lang == lang and fits(e.name) for e in _entries(record)):
                continue
            out.append(record)
        return out

    def holders(self, role: str, country: str | None, on: date, *, to: str | None = None,
                org: str | None = None, include_unconfirmed: bool = False) -> list[ActorRecord]:
        """Who held `role` for `country` on day `on` (non-acting holders first).

        `to` narrows ambassadors/envoys/representatives to a host (NATO, UN, USA); `org`
        narrows leaders to an organization's actor id.
        """
        found: list[tuple[bool, date, ActorRecord]] = []
        for r, actor_id in self._by_role.get((role, country), ()):
            if to is not None and r.to != to:
                continue
            if org is not None and r.org != org:
                continue
            if r.holds_on(on, include_unconfirmed=include_unconfirmed):
                found.append((r.acting, r.start or date.min, self._by_id[actor_id]))
        found.sort(key=lambda t: (t[0], -t[1].toordinal()))
        seen: set[str] = set()
        return [rec for _, _, rec in found if not (rec.id in seen or seen.add(rec.id))]

    def names(self) -> Iterator[NameEntry]:
        """Every (name, lang, actor_id, is_adjective), for building a gazetteer."""
        for record in self.records:
            yield from _entries(record)


def _entries(record: ActorRecord) -> Iterator[NameEntry]:
    for lang, values in record.names.items():
        for name in values:
            yield NameEntry(name, lang, record.id, False)
    for lang, values in record.adjectives.items():
        for name in values:
            yield NameEntry(name, lang, record.id, True)


def read_records(text: str, *, source: str = "actors.jsonl") -> list[ActorRecord]:
    """Parse JSONL text into records; a bad line raises ValueError naming the line."""
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(ActorRecord.from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{source}:{number}: {e}") from e
    return records


def load_kb_file(path: str | Path) -> KnowledgeBase:
    """A knowledge base from a JSONL file of your own (same format as the shipped one)."""
    path = Path(path)
    return KnowledgeBase(read_records(path.read_text("utf-8"), source=str(path)))


@cache
def load_kb() -> KnowledgeBase:
    """The knowledge base shipped in rasad/data/kb/actors.jsonl (read once, then cached)."""
    from rasad.diskcache import paused_gc

    with paused_gc():
        return KnowledgeBase(read_records(read_text("kb", "actors.jsonl")))
