"""Entity-level precision, recall and F1 with exact spans, as seqeval and conlleval count them.

A predicted entity counts only if its type, first and last token all equal a gold entity's.
Chunks are read the conlleval way: an `I-X` that does not continue an `X` opens a new entity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entities in a BIO sequence as (type, first token, end token exclusive)."""
    spans: list[tuple[str, int, int]] = []
    kind, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, cls = tag.partition("-")
        continues = prefix == "I" and cls == kind
        if kind is not None and not continues:
            spans.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and not continues:
            kind, start = cls, i
    return spans


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int  # gold entities
    predicted: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support, "predicted": self.predicted}


def _score(tp: int, gold: int, pred: int) -> Score:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, gold, pred)


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]], *,
          types: Sequence[str] = ("PER", "LOC", "ORG")) -> dict[str, Score]:
    """Per-type and `micro` scores over the listed types; other types are ignored."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {s for s in bio_spans(g_tags) if s[0] in types}
        p = {s for s in bio_spans(p_tags) if s[0] in types}
        n_gold.update(s[0] for s in g)
        n_pred.update(s[0] for s in p)
        tp.update(s[0] for s in g & p)
    out = {t: _score(tp[t], n_gold[t], n_pred[t]) for t in types}
    out["micro"] = _score(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return out


def format_table(scores: dict[str, Score], *, title: str = "") -> str:
    """A plain-text table (also valid Markdown)."""
    lines = [f"**{title}**", ""] if title else []
    lines += ["| type | precision | recall | F1 | gold | predicted |",
              "|---|---:|---:|---:|---:|---:|"]
    for name, s in scores.items():
        lines.append(f"| {name} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} "
                     f"| {s.support} | {s.predicted} |")
    return "\n".join(lines)
