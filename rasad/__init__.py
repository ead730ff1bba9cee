"""rasad: structured, auditable event data from Persian and Arabic news.

    >>> import rasad
    >>> doc = rasad.analyze("قال الرئيس الروسي فلاديمير بوتين الثلاثاء ...")
    >>> doc.to_dict()["sentences"]
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from rasad.document import Document
    from rasad.pipeline import Pipeline

__all__ = ["analyze", "default_pipeline", "__version__"]


@cache
def default_pipeline(ner: str | None = None) -> Pipeline:
    """The pipeline with every default stage, built once per process (and NER tier: `fast`,
    `accurate` or `events`; None reads RASAD_NER at each document, else `fast`)."""
    from rasad.pipeline import Pipeline

    return Pipeline(ner=ner)


def analyze(text: str, lang: str | None = None, published: str | None = None,
            title: str | None = None, source: str | None = None,
            url: str | None = None, ner: str | None = None) -> Document:
    """Analyse one text and return its `Document` with every annotation.

    `lang` ("fa" or "ar") skips language identification; `published` (ISO date) anchors
    relative dates. `ner` picks the entity tier: `fast` (the CRF), `accurate` (the encoder,
    `pip install rasad[accurate]`) or `events` (the encoder on event sentences only); by
    default the environment variable RASAD_NER, else `fast`.
    """
    from rasad.document import Document

    doc = Document(text, lang=lang, published=published, title=title, source=source, url=url)
    return default_pipeline(ner)(doc)
