"""Cross-document event merging: many reports (mentions) of one real-world event become one
merged event, as a pure function of the mentions, so that it can be tested without a store.

Why this shape. Counting raw rows inflates every number by how often the press repeats a
story (the top complaint of GDELT and ICEWS users). To stay *reproducible*, the clusters of a
group of mentions are a deterministic function of the whole group — never of the order the
documents arrived in — and a cluster's id is derived from its content (its group and its
first day), never an autoincrement, so a later report of the same day joins an event
without changing its id. To stay *incremental*, mentions are split
into groups that can never merge with each other (`merge_key`), and a new document only
re-clusters the groups it touches.

The rule (README, "Merged events"):

* Two mentions can merge only when they share a **group**: the same status, the same PLOVER
  type and the same dyad. A side is its country (ISO alpha-3 or IGO code), or its
  knowledge-base id when it has no country; when both sides are of one country (domestic
  events) each side also carries its sector, so a government acting on its opposition is not
  the opposition acting on its government. For the symmetric types (CONSULT, COOPERATE,
  AGREE, and any event the events stage marked `symmetric`) the dyad is unordered. Status is
  part of the group: "met" and "will meet" are different records; only asserted clusters
  count in analyses.
* A mention with a side missing never merges across documents: it merges only with its own
  document's mentions of the same group and date (a repeat of the same sentence's event).
* Within a group, mentions dated to the day are sorted by (date, place, document, index) and
  swept once: a mention joins the earliest open cluster whose first day is at most one day
  before its own and whose place is compatible (same place id, or either unknown); else it
  opens a new cluster. Every pair in a cluster is thus within a day of each other, and a
  daily run of reports over a week does not chain into one event.
* A mention dated only to a month or a year, or not dated, joins the one day-dated cluster
  of its group that falls inside its period and has a compatible place — when there is
  exactly one. When there is none, or several, it cannot be placed without guessing: it
  merges only with its own document's mentions of the same group and date. This is what
  keeps undated reports from gluing a group together.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import Any

from rasad.events.record import SYMMETRIC_TYPES

WINDOW = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Mention:
    """One stored event row, as far as merging needs it."""

    doc_id: str
    idx: int
    key: str                      # the group (`merge_key`)
    date: str | None = None       # ISO day, month or year, or None
    place: str | None = None      # the place's knowledge-base id, or None


def side_key(side: Mapping[str, Any] | None, *, domestic: bool = False) -> str | None:
    """A side of a dyad: its country, else its KB id; with its sector when `domestic`."""
    side = side or {}
    key = side.get("country") or side.get("kb_id")
    if not key:
        return None
    return f"{key}/{side.get('sector') or '?'}" if domestic else str(key)


def merge_key(event: Mapping[str, Any]) -> str:
    """The group of a contract event (a dict of `Event.to_dict`): mentions of different groups
    never merge. «asserted|CONSULT|RUS~TUR» (unordered), «asserted|ASSAULT|RUS>UKR» (ordered);
    a missing side is «-»."""
    plover = (event.get("plover") or {}).get("event") or "?"
    source, target = event.get("source") or {}, event.get("target") or {}
    domestic = bool(source.get("country")) and source.get("country") == target.get("country")
    a, b = side_key(source, domestic=domestic) or "-", side_key(target, domestic=domestic) or "-"
    if plover in SYMMETRIC_TYPES or event.get("symmetric"):
        a, b = sorted((a, b))
        return f"{event.get('status') or 'asserted'}|{plover}|{a}~{b}"
    return f"{event.get('status') or 'asserted'}|{plover}|{a}>{b}"


def place_of(event: Mapping[str, Any]) -> str | None:
    """The place id of a contract event, or None when its place is unknown."""
    location = event.get("location") or {}
    return location.get("kb_id") or None


def merged_id(*parts: str) -> str:
    """A merged event's id, from what defines it: the same corpus gives the same ids.

    A day cluster is named by its group and first day («asserted|CONSULT|RUS~TUR», «2016-08-09»),
    plus its place when another cluster of that group opened on the same day first (the
    same day in two places); an unplaced mention's cluster by its group, document and date."""
    return "m" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:15]


@dataclass
class _Cluster:
    first: date
    place: str | None
    members: list[Mention] = field(default_factory=list)


def cluster_group(mentions: Iterable[Mention]) -> dict[Mention, str]:
    """Each mention of one group → the id of its merged event (see the module docstring)."""
    mentions = sorted(set(mentions), key=_order)
    if any(m.key != mentions[0].key for m in mentions):
        raise ValueError("cluster_group takes the mentions of one group (one merge_key)")
    if mentions and _has_missing_side(mentions[0].key):
        return _by_document(mentions)
    days = [m for m in mentions if _day(m.date) is not None]
    others = [m for m in mentions if _day(m.date) is None]
    clusters = _sweep(days)
    leftovers: list[Mention] = []
    for mention in others:
        hosts = list(islice((c for c in clusters if _inside(c, mention)), 2))  # 2: ambiguous
        if len(hosts) == 1:
            hosts[0].members.append(mention)
        else:
            leftovers.append(mention)
    result: dict[Mention, str] = {}
    named: set[date] = set()
    for cluster in clusters:  # in the order they were opened
        parts = [mentions[0].key, cluster.first.isoformat()]
        if cluster.first in named:  # the same day, another place: the place tells them apart
            parts.append(cluster.place or "")
        named.add(cluster.first)
        result.update(dict.fromkeys(cluster.members, merged_id(*parts)))
    result.update(_by_document(leftovers))
    return result


def cluster_all(mentions: Iterable[Mention]) -> dict[Mention, str]:
    """Every mention → its merged event id, group by group."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    result: dict[Mention, str] = {}
    for members in groups.values():
        result.update(cluster_group(members))
    return result


def _order(mention: Mention) -> tuple[str, str, str, int]:
    return (mention.date or "~", mention.place or "", mention.doc_id, mention.idx)


def _has_missing_side(key: str) -> bool:
    dyad = key.rsplit("|", 1)[-1]
    return "-" in dyad.replace("~", ">").split(">")


def _sweep(days: list[Mention]) -> list[_Cluster]:
    """Day-dated mentions (sorted) into clusters whose members are all within a day.

    Only clusters opened at most a day before the current mention are looked at, so the
    sweep is linear in the group's size however long the group's history is."""
    clusters: list[_Cluster] = []
    open_: list[_Cluster] = []
    for mention in days:
        day = _day(mention.date) or date.min  # every mention here has a day
        open_ = [c for c in open_ if day - c.first <= WINDOW]
        host = next((c for c in open_ if _compatible(c.place, mention.place)), None)
        if host is None:
            host = _Cluster(first=day, place=mention.place)
            clusters.append(host)
            open_.append(host)
        host.place = host.place or mention.place
        host.members.append(mention)
    return clusters


def _inside(cluster: _Cluster, mention: Mention) -> bool:
    """A month-, year- or un-dated mention could be this day cluster's event."""
    if not _compatible(cluster.place, mention.place):
        return False
    return not mention.date or cluster.first.isoformat().startswith(mention.date)


def _by_document(mentions: list[Mention]) -> dict[Mention, str]:
    """Mentions that cannot be placed: merged only within their document and date."""
    groups: dict[tuple[str, str | None], list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[(mention.doc_id, mention.date)].append(mention)
    result: dict[Mention, str] = {}
    for (doc_id, day), members in groups.items():
        result.update(dict.fromkeys(members, merged_id(members[0].key, doc_id, day or "-")))
    return result


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
