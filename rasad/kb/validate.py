"""Check the actor knowledge base: the things a wrong record would silently break.

Errors (the shipped KB must have none): duplicate ids, unknown kinds, `country`/`to`
codes that are neither a state/territory ISO3 code nor an IGO code, roles ending before
they start, two curated holders of a single-holder office (`base.SINGLE_HOLDER`) of one
country at once unless one of the two tenures is marked `acting` (an interim or caretaker
holder) or `shared` (a joint office, a portfolio kept beside its minister): an unmarked overlap
makes `holders()` pick by start date alone, so a date slip shows up as the wrong person;
names whose match key is empty (they could never be matched), parents that do not exist.
Warnings: overlaps involving imported (CountryInfo) tenures, and one name key shared by
several actors (ambiguous names that a linker must resolve by context).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

from rasad.kb.base import SINGLE_HOLDER, ActorRecord, KnowledgeBase, Role, read_records
from rasad.text.normalize import match_key

KINDS = frozenset({"state", "territory", "city", "region", "water", "igo", "gov_body", "person",
                   "armed_group", "party", "company", "media"})


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # "error" or "warning"
    code: str  # duplicate-id, bad-kind, bad-code, bad-dates, overlap, empty-key, ...
    actor_id: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def validate(kb: KnowledgeBase, *, collisions: bool = True) -> list[Problem]:
    """All problems found in `kb`, errors first."""
    problems = [*_ids(kb.records), *_records(kb), *_overlaps(kb.records)]
    if collisions:
        problems += _collisions(kb)
    return sorted(problems, key=lambda p: (p.severity != "error", p.code, p.actor_id))


def validate_file(path: str | Path) -> list[Problem]:
    """Validate a JSONL file; a line that does not parse is reported, not raised."""
    try:
        records = read_records(Path(path).read_text("utf-8"), source=str(path))
    except ValueError as e:
        return [Problem("error", "bad-record", "-", str(e))]
    return validate(KnowledgeBase(records))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def _ids(records: Iterable[ActorRecord]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for r in records:
        if r.id in seen:
            out.append(Problem("error", "duplicate-id", r.id, f"id {r.id} is used twice"))
        seen.add(r.id)
    return out


def _records(kb: KnowledgeBase) -> list[Problem]:
    codes = kb.codes()
    out: list[Problem] = []
    for r in kb.records:
        if r.kind not in KINDS:
            out.append(Problem("error", "bad-kind", r.id, f"kind {r.kind!r} not in {sorted(KINDS)}"))
        if r.country is not None and r.country not in codes:
            out.append(Problem("error", "bad-code", r.id, f"country {r.country!r} is no ISO3/IGO code"))
        if r.parent is not None and r.parent not in kb:
            out.append(Problem("error", "bad-parent", r.id, f"parent {r.parent!r} is not in the KB"))
        if not r.names.get("en") and not r.names.get("fa") and not r.names.get("ar"):
            out.append(Problem("error", "no-names", r.id, "record has no en/fa/ar name"))
        out += _role_problems(r, codes, kb)
        out += _key_problems(r)
    return out


def _role_problems(r: ActorRecord, codes: frozenset[str], kb: KnowledgeBase) -> list[Problem]:
    out = []
    for role in r.roles:
        label = f"{role.role} {role.country}"
        if role.country is not None and role.country not in codes:
            out.append(Problem("error", "bad-code", r.id, f"{label}: unknown country code"))
        if role.to is not None and role.to not in codes:
            out.append(Problem("error", "bad-code", r.id, f"{label}: unknown 'to' code {role.to!r}"))
        if role.org is not None and role.org not in kb:
            out.append(Problem("error", "bad-org", r.id, f"{label}: org {role.org!r} not in the KB"))
        if role.start and role.end and role.end < role.start:
            out.append(Problem("error", "bad-dates", r.id, f"{label}: end {role.end} before start {role.start}"))
    return out


def _key_problems(r: ActorRecord) -> list[Problem]:
    out = []
    for field_name, values in (("names", r.names), ("adjectives", r.adjectives)):
        for lang, names in values.items():
            for name in names:
                if len(match_key(name)) < 2:
                    out.append(Problem("error", "empty-key", r.id,
                                       f"{field_name}[{lang}] {name!r} normalizes to {match_key(name)!r}"))
    return out


def _overlaps(records: Iterable[ActorRecord]) -> list[Problem]:
    """Two holders of one single-holder office at once (see the module docstring)."""
    offices: dict[tuple[str, str | None, str | None, str | None], list[tuple[Role, str]]]
    offices = defaultdict(list)
    for r in records:
        for role in r.roles:
            if role.role in SINGLE_HOLDER and not (role.acting or role.shared):
                offices[(role.role, role.country, role.to, role.org)].append((role, r.id))
    out = []
    for (office, country, _, _), tenures in offices.items():
        for (a, a_id), (b, b_id) in combinations(tenures, 2):
            if a_id == b_id or not _intersect(a, b):
                continue
            imported = "countryinfo" in (a.source, b.source)
            out.append(Problem(
                "warning" if imported else "error", "overlap", a_id,
                f"{office} {country}: {a_id} {_span(a)} overlaps {b_id} {_span(b)}"))
    return out


def _intersect(a: Role, b: Role) -> bool:
    if a.start is None or b.start is None:
        return False
    return (a.end is None or b.start < a.end) and (b.end is None or a.start < b.end)


def _span(role: Role) -> str:
    return f"{role.start}..{role.end or ''}"


def _collisions(kb: KnowledgeBase) -> list[Problem]:
    owners: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for entry in kb.names():
        if entry.lang in ("fa", "ar"):
            key = match_key(entry.name)
            owners[key].add(entry.actor_id)
            shown.setdefault(key, entry.name)
    return [Problem("warning", "ambiguous-name", sorted(ids)[0],
                    f"{shown[key]!r} names {len(ids)} actors: {', '.join(sorted(ids))}")
            for key, ids in sorted(owners.items()) if len(ids) > 1]
