"""Search hits marked in their sentence, as the index matched them.

The full-text index holds each sentence normalized (ي→ی, ك→ک, marks dropped) with ZWNJ
removed (`rasad.store.search.fts_text`), so «رئيسجمهور» finds «رئیس‌جمهور». To mark the words
in the sentence as written, each query word is looked for in the sentence's normalized copy,
ZWNJ allowed between any two letters, and the match is mapped back through the offset map.
"""

from __future__ import annotations

import re

from rasad.store.search import fts_text
from rasad.text.normalize import ZWNJ, normalize

_WORD_CHAR = rf"[\w{ZWNJ}]"


def _pattern(query: str) -> re.Pattern[str] | None:
    """Every query word as a whole token (a prefix for «word*»), ZWNJ-tolerant."""
    words = []
    for word in query.split():
        prefix = word.endswith("*")
        term = fts_text(word.rstrip("*")).strip().casefold()
        if term:
            body = f"{ZWNJ}?".join(re.escape(ch) for ch in term)
            tail = f"{_WORD_CHAR}*" if prefix else rf"(?!{_WORD_CHAR})"
            words.append(rf"(?<!{_WORD_CHAR}){body}{tail}")
    return re.compile("|".join(words), re.IGNORECASE) if words else None


def marked(sentence: str, query: str) -> list[tuple[str, bool]]:
    """`sentence` in pieces, True for the pieces the query's words matched."""
    pattern = _pattern(query)
    if pattern is None:
        return [(sentence, False)]
    norm = normalize(sentence)
    pieces, at = [], 0
    for match in pattern.finditer(norm.text):
        start, end = norm.to_original(match.start(), match.end())
        if start < at or start == end:
            continue
        pieces += [(sentence[at:start], False), (sentence[start:end], True)]
        at = end
    pieces.append((sentence[at:], False))
    return [(text, hit) for text, hit in pieces if text]
