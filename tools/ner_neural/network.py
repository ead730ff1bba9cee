"""The experimental network (PyTorch): embeddings, a BiLSTM, a CRF.

Word key, a character CNN and small lexicon-class embeddings (`tools.ner_neural.encode`) feed
a bidirectional LSTM; a linear layer gives per-tag emission scores and a linear-chain CRF
(pytorch-crf) learns the tag transitions, as in Lample et al. (2016) and Ma & Hovy (2016).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn
from torchcrf import CRF

from tools.ner_neural.encode import MAX_CHARS


@dataclass
class NetConfig:
    """Sizes of the network; stored with the model so it can be rebuilt."""

    words: int
    chars: int
    tags: int
    class_sizes: tuple[int, ...]
    word_dim: int = 100
    char_dim: int = 32
    char_filters: int = 64
    class_dim: int = 8
    hidden: int = 128
    dropout: float = 0.5

    def to_dict(self) -> dict:
        return asdict(self)


class Emissions(nn.Module):
    """Per-token tag scores from word, character and class ids."""

    def __init__(self, cfg: NetConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.word = nn.Embedding(cfg.words, cfg.word_dim, padding_idx=0)
        self.char = nn.Embedding(cfg.chars, cfg.char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(cfg.char_dim, cfg.char_filters, 3, padding=1)
        self.classes = nn.ModuleList(nn.Embedding(n, cfg.class_dim) for n in cfg.class_sizes)
        width = cfg.word_dim + cfg.char_filters + cfg.class_dim * len(cfg.class_sizes)
        self.drop = nn.Dropout(cfg.dropout)
        self.lstm = nn.LSTM(width, cfg.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * cfg.hidden, cfg.tags)

    def forward(self, word: torch.Tensor, chars: torch.Tensor, classes: torch.Tensor,
                lengths: torch.Tensor | None = None) -> torch.Tensor:
        """Scores (batch, length, tags); `lengths` keeps padding out of the LSTM's backward
        pass when sentences of different lengths share a batch (training)."""
        b, t = word.shape
        c = self.char(chars.reshape(b * t, MAX_CHARS)).transpose(1, 2)
        c = torch.relu(self.char_cnn(c)).max(dim=2).values.reshape(b, t, -1)
        parts = [self.word(word), c]
        parts += [emb(classes[:, :, i]) for i, emb in enumerate(self.classes)]
        x = self.drop(torch.cat(parts, dim=-1))
        if lengths is None:
            x, _ = self.lstm(x)
        else:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                       enforce_sorted=False)
            x, _ = self.lstm(packed)
            x, _ = nn.utils.rnn.pad_packed_sequence(x, batch_first=True, total_length=t)
        return self.out(self.drop(x))


class Tagger(nn.Module):
    """Emissions plus a CRF; `loss` for training, `decode` for checking during training."""

    def __init__(self, cfg: NetConfig) -> None:
        super().__init__()
        self.emissions = Emissions(cfg)
        self.crf = CRF(cfg.tags, batch_first=True)

    def loss(self, batch: dict[str, torch.Tensor], tags: torch.Tensor) -> torch.Tensor:
        em = self.emissions(batch["word"], batch["chars"], batch["classes"],
                            batch["mask"].sum(1).cpu())
        return -self.crf(em, tags, mask=batch["mask"], reduction="mean")

    def decode(self, batch: dict[str, torch.Tensor]) -> list[list[int]]:
        em = self.emissions(batch["word"], batch["chars"], batch["classes"],
                            batch["mask"].sum(1).cpu())
        return self.crf.decode(em, mask=batch["mask"])
