"""Full-text search over sentences, for Persian and Arabic spellings.

SQLite's `unicode61` tokenizer alone fails Arabic script: it splits words at every haraka
(مُحَمَّد → م ح م د) and at ZWNJ, and does not fold ي/ی, ك/ک or Persian digits. So the index
holds rasad's normalized copy of each sentence (`normalize_str`: marks and tatweel dropped,
letters and digits folded) with ZWNJ removed, as `match_key` does, so text typed with and
without ZWNJ indexes alike; queries get the same treatment. Suffixed forms are one token
(روسیه‌ای → روسیهای): search for them with a prefix, `روسیه*`.

The index is contentless (`content=''`): rowids are `sentences.id`, and the sentence text is
read from the document. Removing a sentence from it needs the indexed text again, which
`unindex_document` recomputes.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from rasad.text.normalize import ZWNJ, normalize_str


def fts_text(text: str) -> str:
    """What the full-text index holds for `text` (and what a query is turned into)."""
    return normalize_str(text).replace(ZWNJ, "")


def index_fts(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Add (sentence id, `fts_text` of the sentence) pairs, already normalized, to the index."""
    conn.executemany("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", rows)


def unindex_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's sentences from the index (before its rows are deleted)."""
    doc = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if doc is None:
        return
    rows = conn.execute('SELECT id, start, "end" FROM sentences WHERE doc_id = ?', (doc_id,))
    conn.executemany(
        "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)",
        [(sid, fts_text(doc[0][start:end])) for sid, start, end in rows.fetchall()])


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The words of a plain query as the index holds them, each with True when it ends in
    `*` (a prefix); ValueError when nothing is left to search for."""
    terms = []
    for word in query.split():
        term = fts_text(word.rstrip("*")).strip()
        if term:
            terms.append((term, word.endswith("*")))
    if not terms:
        raise ValueError(f"nothing to search for in {query!r}")
    return terms


def match_expression(query: str) -> str:
    """An FTS5 expression for plain words: all must occur; a trailing * makes a prefix."""
    return " ".join('"' + term.replace('"', '""') + '"' + ("*" if prefix else "")
                    for term, prefix in query_terms(query))


# A word as written: letters and digits with the marks, tatweel and ZWNJ inside it.
_WORD = re.compile(r"[\w\u200c\u064b-\u065f\u066b\u0670\u06d6-\u06ed]+")
_TOKEN = re.compile(r"\w+")


def highlights(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of `query` are in `text` (a sentence as written): (start, end) offsets
    of each word whose indexed form matches a query word, whatever its spelling («روسيه» marks
    «روسیه», «بینالمللی» marks «بین‌المللی», «محمد» marks «مُحَمَّد»)."""
    wanted = [(_TOKEN.findall(term.lower()), prefix) for term, prefix in query_terms(query)]
    spans = []
    for match in _WORD.finditer(text):
        tokens = _TOKEN.findall(fts_text(match.group()).lower())
        if any(_matches(tokens, term, prefix) for term, prefix in wanted):
            spans.append(match.span())
    return spans


def _matches(tokens: list[str], term: list[str], prefix: bool) -> bool:
    """True when a word's index tokens share one with a query word (or start with it)."""
    return any(token == part or (prefix and token.startswith(part))
               for token in tokens for part in term)


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20,
           langs: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Sentences that contain every word of `query`, best first.

    Each hit: doc_id, sentence (index), start, end, text (the sentence as written), title,
    published, score (bm25; lower is better), highlights ((start, end) of the matching words
    in `text`). `langs` keeps documents in those languages.
    """
    lang_filter = f"AND d.lang IN ({', '.join('?' * len(langs))})" if langs else ""
    sql = f"""
        SELECT s.doc_id, s.idx AS sentence, s.start, s."end", d.text AS doc_text, d.title,
               d.published, bm25(sentences_fts) AS score
        FROM sentences_fts JOIN sentences AS s ON s.id = sentences_fts.rowid
        JOIN documents AS d ON d.id = s.doc_id
        WHERE sentences_fts MATCH ? {lang_filter}
        ORDER BY score LIMIT ?"""
    rows = conn.execute(sql, (match_expression(query), *langs, limit)).fetchall()
    hits = []
    for row in rows:
        hit = dict(row)
        hit["text"] = hit.pop("doc_text")[row["start"]:row["end"]]
        hit["highlights"] = highlights(hit["text"], query)
        hits.append(hit)
    return hits
