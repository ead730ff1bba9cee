"""Who did it and to whom: the source and target of a trigger among the sentence's sides.

Word order and marker words decide, per language:

* Persian (SOV): the source is the first unmarked side of the trigger's clause; the target is
  a side marked by one of the row's target words (با، به، علیه، از) or by را.
* Arabic (VSO and SVO): the source is the nearest unmarked side before the trigger in its
  clause (SVO, «روسيا فرضت»), else the first unmarked side after it (VSO, «فرضت روسيا»); the
  target is the first side after the trigger marked by one of the row's words (على، ضد، مع،
  إلى، ل) or, for `obj`, the next unmarked side.
* An event noun (عقوبات أمريكية، تحریم‌های آمریکا) first takes the side right after it.
* A passive (`passive` in the row's targets, or a Persian verb in شدن) takes its subject as
  the target and the side after توسط/از سوی/من قبل as the source.
* Conjoined subjects (مصر والأردن) make one event each, except for a symmetric type with no
  other target, where the two are the two sides (التقى بوتين وأردوغان).
* No side at all: a dropped or pronoun subject (وأضاف، وی) is the last salient actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasad.document import Actor
from rasad.events.mentions import Side
from rasad.events.patterns import Match
from rasad.events.quotes import CUES
from rasad.events.record import SYMMETRIC_TYPES
from rasad.events.status import CLAUSE_BREAKS_BY_LANG
from rasad.events.verbs import parse_verb

_HOSTILE = ("علی", "ضد", "علیه", "بحق")
_DEFAULT_TARGETS = ("obj", *_HOSTILE, "مع", "با", "الی", "به", "ل", "بین", "میان")
# What an act is about: «تحقیقات درباره دخالت روسیه»، «حول الملف السوري». Taken last.
_ABOUT = ("درباره", "باره", "پیرامون", "حول", "بشان")
_COMPANIONS = frozenset({"مع", "با", "بین", "میان"})
# A city after these is the government it stands for («ضد موسكو»، «مع واشنطن»، «با مسکو»);
# after others (به، إلى، في) it is where the act happened or went.
_PARTNERS = (*_HOSTILE, "مع", "با")
_NOUN_REACH = 2
_POSSESSIVE = ("ها", "هم", "هما", "نا")
_OBJECT_SUFFIXES = ("ها", "هم", "هما", "هن")  # «رفضتها»، «اعتقلتهم»: an attached object
_NOUN_SUBJECT_REACH = 6  # a light verb's subject: «أجرى [الرئيسان] محادثات»، «[ایران] ... مذاکرات»
_ATTACK_NOUN_REACH = 4
_ARABIC_VSO_REACH = 6
_CONJUNCTIONS = frozenset({"و", "وب"})

Pair = tuple[Actor, Actor | None, bool]


_COMMAS = frozenset({"،", ","})
_THAT = frozenset({"ان", "بان", "وان"})  # إن / أن after a speech verb: a new clause
# إنه، إنها، أنهم: the clause's subject is a pronoun that points back at the speaker.
_THAT_PRONOUN = frozenset(f"{that}{suffix}" for that in ("ان", "بان", "وان")
                          for suffix in ("ه", "ها", "هم", "هما", "نا"))
_LIGHT = frozenset({"کرد", "کردند", "کرده", "کردهاست", "کردهاند", "نمود", "نمودند", "نموده",
                    "داشت", "داشتند", "داشته", "شد"})


def _after_cue(norms: Sequence[str], j: int, lang: str) -> bool:
    """Word j ends a speech verb (اعلام کرد، گفت): what follows is what was said."""
    if lang != "fa":
        return False
    cues = CUES["fa"]
    return (norms[j] in cues and norms[j] not in ("اعلام", "اظهار", "تاکید", "تصریح")) or \
        (norms[j] in _LIGHT and j > 0 and norms[j - 1] in cues)


# Finite Persian verb forms that end a clause (the verb comes last in SOV): after «... آزاد
# کرد و» a new clause with its own subject begins («و واشنگتن نیز ... آزاد کرد»).
_FA_FINITE = _LIGHT | frozenset({"کردند", "شدند", "است", "اند", "بود", "بودند", "کند", "کنند",
                                 "داد", "دادند", "گرفت", "گرفتند", "زد", "زدند", "کردهبود",
                                 "رسید", "رسیدند", "خواست", "خواستند", "گفت", "گفتند", "رفت",
                                 "رفتند", "آمد", "آمدند", "پذیرفت", "پذیرفتند", "گذاشت",
                                 "گذاشتند", "یافت", "یافتند", "شدهاست", "شدهاند"})
# A Persian condition opens its own clause, closed by a comma: «اگر آمریکا به برجام بازگردد،
# ایران نیز ... عمل خواهد کرد» — the main clause's subject follows the comma.
_FA_CONDITIONS = frozenset({"اگر", "چنانچه", "درصورتیکه", "هرگاه"})


def _fa_break(norms: Sequence[str], k: int) -> bool:
    """Word k is a «و» that joins two Persian clauses: it follows a finite verb."""
    return norms[k] == "و" and k > 0 and norms[k - 1] in _FA_FINITE


def clause_bounds(norms: Sequence[str], first: int, last: int, lang: str) -> tuple[int, int]:
    """The trigger's clause. A Persian subject opens the sentence and commas set off the
    adjuncts after it, so in Persian a comma does not close the clause; a finite verb
    followed by «و» does, and so does the comma after a condition (اگر ...،)."""
    fa = lang == "fa"
    breaks = CLAUSE_BREAKS_BY_LANG["fa"] - _COMMAS if fa else \
        CLAUSE_BREAKS_BY_LANG["ar"] | _THAT | _THAT_PRONOUN
    lo = first
    while lo > 0 and norms[lo - 1] not in breaks and not _after_cue(norms, lo - 1, lang):
        lo -= 1
    if fa and norms[lo] in _FA_CONDITIONS:
        comma = next((k for k in range(lo, first) if norms[k] in _COMMAS), None)
        if comma is not None:
            lo = comma + 1
    hi = last
    while hi + 1 < len(norms) and norms[hi + 1] not in breaks:
        hi += 1
    return lo, hi


def _fa_conjuncts(norms: Sequence[str], sides: Sequence[Side], lo: int, hi: int, first: int,
                  last: int) -> tuple[int, int]:
    """Narrow a Persian clause to the trigger's conjunct when «و» after a finite verb opens a
    clause with its own subject right after it: in «ایران ... را آزاد کرد و واشنگتن نیز ... را آزاد کرد»
    each «آزاد کرد» has its own subject. A conjunct with no subject of its own shares the
    first one's («سفیر ایران را احضار کرد و به اظهارات ... اعتراض کرد»), so it stays whole."""
    def opens_with_subject(k: int) -> bool:  # the subject opens its clause, right after «و»
        return any(s.first == k + 1 and not s.marker and s.kind in ("entity", "agent")
                   for s in sides)
    for k in range(first - 1, lo, -1):
        if _fa_break(norms, k) and opens_with_subject(k) and k + 1 < first:
            lo = k + 1
            break
    for k in range(last + 1, hi + 1):
        if _fa_break(norms, k):
            if opens_with_subject(k):
                hi = k - 1
            break
    return lo, hi


def choose(match: Match, sides: Sequence[Side], norms: Sequence[str], lang: str,
           salient: Actor | None) -> tuple[list[Pair], str]:
    """The (source, target, symmetric) pairs of one trigger, and a sentence saying why."""
    rule = match.rule
    first, last = match.first, match.last
    lo, hi = clause_bounds(norms, first, last, lang)
    if lang == "fa":
        lo, hi = _fa_conjuncts(norms, sides, lo, hi, first, last)
    # The head word and the verb are the act; a later pattern word may name a side
    # («طردت الحكومة [السفير] الفرنسي»: the expelled ambassador is the target).
    words = {match.first} | (set(range(match.verb.first, match.verb.last + 1))
                             if match.verb else set())
    # Sides in a pattern's gap stay candidates: «فرضت [الولايات المتحدة] عقوبات».
    around = [s for s in sides if not s.is_place
              and not words & set(range(s.first, s.last + 1))]
    inside = [s for s in sides if s.kind == "agent" and s.first <= match.first <= s.last]
    in_clause = [s for s in around if lo <= s.first and s.last <= hi]
    outer = _persian_relative(norms, lo, first) if lang == "fa" else None
    if outer is not None:  # «پوتین که دیروز وارد باکو شده بود، امروز با علی‌اف دیدار کرد»
        start, comma = outer
        in_clause = [s for s in around if (start <= s.first and s.last < lo - 1)
                     or (comma < s.first and s.last <= hi)]
        lo = start
    # The row's own markers first, then the ones every event accepts (objects, hostile and
    # companion prepositions): «اعترافها [ب]دولة فلسطين»، «اقترح ... مع أوكرانيا».
    targets = tuple(dict.fromkeys((*rule.target, *_DEFAULT_TARGETS)))
    if "passive" in targets and lang == "ar" and _active_subject_follows(in_clause, last):
        targets = tuple(t for t in targets if t != "passive")  # «اعتقلت الشرطة …»: active
    if "passive" in targets:
        places = [s for s in sides if s.is_place and lo <= s.first <= hi]
        return _passive(in_clause, first, lang, salient,
                        rule.plover or _ROOT_TYPES.get(rule.cameo[:2], ""), places)
    plover_symmetric = rule.plover in SYMMETRIC_TYPES or rule.cameo[:2] in ("03", "04", "06")
    plover = rule.plover or _ROOT_TYPES.get(rule.cameo[:2], "")
    sources = _sources(rule.kind, in_clause, first, last, lang, norms, plover, rule.cameo)
    how = "agent after «by»" if sources and sources[0].marker == "by" else "subject"
    if not sources and inside and rule.kind == "noun":  # «المتظاهرون»: the trigger names its doers
        sources, how = inside[:1], "the group the trigger names"
    if not sources and lo > 0:  # «يعتزم بوتين أن يجتمع»، «تکذیب کرد که ... دیدار کرده است»
        governing = [s for s in around if s.last < lo and not s.marker and s.kind != "nationality"]
        if governing:
            sources = [governing[-1] if lang == "ar" else governing[0]]
            how = "subject of the governing clause"
    if lang == "ar" and lo > 0 and norms[lo - 1] in _THAT_PRONOUN and rule.kind == "verb" \
            and not any(s.last < first and not s.marker for s in in_clause):
        speaker = [s for s in around if s.last < lo - 1 and not s.marker]
        if speaker:  # «قالت الحكومة العراقية إنها اعتقلت ...»: the speaker did it
            sources, how = [speaker[-1]], f"speaker, through «{norms[lo - 1]}»"
    between = _between(in_clause, norms)
    if not sources and lo > 0 and norms[first].endswith(_POSSESSIVE) and lang == "ar":
        governing = [s for s in around if s.last < lo and not s.marker and s.kind != "nationality"]
        if governing:  # «أعلنت قطر أن وساطتها ...»: her mediation, the speaker's
            sources, how = [governing[-1]], "owner of the possessive, in the governing clause"
    if between and not sources and (plover_symmetric or rule.kind == "noun"):
        return ([(between[0].actor, between[1].actor, True)],  # «مذاکرات میان ایران و آمریکا»
                f"«{norms[between[0].first - 1]}» {_label(between[0])} and {_label(between[1])}")
    if not sources:
        if salient is not None and rule.kind == "verb" and _subject_dropped(in_clause, first, last, lang):
            sources, how = [Side(first, first, salient, kind="pronoun")], "dropped subject"
        else:
            return [], "no source in the clause"
    sources = [_resolve(s, salient) for s in sources]
    sources = [s for s in sources if s is not None]
    if not sources:
        return [], "a pronoun with no antecedent"
    if between and (plover_symmetric or rule.kind == "noun") and \
            (sources[0] is between[0] or how == "dropped subject"):
        return ([(between[0].actor, between[1].actor, True)],
                f"«{norms[between[0].first - 1]}» {_label(between[0])} and {_label(between[1])}")
    if between and all(b is not s for b in between for s in sources) and rule.cameo[:3] == "045":
        # «وساطتها ... بين إسرائيل وحماس»: the mediator acts towards both parties
        return ([(s.actor, b.actor, False) for s in sources for b in between],
                f"source: {how} «{_label(sources[0])}»; targets: the two parties after «بین»")
    target, marker = _target(targets, in_clause, sources, first, last, lang, plover,
                             row_targets=rule.target, kind=rule.kind)
    if rule.kind == "noun" and target is None:
        target, marker = _genitive(in_clause, sources, last)
    if target is None:  # «به پکن سفر کرد»، «زار دمشق»: a destination stands for its state
        dest = [s for s in sides if s.city and s.marker in ("به", "الی", "ل") and
                lo <= s.first <= hi and all(not _same(s.actor, src.actor) for src in sources)]
        if dest:
            target, marker = dest[0], dest[0].marker
    if target is None:  # a side inside the pattern's gap is what the act is about:
        inner = [s for s in in_clause if first < s.first and s.last < last  # «خواستار حل
                 and s.kind in ("entity", "agent") and s.marker in ("", *_ABOUT)  # مساله سوریه شدند»
                 and all(not _same(s.actor, src.actor) for src in sources)]
        if not inner:
            inner = [s for s in in_clause if s.marker in _ABOUT and s.first > last]
        if inner:
            target, marker = inner[0], inner[0].marker or "inside the act"
    if target is not None and target.kind == "pronoun":
        target = _resolve(target, salient)
    plover = rule.plover or _ROOT_TYPES.get(rule.cameo[:2], "")
    if target is None and plover in _WHERE_IT_HAPPENED:
        place = next((s for s in sides if s.marker in ("فی", "در") and s.kind != "agent"
                      and s.actor.country and lo <= s.first <= hi), None)
        if place is not None:  # «تفجير في كركوك»: the people of the place it happened in
            target = Side(place.first, place.last,
                          Actor(name_en="people", country=place.actor.country, sector="CVL"),
                          kind="place")
            marker = "place"
    symmetric = marker in _COMPANIONS
    mutual = plover_symmetric or rule.cameo[:3] == "057"
    if target is None and mutual and len(sources) == 1:  # «برنامه همکاری روسیه و آذربایجان ...
        pair = _pair_in(in_clause, norms) or _pair_in(    # به امضا رسید»: the parties it names
            [s for s in around if s.last < first], norms)
        if pair:
            return ([(pair[0].actor, pair[1].actor, True)],
                    f"the two parties the clause names: {_label(pair[0])} and {_label(pair[1])}")
    if len(sources) > 1 and mutual and how == "subject" and (target is None or not symmetric):  # روسيا وتركيا اجرتا مفاوضات
        return ([(sources[0].actor, sources[1].actor, True)],
                f"two conjoined {how}s of a symmetric event")
    if target is None and rule.needs_target:
        return [], "no target, and this row needs one"
    if target is None and not rule.cameo.startswith(_RESIGNATION):  # a resignation has none
        target, marker = _unmarked_target(sides, sources, lo, hi, first, plover)
    why = f"source: {how} «{_label(sources[0])}»; target: " + (
        f"«{_label(target)}», {marker}" if target and marker in _GUESSES
        else f"«{_label(target)}» after «{marker}»" if target and marker not in ("", "obj")
        else f"«{_label(target)}» (object)" if target else "none found")
    # «حث إسرائيل ولبنان»: conjoined targets make one event each, as conjoined sources do.
    targets_ = _conjoined(target, in_clause, norms) if target is not None and \
        target.kind in ("entity", "agent") and any(target is s for s in in_clause) else [target]
    pairs = [(s.actor, _other(t, s), symmetric) for s in sources for t in targets_]
    with_target = {id(p[0]) for p in pairs if p[1] is not None}
    pairs = [p for p in pairs if p[1] is not None or id(p[0]) not in with_target]
    return pairs, why


_RELATIVE_ENDS = frozenset({"بود", "بودند", "است", "اند", "هست", "هستند", "دارد", "دارند"})


def _persian_relative(norms: Sequence[str], lo: int, first: int) -> tuple[int, int] | None:
    """A Persian relative clause set off by «که … ،» before the trigger: the trigger's subject
    is the noun before «که». Returns (start of the outer clause, the comma closing the
    relative clause), or None when «که» opens a complement («گفت که …») or no comma closes it."""
    if lo < 2 or norms[lo - 1] != "که":
        return None
    # the comma that closes it follows the relative clause's own verb («… وارد باکو شده بود،»)
    commas = [k for k in range(lo + 1, first) if norms[k] in ("،", ",")
              and (norms[k - 1] in _RELATIVE_ENDS or parse_verb(norms, k - 1) is not None)]
    if not commas or _after_cue(norms, lo - 2, "fa") or norms[lo - 2] in _LIGHT:
        return None
    start = lo - 1
    while start > 0 and norms[start - 1] not in CLAUSE_BREAKS_BY_LANG["fa"] - _COMMAS:
        start -= 1
    return start, commas[0]


def _between(sides: Sequence[Side], norms: Sequence[str]) -> list[Side]:
    """«بين روسيا وتركيا»، «میان ایران و آمریکا»: the two sides a between-phrase names."""
    for k, side in enumerate(sides[:-1]):
        if side.marker in ("بین", "میان") and _joined(side, sides[k + 1], norms):
            return [side, sides[k + 1]]
    return []


def _pair_in(sides: Sequence[Side], norms: Sequence[str]) -> list[Side]:
    """Two different actors joined by «و» anywhere in the clause."""
    for k, side in enumerate(sides[:-1]):
        nxt = sides[k + 1]
        if side.kind in ("entity", "agent") and nxt.kind in ("entity", "agent") \
                and not nxt.marker and _joined(side, nxt, norms) and not _same(side.actor, nxt.actor):
            return [side, nxt]
    return []


def _label(side: Side | None) -> str:
    if side is None:
        return ""
    return side.actor.name_en or side.actor.sector or side.actor.kb_id or "?"


def _other(target: Side | None, source: Side) -> Actor | None:
    if target is None or _same(target.actor, source.actor):
        return None
    return target.actor


def _same(a: Actor, b: Actor) -> bool:
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id
    return a.name_en == b.name_en and a.country == b.country


def _sources(kind: str, sides: Sequence[Side], first: int, last: int, lang: str,
             norms: Sequence[str], plover: str = "", cameo: str = "") -> list[Side]:
    possessive = lang == "ar" and norms[first].endswith(_POSSESSIVE)
    # «این پیشنهاد را واشینگتن ... ارائه داد»: an object noun; the subject comes after it
    fronted = lang == "fa" and kind == "noun" and "را" in norms[last + 1:last + 3]
    possessive = possessive or fronted
    unmarked = [s for s in sides if not s.marker and s.kind != "nationality"  # a city acts
                and not (s.city and kind == "noun" and not possessive)]   # as a verb's subject
    before = [s for s in unmarked if s.last < first]
    after = [s for s in unmarked if s.first > first]
    if kind == "noun":
        by = [s for s in sides if s.marker == "by" and s.first > last]
        if by:  # «وساطة قام بها الرئيس الكازاخستاني»، «مذاکرات با میانجیگری ...»
            return _conjoined(by[0], sides, norms)
    if kind == "noun":
        adjective = [s for s in sides if s.kind == "nationality" and s.first == last + 1]
        if adjective:  # العدوان الإسرائيلي، العقوبات الأمريكية
            return adjective
    if lang == "fa":  # SOV: the subject opens the clause, however far from the verb or noun
        right = [s for s in after if s.first - last <= _NOUN_REACH]
        if kind == "noun" and right and not _patient_noun(plover, cameo):
            return _conjoined(right[0], sides, norms)  # ezafe: «تحریم آمریکا»، «سفر رئیس …»
        if before:
            return _conjoined(before[0], sides, norms)
        right = [s for s in after if s.first - last <= _NOUN_REACH or fronted]
        return _conjoined(right[0], sides, norms) if right and kind == "noun" else []
    if kind == "noun":  # a presupposed event names a participant near its noun
        right = [s for s in after if s.first - last <= _NOUN_REACH]
        if not possessive:  # «اعتذارها»: her apology, the clause subject's
            # an attack noun is rarely done by a subject further off: «عبر أنان عن صدمته
            # للهجوم»: Annan reacts to the attack
            reach = _ATTACK_NOUN_REACH if plover == "ASSAULT" else _NOUN_SUBJECT_REACH
            before = [s for s in before if first - s.last <= reach]
        if not before:
            return _conjoined(right[0], sides, norms) if right else []
    verb_end = max(last if kind == "verb" and not after_gap(first, last, sides) else first, first)
    adjacent_subject = before and first - before[-1].last <= 2  # «كوفي أنان حث إسرائيل»: SVO
    if kind == "verb" and norms[first].endswith(_OBJECT_SUFFIXES) and len(norms[first]) >= 5:
        # the verb carries its object: the noun after it is the subject («الأفكار التي حملها
        # الوفد رفضتها إسرائيل»)
        subject = [s for s in after if s.first == first + 1]
        if subject:
            return _conjoined(subject[0], sides, norms)
    if kind == "verb" and not adjacent_subject and any(s.first == verb_end + 1 for s in after):
        # VSO with the subject right after the verb beats an earlier clause's subject:
        # «لو وافقت حماس على المقترح لأفرجت [إسرائيل] عن الأسرى»
        return _conjoined(next(s for s in after if s.first == verb_end + 1), sides, norms)
    if before:
        return _conjoined(before[-1], sides, norms, backwards=True)
    near = [s for s in after if s.first - first <= _ARABIC_VSO_REACH]
    return _conjoined(near[0], sides, norms) if near else []


def after_gap(first: int, last: int, sides: Sequence[Side]) -> bool:
    """Whether a side sits inside the trigger's span (a pattern gap: «فرضت [X] عقوبات»)."""
    return any(first < s.first <= last for s in sides)


def _conjoined(head: Side, sides: Sequence[Side], norms: Sequence[str],
               backwards: bool = False) -> list[Side]:
    """The head side and those joined to it by «و»: مصر والأردن، ایران و روسیه، مصر، الأردن و..."""
    group = [head]
    ordered = sorted(sides, key=lambda s: s.first)
    k = ordered.index(head)
    step = -1 if backwards else 1
    while 0 <= k + step < len(ordered):
        nxt = ordered[k + step]
        left, right = (group[-1], nxt) if step > 0 else (nxt, group[0])
        if nxt.marker or nxt.kind == "pronoun" or not _joined(left, right, norms):
            break
        group.insert(0, nxt) if step < 0 else group.append(nxt)
        k += step
    return group


def _joined(left: Side, right: Side, norms: Sequence[str]) -> bool:
    """Two sides coordinated by «و» (a word, or the proclitic of the second side)."""
    between = norms[left.last + 1:right.first]
    if between in (["و"], ["،", "و"], [",", "و"]):
        return True
    return not between and norms[right.first].startswith("و") and len(norms[right.first]) > 2


# Types whose unnamed target is the people of the place where it happened.
_WHERE_IT_HAPPENED = frozenset({"ASSAULT", "COERCE", "PROTEST"})
_ROOT_TYPES = {"14": "PROTEST", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
# Event nouns whose genitive is who it was done to: «بازداشت X»، «اعتقال X»، «اغتيال X»،
# «آزادی X»، «التحقيق مع X». Other nouns name their doer: «تحریم آمریکا»، «حمله روسیه»، «هجوم X».
_PATIENT_TYPES = frozenset({"COERCE", "RETREAT", "INVESTIGATE", "CRIME"})
_PATIENT_CODES = ("181", "185", "186", "1823")  # abduction, assassination, killing


def _patient_noun(plover: str, cameo: str) -> bool:
    return plover in _PATIENT_TYPES or cameo.startswith(_PATIENT_CODES)


def _genitive(sides: Sequence[Side], sources: Sequence[Side], last: int) -> tuple[Side | None, str]:
    """The noun's genitive as its other side: the patient of «اعتقال X»، «مقتل X»، «بازداشت
    X», the partner of «لقاء X»، «دیدار X» when the subject is named elsewhere."""
    right = [s for s in sides if s.first == last + 1 and not s.marker
             and all(s is not src for src in sources)]
    return (right[0], "genitive") if right else (None, "")


_DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "CRIME", "INVESTIGATE", "RETREAT",
                             "CONCEDE", "AID"})


def _target(targets: Sequence[str], sides: Sequence[Side], sources: Sequence[Side],
            first: int, last: int, lang: str, plover: str = "",
            row_targets: Sequence[str] = (), kind: str = "verb") -> tuple[Side | None, str]:
    # An unnamed group whose country only came from context is a poor target of a dealing
    # with another state: «سطح آماده‌باش نیروهای خود را افزایش داد» is not KOR → KOR.
    own = {src.actor.country for src in sources}
    others = [s for s in sides if all(s is not src for src in sources)
              and not (s.context_country and s.actor.country in own
                       and plover not in _DOMESTIC_TYPES)]
    if lang == "fa":
        ordered = sorted(others, key=lambda s: abs(s.first - first))
    else:
        ordered = [s for s in others if s.first > first] + \
                  sorted((s for s in others if s.last < first), key=lambda s: -s.first)
    # A row whose own first target is the object («اتهم X بـ...»، «رفض X») takes it before a
    # side that only a default preposition marks («... لإسرائيل»).
    if lang == "ar" and tuple(row_targets[:1]) == ("obj",):
        plain = [s for s in ordered if not s.marker and s.first > first and s.kind != "nationality"]
        if plain:
            return plain[0], "obj"
    for side in ordered:
        if side.marker and side.marker in targets and not (side.city and side.marker not in _PARTNERS):
            return side, side.marker
    if "obj" in targets or "passive" not in targets:
        if lang == "fa":
            marked = [s for s in ordered if s.marker == "را"]
            if marked:
                return marked[0], "را"
        else:
            plain = [s for s in ordered if not s.marker and s.first > first
                     and (kind != "noun" or s.first - last <= _NOUN_REACH)]
            if plain:  # a noun has no object further off: «الاعتداءات ... أمرت المحكمة»
                return plain[0], "obj"
    return None, ""


_RESIGNATION = "0831"
_NAMED_IN_CLAUSE = "the other country the clause names"
_OWN_COUNTRY = "the source's own country (a domestic act)"
_GUESSES = (_NAMED_IN_CLAUSE, _OWN_COUNTRY)
# Acts whose unnamed patient is, unless the clause names another country, the source's own
# people: arrests, inquiries, protests, pardons, releases, attacks inside a country.
_OWN_PATIENT_TYPES = frozenset({"COERCE", "INVESTIGATE", "PROTEST", "CONCEDE", "RETREAT",
                                "ASSAULT"})


def _unmarked_target(sides: Sequence[Side], sources: Sequence[Side], lo: int, hi: int,
                     first: int, plover: str) -> tuple[Side | None, str]:
    """The last resort when no word marks a target. An act between states almost always has
    one the clause names without a marker («مستقر کرده است در نزدیکی مرز اوکراین»، «العقوبات
    على قطاع النفط في فنزويلا»): the nearest country other than the source's, after the
    trigger first. Failing that, an arrest, inquiry or protest is the source's own country's
    affair. The explanation says the target was inferred."""
    own = {src.actor.country for src in sources}
    named = [s for s in sides if lo <= s.first <= hi and s.actor.country
             and s.actor.country not in own and all(s is not src for src in sources)]
    if named:
        side = min(named, key=lambda s: (s.first < first, abs(s.first - first)))
        actor = side.actor if side.kind in ("entity", "agent") and not side.is_place \
            else Actor(country=side.actor.country, sector=side.actor.sector or "CVL")
        return Side(side.first, side.last, actor, kind="inferred"), _NAMED_IN_CLAUSE
    countries = own - {None}
    if plover in _OWN_PATIENT_TYPES and len(countries) == 1:
        return Side(first, first, Actor(name_en="people", country=countries.pop(), sector="CVL"),
                    kind="inferred"), _OWN_COUNTRY
    return None, ""


_IMPLIED_STATE_TYPES = frozenset({"COERCE", "INVESTIGATE", "RETREAT"})
_FORCE_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "REB", "UAF", "SPY", "LEG"})


def _active_subject_follows(sides: Sequence[Side], last: int) -> bool:
    """Unvoweled Arabic writes اعتُقل and اعتقلت alike: a security force, army, government or
    armed group right after the verb makes it active («اعتقلت الشرطة المصرية خمسة أشخاص»)."""
    nxt = next((s for s in sides if s.first > last), None)
    return nxt is not None and not nxt.marker and nxt.first - last <= 2 and \
        (nxt.actor.sector in _FORCE_SECTORS)


def _passive(sides: Sequence[Side], first: int, lang: str, salient: Actor | None,
             plover: str = "", places: Sequence[Side] = ()) -> tuple[list[Pair], str]:
    agent = next((s for s in sides if s.marker == "by"), None)
    subjects = [s for s in sides if not s.marker]
    subject = (subjects[0] if lang == "fa" else
               next((s for s in subjects if s.first > first), subjects[0] if subjects else None)) \
        if subjects else None
    if agent is None:
        # «بازداشت شد»، «اعتقل»، «حوکم»: arrests, trials and sentences are the state's acts;
        # with no agent written, the authorities of the place (or of the person) are implied.
        place = next((s for s in (*places, *sides) if s.marker in ("فی", "در", "ب")
                      and s.actor.country), None)
        country = (place or subject).actor.country if (place or subject) else None
        if plover in _IMPLIED_STATE_TYPES and country and subject is not None:
            return ([(Actor(country=country, sector="GOV"), subject.actor, False)],
                    f"passive with no agent: the authorities of {country} implied, "
                    f"target its subject «{_label(subject)}»")
        return [], "passive with no agent (توسط/من قبل)"
    target = subject.actor if subject is not None else None
    return ([(agent.actor, target, False)],
            f"passive: source after «by» «{_label(agent)}», target its subject «{_label(subject)}»")


def _subject_dropped(sides: Sequence[Side], first: int, last: int, lang: str) -> bool:
    """No subject is written: Arabic verb-initial with no unmarked side after it, Persian
    verb with no unmarked side before it in the clause."""
    unmarked = [s for s in sides if not s.marker]
    if lang == "fa":
        return not any(s.last < first for s in unmarked)
    return not unmarked


def _resolve(side: Side, salient: Actor | None) -> Side | None:
    if side.kind != "pronoun":
        return side
    if salient is None:
        return None
    return Side(side.first, side.last, salient, side.marker, "pronoun")
