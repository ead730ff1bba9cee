"""Word sentences → piece ids for the encoder tagger, shared by training and run time.

Each word is tokenized on its own (`Tokenizer.word_ids`); its label sits on its first piece.
A sentence longer than `MAX_PIECES` pieces (with `<s>` and `</s>`) is cut into chunks at word
boundaries; a single word longer than a chunk keeps only its first pieces.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasad.ner.encoder.tokenizer import Tokenizer

MAX_PIECES = 128
TYPES = ("PER", "LOC", "ORG", "MISC")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))


def chunk_words(tok: Tokenizer, words: Sequence[str],
                max_pieces: int = MAX_PIECES) -> list[tuple[int, int, list[int], list[int]]]:
    """Chunks of one sentence as (first word, end word, piece ids with specials, index of each
    word's first piece). Every word gets a piece (an empty one is `<unk>`)."""
    room = max_pieces - 2
    chunks: list[tuple[int, int, list[int], list[int]]] = []
    start = 0
    ids: list[int] = [tok.vocab.bos]
    firsts: list[int] = []
    for i, word in enumerate(words):
        pieces = list(tok.word_ids(word)[:room]) or [tok.vocab.unk]
        if len(ids) - 1 + len(pieces) > room:
            chunks.append((start, i, [*ids, tok.vocab.eos], firsts))
            start, ids, firsts = i, [tok.vocab.bos], []
        firsts.append(len(ids))
        ids.extend(pieces)
    if firsts or not chunks:
        chunks.append((start, len(words), [*ids, tok.vocab.eos], firsts))
    return chunks
