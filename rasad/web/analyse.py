"""Analysing pasted or uploaded text on the spot, with the CLI's pipeline.

The pipeline loads its models and knowledge base once (about 1.5 s and 70 MB), at the first
request that needs it, not when the server starts: a server that only browses a store never
pays for it. Requests run in a thread pool and the pipeline keeps per-process caches, so one
text is analysed at a time. Input is capped (`MAX_CHARS`): a pasted article is a few thousand
characters, and the server must not be held for minutes by a dump.
"""

from __future__ import annotations

import threading
from typing import Any

MAX_CHARS = 20_000
_lock = threading.Lock()


class TooLarge(ValueError):
    """Text past the cap: answered with 413."""


def analyse(text: str, *, lang: str | None = None, published: str | None = None,
            title: str | None = None, max_chars: int = MAX_CHARS) -> dict[str, Any]:
    """The output contract of `text` (as `rasad analyze` prints it); nothing is stored."""
    from rasad import default_pipeline
    from rasad.document import Document

    if len(text) > max_chars:
        raise TooLarge(f"the text has {len(text):,} characters; at most {max_chars:,} are "
                       "analysed here: use 'rasad run' for long texts and whole corpora")
    if not text.strip():
        raise ValueError("the text is empty: paste or upload an article")
    with _lock:
        doc = default_pipeline()(Document(text, lang=lang, published=published, title=title))
    return doc.to_dict()
