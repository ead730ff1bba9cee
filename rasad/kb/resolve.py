"""Resolve role phrases, counterparts, bare titles and group phrases (see rasad.kb.roles).

Each resolution records the rule that made it (`Mention.rule`), so `rasad explain` can show
why «نظيره التركي» became Erdoğan: the roles.tsv line, the subject whose office it copied,
and the date it was resolved against.
"""

from __future__ import annotations

from rasad.kb.base import ActorRecord
from rasad.kb.home import home_of
from rasad.kb.mention import Mention
from rasad.kb.roles import (
    BARE_ROLES,
    Context,
    Title,
    find_holder,
    held_roles,
    kb_roles,
    known_role,
    sector_of,
    with_fallbacks,
)
from rasad.text.normalize import match_key

COMMAS = frozenset({"،", ","})
ROLE_ORDER = {role: i for i, role in enumerate(sorted(BARE_ROLES, key=lambda r: (
    r != "president", r != "head_of_state", r != "head_of_government", r)))}
# «His counterpart» of a head of state is the other state's president where that state has one
# apart from its head of state: Putin's Iranian counterpart is Rouhani, not the Supreme Leader.
COUNTERPART_ROLES = {"head_of_state": ("president", "head_of_state")}


def resolve_roles(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Link every role-bearing mention; bare titles that refer to nothing are dropped."""
    kept: list[Mention] = []
    for i, mention in enumerate(mentions):
        if mention.kind in ("role", "counterpart"):
            _resolve_office(mentions, i, kept, ctx)
        elif mention.kind == "title":
            if not _resolve_title(mentions, i, kept, ctx):
                continue
        elif mention.kind in ("state", "military"):
            _resolve_state(mention, ctx)
        elif mention.kind == "body":
            _resolve_body(mention, ctx)
        kept.append(mention)
    return kept


def _place(mention: Mention, ctx: Context) -> ActorRecord | None:
    """The state, IGO or body a role phrase serves (a person's or nested role's country)."""
    obj = mention.obj
    if obj is None:
        return None
    if obj.kind == "role":  # nested: مستشار ... للرئيس الروسي serves Russia's president
        return _place(obj, ctx)
    if obj.actor is not None and obj.actor.kind != "person":
        return ctx.kb.government_of(obj.actor) or obj.actor  # سفير واشنطن: of the state
    return ctx.kb.by_code(obj.code) if obj.code else None


def _rule(mention: Mention) -> str:
    title: Title = mention.title
    obj = mention.obj
    what = ctx_name(obj) if obj is not None else ""
    return f"{title.rule} «{title.phrase}»" + (f" + {what}" if what else "")


def ctx_name(mention: Mention) -> str:
    return mention.actor.name_en if mention.actor else (mention.code or "")


def _resolve_office(mentions: list[Mention], i: int, kept: list[Mention], ctx: Context) -> None:
    mention = mentions[i]
    place = _place(mention, ctx)
    code = place.country if place else (mention.obj.code if mention.obj else None)
    mention.country = code
    roles = (mention.title.roles if mention.kind == "role"
             else _subject_roles(kept, mention, code, ctx))
    rule = _rule(mention)
    if not roles or place is None:
        mention.confidence = 0.5
        mention.rule = rule + ": no office to resolve"
        return
    name, consistent = _named_person(mentions, i, roles, code, ctx)
    if name is not None and consistent:
        mention.role = _role_of(name.actor, roles, code, ctx)
        mention.sector = sector_of(mention.role, place)
        mention.link(name.actor, confidence=0.95, rule=rule + f" = named {name.actor.name_en}")
        return
    _resolve_by_date(mention, roles, place, rule, ctx)
    if name is not None and name.actor is None:
        _inform_name(name, mention, ctx)
        if mention.actor is not None and name.actor is not mention.actor:
            # The article names someone the KB does not know in this office: the name wins.
            mention.link(None, confidence=0.6, rule=rule + ": named person not in the KB")
            mention.country = place.country


def _resolve_by_date(mention: Mention, roles: tuple[str, ...], place: ActorRecord, rule: str,
                     ctx: Context) -> None:
    if ctx.on is None:
        mention.role = known_role(ctx.kb, roles, place.country)
        mention.confidence = 0.6
        mention.rule = rule + ": no date, role kept"
    else:
        role, holder, count = find_holder(ctx.kb, roles, place, ctx.on, to=mention.extra.get("to"))
        mention.role = role
        if holder is not None:
            mention.link(holder, confidence=0.85 if count == 1 else 0.75,
                         rule=rule + f" on {ctx.on.isoformat()}")
        else:
            mention.confidence = 0.6
            mention.rule = rule + (f": {count} holders on {ctx.on}" if count
                                   else f": no holder known on {ctx.on}")
    mention.sector = sector_of(mention.role, place)


def _inform_name(name: Mention, mention: Mention, ctx: Context) -> None:
    """An unlinked name beside a role phrase names that office's holder: it takes the
    phrase's country and role, and the holder's id when they share a word (a spelling the
    KB lacks: زالوزني for زالوجني would not; بيرنز in ويليام جيه بيرنز would)."""
    name.country = name.country or mention.country
    if mention.role:
        name.extra.setdefault("role", mention.role)
    actor = mention.actor
    words = {match_key(t.norm) for t in ctx.doc.tokens[name.first:name.last + 1]}
    if actor is not None and any(match_key(w) in words for names in actor.names.values()
                                 for n in names for w in n.split()):
        name.link(actor, confidence=0.7, rule=f"named beside «{mention.title.phrase}»")


def _named_person(mentions: list[Mention], i: int, roles: tuple[str, ...], code: str | None,
                  ctx: Context) -> tuple[Mention | None, bool]:
    """The person named right after (الرئيس الروسي فلاديمير بوتين) or right before
    (وندی شرمن، معاون وزیر خارجه آمریکا) the phrase, and whether the two agree."""
    found: Mention | None = None
    for name in _neighbors(mentions, i, ctx):
        actor = name.actor
        if actor is None:
            found = found or name
        elif actor.kind == "person" and (actor.country == code or any(
                r.role in kb_roles(roles) and r.country == code for r in actor.roles)):
            return name, True
    return found, False


def _neighbors(mentions: list[Mention], i: int, ctx: Context) -> list[Mention]:
    mention = mentions[i]
    tokens = ctx.doc.tokens
    out = []
    if i + 1 < len(mentions):
        after = mentions[i + 1]
        if after.first == mention.last + 1 and _is_name(after):
            out.append(after)
    if i > 0:
        before = mentions[i - 1]
        gap = mention.first - before.last
        if _is_name(before) and (gap == 1 or (gap == 2 and tokens[before.last + 1].norm in COMMAS)):
            out.append(before)
    return [m for m in out if ctx.sentence_of[m.first] == ctx.sentence_of[mention.first]]


def _is_name(mention: Mention) -> bool:
    return mention.type == "PER" and mention.kind == "name"


def _role_of(person: ActorRecord, roles: tuple[str, ...], code: str | None, ctx: Context) -> str:
    held = [r for r, c in held_roles(person, ctx.on) if r in kb_roles(roles) and c == code]
    return held[0] if held else known_role(ctx.kb, roles, code)


def _subject_roles(kept: list[Mention], mention: Mention, code: str | None,
                   ctx: Context) -> tuple[str, ...]:
    """«His counterpart»: the office of the nearest earlier office-holder (this or the previous
    sentence) of a country other than the counterpart's."""
    here = ctx.sentence_of[mention.first]
    for prior in reversed(kept):
        if here - ctx.sentence_of[prior.first] > 1:
            break
        if prior.type != "PER" or prior.code == code:
            continue
        if prior.role:
            return _counterpart_roles((prior.role,))
        if prior.actor is not None and prior.actor.kind == "person" and ctx.on is not None:
            held = [r for r, c in held_roles(prior.actor, ctx.on) if c == prior.actor.country]
            if held:
                return _counterpart_roles(
                    sorted(held, key=lambda r: ROLE_ORDER.get(r, len(ROLE_ORDER))))
    return ()


def _counterpart_roles(roles: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The offices a counterpart may hold, in the order tried (see COUNTERPART_ROLES)."""
    return with_fallbacks(tuple(r for role in roles for r in COUNTERPART_ROLES.get(role, (role,))))


def _resolve_title(mentions: list[Mention], i: int, kept: list[Mention], ctx: Context) -> bool:
    """A bare title: before a name it is dropped (the name says who); alone it refers back
    to the last mention of that office. False when it should be dropped."""
    mention = mentions[i]
    title: Title = mention.title
    after = mentions[i + 1] if i + 1 < len(mentions) else None
    if after is not None and after.first == mention.last + 1 and _is_name(after):
        after.extra.setdefault("title", title.phrase)
        return False
    if not title.bare:
        return False
    for prior in reversed(kept):
        role = _office_of(prior, title.roles, ctx)
        if role is None:
            continue
        mention.source, mention.kind, mention.role = "coref", "role", role
        mention.link(prior.actor, confidence=0.75,
                     rule=f"{title.rule} «{title.phrase}» = earlier {role} mention")
        mention.country = prior.code
        mention.sector = prior.sector or "GOV"
        return True
    return _resolve_at_home(mention, mentions, ctx)


def _resolve_at_home(mention: Mention, mentions: list[Mention], ctx: Context) -> bool:
    """A bare title nothing earlier explains is the office of the article's own state
    («رئیس‌جمهوری» in an IRNA dispatch) on its date; without a home or a date it is dropped.
    The home is read only here, for the few documents with such a title."""
    if ctx.on is None:
        return False
    home = home_of(ctx.doc, mentions)
    place = ctx.kb.by_code(home.code) if home is not None else None
    if place is None:
        return False
    title: Title = mention.title
    _resolve_by_date(mention, title.roles, place, f"{title.rule} «{title.phrase}» of the "
                     f"article's state ({home.code}, from its {home.clue})", ctx)
    if mention.actor is None:
        return False
    mention.source, mention.kind, mention.country = "role", "role", place.country
    mention.confidence = min(mention.confidence, 0.7)
    return True


def _office_of(prior: Mention, roles: tuple[str, ...], ctx: Context) -> str | None:
    if prior.type != "PER":
        return None
    offices = kb_roles(roles)
    if prior.role in offices:
        return prior.role
    if prior.actor is not None and prior.actor.kind == "person" and ctx.on is not None:
        return next((r for r, _ in held_roles(prior.actor, ctx.on) if r in offices), None)
    return None


def _resolve_state(mention: Mention, ctx: Context) -> None:
    """وفد كويتي، دولت روسیه، الجيش الروسي: the state itself (GOV or MIL)."""
    obj = mention.obj
    actor = obj.actor if obj is not None else None
    actor = ctx.kb.government_of(actor) or actor
    mention.sector = "MIL" if mention.kind == "military" else "GOV"
    mention.link(actor, confidence=0.85, rule=_rule(mention))


def _resolve_body(mention: Mention, ctx: Context) -> None:
    """وزارة الخارجية الروسية: a ministry the KB lacks, named from the table's template."""
    place = _place(mention, ctx)
    mention.country = place.country if place else None
    if place is not None:
        mention.extra["name_en"] = mention.title.template.format(name=place.name_en)
    mention.sector = "GOV"
    mention.confidence = 0.8
    mention.rule = _rule(mention)
