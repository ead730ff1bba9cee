"""The tables of a rasad database, as SQL (migration 0001).

One row per document, one table per annotation layer of the contract
(`rasad/schema/document.schema.json`), each row keyed by (doc_id, idx) where idx is the
record's position in its layer. Contract fields an analyst filters on have their own column;
anything else a record carries goes to `extra` (JSON), so a field added to the contract
round-trips before any migration gives it a column. Events keep the whole contract record in
`record` (JSON) and project the queryable parts (actors, codes, date) into columns.

Sentences have an INTEGER PRIMARY KEY because the full-text index points at their rowid, and
only an aliased rowid survives VACUUM. The index is contentless: it holds the normalized
sentence text (`rasad.store.search.fts_text`), not a second copy of it.
"""

SCHEMA_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    paths TEXT NOT NULL DEFAULT '[]',
    counts TEXT
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    lang TEXT,
    published TEXT,
    title TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    origin TEXT,
    format TEXT,
    encoding TEXT,
    meta TEXT,
    ingested_at TEXT NOT NULL,
    analyzed_with TEXT,
    n_sentences INTEGER NOT NULL DEFAULT 0,
    n_tokens INTEGER NOT NULL DEFAULT 0,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_lang ON documents(lang);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    lang TEXT,
    UNIQUE (doc_id, idx)
);

CREATE VIEW sentence_text AS
    SELECT s.id, s.doc_id, s.idx, s.start, s."end", s.lang,
           substr(d.text, s.start + 1, s."end" - s.start) AS text
    FROM sentences AS s JOIN documents AS d ON d.id = s.doc_id;

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = '', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT,
    kb_id TEXT,
    name_en TEXT,
    country TEXT,
    confidence REAL,
    extra TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX entities_kb_id ON entities(kb_id);

CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    granularity TEXT,
    calendar TEXT,
    relative INTEGER,
    extra TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX times_value ON times(value);

CREATE TABLE quantities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    kind TEXT,
    unit TEXT,
    extra TEXT,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_kb_id TEXT,
    speaker_name_en TEXT,
    speaker_country TEXT,
    cue TEXT,
    extra TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_kb_id);

CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    sentence INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    source_entity INTEGER,
    source_kb_id TEXT,
    source_name_en TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_entity INTEGER,
    target_kb_id TEXT,
    target_name_en TEXT,
    target_country TEXT,
    target_sector TEXT,
    cameo TEXT,
    plover_event TEXT,
    plover_mode TEXT,
    plover_context TEXT,
    quad_class INTEGER,
    goldstein REAL,
    date TEXT,
    location TEXT,
    status TEXT,
    confidence REAL,
    rule TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_countries ON events(source_country, target_country);
CREATE INDEX events_actors ON events(source_kb_id, target_kb_id);

CREATE TABLE duplicates (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    origin TEXT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    dup_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX duplicates_seen ON duplicates(dup_id, ifnull(origin, ''));
CREATE INDEX duplicates_doc ON duplicates(doc_id);

CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    origin TEXT,
    doc_id TEXT,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX problems_run ON problems(run_id);
"""

# Migration `0002_query_speed`: what dyads, event filters and exports need at 100,000 events.
#   - `sentence_text` read every sentence of the store when joined with LEFT JOIN (SQLite
#     cannot flatten a view that is a join into the right side of one, so it materialized
#     all of it); reading the text in a scalar subquery makes it one table, looked up by
#     (doc_id, idx) per event.
#   - A dyad matches each side by id or country: with an index for every (source, target)
#     pairing of the two, each case of `pair_clause` is one index search; the target-side
#     indexes serve `--target` and either-side filters.
QUERY_SPEED = """
DROP VIEW sentence_text;
CREATE VIEW sentence_text AS
    SELECT s.id, s.doc_id, s.idx, s.start, s."end", s.lang,
           (SELECT substr(d.text, s.start + 1, s."end" - s.start) FROM documents AS d
            WHERE d.id = s.doc_id) AS text
    FROM sentences AS s;
CREATE INDEX events_actor_country ON events(source_kb_id, target_country);
CREATE INDEX events_country_actor ON events(source_country, target_kb_id);
CREATE INDEX events_target_actor ON events(target_kb_id);
CREATE INDEX events_target_country ON events(target_country);
"""

# Migration 0003: cross-document merging (`rasad.events.merge`). `merge_key` is the group an
# event can merge within (status, PLOVER type, dyad), written with the row; `merged_id` is
# the merged event it belongs to, kept up to date by `rasad.store.clusters.recluster`.
EVENT_MERGE = """
ALTER TABLE events ADD COLUMN merge_key TEXT;
ALTER TABLE events ADD COLUMN merged_id TEXT;
CREATE INDEX events_merge_key ON events(merge_key);
CREATE INDEX events_merged_id ON events(merged_id);
"""
