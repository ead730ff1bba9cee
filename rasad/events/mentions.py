"""The candidate sides of a sentence's events, in token positions, with the word that marks each.

An event's source and target are chosen among the sentence's actor mentions: the entities the
actors stage linked, the unnamed groups of `agents`, and pronouns (وی، او، هو). What decides a
mention's role is mostly the word before it: با/مع make a companion, به/علیه/على/ضد a target,
توسط/از سوی/من قبل the agent of a passive, در/في a place; Persian را after it an object; an
Arabic proclitic (لروسيا، بالأسد) the same as the preposition. `Side` records that marker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rasad.document import Actor, Document, Entity, Token, iso_day
from rasad.events.agents import find_agents
from rasad.events.patterns import fold
from rasad.text.clitics import candidate_stems

# Prepositions whose object is a place, not a participant, when the mention is a city.
PLACE_MARKERS = frozenset({"في", "فی", "در", "الی", "به", "ب", "من", "از", "حول"})
AGENT_MARKERS = ("من قبل", "علی ید", "از سوی", "از طرف", "توسط", "به دست", "قام بها", "قام به",
                 "قامت بها", "قامت به", "برعایه", "بوساطه")  # not قاده: قادة "leaders" folds to it
_PREPOSITIONS = {
    "ar": frozenset(fold(w) for w in ("على", "ضد", "مع", "إلى", "في", "من", "عن", "بين", "لدى",
                                      "عند", "نحو", "تجاه", "بحق", "أمام", "علي", "الي", "حول",
                                      "بشأن")),
    "fa": frozenset(fold(w) for w in ("به", "با", "از", "علیه", "برای", "در", "توسط", "میان",
                                      "بین", "نزد", "سوی", "ضد", "بر", "درباره", "باره",
                                      "پیرامون")),
}
_AR_PROCLITICS = {"ب": "ب", "ل": "ل", "لل": "ل", "بال": "ب", "ک": "ک"}
_PRONOUNS = {
    "fa": frozenset(fold(w) for w in ("وی", "او", "ایشان")),
    "ar": frozenset(fold(w) for w in ("هو", "هي", "وهو", "وهي")),
}
# Words before the outlet or person a report is attributed to.
_REPORTED_BY = frozenset(fold(w) for w in ("به گزارش", "بنا به گزارش", "به نوشته", "به نقل از",
                                          "به گفته", "بنا بر", "طبق",
                                          "بحسب", "حسب", "نقلا عن", "وفقا ل", "وفق"))
# Two-word prepositions and the one-word marker they act as.
_PHRASE_PREPOSITIONS = {fold(k): fold(v) for k, v in {
    "در اختیار": "به", "به سوی": "به", "در برابر": "علیه", "بر ضد": "علیه",
    "في وجه": "ضد", "بحق": "ضد"}.items()}
# Nouns of area between a preposition and its country: «به مرز سوریه»، «على جنوب لبنان».
_AREA_NOUNS = frozenset(fold(w) for w in (
    "مرز", "مرزهای", "نزدیکی", "سواحل", "خاک", "داخل", "شمال", "جنوب", "شرق", "غرب", "حدود",
    "منطقه", "مناطق", "جنوب", "الحدود", "حدود", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
    "شرقي", "غربي", "داخل", "اراضي", "أراضي", "سواحل", "مياه", "اجواء", "أجواء",
    # and the kind of place before its name, «في مدينة ماريوبول»، «از شهر خرسون»
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "شهر", "شهرستان", "روستای", "استان"))
_PARTITIVE = frozenset({"من", "از"})
_QUANTITY_WORDS = frozenset(fold(w) for w in (
    "الف", "الفا", "آلاف", "الاف", "عشرات", "مئات", "ملايين", "حوالي", "نحو", "قرابة", "عدد",
    "عددا", "هزاران", "صدها", "دهها", "ده‌ها", "میلیونها", "نفر", "تن", "تعدادی", "شمار",
    "بیش", "حدود", "زيادي", "زیادی", "تعداد"))


def _quantity(word: str) -> bool:
    """A number or a word that counts people: «70»، «ألفا»، «عشرات»، «هزاران»، «نفر»."""
    return word.isdigit() or word in _QUANTITY_WORDS or \
        word.startswith("ال") and word[2:] in _QUANTITY_WORDS  # «الآلاف»


_CAPITAL_OF = frozenset(fold(w) for w in ("عاصمة", "پایتخت"))
_QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”", "'"})
_NON_ACTOR_TYPES = frozenset({"DAT", "TIM", "MON", "PCT"})


@dataclass(slots=True)
class Side:
    """A possible event side at tokens [first, last] of the sentence."""

    first: int
    last: int
    actor: Actor
    marker: str = ""        # the preposition or را that governs it ('' = none)
    kind: str = "entity"    # entity | agent | pronoun | nationality (an adjective: العراقية)
    city: bool = False      # a city, region or water: a place unless it acts (stands_for)
    entity: int | None = None
    rule: str = ""          # which KB row or agent row it came from
    context_country: bool = False  # its country was taken from the sentence or document

    @property
    def is_place(self) -> bool:
        return self.city and self.marker in PLACE_MARKERS


def token_span(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last] covering characters [start, end)."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_left(ends, end), first)
    return first, min(last, len(starts) - 1)


def sentence_sides(doc: Document, tokens: Sequence[Token], reads: Sequence[Sequence[str]],
                   lang: str, main_country: str | None,
                   entities: Sequence[tuple[int, Entity]] | None = None) -> list[Side]:
    """Every candidate side of the sentence whose tokens are given, in text order."""
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    norms = [t.norm for t in tokens]
    lo, hi = tokens[0].start, tokens[-1].end
    sides: list[Side] = []
    for index, entity in (entities if entities is not None else enumerate(doc.entities)):
        if entity.start < lo or entity.end > hi or entity.type in _NON_ACTOR_TYPES:
            continue
        unknown = not (entity.country or entity.kb_id)
        first, last = token_span(starts, ends, entity.start, entity.end)
        # An unlinked place counts only through a country inside its name («مرز اوکراین»,
        # «شمال سوریه»), as a place: an unlinked name of no kind counts for nothing.
        inside = _country_inside(norms[first:last + 1], lang) \
            if unknown and entity.type == "LOC" else None
        if unknown and entity.type not in ("PER", "ORG") and not inside:
            continue
        actor = Actor.of_entity(index, entity)
        igo = _igo_office(entity, iso_day(doc.published))
        if igo:  # the UN Secretary-General acts for the UN, not for his own state
            actor.country, actor.sector = igo, "IGO"
        # A person or group the knowledge base does not know takes its country like an
        # unnamed group does («رجل الأعمال الإيراني ...»، «دانیل اورتگا رئیس جمهور این کشور»).
        kind = "nationality" if entity.type == "MISC" else "agent" if unknown and not inside \
            else "entity"
        if unknown:  # «حركة المقاومة الفلسطينية حماس»: a nationality inside the name
            actor.country = _country_inside(norms[first:last + 1], lang)
        side = Side(first, last, actor, city=_is_city(entity) or bool(inside), entity=index,
                    rule=str(entity.extra.get("rule") or ""), kind=kind)
        side.marker = _marker(doc, entity, tokens, norms, first, last, lang)
        sides.append(side)
    taken = {i for s in sides for i in range(s.first, s.last + 1)}
    starts_at = {s.first: s for s in sides}
    stems = [_stems(n, lang) for n in norms]  # not the verb readings: صحفية is no صحفي
    for found in find_agents(stems, lang):
        if taken & set(range(found.first, found.last + 1)):
            named = starts_at.get(found.first)  # «پلیس ترکیه» as one named entity: its sector
            if named is not None and not named.actor.sector:
                named.actor.sector = found.agent.sector
            continue
        actor = Actor(name_en=found.agent.name_en, sector=found.agent.sector)
        side = Side(found.first, found.last, actor, kind="agent", rule=found.agent.row)
        side.marker = _marker(doc, None, tokens, norms, found.first, found.last, lang)
        sides.append(side)
    for i, norm in enumerate(norms):
        if norm in _PRONOUNS.get(lang, ()) and i not in taken:
            side = Side(i, i, Actor(), kind="pronoun")
            side.marker = _marker(doc, None, tokens, norms, i, i, lang)
            sides.append(side)
    sides.sort(key=lambda s: s.first)
    sides = [s for s in sides if not _credit_line(s, norms)]
    _appositions(sides, norms)
    _agent_countries(sides, main_country, norms, lang)
    _object_marker_nearest(sides, norms)  # after «شهروند ایرانی» became one side
    for side in sides:
        if side.kind == "nationality" and _people(side, norms):
            side.kind, side.actor.sector = "entity", "CVL"
    return sides


def _people(side: Side, norms: Sequence[str]) -> bool:
    """A nationality word that no noun precedes is itself a noun, the people: an adjective
    follows its noun (الشرطة العراقية، شهروند ایرانی) and takes no preposition, so one after
    a preposition or a quantity («مذاکرات با روس‌ها»، «عشرات الآلاف من الباكستانيين»، «هزاران
    نفر از فلسطینیان») or opening the sentence («روس‌ها حمله کردند») names the people."""
    if side.first == 0 or side.marker and side.marker != "را":
        return True
    return side.first >= 2 and norms[side.first - 1] in _PARTITIVE \
        and _quantity(norms[side.first - 2])


_IGO_CODES = frozenset({"UN", "EU", "NATO", "OSCE", "SCO", "CSTO", "EAEU", "IAEA", "OPEC", "ARL",
                        "GCC", "AU", "OIC", "WHO", "ICC", "ASEAN", "CIS", "BRICS", "IMF", "WB"})


def _igo_office(entity: Entity, day: date | None) -> str | None:
    """The IGO a person heads or serves on the document's date (any date when it has none)."""
    if entity.type != "PER" or not entity.kb_id:
        return None
    from rasad.kb.base import load_kb  # noqa: PLC0415 (loaded once, by the actors stage)

    record = load_kb().get(entity.kb_id)
    for role in record.roles if record else ():
        if role.country in _IGO_CODES and (day is None or role.holds_on(day)):
            return role.country
    return None


@lru_cache(maxsize=1 << 16)
def _stems(norm: str, lang: str) -> tuple[str, ...]:
    return tuple(candidate_stems(norm, lang))


_ACCORDING_TO = frozenset({"گزارش", "نقل", "نقلا", "وفقا", "حسب", "بحسب", "لوکاله"})
_COMMAS_AND_STOPS = frozenset({"،", ",", "؛", ";", ".", ":"})


def _credit_line(side: Side, norms: Sequence[str]) -> bool:
    """An agency in a dateline or credit, «كراتشي (رويترز) -», «(الفرنسية)» (AFP), is who
    reports, not a side: a media outlet there, or a lone nationality word in parentheses."""
    before = norms[side.first - 1] if side.first > 0 else ""
    after = norms[side.last + 1] if side.last + 1 < len(norms) else ""
    in_parentheses = before == "(" and after == ")"
    if side.kind == "nationality" and in_parentheses:
        return True
    if side.actor.sector != "MED":
        return False
    if in_parentheses or side.first <= 2 and after in ("-", "–", ":", "/"):
        return True
    # «به گزارش گروه وبگردی باشگاه خبرنگاران جوان ،»، «نقلا عن وكالة ...»: who it is according to
    window = norms[max(0, side.first - 5):side.first]
    cue = max((i for i, word in enumerate(window) if word in _ACCORDING_TO), default=None)
    return cue is not None and not any(w in _COMMAS_AND_STOPS for w in window[cue:])


def _object_marker_nearest(sides: list[Side], norms: Sequence[str]) -> None:
    """را marks only the side right before it: in «عربستان ایران را متهم کرد» Iran is the
    object and Saudi Arabia the subject."""
    for k, side in enumerate(sides):
        if side.marker != "را":
            continue
        after = [i for i in range(side.last + 1, min(len(norms), side.last + 4)) if norms[i] == "را"]
        if not after:
            continue  # the را now lies inside a group it joined («شهروند ایرانی را»)
        if any(other.first > side.last and other.last < after[0] for other in sides[k + 1:]):
            side.marker = ""


def _country_inside(words: Sequence[str], lang: str) -> str | None:
    """The state a nationality word or country name inside an unknown name points to."""
    from rasad.kb.base import load_kb  # noqa: PLC0415 (loaded once, by the actors stage)

    kb = load_kb()
    for word in words:
        for stem in candidate_stems(word, lang):
            if len(stem) < 4:
                continue
            found = kb.exact(stem, lang, kinds=("state", "territory"))
            if found and found[0].country:
                return found[0].country
    return None


def _is_city(entity: Entity) -> bool:
    """A city, region or water of the KB (a capital among them): a place unless it acts
    («به خلیج فارس اعزام کرد»: where the ship goes, not a party)."""
    if entity.kb_id is None or entity.type != "LOC":
        return False
    from rasad.kb.base import load_kb  # noqa: PLC0415 (loaded once, by the actors stage)

    record = load_kb().get(entity.kb_id)
    return record is not None and record.kind in ("city", "region", "water")


def _appositions(sides: list[Side], norms: Sequence[str]) -> None:
    """A side right after another naming the same actor is its apposition: the two are one
    side, with the first one's marker and a role's country over a name's («الأمين العام
    للأمم المتحدة كوفي أنان» counts for the UN), «با سرگئی ریابکوف، همتای روس خود»."""
    merged: list[Side] = []
    for side in sides:
        prev = merged[-1] if merged else None
        between = norms[prev.last + 1:side.first] if prev else []
        if prev is not None and not side.marker and prev.actor.kb_id \
                and prev.actor.kb_id == side.actor.kb_id and all(w in ("،", ",") for w in between):
            prev.last = side.last
            if "roles" in side.rule and "roles" not in prev.rule and side.actor.country:
                prev.actor.country, prev.rule = side.actor.country, side.rule
            continue
        if prev is not None and not side.marker and prev.kind == "agent" and \
                not prev.actor.kb_id and "roles" in side.rule and side.actor.country and \
                all(w in ("،", ",", *_QUOTE_MARKS) for w in between):
            # a person the KB does not know, then his title: «سباستین کورتز» وزیر امور
            # خارجه اتریش — one side, of the title's country
            prev.last, prev.rule, prev.context_country = side.last, side.rule, False
            prev.actor.country = side.actor.country
            prev.actor.sector = side.actor.sector or prev.actor.sector
            continue
        merged.append(side)
    sides[:] = merged


def _marker(doc: Document, entity: Entity | None, tokens: Sequence[Token], norms: Sequence[str],
            first: int, last: int, lang: str) -> str:
    """The preposition, proclitic or object marker that governs a mention."""
    while first >= 1 and norms[first - 1] in _QUOTE_MARKS:  # با «شورا لينچ»
        first -= 1
    if first >= 1 and norms[first - 1] in _CAPITAL_OF:  # «طشقند عاصمة أوزبكستان»: a place
        return "فی"
    while first >= 2 and norms[first - 1] in _AREA_NOUNS:  # به مرز سوریه، على جنوب لبنان
        first -= 1
    if first >= 2 and norms[first - 1] in _PARTITIVE and _quantity(norms[first - 2]):
        # «حوالي 70 ألفا من المتظاهرين»، «هزاران نفر از فلسطینیان»: the group is the head of
        # its quantity phrase, and takes the marker of the whole phrase
        first -= 1
        while first >= 1 and _quantity(norms[first - 1]):
            first -= 1
    if first >= 2 and f"{norms[first - 2]} {norms[first - 1]}" in AGENT_MARKERS:
        return "by"
    if first >= 1 and (norms[first - 1] in _REPORTED_BY or
                       first >= 2 and f"{norms[first - 2]} {norms[first - 1]}" in _REPORTED_BY):
        return "reporter"  # «به گزارش روزنامه واشنگتن تایمز،»: who reports, not who acts
    if first >= 2 and f"{norms[first - 2]} {norms[first - 1]}" in _PHRASE_PREPOSITIONS:
        return _PHRASE_PREPOSITIONS[f"{norms[first - 2]} {norms[first - 1]}"]
    if first >= 1 and norms[first - 1] in AGENT_MARKERS:
        return "by"
    if lang == "fa" and "را" in norms[last + 1:last + 4]:  # «این دو مجرم سابقه دار را»
        k = norms.index("را", last + 1)
        if not any(w in _PREPOSITIONS["fa"] or w in _QUOTE_MARKS for w in norms[last + 1:k]):
            return "را"
    if first >= 1:
        word = norms[first - 1]
        if lang == "ar" and word[:1] in "وف" and len(word) > 2 and word[1:] in _PREPOSITIONS["ar"]:
            word = word[1:]  # وفي، ومع، فعلى
        if word in _PREPOSITIONS.get(lang, ()):
            return word
    if lang == "ar":
        head = norms[first]
        if entity is not None:  # the letters before the entity inside its first token
            prefix = fold(doc.text[tokens[first].start:entity.start])
        else:
            prefix = next((head[:len(head) - len(r)] for r in () if head.endswith(r)), "")
        prefix = prefix.lstrip("وف")
        return _AR_PROCLITICS.get(prefix, "")
    return ""


def _agent_countries(sides: list[Side], main_country: str | None, norms: Sequence[str],
                     lang: str) -> None:
    """An unnamed group takes the nationality written next to it (الشرطة العراقية، پلیس
    ترکیه), else the country of a place in its sentence, else the document's main country."""
    place_country = next((s.actor.country for s in sides if s.is_place and s.actor.country), None)
    for k, side in enumerate(sides):
        if side.kind != "agent":
            continue
        nxt = sides[k + 1] if k + 1 < len(sides) else None
        title = norms[side.last + 1:nxt.first] if nxt is not None else []
        partitive = nxt is not None and nxt.kind in ("entity", "nationality") \
            and nxt.actor.country and not nxt.city and len(title) == 1 and title[0] in _PARTITIVE
        if partitive:  # «هزاران نفر از فلسطینیان»، «عشرات من العراقيين»: of that people
            side.actor.country, side.last, nxt.kind = nxt.actor.country, nxt.last, "absorbed"
            side.rule += f"; country from «{nxt.rule}»"
        elif nxt is not None and nxt.kind in ("entity", "nationality") and nxt.actor.country \
                and not nxt.marker and len(title) <= 3 and not nxt.city and not any(
                    w in _PREPOSITIONS.get(lang, ()) or w in _QUOTE_MARKS or w in ("،", ",", "و")
                    for w in title):
            # «الشرطة العراقية»، «پلیس ترکیه»، ««شورا لينچ» دادستان کل آمريکا»: his country
            side.actor.country = nxt.actor.country
            side.last = nxt.last
            nxt.kind = "absorbed"
            side.rule += f"; country from «{nxt.rule}»"
        elif side.actor.country:
            side.rule += "; country from a nationality inside the name"
        else:
            side.actor.country = place_country or main_country
            side.rule += "; country from " + ("a place in the sentence" if place_country
                                              else "the document's main country")
            side.context_country = True
    sides[:] = [s for s in sides if s.kind != "absorbed"]
    _titles(sides, norms)


# «این کشور»، «آن کشور»، «هذا البلد»: the country last named before it.
_THIS_COUNTRY = (("این", "کشور"), ("ان", "کشور"), ("هذا", "البلد"))


def _titles(sides: list[Side], norms: Sequence[str]) -> None:
    """A person or group whose country only came from context takes the one its apposition
    or title writes: ««شورا لينچ» دادستان کل آمريکا» (a titled side right after it) is
    American, «دانیل اورتگا رئیس جمهور این کشور» is of the country named just before."""
    for k, side in enumerate(sides):
        if not side.context_country:
            continue
        nxt = sides[k + 1] if k + 1 < len(sides) else None
        gap = norms[side.last + 1:nxt.first] if nxt is not None else []
        if nxt is not None and nxt.kind == "agent" and not nxt.context_country \
                and not nxt.marker and nxt.actor.country and side.actor.sector is None \
                and all(w in _QUOTE_MARKS or w in ("،", ",") for w in gap):
            side.actor.country, side.actor.sector = nxt.actor.country, nxt.actor.sector
            side.last, side.context_country, nxt.kind = nxt.last, False, "absorbed"
            side.rule += f"; country from its title «{nxt.rule}»"
            continue
        end = nxt.first if nxt is not None else len(norms)
        window = list(zip(norms[side.last + 1:end], norms[side.last + 2:end], strict=False))[:4]
        named = [s for s in sides[:k] if s.actor.country and not s.context_country
                 and s.kind in ("entity", "agent")]
        if named and any(pair in _THIS_COUNTRY for pair in window):
            side.actor.country, side.context_country = named[-1].actor.country, False
            side.rule += "; country from «this country», the one named before"
    sides[:] = [s for s in sides if s.kind != "absorbed"]


def main_country(doc: Document) -> str | None:
    """The country a document is mostly about: the most mentioned, first-seen on ties. A
    Persian document that names no country at all is taken to be Iranian news (the police,
    courts and protesters of «پلیس ... بازداشت کرد» with no place named are Iran's)."""
    counts = Counter(e.country for e in doc.entities if e.country and len(e.country) == 3)
    if counts:
        return counts.most_common(1)[0][0]
    return "IRN" if doc.lang == "fa" else None
