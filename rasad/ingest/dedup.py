"""One copy of each article, however often a crawl or a feed repeats it.

Agencies' texts are republished with trivial differences: ZWNJ dropped or a space in its
place (`بین‌المللی`, `بینالمللی`, `بین المللی`), Arabic ي/ك for Persian ی/ک, diacritics,
tatweel, line breaks. The content hash is taken over `match_key` of the text (normalized,
spaces and ZWNJ removed, case-folded), so those copies hash the same. The store checks the
same hash across runs; `Deduplicator` counts duplicates within one run.
"""

from __future__ import annotations

import hashlib

from rasad.document import Document
from rasad.text.normalize import match_key


def content_hash(text: str) -> str:
    """sha256 (hex) of the text's match key: equal for copies that differ only trivially."""
    return hashlib.sha256(match_key(text).encode("utf-8")).hexdigest()


class Deduplicator:
    """Remembers the content hash of every document seen in a run and where it came from."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}
        self.duplicates = 0

    def first_origin(self, doc: Document) -> str | None:
        """None for a new document; for a duplicate, the origin of its first copy.

        Sets `doc.meta["content_hash"]` either way.
        """
        digest = doc.meta.get("content_hash") or content_hash(doc.text)
        doc.meta["content_hash"] = digest
        if digest in self._first:
            self.duplicates += 1
            return self._first[digest]
        self._first[digest] = str(doc.meta.get("origin", doc.id))
        return None

    def __len__(self) -> int:
        return len(self._first)
