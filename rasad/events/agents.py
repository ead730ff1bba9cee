"""Unnamed actors: police, protesters, the army, gunmen; پلیس، معترضان، نیروهای امنیتی.

Most sides of protests, attacks and arrests are groups, not named people. They are found from
`agents_{fa,ar}.tsv` (a form, its CAMEO/PLOVER sector and an English gloss) word by word over
each token's readings, so الشرطة، وللشرطة and قوات الأمن / قوات أمنية all match. Their country
is decided later, by the coder, from the sentence (الشرطة العراقية، پلیس ترکیه) or the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasad.events.patterns import fold, table_rows


@dataclass(frozen=True, slots=True)
class Agent:
    words: tuple[str, ...]
    sector: str
    name_en: str
    row: str  # file:line


@dataclass(frozen=True, slots=True)
class AgentMention:
    """An agent found at tokens [first, last] of a sentence."""

    agent: Agent
    first: int
    last: int


@lru_cache(maxsize=4)
def agents(lang: str) -> dict[str, list[Agent]]:
    """First word → the agents that start with it, longest first."""
    table: dict[str, list[Agent]] = defaultdict(list)
    for row_id, row in table_rows(f"agents_{lang}.tsv"):
        words = tuple(_word(w, lang) for w in row["form"].split())
        table[words[0]].append(Agent(words, row["sector"], row.get("name_en", ""), row_id))
    for found in table.values():
        found.sort(key=lambda a: -len(a.words))
    return dict(table)


def _word(word: str, lang: str) -> str:
    """A lexicon word as tokens read it: the Arabic article is a reading away (الأمن → امن)."""
    word = fold(word)
    if lang == "ar" and word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def find_agents(reads: Sequence[Sequence[str]], lang: str) -> list[AgentMention]:
    """Longest non-overlapping agent mentions in a sentence, given each token's readings."""
    table = agents(lang)
    found: list[AgentMention] = []
    i = 0
    while i < len(reads):
        best = None
        for r in reads[i]:
            for agent in table.get(r, ()):
                n = len(agent.words)
                fits = i + n <= len(reads) and all(agent.words[k] in reads[i + k] for k in range(1, n))
                if fits and (best is None or n > len(best.words)):
                    best = agent
        if best is not None:
            found.append(AgentMention(best, i, i + len(best.words) - 1))
            i += len(best.words)
        else:
            i += 1
    return found
