"""Sentences as integer arrays for the experimental neural tagger (numpy only).

Everything is computed on the matching key (`match_key`), like the CRF's features, and
reuses the CRF's per-word cache (`word_info`) and lexicon (gazetteer, name parts, training
vocabulary), so the network sees what the CRF sees, minus the hand-made context features.

Per word the network sees: the word key's id (0 = padding, 1 = unknown), up to `MAX_CHARS`
character ids of the key (first half and last half when longer), and six small class ids:
shape, trigger, gazetteer tag of the word and of its neighbours, name-part class, training
frequency class.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasad.ner.features import Lexicon, word_info

MAX_CHARS = 16
PAD, UNK = 0, 1
# Class inventories are fixed so a model and its encoder always agree.
GAZ_TAGS = ("", *(f"{m}{b}-{t}" for m in ("", "~") for b in "BI" for t in ("PER", "LOC", "ORG",
                                                                             "MISC")))
TRIGGERS = ("", "PER", "LOC", "ORG", "MISC")
NAME_PARTS = ("", "PER", "LOC", "ORG", "MISC")
FREQ = ("r", "2", "3", "4")
CLASS_SIZES = {"shape": 0, "trigger": len(TRIGGERS), "gaz": len(GAZ_TAGS),
               "gaz_prev": len(GAZ_TAGS), "gaz_next": len(GAZ_TAGS),
               "name_part": len(NAME_PARTS), "freq": len(FREQ)}


@dataclass
class Encoder:
    """Id tables for words, characters, shapes and tags, fixed at training time."""

    lang: str
    words: dict[str, int]
    chars: dict[str, int]
    shapes: dict[str, int]
    tags: list[str]

    @classmethod
    def build(cls, sentences: Iterable[Sequence[tuple[str, str]]], lang: str, *,
              min_word: int = 2, min_char: int = 3) -> Encoder:
        """Tables from training sentences: words seen `min_word` times, characters `min_char`."""
        words: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        shapes: Counter[str] = Counter()
        tags: set[str] = set()
        for sent in sentences:
            for word, tag in sent:
                info = word_info(word, lang)
                words[info.key] += 1
                chars.update(info.key)
                shapes[info.shape] += 1
                tags.add(tag)
        ids = lambda c, n: {k: i + 2 for i, k in enumerate(sorted(k for k, v in c.items()  # noqa: E731
                                                                   if v >= n))}
        order = sorted(tags, key=lambda t: (t != "O", t[2:], t[:1]))
        return cls(lang, ids(words, min_word), ids(chars, min_char), ids(shapes, 2), order)

    def to_json(self) -> str:
        return json.dumps({"lang": self.lang, "tags": self.tags, "shapes": self.shapes,
                           "chars": self.chars, "words": self.words}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Encoder:
        d = json.loads(text)
        return cls(d["lang"], d["words"], d["chars"], d["shapes"], d["tags"])

    def save(self, path: Path) -> None:
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    @property
    def class_sizes(self) -> dict[str, int]:
        return {**CLASS_SIZES, "shape": len(self.shapes) + 2}

    def encode(self, words: Sequence[str], lexicon: Lexicon) -> dict[str, np.ndarray]:
        """Arrays for one sentence: `word` (n,), `chars` (n, MAX_CHARS), `classes` (n, 7)."""
        infos = [word_info(w, self.lang) for w in words]
        n = len(infos)
        gaz = lexicon.gazetteer.tags([i.forms for i in infos]) if lexicon.gazetteer else [""] * n
        gaz_ids = [GAZ_TAGS.index(g) if g in GAZ_TAGS else 0 for g in gaz]
        word_ids = np.array([self.words.get(i.key, UNK) for i in infos], dtype=np.int64)
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        classes = np.zeros((n, len(CLASS_SIZES)), dtype=np.int64)
        vocab = lexicon.vocab or {}
        for j, info in enumerate(infos):
            key = info.key
            if len(key) > MAX_CHARS:
                key = key[:MAX_CHARS // 2] + key[-MAX_CHARS // 2:]
            chars[j, :len(key)] = [self.chars.get(c, UNK) for c in key]
            classes[j] = (self.shapes.get(info.shape, UNK),
                          TRIGGERS.index(info.trigger) if info.trigger in TRIGGERS else 0,
                          gaz_ids[j],
                          gaz_ids[j - 1] if j else 0,
                          gaz_ids[j + 1] if j + 1 < n else 0,
                          NAME_PARTS.index(p) if (p := lexicon.name_parts.get(info.stem, ""))
                          in NAME_PARTS else 0,
                          FREQ.index(vocab.get(info.key, "r")))
        return {"word": word_ids, "chars": chars, "classes": classes}


def batch(encoded: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Pad sentences to one length: arrays of shape (batch, length, …) and a `mask`."""
    length = max(len(e["word"]) for e in encoded)
    out = {"word": np.zeros((len(encoded), length), dtype=np.int64),
           "chars": np.zeros((len(encoded), length, MAX_CHARS), dtype=np.int64),
           "classes": np.zeros((len(encoded), length, len(CLASS_SIZES)), dtype=np.int64),
           "mask": np.zeros((len(encoded), length), dtype=bool)}
    for i, e in enumerate(encoded):
        n = len(e["word"])
        out["word"][i, :n] = e["word"]
        out["chars"][i, :n] = e["chars"]
        out["classes"][i, :n] = e["classes"]
        out["mask"][i, :n] = True
    return out
