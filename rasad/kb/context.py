"""Gazetteer matches that the words around them make no name of their actor (issue 9).

`rasad/data/kb/not_names.tsv` lists a name (or * for any state's name or adjective) with the
word before or the words after that make it something else: «ترک اعتیاد» (quitting
addiction, not Turkish), «كل قطر من أقطار» (a country, not Qatar), «الأسرة المصرية الأولى»
(a historical polity, not the modern state). With `shorten`, a longer name gives way to the
name its first word makes: «وزير خارجية روسيا اليوم» is Russia + "today", not RT.

With `office` (name `@role`), a role phrase after an election or institution word names the
office, not its holder: «انتخابات ریاست جمهوری آمریکا» is not the incumbent president.

With `org` (name `@place`), a place's name inside an institution's or a company's name
(«بورصة لندن», «مصر للسياحة», «دانشگاه تهران») is no link: the words are one organization,
unlinked, with the place's country.

An English acronym (WHO, NATO) matches only when written in capitals: "who" is no name.

A one-word short form of a person followed by a title word (apposed_titles.tsv: «سلیمانی
مدیرکل زندان‌ها», «منير مدير») names someone with that office: `apposed_title` marks it, and
rasad.kb.link keeps the famous person's link only where the document names them otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from rasad.data import read_rows
from rasad.document import Document, Entity
from rasad.kb.gazetteer import END, PhraseMatch, PhraseTrie, TokenView, token_key
from rasad.kb.mention import Mention
from rasad.text.normalize import match_key, normalize_str

ANY_STATE = "*"
PERSON = "@person"  # rows for a person's one-word name (a surname after «عائلة»: a family)
ROLE = "@role"  # a row for role phrases (action `office`)
PLACE = "@place"  # a row for place names (action `org`)
PLACE_NAME_KINDS = frozenset({"state", "territory", "city", "region"})
STATE_KINDS = frozenset({"state", "territory"})


@dataclass(frozen=True, slots=True)
class NotName:
    """One row of not_names.tsv: `name` is no name between `before` and `after`."""

    lang: str
    name: str
    before: frozenset[str]
    after: tuple[tuple[str, ...], ...]
    action: str  # drop | shorten


def _key(word: str) -> str:
    return match_key(token_key(normalize_str(word)))


@cache
def not_names() -> dict[str, tuple[NotName, ...]]:
    """The rows of not_names.tsv by name key (`*` for any state)."""
    rows: dict[str, list[NotName]] = {}
    for row in read_rows("kb", "not_names.tsv"):
        lang, name, before, after, action = (row + [""] * 5)[:5]
        if lang == "lang":
            continue
        key = name if name in (ANY_STATE, ROLE, PLACE, PERSON) else match_key(normalize_str(name))
        rows.setdefault(key, []).append(NotName(
            lang, key, frozenset(_key(w) for w in before.split("|") if w),
            tuple(tuple(_key(w) for w in words.split()) for words in after.split("|") if words),
            action or "drop"))
    return {key: tuple(found) for key, found in rows.items()}


def drop_not_names(matches: list[PhraseMatch], doc: Document, gazetteer: PhraseTrie,
                   kb_get: Callable[[str], Any]) -> tuple[list[PhraseMatch], list[tuple[int, int]]]:
    """`matches` without those their context makes no name (shortened where the row says),
    and the (start, end) of each dropped match: a CRF name over those words is no name either."""
    view = TokenView(doc)
    out, dropped = [], []
    for match in matches:
        kept = _capitals_only(match, doc)
        row = None if kept is None else _rule_for(kept, view, kb_get)
        if kept is not None and row is None:
            out.append(kept)
            continue
        dropped.append((match.start, match.end))
        shorter = None if row is None or row.action != "shorten" else _first_word(
            match, view, gazetteer)
        if shorter is not None:
            out.append(shorter)
    return out, dropped


def outside(entities: list[Entity], spans: list[tuple[int, int]]) -> list[Entity]:
    """The entities that overlap none of `spans`."""
    return [e for e in entities if not any(e.start < end and start < e.end for start, end in spans)]


def _rule_for(match: PhraseMatch, view: TokenView, kb_get: Callable[[str], Any]) -> NotName | None:
    lang = view.lang(match.first)
    rows = not_names().get(_phrase_key(match.key), ())
    if _is_state(match, kb_get):
        rows = (*rows, *not_names().get(ANY_STATE, ()))
    elif match.first == match.last and _is_kind(match, kb_get, frozenset({"person"})):
        rows = (*rows, *not_names().get(PERSON, ()))
    before = _words_before(view, match.first, lang)
    for row in rows:
        if row.lang and row.lang != lang:
            continue
        if row.before and not any(word in row.before for word in before):
            continue
        if row.after and not _followed_by(view, match.last, row.after):
            continue
        return row
    return None


def _is_state(match: PhraseMatch, kb_get: Callable[[str], Any]) -> bool:
    return _is_kind(match, kb_get, STATE_KINDS)


def _is_kind(match: PhraseMatch, kb_get: Callable[[str], Any], kinds: frozenset[str]) -> bool:
    records = [kb_get(e.actor_id) for e in match.values]
    return bool(records) and all(r is not None and r.kind in kinds for r in records)


QUOTES = frozenset('"«»“”\'')


def _words_before(view: TokenView, first: int, lang: str | None) -> tuple[str, ...]:
    """The match key of the word before token `first`, past an opening quote («عائلة " هنية "»),
    and in Arabic its readings without proclitics too («والإمبراطورية الروسية»، «لقدماء
    المصريين»)."""
    k = first - 1
    if 0 <= k < len(view.tokens) and view.text[view.tokens[k].start:view.tokens[k].end] in QUOTES:
        k -= 1
    word = _word(view, k, first)
    return view.readings(k) if word and lang == "ar" else (word,)


def _word(view: TokenView, k: int, near: int) -> str:
    """The match key of token `k` if it is in the sentence of token `near`, else ""."""
    tokens = view.tokens
    if not 0 <= k < len(tokens) or tokens[k].sentence != tokens[near].sentence:
        return ""
    return _norm_key(tokens[k].norm)


@lru_cache(maxsize=1 << 16)
def _phrase_key(key: str) -> str:
    return match_key(key)


@lru_cache(maxsize=1 << 16)
def _norm_key(norm: str) -> str:
    return match_key(token_key(norm))


def _followed_by(view: TokenView, last: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of `phrases` (tuples of word keys) follows token `last` in its sentence."""
    after = [_word(view, last + 1, last)]
    for words in phrases:
        if words[0] != after[0]:
            continue
        while len(after) < len(words):
            after.append(_word(view, last + len(after) + 1, last))
        if tuple(after[:len(words)]) == words:
            return True
    return False


def _first_word(match: PhraseMatch, view: TokenView, gazetteer: PhraseTrie) -> PhraseMatch | None:
    """The name the match's first word makes on its own, if any (روسيا of «روسيا اليوم»)."""
    token = view.tokens[match.first]
    key = token_key(token.norm)
    node = gazetteer.root.get(key)
    if match.last == match.first or match.prefix or node is None or END not in node:
        return None
    return replace(match, last=match.first, end=token.end, key=key, values=tuple(node[END]),
                   suffix="")


def _capitals_only(match: PhraseMatch, doc: Document) -> PhraseMatch | None:
    """An English acronym's entries only where the text writes it in capitals (WHO, not
    "who said"); in Persian or Arabic text, where no English word is next to it, a
    lower-case acronym is still one («حسب cia»)."""
    written = doc.text[match.start:match.end]
    if not written.isascii() or written.isupper() or not _latin_beside(match, doc):
        return match
    values = tuple(e for e in match.values
                   if not (getattr(e, "lang", None) == "en" and e.name.isupper()))
    return replace(match, values=values) if values else None


@cache
def apposed_titles() -> frozenset[str]:
    """Title words (match keys) that after a surname name that person's office."""
    return frozenset(_key(row[0]) for row in read_rows("kb", "apposed_titles.tsv")
                     if row[0] != "word")


def apposed_title(doc: Document, first: int, last: int) -> bool:
    """Whether tokens `first..last` (one word) are followed by a title word in their sentence."""
    tokens = doc.tokens
    k = last + 1
    if first != last or k >= len(tokens) or tokens[k].sentence != tokens[last].sentence:
        return False
    return _norm_key(tokens[k].norm) in apposed_titles()


def offices_not_holders(mentions: list[Mention], doc: Document) -> list[Mention]:
    """`mentions` with each role phrase that follows an election or institution word (the
    `@role` rows) replaced by the country or organization it names (آمریکا of «انتخابات ریاست
    جمهوری آمریکا»): the office, not the person who holds it."""
    rows = not_names().get(ROLE, ())
    if not rows:
        return mentions
    view = TokenView(doc)
    out = []
    for mention in mentions:
        if mention.source != "role" or mention.kind not in ("role", "title") \
                or not _after_office_word(mention, view, rows):
            out.append(mention)
            continue
        obj = mention.obj
        if obj is not None and (obj.first, obj.last) != (mention.first, mention.last):
            out.append(obj)
    return out


def _after_office_word(mention: Mention, view: TokenView, rows: tuple[NotName, ...]) -> bool:
    lang = view.lang(mention.first)
    before = _word(view, mention.first - 1, mention.first)
    return any(before in row.before for row in rows if not row.lang or row.lang == lang)


def organizations_named_after_places(mentions: list[Mention], doc: Document) -> list[Mention]:
    """`mentions` with each place name inside an organization's name (the `@place` rows)
    replaced by that organization, unlinked, with the place's country; a weak place name
    there (Basseterre's «باستير» in «معهد باستير», the Pasteur Institute) is dropped."""
    rows = not_names().get(PLACE, ())
    view = TokenView(doc)
    out = []
    for mention in mentions:
        actor = mention.actor
        if not rows or mention.kind != "name" or actor is None \
                or actor.kind not in PLACE_NAME_KINDS:
            out.append(mention)
            continue
        organization = _organization(mention, view, rows)
        if organization is None:
            out.append(mention)
        elif not mention.weak:  # a weak name there is no place at all: «معهد باستير»
            out.append(organization)
    return out


def _organization(mention: Mention, view: TokenView, rows: tuple[NotName, ...]) -> Mention | None:
    lang = view.lang(mention.first)
    first, last = mention.first, mention.last
    before = _word(view, first - 1, first)
    for row in rows:
        if row.lang and row.lang != lang:
            continue
        if row.before and before in row.before and not mention.clitic:
            first = first - 1
        elif row.after and _followed_by(view, last, row.after):
            last = last + 1
        else:
            continue
        tokens = view.tokens
        return Mention(first, last, min(tokens[first].start, mention.start),
                       max(tokens[last].end, mention.end), type="ORG", source="kb",
                       country=mention.actor.country, confidence=0.7,
                       rule=f"organization named after {mention.actor.name_en}")
    return None


def _latin_beside(match: PhraseMatch, doc: Document) -> bool:
    """Whether a Latin word is next to the match in its sentence (English text around it)."""
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    return any(0 <= k < len(tokens) and tokens[k].sentence == sentence
               and tokens[k].norm.isascii() and tokens[k].norm.isalpha()
               for k in (match.first - 1, match.last + 1))
