"""Reading articles into `Document`s: text, JSONL, HTML, RSS/Atom and WARC files and folders.

`iter_documents(paths)` is the entry point; see `rasad.ingest.sources`. Encodings are detected
(`rasad.ingest.encoding`), HTML is reduced to its article with ZWNJ kept
(`rasad.ingest.html`), and copies of one article are dropped by content hash
(`rasad.ingest.dedup`). Heavy parsers (trafilatura, feedparser, warcio) load on first use.
"""

from rasad.ingest.dedup import Deduplicator, content_hash
from rasad.ingest.encoding import BinaryContent, Decoded, UndecodableContent, decode
from rasad.ingest.report import IngestError, IngestProblem, IngestReport
from rasad.ingest.selection import Selection
from rasad.ingest.sources import count_documents, ingest, iter_documents

__all__ = [
    "BinaryContent", "Decoded", "Deduplicator", "IngestError", "IngestProblem", "IngestReport",
    "Selection", "UndecodableContent", "content_hash", "count_documents", "decode", "ingest",
    "iter_documents",
]
