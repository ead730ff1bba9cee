"""The state an article is written from, for bare titles that nothing earlier explains.

«رئیس‌جمهوری در سفر به مشهد گفت» in an IRNA dispatch is Iran's president, «الرئيس» in a SANA
one Syria's: news leaves its own state's offices unnamed. Three clues, most direct first:

1. a dateline city at the head of the article («تهران - ایرنا -», «دمشق-سانا», «طهران
   (رويترز) -»): a wire story datelined Tehran also calls Iran's president «الرئيس»;
2. a domestic outlet (rasad/data/kb/home_sources.tsv, kind `media`) in the dateline or
   credit line among the first words; pan-regional outlets are not listed, on purpose;
3. the country-code domain of the document's URL (kind `tld`).

With none of them the article has no home, and a bare title stays unresolved as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from rasad.data import read_rows
from rasad.document import Document
from rasad.kb.mention import Mention

DATELINE_MARKS = frozenset({"-", "–", "—", "(", "/", ":", "،", ","})
HEAD_WORDS = 3  # a dateline city starts the article: at most a word or two before it
CREDIT_WORDS = 8  # «تهران - ایرنا -», «دمشق-سانا»: the outlet follows the city closely
PLACE_KINDS = frozenset({"city", "state", "territory", "region"})


@dataclass(frozen=True, slots=True)
class Home:
    """The article's state and the clue it was read from, for the record's rule."""

    code: str
    clue: str


@cache
def home_sources() -> tuple[dict[str, str], dict[str, str]]:
    """(KB id of a domestic outlet → country, country-code domain → country)."""
    media: dict[str, str] = {}
    tlds: dict[str, str] = {}
    for kind, key, country, *_ in read_rows("kb", "home_sources.tsv"):
        (media if kind == "media" else tlds)[key] = country
    return media, tlds


def home_of(doc: Document, mentions: list[Mention]) -> Home | None:
    """The article's home state (see the module's docstring), or None."""
    words = [doc.text[t.start:t.end] for t in doc.tokens[:CREDIT_WORDS + 2]]
    media, tlds = home_sources()
    for mention in mentions:
        if mention.first >= CREDIT_WORDS or mention.actor is None:
            continue
        actor = mention.actor
        after = words[mention.last + 1] if mention.last + 1 < len(words) else ""
        if (mention.first < HEAD_WORDS and actor.kind in PLACE_KINDS and actor.country
                and after in DATELINE_MARKS):
            return Home(actor.country, f"dateline «{doc.text[mention.start:mention.end]}»")
        if actor.id in media:
            return Home(media[actor.id], f"outlet «{doc.text[mention.start:mention.end]}»")
    host = urlsplit(doc.url or "").hostname or ""
    tld = host.rsplit(".", 1)[-1]
    if tld in tlds:
        return Home(tlds[tld], f"site {host}")
    return None
