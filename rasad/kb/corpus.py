"""The actors of a stored corpus: who is mentioned, how often, in how many documents.

A plain function over a `sqlite3.Connection` (the store's `entities` table), so the CLI, the
web app and a notebook ask it the same way.
"""

from __future__ import annotations

import sqlite3
from typing import Any

_LINKED = """
SELECT kb_id, MAX(name_en) AS name_en, MAX(country) AS country,
       GROUP_CONCAT(DISTINCT type) AS types, COUNT(*) AS mentions,
       COUNT(DISTINCT doc_id) AS documents
FROM entities WHERE kb_id IS NOT NULL
GROUP BY kb_id ORDER BY mentions DESC, kb_id LIMIT ?
"""
_UNLINKED = """
SELECT NULL AS kb_id, text AS name, MAX(country) AS country, type AS types,
       COUNT(*) AS mentions, COUNT(DISTINCT doc_id) AS documents
FROM entities WHERE kb_id IS NULL
GROUP BY text, type ORDER BY mentions DESC, text LIMIT ?
"""


def actor_counts(conn: sqlite3.Connection, *, limit: int = 50,
                 unlinked: bool = True) -> list[dict[str, Any]]:
    """Linked actors by mention count, then (if `unlinked`) unlinked names grouped by text.

    Each row: kb_id (None when unlinked), name (English name or the text), country, types
    (entity types seen, comma-separated), mentions, documents.
    """
    rows = [{"kb_id": r["kb_id"], "name": r["name_en"], "country": r["country"],
             "types": r["types"], "mentions": r["mentions"], "documents": r["documents"]}
            for r in conn.execute(_LINKED, (limit,))]
    if unlinked:
        rows += [{"kb_id": None, "name": r["name"], "country": r["country"], "types": r["types"],
                  "mentions": r["mentions"], "documents": r["documents"]}
                 for r in conn.execute(_UNLINKED, (limit,))]
    return rows
