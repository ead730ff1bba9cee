"""Actors for display: an id, code or name resolved through the knowledge base, and the
Persian and Arabic names shown beside the English one.

`rasad.kb.base.KnowledgeBase.search` already folds ي/ی، ك/ک، hamza forms and ZWNJ
(`match_key`), so a name typed in any of those spellings finds the same actor.
"""

from __future__ import annotations

from typing import Any

from rasad.kb.base import ActorRecord, load_kb


def resolve(key: str) -> ActorRecord | None:
    """The actor `key` names: a KB id (Q7747), a country or IGO code (RUS, NATO), or an exact
    name in English, Persian or Arabic; else the best partial name match; else None."""
    kb = load_kb()
    found = kb.get(key) or (kb.by_code(key.upper()) if key.isascii() else None)
    if found:
        return found
    exact = kb.exact(key)
    if exact:
        return exact[0]
    partial = kb.search(key, limit=1)
    return partial[0] if partial else None


def names(record: ActorRecord | None) -> dict[str, str]:
    """{"en": ..., "fa": ..., "ar": ...}: the first name in each language the record has."""
    return {} if record is None else record.display_names()


def labels(*, kb_id: str | None = None, country: str | None = None,
           name_en: str | None = None) -> dict[str, str]:
    """The names of an event side or a network node, from its KB id, else its country code."""
    kb = load_kb()
    record = (kb.get(kb_id) if kb_id else None) or (kb.by_code(country) if country else None)
    out = names(record)
    if name_en and kb_id:
        out["en"] = name_en
    if not out:
        out = {"en": name_en or kb_id or country or "?"}
    return out


def node_names(key: str) -> dict[str, str]:
    """Names of a network node or counterpart: a KB id or a country/IGO code."""
    return labels(kb_id=key, country=key)


def record_summary(record: ActorRecord) -> dict[str, Any]:
    """What a search result or an actor page needs of a KB record."""
    return {"id": record.id, "key": page_key(record), "kind": record.kind, "country": record.country,
            "sector": record.sector, "code": record.code, "names": names(record),
            "all_names": {lang: list(record.names.get(lang, ())) for lang in ("fa", "ar")}}


def search(query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors called `query` in any script (exact name first, then names containing it)."""
    return [record_summary(r) for r in load_kb().search(query, limit=limit)]


def page_key(record: ActorRecord) -> str:
    """What an actor page is addressed by: the code for states and IGOs (RUS), else the id."""
    if record.kind in ("state", "territory", "igo") and record.country:
        return record.country
    return record.id
