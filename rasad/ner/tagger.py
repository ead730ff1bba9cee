"""Tag names in documents with the shipped CRF models (PER, LOC, ORG, MISC).

The statistical layer finds the names the knowledge-base gazetteer does not know. It reads
`doc.tokens` sentence by sentence, tags them BIO with the language's CRF, and adds one
`Entity` per name, its confidence the lowest marginal probability of its tokens' labels.
A name that would overlap an entity already in the document (say, from the gazetteer) is
left out, so the entity layer never overlaps.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pycrfsuite

from rasad.diskcache import compiled, package_files, paused_gc
from rasad.document import Document, Entity, Token
from rasad.ner.attributes import model_attributes
from rasad.ner.compiled import CompiledFeatures
from rasad.ner.features import Lexicon, sentence_features
from rasad.ner.lexicon import feature_config, load_lexicon
from rasad.ner.score import bio_spans
from rasad.spans import SpanIndex

LANGS = ("fa", "ar")
TYPES = frozenset({"PER", "LOC", "ORG", "MISC"})


@dataclass(eq=False)
class NerModel:
    """A CRF model and the lexicon it was trained with."""

    lang: str
    tagger: pycrfsuite.Tagger
    lexicon: Lexicon
    _files: ExitStack = field(default_factory=ExitStack, repr=False)
    # The lexicon's features pruned to the model's attributes (same tags, faster); None:
    # build them with `sentence_features`.
    features: CompiledFeatures | None = field(default=None, repr=False)

    @classmethod
    def open(cls, lang: str, folder: Traversable | Path, *, cache: bool = False) -> NerModel:
        """The model `<lang>.crfsuite` in `folder` with its lexicon files and `<lang>.json`;
        with `cache`, its lexicon and pruned features are compiled into the user's cache
        (`rasad.diskcache`), keyed by the model's files and the code that reads them."""
        source = folder.joinpath(f"{lang}.crfsuite")
        if not source.is_file():
            raise FileNotFoundError(f"no NER model at {source}: run `python -m rasad.ner.train "
                                    f"--lang {lang}` (needs ../shared/data/ner)")
        stack = ExitStack()
        path = stack.enter_context(resources.as_file(source))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))

        def build() -> CompiledFeatures:
            lexicon = load_lexicon(folder, lang, feature_config(folder, lang))
            return CompiledFeatures(lang, lexicon, model_attributes(path))

        if cache:
            features = compiled(f"ner-{lang}", _inputs(lang, folder), build)
        else:
            with paused_gc():
                features = build()
        return cls(lang, tagger, features.lexicon, stack, features)

    def tag(self, words: list[str]) -> list[str]:
        """BIO tags for one sentence."""
        if not words:
            return []
        if self.features is not None:
            return self.tagger.tag(self.features(words))
        return self.tagger.tag(sentence_features(words, self.lang, lexicon=self.lexicon))

    def tag_with_confidence(self, words: list[str]) -> tuple[list[str], list[float]]:
        """BIO tags and each tag's marginal probability (computed for name tokens only)."""
        tags = self.tag(words)
        probs = [self.tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
        return tags, probs


@cache
def load_tagger(lang: str) -> NerModel:
    """The shipped model for `fa` or `ar` (loaded once per process)."""
    if lang not in LANGS:
        raise ValueError(f"no NER model for language {lang!r}; rasad ships {', '.join(LANGS)}")
    return NerModel.open(lang, resources.files("rasad.data.ner"), cache=True)


def _inputs(lang: str, folder: Traversable | Path) -> list[Traversable | Path]:
    """What a model's compiled features are built from: its files in `folder`, the text
    data and the code of the features."""
    own = sorted((f for f in folder.iterdir() if f.is_file() and (
        f.name in (f"{lang}.crfsuite", f"{lang}.json", "triggers.tsv")
        or f.name.endswith(f"_{lang}.tsv"))), key=lambda f: f.name)
    code = package_files("rasad.ner", names=("attributes.py", "compiled.py", "features.py",
                                             "gazetteer.py", "lexicon.py"))
    return [*own, *code, *package_files("rasad.text", suffixes=(".py",)),
            *package_files("rasad.data.text", suffixes=(".tsv", ".txt"))]


def tag_tokens(words: list[str], lang: str) -> list[str]:
    """BIO tags (`B-PER`, `I-ORG`, `O`, …) for one sentence of words."""
    return load_tagger(lang).tag(words)


def _sentences(tokens: list[Token]) -> Iterator[list[Token]]:
    """Runs of tokens that share a sentence index."""
    run: list[Token] = []
    for tok in tokens:
        if run and tok.sentence != run[-1].sentence:
            yield run
            run = []
        run.append(tok)
    if run:
        yield run


def _lang_of(doc: Document, sentence: int) -> str | None:
    if 0 <= sentence < len(doc.sentences) and doc.sentences[sentence].lang:
        return doc.sentences[sentence].lang
    return doc.lang


def find_entities(doc: Document) -> list[Entity]:
    """CRF entities over `doc.tokens`, not yet added to the document."""
    found: list[Entity] = []
    for run in _sentences(doc.tokens):
        lang = _lang_of(doc, run[0].sentence)
        if lang not in LANGS:
            continue
        words = [doc.text[t.start:t.end] for t in run]
        tags, probs = load_tagger(lang).tag_with_confidence(words)
        for kind, first, end in bio_spans(tags):
            if kind in TYPES:
                found.append(Entity(start=run[first].start, end=run[end - 1].end, type=kind,
                                    confidence=round(min(probs[first:end]), 4),
                                    extra={"source": "crf"}))
    return found


def annotate(doc: Document) -> Document:
    """Add CRF entities to `doc`, skipping any that overlap an entity already there, and
    any inside a quantity or a time (the currency of «3 مليارات دولار» is a unit, the
    weekday of «روز دوشنبه» a day, not names)."""
    taken = SpanIndex(doc.entities)  # fast lookups: a long document has thousands of each
    not_names = SpanIndex([*doc.quantities, *doc.times])
    for ent in find_entities(doc):
        if taken.overlapping(ent.start, ent.end) or not_names.covers(ent.start, ent.end):
            continue
        if _never_a_name(doc.text[ent.start:ent.end]):
            continue  # «الله» in «إن شاء الله», «مجلس» alone
        doc.add(ent)
    return doc


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Keys of `not_names.tsv`: words that alone are never an entity."""
    from rasad.data import read_rows  # noqa: PLC0415
    from rasad.text.normalize import match_key  # noqa: PLC0415

    return frozenset(match_key(row[0]) for row in read_rows("ner", "not_names.tsv")[1:])


def _never_a_name(text: str) -> bool:
    from rasad.text.clitics import candidate_stems  # noqa: PLC0415
    from rasad.text.normalize import match_key  # noqa: PLC0415

    if " " in text.strip():
        return False
    keys = _not_names()
    return any(match_key(stem) in keys for stem in candidate_stems(match_key(text), None))
