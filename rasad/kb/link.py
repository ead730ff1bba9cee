"""Stage `actors`: find the actors a document mentions and link each mention to the KB.

Runs after the CRF (`ner`) stage and rewrites `doc.entities` as one non-overlapping layer:

  1. KB names and adjectives (rasad.kb.gazetteer), an ambiguous name decided by context,
     less those the words around them make no name (rasad.kb.context: ترک اعتیاد, الأسرة
     المصرية, بورصة لندن); a one-word surname with someone else's title after it
     (سلیمانی مدیرکل زندان‌ها) and a weak given name need the document's confirmation;
  2. role phrases over them (rasad.kb.roles), resolved by date, apposition or reference back
     (rasad.kb.resolve);
  3. the CRF's names merged in, the CRF's bounds kept where it read a name the KB matched
     only part of: a CRF span around shorter KB matches is kept (سلفان شالوم, not شالوم; a
     nationality adjective inside a name, كيني ميلر, is no adjective), linked when it is
     that actor (a KB name, the same person's name spelt otherwise, a descriptor before the
     name: کشور روسیه, خبرگزاری روسی اسپوتنیک) or given the country of the state inside an
     organization (جامعة طهران); the KB matches stay for a list (روسیه و آذربایجان), a
     person in a government (دولت ترامپ) and a noun before a surname (نقاط زيلينسكي). A KB
     name's title (سردار سلیمانی, الملك عبدالله) or trailing nationality adjective (حزب الله
     اللبناني) the CRF leaves out is left out; a role phrase whose object is the first word
     of a longer CRF person (للسفير كلاوس ايبرمان) gives way to the name. On the same words
     the CRF's LOC/ORG reading wins (جمهوری اسلامی acting: ORG), the link stays. A CRF name
     alone is looked up in the KB;
  4. coreference: a later short form of a linked person (بوتين after فلاديمير بوتين) takes
     its id; unlinked names that repeat share `extra["group"]`.

Ambiguous names (one key, several actors) pick the actor whose country the document
already mentions unambiguously, then a name over an adjective, then the kind order
state > territory > IGO > person > bodies and groups > region > city. A capital is a
city: «مسکو» links to Moscow, and only where it acts («مسکو اعلام کرد», «مع موسكو») does
it also carry the government it stands for, in `extra["stands_for"]` (rasad.kb.metonymy);
after an agreement or process word the city names the agreement (اجرای مینسک, اتفاقية
مينسك) and is left out. An adjective (الروسية، روسی)
is a MISC entity linked to its state. A weak place name (کیف "bag", مالي "financial") is
confirmed by another mention of its state or by a state it is coordinated with (مسکو و کیف,
جمهورية أفريقيا الوسطى ومالي).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import cache

from rasad.data import read_rows
from rasad.document import Document, Entity
from rasad.kb.base import ActorRecord, KnowledgeBase, NameEntry, load_kb
from rasad.kb.context import (
    apposed_title,
    drop_not_names,
    offices_not_holders,
    organizations_named_after_places,
    outside,
)
from rasad.kb.gazetteer import (
    EZAFE_AFTER,
    Gazetteer,
    PhraseMatch,
    PhraseTrie,
    TokenView,
    function_words,
    load_gazetteer,
    token_key,
)
from rasad.kb.mention import TYPE_OF_KIND, Mention
from rasad.kb.metonymy import read_metonyms
from rasad.kb.resolve import resolve_roles
from rasad.kb.roles import Context, kb_roles, load_titles, role_mentions
from rasad.spans import SpanIndex
from rasad.text.clitics import candidate_stems
from rasad.text.normalize import match_key, normalize_str

KIND_RANK = {kind: i for i, kind in enumerate((
    "state", "territory", "igo", "person", "gov_body", "armed_group", "party", "media",
    "company", "region", "city", "water"))}
CRF_KINDS = {"PER": {"person"}, "LOC": {"state", "territory", "city", "region", "water"},
             "ORG": {"igo", "gov_body", "armed_group", "party", "company", "media"}}
OWN_SOURCES = frozenset({"kb", "role", "coref"})
PLACE_KINDS = frozenset({"city", "region", "water"})
# Words after which a capital names an agreement or a negotiation track, not its state.
AGREEMENT_WORDS = frozenset(match_key(w) for w in (
    "توافق", "توافقات", "توافقنامه", "قرارداد", "پیمان", "معاهده", "روند", "فرایند", "فرآیند",
    "اجرای", "اتفاق", "اتفاقية", "اتفاقيات", "معاهدة", "مسار", "صيغة", "تفاهمات", "بروتوكول"))
JOINERS = frozenset({"و", "،", ","})
# Words a CRF span may add to a KB name and still be that actor: what the actor is.
DESCRIPTORS = frozenset(match_key(w) for w in (
    "کشور", "خبرگزاری", "روزنامه", "شبکه", "شرکت", "گروه", "جنبش", "سازمان", "دولة", "بلاد",
    "صحيفة", "جريدة", "وكالة", "شبكة", "قناة", "شركة", "مجموعة", "حركة", "منظمة"))
# Titles the KB keeps in some names (سردار سلیمانی, الملك عبدالله) and NER leaves outside.
HONORIFICS = frozenset(match_key(w) for w in (
    "سردار", "ملک", "شیخ", "امیر", "سید", "حاج", "آقای", "الملك", "الشيخ", "الأمير", "السيد",
    "الحاج", "سمو", "جلالة"))


def annotate(doc: Document) -> Document:
    """Stage `actors`: replace `doc.entities` with linked, non-overlapping actor mentions."""
    mentions = find_actors(doc)
    entities = [m.to_entity(doc) for m in mentions]
    doc.entities = []
    for entity in entities:
        doc.add(entity)
    return doc


def find_actors(doc: Document, *, kb: KnowledgeBase | None = None,
                gazetteer: Gazetteer | None = None,
                titles: PhraseTrie | None = None) -> list[Mention]:
    """The linked mentions of `doc`, sorted; `doc.entities` supplies the CRF's names."""
    kb = kb or load_kb()
    ctx = Context.of(doc, kb)
    gazetteer = gazetteer or load_gazetteer()
    matches, dropped = drop_not_names(gazetteer.find(doc), doc, gazetteer, kb.get)
    names = organizations_named_after_places(name_mentions(matches, ctx), doc)
    mentions = role_mentions(doc, (titles or load_titles()).scan(doc), names, kb)
    mentions = merge_crf(mentions, outside(_crf_entities(doc), dropped), ctx)
    mentions = confirm_weak(offices_not_holders(resolve_roles(mentions, ctx), doc), ctx)
    corefer(mentions, ctx)
    take_given_names(mentions, ctx)
    read_metonyms(mentions, ctx)
    return mentions


def _crf_entities(doc: Document) -> list[Entity]:
    """The NER stage's names (earlier output of this stage is recomputed, not kept)."""
    return [e for e in doc.entities if e.extra.get("source", "crf") not in OWN_SOURCES]


# --- names ---------------------------------------------------------------------------

def name_mentions(matches: list[PhraseMatch], ctx: Context) -> list[Mention]:
    """One mention per gazetteer match, ambiguous names decided by the document's countries.

    A match inside a time expression is a weekday or month, not a place or person
    (دوشنبه in «روز دوشنبه» is Monday, not Dushanbe; آذر in «۱۲ آذر» is the month), and one
    inside an amount of money is its currency's adjective («500 مليون ريال سعودي»)."""
    times = SpanIndex(ctx.doc.times)
    money = SpanIndex([q for q in ctx.doc.quantities if q.kind == "money"])
    matches = [m for m in matches
               if not times.covers(m.start, m.end) and not money.covers(m.start, m.end)]
    known = _unambiguous_countries(matches, ctx.kb)
    out = []
    for match in matches:
        chosen = _choose(match, ctx, known)
        if chosen is not None and not _names_agreement(match, chosen[1], ctx) \
                and not _verb_part(match, ctx):
            out.append(_name_mention(match, *chosen, ctx))
    return out


# Persian light verbs (کردن، شدن) in the forms that follow the first part of a compound verb,
# on match keys: ترک کرد (left), ترک می‌کند, ترک نشده‌اند; not شدیدا or کردها.
_LIGHT_VERB = re.compile(r"(?:ن?می|ب|ن)?(?:کرد|کن|شد|شو)ه?"
                         r"(?:م|ی|د|یم|ید|ند|ن|است|اند|ام|ای|ایم|اید)?")


def _verb_part(match: PhraseMatch, ctx: Context) -> bool:
    """A one-word Persian adjective reading that is the first part of a compound verb: ترک in
    «تهران را ترک کرد» is "left", not "Turkish"."""
    if match.last != match.first or not all(e.is_adjective for e in match.values):
        return False
    tokens, k = ctx.doc.tokens, match.last + 1
    if k >= len(tokens) or tokens[k].sentence != tokens[match.first].sentence \
            or _lang_at(ctx, match.first) != "fa":
        return False
    return _LIGHT_VERB.fullmatch(match_key(tokens[k].norm)) is not None


def _names_agreement(match: PhraseMatch, record: ActorRecord, ctx: Context) -> bool:
    """A capital right after an agreement or process word, or after one such word and an
    adjective (اجرای مینسک, اجرای منسجم مینسک, مسار أستانا; not اتفاق بين موسكو)."""
    if record.kind != "city":
        return False
    tokens, here = ctx.doc.tokens, match.first
    for back in (1, 2):
        k = here - back
        if k < 0 or tokens[k].sentence != tokens[here].sentence:
            return False
        if _is_agreement_word(tokens[k].norm, _lang_at(ctx, k)):
            return True
        if not tokens[k].norm.isalpha() or token_key(tokens[k].norm) in _not_between():
            return False
    return False


@cache
def _not_between() -> frozenset[str]:
    """Words that end the look-back for an agreement word: the capital is then its own
    actor (اتفاق بين موسكو وكييف: an agreement between Russia and Ukraine)."""
    return function_words() | {token_key(normalize_str(w)) for w in ("بين", "بین", "و")}


def _is_agreement_word(norm: str, lang: str | None) -> bool:
    return any(match_key(r) in AGREEMENT_WORDS for r in (norm, *candidate_stems(norm, lang)))


def _unambiguous_countries(matches: list[PhraseMatch], kb: KnowledgeBase) -> set[str]:
    codes = set()
    for match in matches:
        ids = {e.actor_id for e in match.values}
        if len(ids) == 1:
            record = kb.get(next(iter(ids)))
            if record is not None and record.country:
                codes.add(record.country)
    return codes


def _choose(match: PhraseMatch, ctx: Context,
            known: set[str]) -> tuple[NameEntry, ActorRecord, int] | None:
    """The entry and actor a match stands for, and how many actors it could have been."""
    lang = _lang_at(ctx, match.first)
    written = _marks(ctx.doc.text[match.start:match.end])
    by_actor: dict[str, list[NameEntry]] = defaultdict(list)
    for entry in match.values:
        by_actor[entry.actor_id].append(entry)
    best = None
    for actor_id, entries in by_actor.items():
        record = ctx.kb.get(actor_id)
        if record is None or (match.suffix and record.kind == "person"):
            continue  # معلمان (teachers) is no form of the surname معلم
        entry = min(entries, key=lambda e: (e.lang != lang, e.is_adjective))
        if match.suffix.endswith("ان") and not entry.is_adjective:
            continue  # ایرانیان is Iranians (adjective + ان); سپاهان is not سپاه
        if record.kind in PLACE_KINDS and _nisba(match.suffix, entry.name):
            continue  # اردبیلی, تهرانی: of the place (an adjective, a surname), not the place
        if _foreign_spelling(match, entry, record, lang) or _article_read_off(match, entries, record):
            continue
        voweled = bool(written) and any(written <= _marks(e.name) for e in entries)
        rank = (voweled, record.country in known, not entry.is_adjective, entry.lang == lang,
                -KIND_RANK.get(record.kind, 99))
        if best is None or rank > best[0]:
            best = (rank, entry, record)
    return None if best is None else (best[1], best[2], len(by_actor))


def _nisba(suffix: str, name: str) -> bool:
    """A Persian ending that makes a place's name an adjective or a surname (اصفهانی,
    تهرانی‌ها, اردبیلی), not a written ezafe after a vowel letter (ارومیه‌ی زیبا)."""
    if not suffix.startswith(("ی", "ای")):
        return False
    return not (suffix == "ی" and name[-1:] in EZAFE_AFTER)


_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653))  # tanwin … sukun, shadda, maddah


def _marks(text: str) -> frozenset[tuple[int, str]]:
    """The Arabic diacritics a spelling writes, by letter position: a text that writes them
    (عمّان, Amman) picks the knowledge-base name written the same way over عُمان (Oman)."""
    found, letter = set(), -1
    for ch in text:
        if ch in _MARKS:
            found.add((letter, ch))
        elif ch.isalpha():
            letter += 1
    return frozenset(found)


def _article_read_off(match: PhraseMatch, entries: list[NameEntry], record: ActorRecord) -> bool:
    """A person's, group's or party's name read after the Arabic article it never takes:
    «بالحماس» is "with enthusiasm", not Hamas (names that take it, الحوثيون, are so listed)."""
    return (record.kind in ARTICLE_FREE_KINDS and match.prefix.endswith("ال")
            and not any(e.name.startswith("ال") for e in entries))


ARTICLE_FREE_KINDS = frozenset({"person", "armed_group", "party"})


def _foreign_spelling(match: PhraseMatch, entry: NameEntry, record: ActorRecord,
                      lang: str | None) -> bool:
    """A place's or organization's one-word name in the other language's spelling, when the
    actor has names of its own in the sentence's language (Arabic كيف "how" is not the Persian
    کیف, Kyiv, spelt كييف in Arabic; ترك "left" is not the Persian ترک), or a person's one-word
    name read after a proclitic (فائدة is not ف + Persian آیده). Persons' surname lists differ
    between the languages, so their other forms are kept (and weak if weak in their own)."""
    if lang is None or entry.lang in (lang, "en"):
        return False
    if match.first != match.last:
        return False
    return bool(match.prefix) if record.kind == "person" else bool(record.names.get(lang))


def _lang_at(ctx: Context, token: int) -> str | None:
    sentence = ctx.sentence_of[token] if token < len(ctx.sentence_of) else 0
    sentences = ctx.doc.sentences
    return (sentences[sentence].lang if sentence < len(sentences) else None) or ctx.doc.lang


def _name_mention(match: PhraseMatch, entry: NameEntry, record: ActorRecord, count: int,
                  ctx: Context) -> Mention:
    kind = "adjective" if entry.is_adjective else "name"
    rule = f"{'adjective' if entry.is_adjective else 'name'} «{entry.name}» ({entry.lang})"
    extra: dict = {}
    actor = record
    state = ctx.kb.government_of(record)
    if state is not None:
        rule += _city_role(record, state)
    if count > 1:
        extra["candidates"] = count
    confidence = 0.7 if count > 1 else 0.9 if match.prefix else 0.95
    weak = _is_weak(match_key(match.key), _lang_at(ctx, match.first), ctx.kb, entry.lang)
    if not weak and actor.kind == "person" and apposed_title(ctx.doc, match.first, match.last) \
            and not _own_title(record, match.last + 1, ctx):
        weak = "title"  # «سلیمانی مدیرکل زندان‌ها»: someone with that office
    return Mention(match.first, match.last, match.start, match.end,
                   type="MISC" if entry.is_adjective else TYPE_OF_KIND.get(actor.kind, "MISC"),
                   source="kb", actor=actor, country=actor.country, confidence=confidence,
                   rule=rule, kind=kind, extra=extra, clitic=match.prefix, weak=weak)


def _own_title(person: ActorRecord, k: int, ctx: Context) -> bool:
    """A title phrase at token `k` that names an office the person held (at any date):
    «لاریجانی رئیس مجلس» is Ali Larijani even where the bare title resolves to no one."""
    found = load_titles().match_at(TokenView(ctx.doc, inflected=False), k)
    offices = {r for title in (found.values if found else ()) for r in kb_roles(title.roles)}
    return any(r.role in offices for r in person.roles)


def _is_weak(key: str, lang: str | None, kb: KnowledgeBase, name_lang: str | None = None) -> str:
    """"list", "kb" or "" (see `Mention.weak`). weak_names.tsv names are weak in sentences of
    their language; a KB `ambiguous` name also wherever its own spelling is read (كانون, the
    month in Arabic, is as ambiguous in a Persian sentence)."""
    langs = weak_names(kb).get(key)
    if langs is not None and ("" in langs or lang in langs):
        return "list"
    langs = ambiguous_names(kb).get(key)
    if langs is not None and ("" in langs or lang in langs or name_lang in langs):
        return "kb"
    return ""


@cache
def weak_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Name keys of rasad/data/kb/weak_names.tsv → languages where they are weak ("" = all)."""
    del kb  # one signature with ambiguous_names
    found: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("kb", "weak_names.tsv"):
        name, lang = (row + [""])[:2]
        if name != "name":  # the header line
            found[match_key(name)].add(lang.strip())
    return {key: frozenset(langs) for key, langs in found.items()}


@cache
def given_names() -> frozenset[str]:
    """weak_names.tsv keys noted as given names, surnames or capitalized common nouns (عزيز،
    منير، ميلي، کنگره), not other common words (المنفي, أنان): the document must confirm them,
    a CRF name over them does not (the word is a name, but whose?)."""
    return frozenset(match_key(row[0]) for row in read_rows("kb", "weak_names.tsv")
                     if len(row) > 2 and row[2].startswith(("given names", "surname", "noun")))


@cache
def ambiguous_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The KB records' own `ambiguous` names (الأسد، القاعدة) → their languages."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in kb:
        for lang, names in record.ambiguous.items():
            for name in names:
                found[match_key(name)].add(lang)
    return {key: frozenset(langs) for key, langs in found.items()}


def confirm_weak(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Keep a weak mention (حسين، دار، اسد alone) only when the document confirms its actor:
    another mention of it (of its state, for a capital; the full name; a role phrase resolved
    to it), or, for a person the KB itself marks ambiguous (اسد), their country named in the
    same sentence or the one before or after (نیروهای اسد near سوریه), as for a weak_names.tsv
    given name or surname (عزيز، منير: not «عمر ها», her age, in an article that names
    Afghanistan far from it). A titled surname (`title`: «سلیمانی مدیرکل») needs another
    mention."""
    confirmed = {m.kb_id for m in mentions if not m.weak and m.kb_id}
    places: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if not m.weak and m.code and m.type in ("LOC", "MISC"):
            places[m.code].add(ctx.sentence_of[m.first])
    kept = []
    for i, mention in enumerate(mentions):
        if mention.weak:
            here = ctx.sentence_of[mention.first]
            state = ctx.kb.government_of(mention.actor)
            if mention.kb_id in confirmed or (state is not None and state.id in confirmed):
                mention.rule += ", confirmed by another mention"  # آستانه by قزاقستان
            elif (mention.type == "PER" and (mention.weak == "kb" or (
                    mention.weak == "list"
                    and match_key(ctx.doc.text[mention.start:mention.end]) in given_names()))
                  and places.get(mention.code, set()) & {here - 1, here, here + 1}):
                mention.rule += f", confirmed by {mention.code} nearby"
            elif _coordinated(mentions, i, ctx):
                mention.rule += ", confirmed by the state it is coordinated with"
            else:
                continue
            mention.confidence = min(mention.confidence, 0.8)
        kept.append(mention)
    return kept


def _coordinated(mentions: list[Mention], i: int, ctx: Context) -> bool:
    """A weak state or capital joined by و or a comma to a state's name (مسکو و کیف,
    جمهورية أفريقيا الوسطى ومالي): a list of states, so this one is a state too."""
    mention = mentions[i]
    if not _is_state_name(mention):
        return False
    pairs = ([(mentions[i - 1], mention)] if i > 0 else []) + \
        ([(mention, mentions[i + 1])] if i + 1 < len(mentions) else [])
    for left, right in pairs:
        other = left if right is mention else right
        if other.weak or not _is_state_name(other):
            continue
        if ctx.sentence_of[left.last] != ctx.sentence_of[right.first]:
            continue
        gap = right.first - left.last
        if (gap == 1 and right.clitic == "و") or (
                gap == 2 and ctx.doc.tokens[left.last + 1].norm in JOINERS):
            return True
    return False


def _is_state_name(mention: Mention) -> bool:
    """A state's or a capital's name (a capital in a list of states is one of them)."""
    actor = mention.actor
    return mention.kind == "name" and actor is not None and (
        actor.kind in ("state", "territory") or actor.capital or actor.metonym)


# --- CRF names -------------------------------------------------------------------------

def merge_crf(mentions: list[Mention], crf: list[Entity], ctx: Context) -> list[Mention]:
    """Mentions plus the CRF names, the CRF's bounds kept where it read a name the KB
    matched only part of (see the module doc)."""
    out = SpanIndex(mentions)  # the overlap lookups stay fast on a long document
    for entity in crf:
        hits = out.overlapping(entity.start, entity.end)
        if not hits:
            out.add(_crf_mention(entity, ctx))
            continue
        first, last = _token_range(entity, ctx)
        if len(hits) == 1 and (hits[0].first, hits[0].last) == (first, last):
            _agree(entity, hits[0], ctx)
            continue
        new = (_around(entity, hits, ctx) or _after_title(entity, hits, ctx)
               or _split_role(entity, hits, ctx))
        if new:
            for hit in hits:
                out.remove(hit)
            for mention in new:
                out.add(mention)
    return sorted(out, key=lambda m: m.start)


def _agree(entity: Entity, inner: Mention, ctx: Context) -> None:
    """The same words as a KB match (والقاعدة, لكييف: the KB span leaves the proclitic out).
    A weak match of a fitting type is confirmed; the CRF's LOC/ORG reading of a state or body
    wins (جمهوری اسلامی acting is ORG, کاخ سفید the place is LOC): the link stays."""
    if inner.weak and _confirms(entity, inner, ctx):
        inner.weak = ""
        inner.rule += ", confirmed by the CRF"
    if {entity.type, inner.type} == {"LOC", "ORG"} and inner.kind == "name":
        inner.type = entity.type


def _confirms(entity: Entity, inner: Mention, ctx: Context) -> bool:
    """A CRF name over the words of a weak match, of a fitting type (القاعدة tagged ORG, أنان
    tagged PER). Not a given name, a titled surname or a noun of given_names(): the CRF reads
    «منير» in «وافق منير على الخطة» as a person, but not as Asim Munir, and «کنگره اربعین» as an
    organization, but not the US Congress (the document must name them otherwise)."""
    if inner.weak == "title" or match_key(ctx.doc.text[inner.start:inner.end]) in given_names():
        return False
    kinds = CRF_KINDS.get(entity.type, set())
    return inner.actor is not None and inner.actor.kind in kinds | {"state"}


def _token_range(entity: Entity, ctx: Context) -> tuple[int, int]:
    first = max(0, bisect_right(ctx.starts, entity.start) - 1)
    last = max(first, bisect_left(ctx.starts, entity.end) - 1)
    return first, min(last, len(ctx.starts) - 1)


def _crf_mention(entity: Entity, ctx: Context) -> Mention:
    first, last = _token_range(entity, ctx)
    mention = Mention(first, last, entity.start, entity.end, type=entity.type, source="crf",
                      country=entity.country, confidence=entity.confidence, rule="crf")
    _link_crf(mention, entity, ctx)
    return mention


def _city_role(city: ActorRecord, state: ActorRecord) -> str:
    return (f", capital of {state.name_en}" if city.capital
            else f", used in the news for {state.name_en}'s government")


def _link_crf(mention: Mention, entity: Entity, ctx: Context) -> bool:
    """Link a CRF span to the actor the KB calls so (a capital to the city)."""
    lang = _lang_at(ctx, mention.first)
    actor = lookup(ctx.doc.text[entity.start:entity.end], entity.type, ctx, lang=lang)
    if actor is None:
        return False
    rule = f"crf + KB name of {actor.name_en}"
    state = ctx.kb.government_of(actor)
    if state is not None:
        rule += _city_role(actor, state)
    mention.link(actor, confidence=min(entity.confidence, 0.8), rule=rule)
    mention.extra["link"] = "kb"
    return True


def _around(entity: Entity, hits: list[Mention], ctx: Context) -> list[Mention] | None:
    """A CRF name around shorter KB matches keeps its bounds (سلفان شالوم, not شالوم; كيني
    ميلر, not the adjective كيني "Kenyan" + ميلر), linked when the KB name is the same
    actor; None where the KB matches should stay: a list (فدراسیون روسیه و جمهوری
    آذربایجان), a person in a government (دولت ترامپ), a word before a surname (نقاط
    زيلينسكي, Zelensky's points)."""
    first, last = _token_range(entity, ctx)
    if not all(h.source == "kb" or h.kind == "title" for h in hits) or not all(
            first <= h.first and h.last <= last for h in hits):
        return None
    heads = [h for h in hits if h.kind == "name" and h.actor is not None]
    if len(heads) > 1 and _coordinated_inside(hits, first, last, ctx):
        return None
    wider = Mention(first, last, entity.start, entity.end, type=entity.type, source="crf",
                    confidence=entity.confidence, rule="crf")
    lead = [h for h in hits if h.first == first and h.clitic]
    if lead:  # وأمريكا اللاتينية: the KB match read the proclitic و, the CRF word-level span kept it
        wider.start, wider.clitic = lead[0].start, lead[0].clitic
    if _link_crf(wider, entity, ctx):
        return [wider]
    if len(heads) != 1:
        return [wider]  # only adjectives or titles (أشرف غاني), several names (شرکت بوش آلمان)
    inner = heads[0]
    if inner.actor.kind == "person":
        return _around_person(wider, inner, ctx)
    if entity.type == "ORG" and inner.actor.kind in ("state", "territory", "city", "region") \
            and not inner.weak:  # معهد باستير: Pasteur, not Basseterre
        wider.country = inner.actor.country
        wider.rule = f"crf organization of {inner.actor.name_en}"
    elif inner.actor.kind in CRF_KINDS.get(entity.type, ()) and inner.last == last \
            and _descriptors_only(wider, hits, ctx):
        wider.link(inner.actor, confidence=min(entity.confidence, 0.85),
                   rule=f"crf name around {inner.rule}")
        wider.extra["link"] = "kb"
    return [wider]


def _around_person(wider: Mention, inner: Mention, ctx: Context) -> list[Mention] | None:
    if wider.type != "PER":
        return None  # دولت ترامپ (the Trump administration): the person stays
    if _same_person(wider, inner, ctx):
        wider.link(inner.actor, confidence=min(wider.confidence, 0.85),
                   rule=f"crf name around {inner.rule}")
        wider.extra["link"] = "kb"
        return [wider]
    if inner.weak or inner.last < wider.last or _other_names(wider, inner, ctx) \
            or _named_before(wider, inner, ctx):
        return [wider]  # محمد جمالی پور, صالحی امیری, جيمس أوبراين: someone else
    return None


def _named_before(wider: Mention, inner: Mention, ctx: Context) -> bool:
    """Words before a KB surname that read as given names rather than a noun governing it
    (نقاط زيلينسكي): two or more words (گلنار وکیل گیلانی), a سید name (سیدعباس), or a
    patronymic (حمدان بن محمد بن راشد: Mohammed's son)."""
    words = [t.norm for t in ctx.doc.tokens[wider.first:inner.first] if t.norm.isalpha()]
    return len(words) > 1 or any(w.startswith(("سید", "سيد")) and len(w) > 4 for w in words)


def _coordinated_inside(hits: list[Mention], first: int, last: int, ctx: Context) -> bool:
    """A CRF span over names joined by و or a comma: a list the KB matches already split."""
    inside = {k for h in hits for k in range(h.first, h.last + 1)}
    return any(ctx.doc.tokens[k].norm in JOINERS for k in range(first, last + 1)
               if k not in inside) or any(h.clitic.startswith("و") for h in hits[1:])


def _descriptors_only(wider: Mention, hits: list[Mention], ctx: Context) -> bool:
    """The CRF span adds only words saying what the actor is (کشور روسیه, خبرگزاری روسی
    اسپوتنیک, صحيفة واشنطن بوست) to the KB name at its end."""
    inside = {k for h in hits for k in range(h.first, h.last + 1)}
    return all(match_key(ctx.doc.tokens[k].norm) in DESCRIPTORS
               for k in range(wider.first, wider.last + 1) if k not in inside)


def _after_title(entity: Entity, hits: list[Mention], ctx: Context) -> list[Mention] | None:
    """A KB name that starts with a title (سردار سلیمانی, الملك عبدالله, الشيخ تميم) and a
    CRF person starting after it: the CRF's bounds, the KB's actor. A KB organization name
    ending in a nationality adjective the CRF leaves out (حزب الله اللبناني): the name and
    the adjective, each linked."""
    first, last = _token_range(entity, ctx)
    if len(hits) != 1 or hits[0].source != "kb" or hits[0].actor is None:
        return None
    inner = hits[0]
    if entity.type == "PER" and _titled(entity, inner, first, last, ctx):
        return [_moved(inner, entity, first, last, "title left out")]
    if (entity.type == "ORG" and inner.type == "ORG" and inner.first == first
            and inner.last == last + 1 and inner.kind == "name"):
        adjective = _adjective_at(last + 1, ctx)
        if adjective is not None:
            return [_moved(inner, entity, first, last, "nationality adjective left out"),
                    adjective]
    return None


def _titled(entity: Entity, inner: Mention, first: int, last: int, ctx: Context) -> bool:
    """The KB person's words before the CRF span are titles, and what the CRF adds after
    the KB match (تميم بن حمد آل ثاني after الشيخ تميم) is a KB name of the same person."""
    if inner.actor.kind != "person" or not inner.first < first <= inner.last:
        return False
    if not all(match_key(t.norm) in HONORIFICS for t in ctx.doc.tokens[inner.first:first]):
        return False
    return last <= inner.last or lookup(ctx.doc.text[entity.start:entity.end], "PER",
                                        ctx) is inner.actor


def _moved(inner: Mention, entity: Entity, first: int, last: int, why: str) -> Mention:
    inner.first, inner.last, inner.start, inner.end = first, last, entity.start, entity.end
    inner.rule += f", CRF bounds ({why})"
    inner.clitic = ""
    return inner


def _adjective_at(k: int, ctx: Context) -> Mention | None:
    """The token `k` as a KB nationality adjective of one state (اللبناني → Lebanon)."""
    token = ctx.doc.tokens[k]
    ids = adjective_index(ctx.kb).get(match_key(token.norm), ())
    record = ctx.kb.get(ids[0]) if len(ids) == 1 else None
    if record is None:
        return None
    return Mention(k, k, token.start, token.end, type="MISC", source="kb", actor=record,
                   country=record.country, confidence=0.9, kind="adjective",
                   rule=f"adjective «{token.norm}» after an organization's name")


@cache
def adjective_index(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """match_key of a state's adjective → actor ids."""
    index: dict[str, list[str]] = defaultdict(list)
    for entry in kb.names():
        if entry.is_adjective:
            index[match_key(entry.name)].append(entry.actor_id)
    return {key: tuple(dict.fromkeys(ids)) for key, ids in index.items()}


def _split_role(entity: Entity, hits: list[Mention], ctx: Context) -> list[Mention] | None:
    """A role phrase whose object is the first word of a longer CRF person (للسفير كلاوس
    ايبرمان read as "ambassador of Laos" + ايبرمان): the title stays a title, the name wins."""
    first, last = _token_range(entity, ctx)
    if entity.type != "PER" or len(hits) != 1:
        return None
    role = hits[0]
    obj = role.obj
    if (role.source != "role" or obj is None or obj.first != first or role.first >= first
            or last <= role.last):
        return None
    title_end = ctx.doc.tokens[first - 1].end
    role.last, role.end, role.kind, role.obj = first - 1, title_end, "title", None
    return [role, _crf_mention(entity, ctx)]


def _same_person(wider: Mention, inner: Mention, ctx: Context) -> bool:
    """A longer name around a KB surname is that person only if its other words belong to
    them too, spelt alike up to vowel letters and the letters Arabic and Persian use for
    G (سلفان = سيلفان, جيرهارد = غيرهارد): جيمس أوبراين is not Robert O'Brien, whose KB
    names share only أوبراين."""
    words = {skeleton(w) for names in inner.actor.names.values() for n in names
             for w in n.split()}
    extra = [skeleton(t.norm) for k, t in enumerate(ctx.doc.tokens[wider.first:wider.last + 1],
                                                    wider.first)
             if not inner.first <= k <= inner.last and t.norm.isalpha()]
    return not extra or any(len(w) > 2 and w in words for w in extra)


SKELETON = str.maketrans({**dict.fromkeys("اآأإوؤیيىئءةه", None),
                          **dict.fromkeys("جگغق", "غ"), "ث": "س", "ذ": "ز", "ظ": "ز"})

FOLD_G = str.maketrans(dict.fromkeys("جگغق", "غ"))


@cache
def skeleton(word: str) -> str:
    """A transliterated name's consonants (vowel letters dropped, G letters folded)."""
    key = match_key(word)
    return key[:1].translate(FOLD_G) + key[1:].translate(SKELETON)


def _other_names(wider: Mention, inner: Mention, ctx: Context) -> bool:
    """Whether the CRF span's extra words are all words of some KB person's names (جيمس in
    جيمس أوبراين), i.e. the span may be another person rather than a phrase around this one."""
    words = person_words(ctx.kb)
    extra = [match_key(t.norm) for k, t in enumerate(ctx.doc.tokens[wider.first:wider.last + 1],
                                                    wider.first)
             if not inner.first <= k <= inner.last]
    return bool(extra) and all(w in words for w in extra)


@cache
def person_words(kb: KnowledgeBase) -> frozenset[str]:
    """match_key of every word of every person's fa/ar names."""
    return frozenset(match_key(w) for record in kb if record.kind == "person"
                     for lang in ("fa", "ar") for name in record.names.get(lang, ())
                     for w in name.split())


@cache
def name_index(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """match_key → actor ids, over names and the names too ambiguous for the gazetteer
    (القاعدة, العربية), which a CRF name may still confirm."""
    index: dict[str, list[str]] = defaultdict(list)
    for entry in kb.names():
        if not entry.is_adjective:
            index[match_key(entry.name)].append(entry.actor_id)
    for record in kb:
        for names in record.ambiguous.values():
            for name in names:
                index[match_key(name)].append(record.id)
    return {key: tuple(dict.fromkeys(ids)) for key, ids in index.items()}


def lookup(text: str, entity_type: str, ctx: Context, *,
           lang: str | None = None) -> ActorRecord | None:
    """The one actor of a kind fitting `entity_type` called `text` (Arabic clitics allowed).

    With `lang`, a place is only found by a name of that language (or English): Arabic
    «مشهد» ("scene") tagged as a place is not the Persian name of Mashhad."""
    index = name_index(ctx.kb)
    words = text.split()
    keys = [match_key(text)]
    if words:
        keys += [match_key(" ".join([stem, *words[1:]])) for stem in candidate_stems(words[0], None)[1:]]
    kinds = CRF_KINDS.get(entity_type)
    for key in keys:
        if key in weak_names(ctx.kb):
            continue
        records = [r for r in map(ctx.kb.get, index.get(key, ())) if r is not None
                   and (kinds is None or r.kind in kinds) and _named_in(r, key, lang)]
        if len(records) == 1:
            return records[0]
    return None


def _named_in(record: ActorRecord, key: str, lang: str | None) -> bool:
    """Whether a place or body has the name `key` in `lang` or English (persons: any)."""
    if lang is None or record.kind == "person":
        return True
    return any(match_key(name) == key for name in (*record.names.get(lang, ()),
                                                   *record.names.get("en", ())))


# --- coreference -----------------------------------------------------------------------

def corefer(mentions: list[Mention], ctx: Context) -> None:
    """Short forms of linked persons take their id; repeated unlinked names share a group.
    A given name of weak_names.tsv is no short form («علي» after «علي محمد جيدي» is anyone);
    the last word is, even when it is one too (the surname «موسى» of «عمرو موسى»)."""
    words_of: dict[str, ActorRecord] = {}
    weak = weak_names(ctx.kb)
    for mention in mentions:
        if mention.actor is not None and mention.actor.kind == "person" and mention.kind == "name":
            keys = _word_keys(mention, ctx)
            for key in keys:
                if key not in weak or key == keys[-1]:
                    words_of.setdefault(key, mention.actor)
        elif mention.actor is None and mention.type == "PER" and mention.kind == "name":
            key = match_key(ctx.doc.text[mention.start:mention.end])
            actor = words_of.get(key)
            if actor is not None:
                mention.link(actor, confidence=0.75, rule=f"coref: short form of {actor.name_en}")
                mention.extra["link"] = "coref"
    _group_unlinked(mentions, ctx)


def take_given_names(mentions: list[Mention], ctx: Context) -> None:
    """A surname linked on its own takes the given name just before it when that is the first
    word of one of the person's names in any spelling: «موشيه يعلون» is one name though the KB
    spells it «موشيه يعالون» (Arabic) and «موشه یعلون» (Persian)."""
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    tokens = ctx.doc.tokens
    for mention in mentions:
        actor, k = mention.actor, mention.first - 1
        if (actor is None or actor.kind != "person" or mention.kind != "name" or k < 0
                or mention.last != mention.first or k in taken
                or tokens[k].sentence != tokens[mention.first].sentence):
            continue
        key = match_key(tokens[k].norm)
        if (key in _given_names(ctx.kb).get(actor.id, ()) and key not in HONORIFICS
                and _first_word_counts(ctx.kb)[key] <= RARE_GIVEN_NAME):
            mention.first, mention.start = k, tokens[k].start
            mention.rule += f"; with the given name «{ctx.doc.text[tokens[k].start:tokens[k].end]}»"
            taken.add(k)


@cache
def _given_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each person's id → the match keys of the first words of their names of two words or
    more."""
    return {record.id: frozenset(match_key(normalize_str(name.split()[0]))
                                 for name in record.all_names() if len(name.split()) > 1)
            for record in kb.of_kind("person")}


# A given name that starts the names of more persons than this is a title or a common name
# («الملك», «محمد»), too weak to join a surname by itself.
RARE_GIVEN_NAME = 2


@cache
def _first_word_counts(kb: KnowledgeBase) -> Counter[str]:
    """How many persons have a name of two words or more starting with each word key."""
    return Counter(key for keys in _given_names(kb).values() for key in keys)


def _word_keys(mention: Mention, ctx: Context) -> list[str]:
    tokens = ctx.doc.tokens[mention.first:mention.last + 1]
    return [match_key(t.norm) for t in tokens if len(t.norm) > 2] if len(tokens) > 1 else []


def _group_unlinked(mentions: list[Mention], ctx: Context) -> None:
    """Unlinked names with one key (or a surname of an earlier full name) share a group."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    surname: dict[str, str] = {}
    for mention in mentions:
        if mention.actor is not None or mention.kind != "name":
            continue
        key = match_key(ctx.doc.text[mention.start:mention.end])
        key = surname.get(key, key) if mention.type == "PER" else key
        groups[key].append(mention)
        if mention.type == "PER" and mention.last > mention.first:
            surname.setdefault(match_key(ctx.doc.tokens[mention.last].norm), key)
    number = 0
    for members in groups.values():
        if len(members) > 1:
            number += 1
            for mention in members:
                mention.extra["group"] = number
