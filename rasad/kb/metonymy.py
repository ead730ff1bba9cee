"""A capital is a city until it acts: when a city mention also stands for its government.

The actors stage links «مسکو» to Moscow, the city. News also writes a capital for the
government that sits in it («أنقرة ترفض», «مسکو اعلام کرد», «قررت واشنطن»), and an event coder
must then read Türkiye, Russia, the United States. `read_metonyms` decides that per mention from
the words around it and records the government beside the city, in
`extra["stands_for"] = {id, name_en, country, sector}`; the mention's own id stays the city's,
so the place of an event is still the city.

The reading is syntactic and deliberately conservative, because a wrong government reading
makes a state a party to events it had no part in:

  * a place, never the government: after a place preposition or proclitic («در مسکو»,
    «في طشقند», «بموسكو», «سفر به آنکارا»), after a word for a city or capital with at most
    two words between («العاصمة الروسية موسكو», «شهر تهران»), and as a dateline («مسکو -
    ایرنا -»);
  * the government: the object of a participant preposition («مع موسكو», «علیه واشنگتن»,
    «بين موسكو وكييف», «از سوی مسکو»), a Persian object («واشنگتن را متهم کرد»), whose act,
    stance or relation a noun names («تصمیم ایروان», «حليف موسكو»), the subject of a clause
    (Persian: the city opens its clause, SOV; Arabic: a verb agreeing with it in the
    feminine, a perfect before it, «أعلنت موسكو», or a verb after it when it opens the
    clause, «أنقرة ترفض», or after أن/إن, «أكد أن موسكو»), and a capital joined to an actor
    that acts by the same cues («موسكو وأنقرة ترفضان», «روسیه و آنکارا ... کردند»).

Everything else (a genitive «نشست مسکو», «تاريخ دمشق», «ملوك مصر والقاهرة») stays a place only:
on the bench corpus's encyclopedia-like text most capital mentions are places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasad.kb.mention import Mention
from rasad.kb.roles import Context
from rasad.text.normalize import match_key


def _keys(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


# Prepositions whose object is where something happens or goes.
PLACE_PREPOSITIONS = _keys(
    "در", "به", "از", "تا", "نزدیک", "نزدیکی", "اطراف", "حوالی", "سوی", "مقابل", "داخل",
    "في", "إلى", "الى", "من", "حول", "قرب", "داخل", "خارج", "نحو", "حتى", "عبر", "وسط")
# Nouns for a city or capital before its name («العاصمة الروسية موسكو», «شهر تهران»).
PLACE_NOUNS = _keys("پایتخت", "شهر", "بندر", "عاصمة", "العاصمة", "عاصمتها", "مدينة", "بلدة",
                    "ميناء", "شوارع", "ضواحي", "سفارت", "سفارة", "فرودگاه", "مطار")
# Prepositions whose object is a party to what happens.
PARTICIPANT_PREPOSITIONS = _keys("با", "علیه", "ضد", "میان", "بین", "نزد", "برای", "توسط", "مع",
                                 "على", "علی", "تجاه", "بين", "لدى", "حيال", "لصالح")
# Nouns of an act, a stance or a relation: the city after them is whose it is («تصمیم
# ایروان», «اقدامات هماهنگ باکو», «حليف موسكو», «هجوم كييف المضاد»).
ACTOR_NOUNS = _keys(
    "نگاه", "دیدگاه", "موضع", "مواضع", "پاسخ", "درخواست", "پیشنهاد", "تصمیم", "سیاست",
    "سیاستهای", "اقدام", "اقدامات", "رویکرد", "رویکردهای", "روابط", "رابطه", "تعامل", "حمایت",
    "تلاش", "تلاشهای", "اراده", "هشدار", "اتهام", "ادعای", "متحد", "متحدان", "مقامات", "دولت",
    "حکومت", "موقف", "رد", "قرار", "سياسة", "تصريحات", "اتهامات", "طلب", "دعوة", "حليف",
    "حلفاء", "علاقات", "هجوم", "جهود", "مسؤولو", "مسؤولي", "حكومة", "رغبة", "رفض", "تهديد",
    "إعلان", "نية", "خطة", "مطالب", "اتهام", "سعي", "قيادة", "موافقة",
    # and of a delivery or support whose recipient it is («تسليم كييف الذخيرة»)
    "تسليم", "تزويد", "تسليح", "دعم", "مساعدة", "تحویل", "تسلیح")
# Arabic proclitics that make the city a place («بموسكو», «لطهران»: in, to).
PLACE_PROCLITICS = frozenset({"ب", "ل", "وب", "ول", "فب", "فل"})
# Words after which a new clause opens: its subject follows. Not «و» alone: «هوای دهلی و پکن»
# joins two nouns; it opens a clause only after a verb (FA_VERB_END).
# Not a quotation mark: «واشنگتن فری بیکن» is a title more often than a quoted clause.
CLAUSE_OPENERS = _keys("اما", "ولی", "که", "را", "چون", "زیرا", "هرچند", "لکن", "لكن", "بينما",
                       "فيما", "ثم", "،", ",", ":", "؛", ".")
# How the Persian finite verbs and auxiliaries that end a clause end («... اعلام کرد و مسکو»).
FA_VERB_END = re.compile(r"(?:کرد|کردند|شد|شدند|است|اند|هست|هستند|نیست|نیستند|داد|دادند|گفت|"
                         r"گفتند|کند|کنند|شود|شوند|دارد|دارند|بود|بودند|باشد|باشند|نمود|رسید|"
                         r"رسیدند|گرفت|گرفتند|دهد|دهند|یافت|کرده|شده)$")
# Nouns ending in ـت that are no perfect verb before a city («في وقت», «تحت»).
NOT_VERBS = _keys("وقت", "الوقت", "تحت", "بيت", "صوت", "بنت", "موت", "سبت", "ثبت", "ست",
                  # and verbs whose subject a city is only as a place (أصبحت بورتو نوفو عاصمة),
                  # or whose object after them is the city (دخلت دمشق، حكمت روما)
                  "أصبحت", "اصبحت", "كانت", "صارت", "باتت", "ظلت", "بقيت", "دخلت", "احتلت",
                  "حاصرت", "غزت", "زارت", "اجتاحت", "حكمت", "قصفت", "وصلت", "غادرت", "ضربت")
# Arabic words after which the next noun is the subject of a that-clause.
THAT_WORDS = _keys("أن", "إن", "بأن", "وأن", "وإن", "لأن")
# Arabic particles before a verb: the city before them is its subject («واشنطن لن تسمح»).
VERB_PARTICLES = _keys("لن", "لم", "قد", "لا", "سوف", "ما", "لقد")
# Two words before an agent («از سوی مسکو», «من قبل واشنطن»).
AGENT_PHRASES = frozenset(match_key(a) + " " + match_key(b) for a, b in (
    ("از", "سوی"), ("از", "طرف"), ("من", "قبل"), ("به", "دست")))
DATELINE_MARKS = frozenset({"-", "–", "—", "(", ":", "/"})
JOINERS = _keys("و", "،", ",")
PLACE_KINDS = frozenset({"city", "region", "water"})


def read_metonyms(mentions: list[Mention], ctx: Context) -> None:
    """Give every capital mention that acts `extra["stands_for"]` (see the module doc)."""
    if not any(ctx.kb.government_of(m.actor) for m in mentions):
        return
    words = Words(ctx, frozenset(k for m in mentions for k in range(m.first, m.last + 1)))
    known: dict[int, bool] = {}

    def reads(i: int) -> bool:
        """Whether mention `i` acts. A capital joined to another mention reads as that one
        does (روسیه و آنکارا, في موسكو وأنقرة); a state, person or body acts when its own
        words or the mention it is joined to say so."""
        if i not in known:
            mention = mentions[i]
            partner = _coordinated_with(mentions, i, words)
            if mention.actor is None or (mention.actor.kind in PLACE_KINDS
                                         and ctx.kb.government_of(mention.actor) is None):
                known[i] = False  # an unlinked name, a place that never stands for a state
            elif partner is not None and ctx.kb.government_of(mention.actor):
                known[i] = reads(partner)
            else:
                known[i] = words.acts(mention) or (partner is not None and reads(partner))
        return known[i]

    for i, mention in enumerate(mentions):
        government = ctx.kb.government_of(mention.actor)
        if government is not None and reads(i):
            mention.extra["stands_for"] = {"id": government.id, "name_en": government.name_en,
                                           "country": government.country, "sector": "GOV"}
            mention.rule += f"; stands for {government.name_en}'s government"


@dataclass(frozen=True, slots=True)
class Words:
    """The document's words as comparison keys, and the tokens that mentions cover."""

    ctx: Context
    covered: frozenset[int]

    def at(self, k: int, near: int) -> str:
        """The word at token `k` (its key) if it is in the sentence of token `near`, else ""."""
        sentence_of = self.ctx.sentence_of
        if 0 <= k < len(sentence_of) and sentence_of[k] == sentence_of[near]:
            return _key(self.ctx.doc.tokens[k].norm)
        return ""

    def lang(self, token: int) -> str | None:
        sentences, s = self.ctx.doc.sentences, self.ctx.sentence_of[token]
        return (sentences[s].lang if s < len(sentences) else None) or self.ctx.doc.lang

    def place(self, mention: Mention) -> bool:
        """The words around say it is a place (see the module doc)."""
        first, last = mention.first, mention.last
        before, after = self.at(first - 1, first), self.at(last + 1, last)
        if self.at(first - 2, first) + " " + before in AGENT_PHRASES:
            return False  # «از سوی مسکو»: by Moscow
        return (_proclitic(mention, self.ctx) in PLACE_PROCLITICS
                or before in PLACE_PREPOSITIONS or self._place_noun_before(first)
                or (after in DATELINE_MARKS and before == ""))

    def acts(self, mention: Mention) -> bool:
        """The words around say it acts or takes part: it stands for its government."""
        if self.place(mention):
            return False
        first, last = mention.first, mention.last
        before, after = self.at(first - 1, first), self.at(last + 1, last)
        lang = self.lang(first)
        if before in PARTICIPANT_PREPOSITIONS or (lang == "fa" and after == "را") \
                or self.at(first - 2, first) + " " + before in AGENT_PHRASES:
            return True
        if before in THAT_WORDS or self._actor_noun_before(first):
            return True
        if _opens(before) or self._after_time(first) or self._after_clause(first):
            return lang == "fa" or self._verb_after(self._chain_end(last))
        return lang == "ar" and first - 1 not in self.covered and self._verb_before(first)

    def _after_clause(self, first: int) -> bool:
        """«و» right after a Persian verb: a new clause, whose subject this is."""
        return self.at(first - 1, first) == "و" and \
            FA_VERB_END.search(self.at(first - 2, first)) is not None

    def _verb_before(self, first: int) -> bool:
        """An Arabic verb before its subject (VSO) agreeing with a city: a perfect in ـت
        («أعلنت موسكو», «وقررت واشنطن»), or an imperfect after a particle («لن تسمح واشنطن»).
        A bare imperfect-looking word is too often a noun (تاريخ دمشق، تعاون)."""
        word = self.written(first - 1)
        bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        if _key(bare) in NOT_VERBS or not _feminine_verb(word):
            return False
        perfect = word.endswith("ت") and not word.endswith("يت")  # not تصويت، توقيت
        return perfect or self.at(first - 2, first) in VERB_PARTICLES

    def written(self, k: int) -> str:
        """Token `k` as written, hamza kept (بدأت is a verb, بدات could be a plural noun)."""
        token = self.ctx.doc.tokens[k]
        return "".join(c for c in self.ctx.doc.text[token.start:token.end] if c.isalpha())

    def _actor_noun_before(self, first: int) -> bool:
        """An act, stance or relation noun right before, or with one word between
        («اقدامات هماهنگ باکو»), bare or with a proclitic («وموقف»)."""
        for k in (first - 1, first - 2):
            word = self.at(k, first)
            if word in ACTOR_NOUNS or (word[:1] in "وبلف" and word[1:] in ACTOR_NOUNS):
                return True
        return False

    def _place_noun_before(self, first: int) -> bool:
        """A word for a city within three words before («العاصمة الروسية موسكو», «پایتخت
        روسیه، مسکو»), bare or with an Arabic proclitic («بالعاصمة»)."""
        for k in range(first - 1, first - 4, -1):
            word = self.at(k, first)
            if word in PLACE_NOUNS or (word[:1] in "وبلف" and word[1:] in PLACE_NOUNS):
                return True
        return False

    def _after_time(self, first: int) -> bool:
        """A time expression right before («روز دوشنبه مسکو اعلام کرد») opens a clause."""
        if first == 0 or self.at(first - 1, first) == "":
            return False
        end = self.ctx.doc.tokens[first - 1].end
        return any(t.start < end <= t.end for t in self.ctx.doc.times)

    def _chain_end(self, last: int) -> int:
        """The last token of a list the mention opens («موسكو وأنقرة», «موسكو، بكين
        وطهران»): the verb the list governs comes after it."""
        k = last
        while True:
            if self.at(k + 1, k) in JOINERS and self.at(k + 2, k):
                k += 2
            elif k + 1 in self.covered and self.at(k + 1, k).startswith("و"):
                k += 1  # «وأنقرة», written joined to its و
            else:
                return k

    def _verb_after(self, last: int) -> bool:
        """An Arabic verb right after the subject, agreeing with a city («أنقرة ترفض», «موسكو
        أعلنت», dual «ترفضان»), or a particle before one («واشنطن لن تسمح»)."""
        word = self.at(last + 1, last)
        return word in VERB_PARTICLES or (word != "" and _feminine_verb(self.written(last + 1)))


@lru_cache(maxsize=1 << 16)
def _key(norm: str) -> str:
    return match_key(norm)


def _opens(word: str) -> bool:
    """The sentence starts, or a clause opens, right before."""
    return word == "" or word in CLAUSE_OPENERS


def _proclitic(mention: Mention, ctx: Context) -> str:
    """The Arabic proclitic written on the mention's first word (بموسكو → ب)."""
    if mention.clitic:
        return match_key(mention.clitic)
    token = ctx.doc.tokens[mention.first]
    return match_key(ctx.doc.text[token.start:mention.start]) if mention.start > token.start else ""


def _feminine_verb(word: str) -> bool:
    """An Arabic third-person feminine verb form, as a city takes: perfect in ـت (أعلنت،
    قررت، وفرضت), imperfect in تـ or ستـ (ترفض، ستواصل، ترفضان). Not plural nouns in ـات
    (تصريحات, منشآت; a perfect in ـأت is a verb: بدأت), nouns with the article (الوقت) or
    short words."""
    if word[:1] in "وف" and len(word) > 4:
        word = word[1:]
    if len(word) < 3 or word.endswith(("ات", "آت")) or word.startswith("ال"):
        return False
    return word.endswith("ت") or (word.startswith(("ت", "ست")) and len(word) >= 4)


def _coordinated_with(mentions: list[Mention], i: int, words: Words) -> int | None:
    """The mention this one is joined to by و or a comma («روسیه و آنکارا», «موسكو وأنقرة»),
    over a parenthesis after it («هلسینکی (پایتخت فنلاند) و مسکو»: Helsinki)."""
    if i == 0:
        return None
    mention, j = mentions[i], i - 1
    between = [words.at(k, mention.first) for k in range(mentions[j].last + 1, mention.first)]
    if "" in between:
        return None  # another sentence
    if between[:1] == [")"]:
        j, between = _before_parenthesis(mentions, j, words), between[1:]
        if j is None:
            return None
    if (not between and mention.clitic.startswith("و")) or (
            len(between) == 1 and between[0] in JOINERS):
        return j
    return None


def _before_parenthesis(mentions: list[Mention], j: int, words: Words) -> int | None:
    """The mention right before the «(» that opens the parenthesis mention `j` is in."""
    k = mentions[j].first - 1
    while k >= 0 and words.at(k, mentions[j].first) not in ("(", ""):
        k -= 1
    if k < 0 or words.at(k, mentions[j].first) != "(":
        return None
    return next((n for n in range(j, -1, -1) if mentions[n].last == k - 1), None)
