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
def default_pipeline() -> Pipeline:
    """The pipeline with every default stage, built once per process."""
    from rasad.pipeline import Pipeline

    return Pipeline()


def analyze(text: str, lang: str | None = None, published: str | None = None,
            title: str | None = None, source: str | None = None,
            url: str | None = None) -> Document:
    """Analyse one text and return its `Document` with every annotation.

    `lang` ("fa" or "ar") skips language identification; `published` (ISO date) anchors
    relative dates.
    """
    from rasad.document import Document

    doc = Document(text, lang=lang, published=published, title=title, source=source, url=url)
    return default_pipeline()(doc)
