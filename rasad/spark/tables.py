"""An analysed Document as rows of the store's tables, for Parquet (no pyspark needed here).

The rows are the ones `rasad run` inserts into SQLite, built by the same function
(`rasad.store.rows.document_rows`), and each
column's type is the one the store's schema declares, read from a fresh in-memory store:
there is no second copy of the schema to fall out of step. Sentences also carry their text
(the store's `sentence_text` view). Every row carries its document's language and month of
publication (`doc_lang`, `published_month`, "unknown" when undated), the columns the
datasets are partitioned by.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasad.document import Document, iso_day
from rasad.store.rows import DOC_COLUMNS, EVENT_COLUMNS, LAYERS, SENTENCE_COLUMNS, document_rows
from rasad.store.write import now

PARTITION_COLUMNS = ("published_month", "doc_lang")
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": DOC_COLUMNS,
    "sentences": (*SENTENCE_COLUMNS, "text"),
    **{name: layer.row_columns for name, layer in LAYERS.items()},
    "events": EVENT_COLUMNS,
}
TABLES = tuple(TABLE_COLUMNS)
# Columns a layer stores as 0/1 in SQLite are booleans in Parquet.
BOOLEANS = {name: set(layer.bools) for name, layer in LAYERS.items()}


def partition_values(doc: Document) -> dict[str, str]:
    """`published_month` (YYYY-MM, or "unknown") and `doc_lang` (fa, ar, other)."""
    day = iso_day(doc.published)
    return {"published_month": f"{day:%Y-%m}" if day else "unknown",
            "doc_lang": doc.lang or "other"}


def document_tables(doc: Document, *, content_hash: str) -> dict[str, list[dict[str, Any]]]:
    """Every row `doc` adds to each table, with the partition columns."""
    rows = document_rows(doc, content_hash=content_hash)
    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [{**rows.document, "ingested_at": now(), "run_id": None}],
        "sentences": [{**row, "text": doc.text[row["start"]:row["end"]]} for row in rows.sentences],
        **rows.layers,
        "events": rows.events,
    }
    extra = partition_values(doc)
    for table in tables.values():
        for row in table:
            row.update(extra)
    return tables


@cache
def column_types(table: str) -> tuple[tuple[str, str], ...]:
    """(column, "string" | "long" | "double" | "boolean") for each column of `table`, the
    partition columns last; types from the SQLite schema of a fresh store."""
    from rasad.store import connect  # noqa: PLC0415

    conn = connect(":memory:")
    try:
        declared = {row[1]: row[2].upper() for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()
    kinds = {"INTEGER": "long", "REAL": "double"}
    typed = tuple((name, "boolean" if name in BOOLEANS.get(table, ()) else
                   kinds.get(declared.get(name, "TEXT"), "string"))
                  for name in TABLE_COLUMNS[table])
    return typed + tuple((name, "string") for name in PARTITION_COLUMNS)
