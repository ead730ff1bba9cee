"""Stage `actors`: find the actors a document mentions and link each mention to the KB.

Runs after the CRF (`ner`) stage and rewrites `doc.entities` as one non-overlapping layer:

  1. KB names and adjectives (rasad.kb.gazetteer), an ambiguous name decided by context;
  2. role phrases over them (rasad.kb.roles), resolved by date, apposition or reference back
     (rasad.kb.resolve);
  3. the CRF's names merged in: a KB match wins over an overlapping CRF span unless the CRF
     span is longer and contains it, in which case the longer span is kept when it can be
     linked (a KB name, or the full name of the person inside it) or is an organization of
     the country inside it (جامعة طهران); a CRF name alone is looked up in the KB;
  4. coreference: a later short form of a linked person (بوتين after فلاديمير بوتين) takes
     its id; unlinked names that repeat share `extra["group"]`.

Ambiguous names (one key, several actors) pick the actor whose country the document
already mentions unambiguously, then a name over an adjective, then the kind order
state > territory > IGO > person > bodies and groups > region > city. A capital city
stands for its state (مسکو → Russia, as event coders read it); the city's id stays in
`extra["place"]`. An adjective (الروسية، روسی) is a MISC entity linked to its state.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache
from importlib import resources

from rasad.document import Document, Entity
from rasad.kb.base import ActorRecord, KnowledgeBase, NameEntry, load_kb
from rasad.kb.gazetteer import Gazetteer, PhraseMatch, PhraseTrie, load_gazetteer
from rasad.kb.mention import TYPE_OF_KIND, Mention
from rasad.kb.resolve import resolve_roles
from rasad.kb.roles import Context, load_titles, role_mentions
from rasad.text.clitics import candidate_stems
from rasad.text.normalize import match_key

KIND_RANK = {kind: i for i, kind in enumerate((
    "state", "territory", "igo", "person", "gov_body", "armed_group", "party", "media",
    "company", "region", "city"))}
CRF_KINDS = {"PER": {"person"}, "LOC": {"state", "territory", "city", "region"},
             "ORG": {"igo", "gov_body", "armed_group", "party", "company", "media"}}
OWN_SOURCES = frozenset({"kb", "role", "coref"})


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
    names = name_mentions((gazetteer or load_gazetteer()).find(doc), ctx)
    mentions = role_mentions(doc, (titles or load_titles()).scan(doc), names, kb)
    mentions = merge_crf(mentions, _crf_entities(doc), ctx)
    mentions = confirm_weak(resolve_roles(mentions, ctx), ctx)
    corefer(mentions, ctx)
    return mentions


def _crf_entities(doc: Document) -> list[Entity]:
    """The NER stage's names (earlier output of this stage is recomputed, not kept)."""
    return [e for e in doc.entities if e.extra.get("source", "crf") not in OWN_SOURCES]


# --- names ---------------------------------------------------------------------------

def name_mentions(matches: list[PhraseMatch], ctx: Context) -> list[Mention]:
    """One mention per gazetteer match, ambiguous names decided by the document's countries."""
    known = _unambiguous_countries(matches, ctx.kb)
    out = []
    for match in matches:
        chosen = _choose(match, ctx, known)
        if chosen is not None:
            out.append(_name_mention(match, *chosen, ctx))
    return out


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
        rank = (record.country in known, not entry.is_adjective, entry.lang == lang,
                -KIND_RANK.get(record.kind, 99))
        if best is None or rank > best[0]:
            best = (rank, entry, record)
    return None if best is None else (best[1], best[2], len(by_actor))


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
    if record.kind == "city" and record.capital and record.parent:
        state = ctx.kb.get(record.parent)
        if state is not None:
            actor, extra["place"] = state, record.id
            rule += f", capital of {state.name_en}"
    if count > 1:
        extra["candidates"] = count
    confidence = 0.7 if count > 1 else 0.9 if match.prefix else 0.95
    weak = _is_weak(match_key(match.key), _lang_at(ctx, match.first), ctx.kb)
    return Mention(match.first, match.last, match.start, match.end,
                   type="MISC" if entry.is_adjective else TYPE_OF_KIND.get(actor.kind, "MISC"),
                   source="kb", actor=actor, country=actor.country, confidence=confidence,
                   rule=rule, kind=kind, extra=extra, clitic=match.prefix, weak=weak)


def _is_weak(key: str, lang: str | None, kb: KnowledgeBase) -> str:
    """"list", "kb" or "" (see `Mention.weak`)."""
    for source, table in (("list", weak_names(kb)), ("kb", ambiguous_names(kb))):
        langs = table.get(key)
        if langs is not None and ("" in langs or lang in langs):
            return source
    return ""


@cache
def weak_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Name keys of rasad/data/kb/weak_names.tsv → languages where they are weak ("" = all)."""
    del kb  # one signature with ambiguous_names
    found: dict[str, set[str]] = defaultdict(set)
    text = resources.files("rasad.data.kb").joinpath("weak_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith(("#", "name\t")):
            name, lang = (line.split("\t") + [""])[:2]
            found[match_key(name)].add(lang.strip())
    return {key: frozenset(langs) for key, langs in found.items()}


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
    another mention of it, or, for a person the KB itself marks ambiguous (اسد), their
    country named in the same sentence or the one before or after (نیروهای اسد near سوریه)."""
    confirmed = {m.kb_id for m in mentions if not m.weak and m.kb_id}
    places: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if not m.weak and m.code and m.type in ("LOC", "MISC"):
            places[m.code].add(ctx.sentence_of[m.first])
    kept = []
    for mention in mentions:
        if mention.weak:
            here = ctx.sentence_of[mention.first]
            if mention.kb_id in confirmed:
                mention.rule += ", confirmed by another mention"
            elif (mention.weak == "kb" and mention.type == "PER"
                  and places.get(mention.code, set()) & {here - 1, here, here + 1}):
                mention.rule += f", confirmed by {mention.code} nearby"
            else:
                continue
            mention.confidence = min(mention.confidence, 0.8)
        kept.append(mention)
    return kept


# --- CRF names -------------------------------------------------------------------------

def merge_crf(mentions: list[Mention], crf: list[Entity], ctx: Context) -> list[Mention]:
    """Mentions plus the CRF names that do not collide with them (see the module doc)."""
    out = list(mentions)
    for entity in crf:
        hits = [m for m in out if m.start < entity.end and entity.start < m.end]
        if not hits:
            out.append(_crf_mention(entity, ctx))
            continue
        inner = hits[0]
        if len(hits) == 1 and inner.weak and _confirms(entity, inner):
            inner.weak = ""
            inner.rule += ", confirmed by the CRF"
            continue
        if (len(hits) == 1 and inner.source == "kb" and entity.start <= inner.start
                and inner.end <= entity.end and entity.end - entity.start > inner.end - inner.start):
            wider = _wider(entity, inner, ctx)
            if wider is not None:
                out[out.index(inner)] = wider
    return sorted(out, key=lambda m: m.start)


def _confirms(entity: Entity, inner: Mention) -> bool:
    """A CRF name over exactly a weak match, of a fitting type (القاعدة tagged ORG)."""
    kinds = CRF_KINDS.get(entity.type, set())
    return ((entity.start, entity.end) == (inner.start, inner.end) and inner.actor is not None
            and inner.actor.kind in kinds | {"state"})


def _token_range(entity: Entity, ctx: Context) -> tuple[int, int]:
    first = max(0, bisect_right(ctx.starts, entity.start) - 1)
    last = max(first, bisect_left(ctx.starts, entity.end) - 1)
    return first, min(last, len(ctx.starts) - 1)


def _crf_mention(entity: Entity, ctx: Context) -> Mention:
    first, last = _token_range(entity, ctx)
    mention = Mention(first, last, entity.start, entity.end, type=entity.type, source="crf",
                      country=entity.country, confidence=entity.confidence, rule="crf")
    actor = lookup(ctx.doc.text[entity.start:entity.end], entity.type, ctx)
    if actor is not None:
        mention.link(actor, confidence=min(entity.confidence, 0.8), rule=f"crf + KB name of {actor.name_en}")
        mention.extra["link"] = "kb"
    return mention


def _wider(entity: Entity, inner: Mention, ctx: Context) -> Mention | None:
    """A CRF span around a KB match: kept when it can be linked or given a country."""
    first, last = _token_range(entity, ctx)
    wider = Mention(first, last, entity.start, entity.end, type=entity.type, source="crf",
                    confidence=entity.confidence, rule="crf")
    actor = lookup(ctx.doc.text[entity.start:entity.end], entity.type, ctx)
    if actor is not None:
        wider.link(actor, confidence=min(entity.confidence, 0.8), rule=f"crf + KB name of {actor.name_en}")
        wider.extra["link"] = "kb"
    elif entity.type == "PER" and inner.actor is not None and inner.actor.kind == "person":
        if _same_person(wider, inner, ctx):
            wider.link(inner.actor, confidence=min(entity.confidence, 0.85),
                       rule=f"crf name around {inner.rule}")
            wider.extra["link"] = "kb"
    elif entity.type == "ORG" and inner.kind in ("name", "adjective") and inner.actor is not None \
            and inner.actor.kind in ("state", "territory"):
        wider.country = inner.actor.country
        wider.rule = f"crf organization of {inner.actor.name_en}"
    else:
        return None
    return wider


def _same_person(wider: Mention, inner: Mention, ctx: Context) -> bool:
    """A longer name around a KB surname is that person only if its other words belong to
    them too: جيمس أوبراين is not Robert O'Brien, whose KB names share only أوبراين."""
    words = {match_key(w) for names in inner.actor.names.values() for n in names
             for w in n.split()}
    extra = [match_key(t.norm) for k, t in enumerate(ctx.doc.tokens[wider.first:wider.last + 1],
                                                    wider.first)
             if not inner.first <= k <= inner.last and t.norm.isalpha()]
    return not extra or any(w in words for w in extra)


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


def lookup(text: str, entity_type: str, ctx: Context) -> ActorRecord | None:
    """The one actor of a kind fitting `entity_type` called `text` (Arabic clitics allowed)."""
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
                   and (kinds is None or r.kind in kinds)]
        if len(records) == 1:
            return records[0]
    return None


# --- coreference -----------------------------------------------------------------------

def corefer(mentions: list[Mention], ctx: Context) -> None:
    """Short forms of linked persons take their id; repeated unlinked names share a group."""
    words_of: dict[str, ActorRecord] = {}
    for mention in mentions:
        if mention.actor is not None and mention.actor.kind == "person" and mention.kind == "name":
            for key in _word_keys(mention, ctx):
                words_of.setdefault(key, mention.actor)
        elif mention.actor is None and mention.type == "PER" and mention.kind == "name":
            key = match_key(ctx.doc.text[mention.start:mention.end])
            actor = words_of.get(key)
            if actor is not None:
                mention.link(actor, confidence=0.75, rule=f"coref: short form of {actor.name_en}")
                mention.extra["link"] = "coref"
    _group_unlinked(mentions, ctx)


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
