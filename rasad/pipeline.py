"""The ordered stages that annotate a `Document`, and running them over one text or many.

A stage is a named `Document → Document` function that declares which annotations it needs
and which it writes. `Pipeline` checks those declarations when it is built, so a stage
listed before what it needs fails at once with a clear message, not halfway through a
corpus. Stage functions are imported by name when the pipeline is built, so importing
rasad stays cheap and heavy resources load only for the stages in use.
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from rasad.document import Document
from rasad.settings import whole_number

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    """A registered stage: where its function lives and its declared inputs and outputs."""

    name: str
    target: str  # "package.module:function"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def load(self) -> StageFn:
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


# The registry, in the default order. Later stages add themselves here.
STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in (
        Stage("language", "rasad.text.langid:annotate", (), ("lang",)),
        Stage("segment", "rasad.text.segment:annotate", ("lang",), ("sentences", "tokens")),
        # times before actors: it infers a missing publication date, which dates role phrases.
        Stage("times", "rasad.time:annotate", ("lang",), ("times", "published")),
        Stage("quantities", "rasad.quantity:annotate", ("lang",), ("quantities",)),
        # the tier (CRF by default, or the encoder) is chosen in rasad.ner.accurate
        Stage("ner", "rasad.ner.accurate:annotate", ("lang", "sentences", "tokens"),
              ("entities",)),
        Stage("actors", "rasad.kb.link:annotate", ("lang", "sentences", "tokens", "entities"),
              ("entities", "actors")),
        Stage("events", "rasad.events.coder:annotate",
              ("lang", "sentences", "tokens", "actors", "times"), ("events", "quotes")),
    )
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGES)

# What `Pipeline.warm` analyses: a Persian and an Arabic sentence with a name, a date and an
# event, so every stage loads what it needs for either language.
WARM_TEXTS = ("وزیر امور خارجه روسیه روز دوشنبه ۲۰ مهر ۱۴۰۲ در تهران گفت که ایران و ترکیه "
              "۳ میلیارد دلار قرارداد امضا کردند.",
              "قال وزير الخارجية الروسي يوم الاثنين 9 أكتوبر 2023 في القاهرة إن مصر وتركيا "
              "وقعتا اتفاقا بقيمة 3 مليارات دولار.")

# Documents longer than this many characters are not analysed in a batch: a news article is
# under 100,000; past a million it is a dump, a log or a broken extraction, and would hold a
# run for minutes. `Pipeline(max_chars=...)` or the environment variable RASAD_MAX_CHARS
# change it (0: no limit).
MAX_CHARS = 1_000_000


class DocumentTooLarge(ValueError):
    """A document past the pipeline's `max_chars` (raised in strict mode, else a Failure)."""


# And a document that takes longer than this many seconds is abandoned in a batch: the size
# limit bounds the work of linear stages, this bounds anything else (a pathological sentence,
# a bug). `Pipeline(max_seconds=...)` or RASAD_MAX_SECONDS change it (0: no limit).
MAX_SECONDS = 120.0


def max_seconds_default() -> float:
    """RASAD_MAX_SECONDS when set to a number, else MAX_SECONDS."""
    try:
        return float(os.environ.get("RASAD_MAX_SECONDS", MAX_SECONDS))
    except ValueError:
        return MAX_SECONDS


class DocumentTimeout(TimeoutError):
    """A document that took longer than the pipeline's `max_seconds`."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise `DocumentTimeout` in this block after `seconds` (a POSIX interval timer, so only in
    a process's main thread; elsewhere, or with 0 seconds, no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise DocumentTimeout(f"{what} took longer than {seconds:g} s (RASAD_MAX_SECONDS); skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Failure:
    """A document a batch could not analyse: which one, and why."""

    doc_id: str
    origin: str | None  # the file or record it came from
    error: str


class Pipeline:
    """Run stages in order on documents."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, *,
                 max_chars: int | None = None, max_seconds: float | None = None,
                 ner: str | None = None) -> None:
        unknown = [name for name in stages if name not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {sorted(STAGES)}")
        available: set[str] = {"text"}
        for name in stages:
            missing = set(STAGES[name].requires) - available
            if missing:
                raise ValueError(f"stage {name!r} needs {sorted(missing)}, which no earlier "
                                 f"stage provides; put the stages that provide them first")
            available.update(STAGES[name].provides)
        self.names = tuple(stages)
        self.max_chars = whole_number("RASAD_MAX_CHARS", MAX_CHARS) if max_chars is None \
            else max_chars
        self.max_seconds = max_seconds_default() if max_seconds is None else max_seconds
        self.ner = ner  # the NER tier (rasad.ner.accurate.TIERS); None: RASAD_NER, else fast
        self._functions = [(name, _with_tier(STAGES[name].load(), ner) if name == "ner" else
                            STAGES[name].load()) for name in stages]
        self._warm = False

    def __call__(self, doc: Document) -> Document:
        for name, function in self._functions:
            doc = function(doc)
            doc.done.add(name)
        if not self._warm:
            self._warm = True
            settle()
        return doc

    def analyze(self, text: str, **meta: Any) -> Document:
        return self(Document(text, **meta))

    def pipe(self, docs: Iterable[Document], *, workers: int = 1,
             strict: bool = False) -> Iterator[Document | Failure]:
        """Analyse many documents, in input order.

        With `strict=False` (batch mode) a document that raises, or is longer than
        `max_chars`, becomes a `Failure` and the batch goes on; with `strict=True` the
        exception (`DocumentTooLarge` for a long one) propagates. With `workers` > 1 the
        documents are analysed in that many processes forked after `warm`
        (`rasad.workers.ordered_map`), and come back in input order.
        """
        from rasad.workers import ordered_map

        if workers > 1:
            self.warm()  # before the fork: the workers share what it loads
        return ordered_map(partial(_sent_back, self, strict), docs, workers=workers)

    def warm(self) -> None:
        """Load what the stages load lazily (models, knowledge base, lexicons of both
        languages) by analysing two short texts, then `settle` it, once."""
        if self._warm:
            return
        for text in WARM_TEXTS:
            try:
                self(Document(text))
            except Exception:  # noqa: BLE001, S112 (a stage failing here fails again on real input)
                continue
        self._warm = True
        settle()

    def attempt(self, doc: Document, strict: bool = False) -> Document | Failure:
        """The analysed document, or (unless `strict`) a `Failure` saying why it is not."""
        try:
            self.check_size(doc)
            with time_limit(self.max_seconds, f"document {doc.meta.get('origin') or doc.id}"):
                return self(doc)
        except Exception as error:
            if strict:
                raise
            return Failure(doc.id, doc.meta.get("origin"), f"{type(error).__name__}: {error}")

    def check_size(self, doc: Document) -> None:
        """Raise `DocumentTooLarge` for a document past `max_chars` (0: no limit)."""
        if self.max_chars and len(doc.text) > self.max_chars:
            raise DocumentTooLarge(
                f"document too large to analyse: {len(doc.text):,} characters, over the limit "
                f"of {self.max_chars:,} (RASAD_MAX_CHARS); split it into articles; skipped")


def _with_tier(function: StageFn, tier: str | None) -> StageFn:
    """The ner stage fixed to one tier, checked now rather than at the first document."""
    if tier is None:
        return function
    from rasad.ner.accurate import TIERS  # noqa: PLC0415

    if tier not in TIERS:
        raise ValueError(f"unknown NER tier {tier!r}; choose one of {', '.join(TIERS)}")
    return partial(function, tier=tier)


def settle() -> None:
    """Move what is alive now (after the first document: the knowledge base, models and
    lexicons the stages load lazily) out of the garbage collector's reach. Those hundreds of
    thousands of long-lived objects would otherwise be rescanned at every full collection,
    which halved the speed of allocation-heavy stages such as segmentation."""
    gc.collect()
    gc.freeze()


def _sent_back(pipeline: Pipeline, strict: bool, doc: Document) -> Document | Failure:
    result = pipeline.attempt(doc, strict)
    if isinstance(result, Document):
        result.__dict__.pop("normalized", None)  # a cache: cheaper to rebuild than to pickle
    return result
