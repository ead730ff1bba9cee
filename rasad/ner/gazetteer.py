"""The small name list shipped with each NER model, and its membership feature.

The CRF learns better when it is told that a word sequence is a known country, city or
knowledge-base actor. The list is built when the model is trained (babel's CLDR country
names, Iranian provinces and cities, and the rasad knowledge base when it exists) and written
next to the model, so tagging uses exactly the list the model was trained with and needs
neither babel nor the knowledge base at run time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from rasad.text.normalize import match_key, normalize_str

TYPES = ("PER", "LOC", "ORG", "MISC")
HEADER = ("# Names the {lang} NER model was trained with: name <TAB> type (PER, LOC, ORG, MISC).\n"
          "# Built by rasad.ner.train from: {sources}.\n")


def _token_keys(name: str) -> list[tuple[str, ...]]:
    """A name as tuples of token keys; a ZWNJ-joined name also as separate tokens."""
    norm = normalize_str(name)
    tokens = norm.split()
    out = [tuple(match_key(t) for t in tokens)]
    if "\u200c" in norm:
        out.append(tuple(match_key(t) for t in norm.replace("\u200c", " ").split()))
    return [t for t in out if t and all(t)]


class Gazetteer:
    """Greedy longest match of known names over a sentence's word forms."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._names: dict[tuple[str, ...], str] = {}
        for name, kind in entries:
            for keys in _token_keys(name):
                self._names.setdefault(keys, kind)
        # First word → the lengths of the names it starts, longest first: only those are tried.
        lengths: dict[str, set[int]] = {}
        for keys in self._names:
            lengths.setdefault(keys[0], set()).add(len(keys))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def __len__(self) -> int:
        return len(self._names)

    def _match(self, forms: list[tuple[str, ...]], keys: list[str],
               i: int) -> tuple[int, str, str] | None:
        """(length, type, '~' if a stripped form matched) of the longest name at word i
        (`keys`: each word's first form)."""
        limit = len(forms) - i
        for variant, first in enumerate(forms[i]):
            lengths = self._lengths.get(first)
            if lengths is None:
                continue
            for length in lengths:
                if length > limit:
                    continue
                kind = self._names.get((first, *keys[i + 1:i + length]))
                if kind:
                    return length, kind, "~" if variant else ""
        return None

    def tags(self, forms: list[tuple[str, ...]]) -> list[str]:
        """Per word: `B-LOC`/`I-LOC` inside a known name, `~B-LOC` when found only after
        stripping clitics or suffixes, else ''."""
        out = [""] * len(forms)
        starts = self._lengths.keys()
        keys = [f[0] if f else "" for f in forms]
        i = 0
        while i < len(forms):
            found = None if starts.isdisjoint(forms[i]) else self._match(forms, keys, i)
            if not found:
                i += 1
                continue
            length, kind, tilde = found
            out[i] = f"{tilde}B-{kind}"
            for k in range(i + 1, i + length):
                out[k] = f"{tilde}I-{kind}"
            i += length
        return out

    @classmethod
    def read(cls, path: Path) -> Gazetteer:
        return cls(read_entries(path.read_text("utf-8")))


def read_entries(text: str) -> list[tuple[str, str]]:
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return [(row[0], row[1]) for row in rows]


def write_entries(entries: Iterable[tuple[str, str]], path: Path, *, lang: str,
                  sources: str) -> int:
    """Write a name list (sorted, deduplicated); returns the number of rows."""
    rows = sorted({(name.strip(), kind) for name, kind in entries if name.strip()})
    body = "".join(f"{name}\t{kind}\n" for name, kind in rows)
    path.write_text(HEADER.format(lang=lang, sources=sources) + body, encoding="utf-8")
    return len(rows)


def babel_countries(lang: str) -> list[tuple[str, str]]:
    """Country and region names in `lang` from babel's CLDR data (Unicode license)."""
    from babel import Locale  # noqa: PLC0415 - only needed when training

    names = Locale(lang).territories.values()
    return [(n, "LOC") for n in names if not any(c in n for c in "(),،")]


def iran_places(path: Path) -> list[tuple[str, str]]:
    """Iranian provinces and cities in Persian (amyrmahdy/provinces_cities_iran, MIT)."""
    data = json.loads(path.read_text("utf-8"))
    out = []
    for province in data:
        out.append((province["province-fa"], "LOC"))
        out.extend((c["city-fa"], "LOC") for c in province["cities"] if len(c["city-fa"]) > 2)
    return out


# Knowledge-base actor kinds as NER types.
KB_TYPES = {"person": "PER", "state": "LOC", "city": "LOC", "territory": "LOC", "igo": "ORG",
            "gov_body": "ORG", "party": "ORG", "company": "ORG", "media": "ORG",
            "armed_group": "ORG"}


def kb_names(lang: str) -> list[tuple[str, str]]:
    """Names in `lang` from rasad's actor knowledge base when it is installed, else []."""
    try:
        from rasad.kb.base import load_kb  # noqa: PLC0415 - optional at training time
        records = list(load_kb())
    except (ImportError, FileNotFoundError):
        return []
    return [(name, KB_TYPES[r.kind]) for r in records if r.kind in KB_TYPES
            for name in r.names.get(lang, ())]
