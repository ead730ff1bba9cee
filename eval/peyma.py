"""Reading PEYMA and scoring spans against it, shared by the eval scripts.

PEYMA (Shahshahani et al. 2018; see ../shared/data/ner/fa/peyma/SOURCE.txt) is `token|TAG`
lines with BIO tags joined by an underscore (B_DAT, I_MON), a blank line between sentences.
It keeps tokens, not the original text, so each sentence is rebuilt by joining its tokens
with single spaces and gold spans are the character spans of its tag runs on that text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

Sentence = list[tuple[str, str]]  # (token, PEYMA tag such as B_DAT or O)
Offsets = tuple[int, int]
AnySpan = tuple[int, int] | tuple[int, int, str]


class Span(NamedTuple):
    """A gold or predicted span on a rebuilt sentence, with its PEYMA label (DAT, MON...)."""

    start: int
    end: int
    label: str


def read_sentences(path: Path) -> list[Sentence]:
    """The sentences of a PEYMA file; a token may itself be `|`, so split at the last one."""
    sentences: list[Sentence] = [[]]
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, _, tag = line.rpartition("|")
        sentences[-1].append((token, tag or "O"))
    return [s for s in sentences if s]


def rebuild_text(tokens: Sequence[str], *, glue_commas: bool = False) -> tuple[str, list[Offsets]]:
    """The sentence's text and each token's (start, end) on it.

    Tokens are joined with single spaces. With `glue_commas`, a comma between two numerals is
    glued back ("32 , 390" → "32,390"): PEYMA's tokenizer split thousands separators off.
    """
    parts: list[str] = []
    offsets: list[Offsets] = []
    pos = 0
    for k, token in enumerate(tokens):
        if k > 0 and not (glue_commas and _in_number(tokens, k)):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), offsets


def _in_number(tokens: Sequence[str], k: int) -> bool:
    """Whether token k (k > 0) is a comma between numerals, or the numeral after one."""
    if tokens[k] == ",":
        return _numeral(tokens[k - 1]) and k + 1 < len(tokens) and _numeral(tokens[k + 1])
    return tokens[k - 1] == "," and k > 1 and _numeral(tokens[k]) and _numeral(tokens[k - 2])


def _numeral(token: str) -> bool:
    return token.replace(".", "").isdigit()


def gold_spans(sentence: Sentence, offsets: Sequence[Offsets], labels: Collection[str]) -> list[Span]:
    """The runs of B_/I_ tags with a label in `labels`, in order, as character spans.

    A run starts at B_X (or at an I_X that does not continue one) and goes on while I_X follows.
    """
    spans: list[Span] = []
    current: Span | None = None
    for (_, tag), (start, end) in zip(sentence, offsets, strict=True):
        prefix, _, label = tag.partition("_")
        if prefix == "I" and current is not None and label == current.label:
            current = current._replace(end=end)
            continue
        if current is not None:
            spans.append(current)
            current = None
        if prefix in ("B", "I") and label in labels:
            current = Span(start, end, label)
    if current is not None:
        spans.append(current)
    return spans


def text_and_gold(sentence: Sentence, labels: Collection[str], *,
                  glue_commas: bool = False) -> tuple[str, list[Span]]:
    """The rebuilt text of a sentence and its gold spans for `labels` (see `rebuild_text`)."""
    text, offsets = rebuild_text([token for token, _ in sentence], glue_commas=glue_commas)
    return text, gold_spans(sentence, offsets, labels)


def overlap_matches(gold: Iterable[AnySpan], pred: Sequence[AnySpan]) -> int:
    """How many gold spans match a predicted one, one-to-one, greedily in the order given.

    Spans are (start, end) or (start, end, label) tuples; two match when they share a character
    and their labels, if any, are equal. Each gold span takes the first free match in `pred`.
    """
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and _overlap(g, p)), None)
        if hit is not None:
            used.add(hit)
    return len(used)


def _overlap(a: AnySpan, b: AnySpan) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2:] == b[2:]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1, each 0.0 when its denominator is."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
