"""Stage `events`: trigger matches + the sentence's actors → coded events, with their why.

For each sentence: match the trigger lexicon, keep the longest non-overlapping matches, find
the candidate sides (`mentions`), choose a source and a target by word order and the marker
words the lexicon row names (`assign`), code the row's CAMEO code through the ontology tables,
decide the status (`status`), and date and place the event from its sentence. An event
without a source is not emitted; a target may be unknown. Every event carries the row that
made it (`rule`), the reason for its status, and how each side was chosen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import product

from rasad.document import Actor, Document, Entity, Token
from rasad.events import assign
from rasad.events.mentions import Side, main_country, sentence_sides, token_span
from rasad.events.ontology import code as cameo_code
from rasad.events.patterns import Match, fold, load_rules, match_sentence, table_rows
from rasad.events.quotes import find_quotes
from rasad.events.readings import readings
from rasad.events.record import SYMMETRIC_TYPES, Event
from rasad.events.status import CLAUSE_BREAKS_BY_LANG, decide

LANGS = ("fa", "ar")
# Acts that two sides do together whatever the word order: consult, discuss by phone,
# negotiate, sign, cooperate (not a visit or a host, which have a direction).
MUTUAL_CODES = frozenset({"040", "041", "046", "057", "060", "061", "062", "063", "064"})


def annotate(doc: Document) -> Document:
    """Fill `doc.events` and `doc.quotes`."""
    doc.events = []
    by_sentence = _tokens_by_sentence(doc)
    country = main_country(doc)
    salient: Actor | None = None
    doc.quotes = find_quotes(doc, by_sentence)
    entities = _entities_by_sentence(doc)
    for s, sentence in enumerate(doc.sentences):
        lang = sentence.lang or doc.lang
        tokens = by_sentence.get(s, [])
        if lang not in LANGS or not tokens:
            continue
        norms = [t.norm for t in tokens]
        reads = [readings(n, lang) for n in norms]
        matches = match_sentence(load_rules(lang), norms, lang, reads)
        if not matches or off_topic(reads, lang):  # sport: «هجوم برشلونة»
            salient = _salient_entity(doc, entities.get(s, ())) or salient
            continue
        sides = sentence_sides(doc, tokens, reads, lang, country, entities.get(s, ()))
        seen: dict[tuple, int] = {}
        blocked = not_event_words(norms, lang)
        named = _inside_names(tokens, entities.get(s, ()))
        for match in drop_complements(select(matches), norms, lang):
            if set(match.tokens) & blocked or match.first in named or _in_frame(norms, match.first):
                continue
            for event in _code(doc, s, tokens, norms, match, sides, lang, salient):
                key = (event.plover, _who(event.source), _who(event.target))
                if key not in seen:  # one event per dyad and type in a sentence
                    seen[key] = len(doc.events)
                    doc.events.append(event)
                elif match.rule.kind == "verb" and "noun" in doc.events[seen[key]].extra.get("kind", ""):
                    doc.events[seen[key]] = event  # the verb's tense and negation are surer
        salient = _last_salient(sides, doc.events, s) or salient
    _mark_reporters(doc)
    _mark_repeats(doc.events)
    return doc


def _mark_repeats(events: Sequence[Event]) -> None:
    """A later sentence that reports an event already coded in the document (same type, same
    sides, same date and status) points at the first report with `same_as`, so counts that
    skip repeats count each event once; the mention itself stays, with its sentence."""
    first_seen: dict[tuple, int] = {}
    for index, event in enumerate(events):
        sides = (_who(event.source), _who(event.target))
        if event.extra.get("symmetric"):
            sides = tuple(sorted(sides))
        key = (event.plover, sides, event.date, event.status)
        if key in first_seen and events[first_seen[key]].sentence != event.sentence:
            event.extra["same_as"] = first_seen[key]
        else:
            first_seen.setdefault(key, index)


def select(matches: list[Match]) -> list[Match]:
    """The matches that do not share a word: most matched words first, then verb rows (their
    tense and negation are surer than a noun's), then the denser match
    (a light verb belongs to the noun right before it: «با هیچ کدام از این درخواست‌ها
    [موافقت نکرده است]» is AGREE negated, not «درخواست … کرده»), then the earlier one."""
    def words(m: Match) -> set[int]:
        return set(m.tokens) | set(range(m.verb.first, m.verb.last + 1) if m.verb else ())

    ordered = sorted(matches, key=lambda m: (-len(words(m)), m.rule.kind != "verb",
                                             m.last - m.first, m.first))
    taken: set[int] = set()
    kept: list[Match] = []
    for m in ordered:
        used = words(m)
        if used & taken:
            continue
        if any(k.first < m.first and m.last < k.last for k in kept):
            continue  # inside a verbal act's gap: «خواستار [استعفای] رئیس‌جمهور شدند» is one DEMAND
        taken |= used
        kept.append(m)
    return sorted(kept, key=lambda m: m.first)


# Verbal acts whose complement is not coded apart (EVENTS_GUIDE): in «X demanded that Y
# withdraw», «X threatened to strike», «X agreed to swap prisoners» only the act is an event.
# An accusation (DISAPPROVE) keeps its complement, coded as a reported claim by the status stage;
# so do a denial (016: the denied act, negated) and a proposal (the proposed act, proposed).
VERBAL_ACTS = frozenset({"DEMAND", "THREATEN", "AGREE", "CONCEDE", "REJECT"})
_COMPLEMENTIZERS = {"fa": frozenset({"که", "تا"}),
                    "ar": frozenset({"ان", "بان", "لان", "کی", "لکی"})}
_COMPLEMENT_REACH = {"fa": 14, "ar": 6}


# Calendar frames: «في الذكرى الخامسة لاغتيال …»، «در سالگرد حمله …» name no new event.
_FRAMES = frozenset(fold(w) for w in ("الذكرى", "ذكرى", "بالذكرى", "والذكرى", "سالگرد", "سالروز",
                                      "یادبود", "ذکری"))


# «برای مقابله با تحریم‌ها»، «لمواجهة العقوبات»: countering someone's act is no report of
# the act by the sentence's subject.
_COUNTERING = frozenset(fold(w) for w in ("مقابله", "مبارزه", "مواجهه", "مكافحة", "لمكافحة",
                                          "مواجهة", "لمواجهة", "لمقاومة", "مقاومة"))


def _in_frame(norms: Sequence[str], first: int) -> bool:
    return any(w in _FRAMES for w in norms[max(0, first - 4):first]) or \
        any(w in _COUNTERING for w in norms[max(0, first - 2):first])


def drop_complements(matches: list[Match], norms: Sequence[str], lang: str) -> list[Match]:
    """Drop the events inside a verbal act's complement: after its که/تا/أن, or a masdar with
    ب/ل right after it («طالب بانسحاب القوات»، «هدد بقصف»)."""
    if lang == "fa":
        matches = [m for m in matches if not _inside_persian_act(m, matches, norms)]
    kept: list[Match] = []
    for m in matches:
        governed = False
        for act in kept:
            if (act.rule.plover or _root_type(act.rule.cameo)) not in VERBAL_ACTS:
                continue
            if act.rule.cameo.startswith("016") or decide(act, norms, lang)[0] == "proposed":
                continue  # a denied act is coded negated, a proposed one proposed
            gap = norms[act.last + 1:m.first]
            if not 0 <= len(gap) <= _COMPLEMENT_REACH[lang]:
                continue
            if any(w in _COMPLEMENTIZERS[lang] for w in gap) or (
                    lang == "ar" and len(gap) <= 2 and norms[m.first][:1] in "بل"
                    and (m.rule.kind == "noun" or len(norms[m.first]) >= 4)) or (
                    lang == "fa" and len(gap) <= 1 and m.rule.kind == "noun"):
                # «طالب بانسحاب»، «خواستار استعفای رئیس‌جمهور»: the act's own object
                governed = True
                break
        if not governed:
            kept.append(m)
    return kept


def _inside_persian_act(m: Match, matches: Sequence[Match], norms: Sequence[str]) -> bool:
    """Persian puts a verbal act's object between its noun and its verb, or before «را»:
    «خواستار [عقب‌نشینی اسرائیل] است»، «درخواست کی‌یف برای [تبادل اسرا]»، «حماس [مبادله اسیران]
    را نپذیرفت». An event noun there is the act's complement, not an event of its own."""
    if m.rule.kind != "noun":
        return False
    for act in matches:
        if act is m or (act.rule.plover or _root_type(act.rule.cameo)) not in VERBAL_ACTS \
                or act.rule.cameo.startswith("016"):
            continue
        between = norms[act.first + 1:m.first] if act.first < m.first else norms[m.last + 1:act.first]
        if any(w in CLAUSE_BREAKS_BY_LANG["fa"] for w in between):
            continue
        if act.first < m.first and (m.last <= act.last or len(between) <= _PERSIAN_OBJECT_REACH):
            return True  # inside the act's span, or its noun's object
        if m.last < act.first and norms[act.first] == "را" and len(between) <= _PERSIAN_OBJECT_REACH:
            return True  # the object before «را» of the act's verb
    return False


_PERSIAN_OBJECT_REACH = 6


def _root_type(cameo: str) -> str:
    try:
        return cameo_code(cameo).plover
    except KeyError:
        return ""


@lru_cache(maxsize=1)
def _off_topic() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for _row_id, row in table_rows("off_topic.tsv"):
        table.setdefault(row["lang"], set()).add(fold(row["word"]))
    return {lang: frozenset(words) for lang, words in table.items()}


def off_topic(reads: Sequence[Sequence[str]], lang: str) -> bool:
    """Whether a sentence is about sport (`off_topic.tsv`): its attacks, meetings and
    agreements are not political events."""
    words = _off_topic().get(lang, frozenset())
    return any(not words.isdisjoint(word) for word in reads)


def _entities_by_sentence(doc: Document) -> dict[int, list[tuple[int, Entity]]]:
    """(index, entity) pairs per sentence, found once per document by the sentence starts."""
    starts = [sentence.start for sentence in doc.sentences]
    found: dict[int, list[tuple[int, Entity]]] = {}
    for index, entity in enumerate(doc.entities):
        s = bisect_right(starts, entity.start) - 1
        if s >= 0 and entity.end <= doc.sentences[s].end:
            found.setdefault(s, []).append((index, entity))
    return found


def _salient_entity(doc: Document, entities: Sequence[tuple[int, Entity]]) -> Actor | None:
    """The last named person of a sentence with no event: who a later «وی»، «وأضاف» is."""
    for index, entity in reversed(entities):
        if entity.type == "PER" and entity.kb_id:
            return Actor.of_entity(index, entity)
    return None


def _code(doc: Document, s: int, tokens: Sequence[Token], norms: Sequence[str], match: Match,
          sides: list[Side], lang: str, salient: Actor | None) -> list[Event]:
    rule = match.rule
    try:
        cameo = cameo_code(rule.cameo)
    except KeyError:
        return []
    plover = rule.plover or cameo.plover
    pairs, why = assign.choose(match, sides, norms, lang, salient)
    lo, hi = assign.clause_bounds(norms, match.first, match.last, lang)
    status, reason = decide(match, norms, lang)
    if plover == "THREATEN" and status == "future":  # «سترد بقوة»: the threat is made now
        status, reason = "asserted", f"a threat is made when it is spoken ({reason})"
    start, end = tokens[match.first].start, tokens[match.last].end
    events = []
    for source, target, symmetric in pairs:
        shown = why if len(pairs) == 1 else (
            f"{why} — this event: «{_name(source)}» → «{_name(target)}»")
        extra = {"status_reason": reason, "sides": shown, "lang": lang, "kind": rule.kind}
        if target is not None and (symmetric and plover in SYMMETRIC_TYPES
                                   or cameo.code[:3] in MUTUAL_CODES):
            extra["symmetric"] = True
        events.append(Event(
            sentence=s, start=start, end=end, source=source, target=target, cameo=cameo.code,
            plover=plover, mode=cameo.mode or None, context=cameo.context or None,
            quad_class=cameo.quad_class, goldstein=cameo.goldstein, status=status,
            date=_date(doc, s, (tokens[lo].start, tokens[hi].end)), location=_location(doc, sides),
            rule=f"{rule.id} {rule.pattern}",
            confidence=0.8 if target is not None else 0.6, extra=extra))
    return events


@lru_cache(maxsize=1)
def _not_events() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """lang → first word → the fixed expressions of `not_events.tsv` that start with it."""
    table: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for _row_id, row in table_rows("not_events.tsv"):  # «يستهدف تقديم|تحقيق»: alternatives
        choices = [[fold(w) for w in position.split("|")] for position in row["words"].split()]
        for words in product(*choices):
            table.setdefault(row["lang"], {}).setdefault(words[0], []).append(words)
    return table


def not_event_words(norms: Sequence[str], lang: str) -> set[int]:
    """Positions of the words inside a fixed expression of `not_events.tsv`."""
    found: set[int] = set()
    by_first = _not_events().get(lang, {})
    for i, norm in enumerate(norms):
        for words in by_first.get(norm, ()):
            if tuple(norms[i:i + len(words)]) == words:
                found.update(range(i, i + len(words)))
    return found


def _inside_names(tokens: Sequence[Token], entities: Sequence[tuple[int, Entity]]) -> set[int]:
    """Positions of the words of known names longer than one word: «قوات الدعم السريع»,
    «شورای همکاری خلیج فارس» hold trigger words that are not acts. Only names the knowledge
    base links: a statistical name may have swallowed the act («صيدنايا للتعذيب»)."""
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    found: set[int] = set()
    for _, entity in entities:
        if entity.kb_id:
            first, last = token_span(starts, ends, entity.start, entity.end)
            if last > first:
                found.update(range(first, last + 1))
    return found


def _name(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return actor.name_en or actor.sector or actor.country or "?"


def _who(actor: Actor | None) -> str:
    return f"{actor.kb_id}|{actor.name_en}|{actor.country}" if actor else ""


def _date(doc: Document, s: int, clause: tuple[int, int] | None = None) -> str | None:
    """The first dated time in the trigger's clause, else in its sentence (a day, month or
    year, or the Monday of a week; a range gives its start), else the publication day."""
    sentence = doc.sentences[s]
    dated = [t for t in doc.times if sentence.start <= t.start < sentence.end and t.value
             and t.granularity in ("day", "month", "year", "week")]
    if clause is not None:
        inside = [t for t in dated if clause[0] <= t.start < clause[1]]
        dated = inside or dated
    if dated:
        return iso_start(dated[0].value)
    return doc.published[:10] if doc.published else None


def iso_start(value: str) -> str:
    """«2016-08-09», «2016-08», «2016», «2024-W16» → a sortable ISO date prefix."""
    value = value.split("/")[0][:10]
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat()
    return value


def _location(doc: Document, sides: Sequence[Side]) -> dict | None:
    for side in sides:  # where it happened: «في طشقند»، «در ژنو»، «بباريس», not «إلى موسكو»
        if side.is_place and side.marker in ("فی", "در", "ب") and side.entity is not None:
            entity = doc.entities[side.entity]
            return {"entity": side.entity, "text": doc.text[entity.start:entity.end],
                    "kb_id": entity.kb_id,
                    "country": entity.country}
    return None


def _last_salient(sides: Sequence[Side], events: Sequence[Event], s: int) -> Actor | None:
    """Who a dropped or pronoun subject in the next sentence most likely is: this sentence's
    last event source, else its last named person."""
    cities = {side.actor.kb_id for side in sides if side.city}
    for event in reversed(events):
        if event.sentence == s and event.source and event.source.kb_id \
                and event.source.kb_id not in cities:
            return event.source
    for side in reversed(sides):
        if side.kind == "entity" and side.actor.kb_id and not side.city:
            return side.actor
    return None


def _mark_reporters(doc: Document) -> None:
    """Events inside a quote keep the quote's speaker as their reporter."""
    for event in doc.events:
        for quote in doc.quotes:
            if quote.start <= event.start < quote.end and quote.speaker is not None:
                event.extra["reporter"] = quote.speaker.to_dict()
                break


def _tokens_by_sentence(doc: Document) -> dict[int, list[Token]]:
    found: dict[int, list[Token]] = {}
    for token in doc.tokens:
        found.setdefault(token.sentence, []).append(token)
    return found
