"""Role phrases: a title and the country it serves (الرئيس التركي، معاون وزیر خارجه آمریکا,
نماینده دائمی روسیه در ناتو), resolved to the person who held that office on the article's date.

Why a separate layer over the name matches: the country in a role phrase is itself a KB name
or adjective (التركي → TUR, آمریکا → USA), already found by the gazetteer. A title that is
directly followed by such a match (or by another role phrase: مستشار السياسة الخارجية للرئيس
الروسي) forms one mention. Titles come from rasad/data/kb/roles.tsv (KB data) and
roles_extra.tsv (counterparts, delegations, armies, ministries: the `@` rows).

Resolution order, most reliable first: a person named right after or right before the phrase
(الرئيس الروسي فلاديمير بوتين / وندی شرمن معاون وزیر خارجه آمریکا) when consistent with it;
else `kb.holders(role, country, on=published)`; with no date the role is kept (country,
role, sector) and no person is guessed. "His Turkish counterpart" (نظيره التركي) takes the
role of the nearest earlier office-holder of another country. A bare title (الرئيس) links to
the last earlier mention of that office.

Constitutions split offices differently, and a title names the office, not the KB role: a
presidential title tries `president` before `head_of_state` (Iran's president is not its head
of state, the Supreme Leader is), and a prime-minister title takes only a head of government who
is not also president (Türkiye has none after 2018-07-09); see FALLBACKS and PRIME_MINISTER.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from rasad.document import Document, iso_day
from rasad.kb.base import SINGLE_HOLDER, ActorRecord, KnowledgeBase, load_kb
from rasad.kb.gazetteer import Gazetteer, PhraseMatch, PhraseTrie, load_gazetteer
from rasad.kb.mention import Mention
from rasad.spans import SpanIndex
from rasad.text.clitics import candidate_stems
from rasad.text.normalize import match_key, normalize_str, words_key

ROLE_FILES = ("roles.tsv", "roles_extra.tsv")
SPECIAL_KINDS = {"@counterpart": "counterpart", "@state": "state", "@military": "military",
                 "@body": "body"}
# A title that names an office some states fill with another: a presidential title means the
# `president` where the state has one who is not its head of state (Iran, whose head of state
# is the Supreme Leader), else the head of state (every other presidency).
FALLBACKS = {"president": ("head_of_state",)}
# A prime-minister title (نخست وزیر، رئيس الوزراء) names the head of government who is not also
# the head of state or president: Türkiye has had none since 2018-07-09 (Erdoğan heads both),
# Iran none since 1989. The KB records the office as head_of_government, the role a resolved
# mention reports (OFFICE_OF).
PRIME_MINISTER = "prime_minister"
OFFICE_OF = {PRIME_MINISTER: "head_of_government"}
HEADS_OF_STATE = frozenset({"head_of_state", "president"})
# The head of a government body is not the head of its state: «رئيس جهاز الاستخبارات التركي»
# is the head of MIT, not Erdoğan. A head-of-state or government title over a body that does not
# stand for the government (not `metonym`: الكرملين does) names the body's own head, the office
# its sector implies, else its `leader`.
HEAD_TITLES = HEADS_OF_STATE | {"head_of_government", PRIME_MINISTER}
BODY_HEADS = {"SPY": "intelligence_chief", "LEG": "speaker_of_parliament",
              "MIL": "chief_of_general_staff"}
# Offices a bare title (الرئيس, نخست وزیر) may refer back to.
BARE_ROLES = frozenset({"president", "head_of_state", "head_of_government", PRIME_MINISTER, "foreign_minister",
                        "defense_minister", "supreme_leader", "crown_prince", "secretary_general"})
NOT_BARE = frozenset(match_key(p) for p in ("الأمير", "المستشار", "المستشارة", "الرئاسة",
                                             "ریاست جمهوری", "الزعيم", "مدیر کل", "مدیرکل",
                                             "المدير العام"))
# Offices that serve a person (المتحدث باسم أردوغان, مستشار السياسة الخارجية للرئيس الروسي).
PERSON_OBJECT_ROLES = frozenset({"presidential_spokesperson", "foreign_policy_adviser",
                                 "national_security_adviser", "chief_of_staff_to_head_of_state"})
HOST_ROLES = frozenset({"ambassador", "permanent_representative", "special_envoy"})
HOST_WORDS = frozenset(normalize_str(w) for w in ("در", "لدى", "في", "نزد", "إلى", "به"))
# «فرستاده ویژه سازمان ملل در امور سوریه», «المبعوث الخاص إلى شؤون سوريا»: the affairs of the host
HOST_FILLERS = frozenset(normalize_str(w) for w in ("امور", "شؤون", "الشؤون"))
MIL_ROLES = frozenset({"chief_of_general_staff", "military_commander"})
PLACE_KINDS = frozenset({"state", "territory", "igo"})
ORG_KINDS = frozenset({"gov_body", "armed_group", "party", "igo"})
TRAILING = frozenset({"خود", "اش", "ش", "خویش"})  # همتای روس خود


@dataclass(frozen=True, slots=True)
class Title:
    """One title phrase and the offices (or `@` kind) it names, merged over both files."""

    phrase: str
    lang: str
    roles: tuple[str, ...]
    kind: str  # role | counterpart | state | military | body
    rule: str  # file:line of the first row
    template: str = ""  # @body: English name, {name} = the state's
    specific: bool = False  # several words, or an Arabic title with the article
    implied: str | None = None  # actor named inside the phrase (سخنگوی کرملین → Kremlin)

    @property
    def bare(self) -> bool:
        """May stand alone and refer back to an earlier holder of the office."""
        return (self.kind == "role" and self.specific and self.roles[0] in BARE_ROLES
                and match_key(self.phrase) not in NOT_BARE)


@dataclass(slots=True)
class Context:
    """What resolution needs about the document: the KB, the date and the tokens."""

    doc: Document
    kb: KnowledgeBase
    on: date | None
    sentence_of: list[int] = field(default_factory=list)  # token index → sentence
    starts: list[int] = field(default_factory=list)  # token index → start offset

    @classmethod
    def of(cls, doc: Document, kb: KnowledgeBase) -> Context:
        return cls(doc, kb, iso_day(doc.published), [t.sentence for t in doc.tokens],
                   [t.start for t in doc.tokens])


TitleRow = tuple[str, str, str, str, str, str]  # lang, phrase, role, notes, rule, implies


def read_titles(text: str, *, source: str) -> list[TitleRow]:
    """(lang, phrase, role, notes, rule, implies) rows of a role TSV (header and # comments
    skipped). `implies` is the optional fifth column: the code of the state or IGO a title
    names without saying it (رهبر انقلاب → IRN)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, phrase, role, notes, implies = (line.split("\t") + ["", "", "", ""])[:5]
        if phrase and role:
            rows.append((lang, phrase.strip(), role.strip(), notes.strip(), f"{source}:{number}",
                         implies.strip()))
    return rows


def build_titles(rows: list[TitleRow], gazetteer: Gazetteer | None = None,
                 kb: KnowledgeBase | None = None) -> PhraseTrie:
    """A phrase trie of `Title`s; rows with one phrase key merge their roles in file order."""
    merged: dict[str, Title] = {}
    for lang, phrase, role, notes, rule, implies in rows:
        key = match_key(phrase)
        old = merged.get(key)
        if old is not None:
            if role not in old.roles:
                merged[key] = _with_role(old, role)
            continue
        kind = SPECIAL_KINDS.get(role, "role")
        specific = len(words_key(phrase).split()) > 1 or (lang == "ar" and key.startswith("ال"))
        stated = kb.by_code(implies) if kb is not None and implies else None
        merged[key] = Title(phrase, lang, with_fallbacks((role,)), kind, rule,
                            template=notes if kind == "body" else "", specific=specific,
                            implied=stated.id if stated else _implied(phrase, lang, gazetteer))
    trie = PhraseTrie(inflected=False)
    for title in merged.values():
        trie.add(title.phrase, title)
    return trie


def _with_role(title: Title, role: str) -> Title:
    return Title(title.phrase, title.lang, with_fallbacks((*title.roles, role)), title.kind,
                 title.rule, title.template, title.specific, title.implied)


def with_fallbacks(roles: tuple[str, ...]) -> tuple[str, ...]:
    """`roles` with each one's stand-in right after it (president → head_of_state), once."""
    out: list[str] = []
    for role in roles:
        out += [r for r in (role, *FALLBACKS.get(role, ())) if r not in out]
    return tuple(out)


def _implied(phrase: str, lang: str, gazetteer: Gazetteer | None) -> str | None:
    """The actor a title names inside itself (کرملین in سخنگوی کرملین), if any."""
    if gazetteer is None:
        return None
    from rasad.text.segment import annotate as segment  # noqa: PLC0415

    doc = segment(Document(phrase, lang=lang))
    for match in gazetteer.find(doc):
        names = [e for e in match.values if not e.is_adjective]
        if names and len({e.actor_id for e in names}) == 1:
            return names[0].actor_id
    return None


@cache
def load_titles() -> PhraseTrie:
    """Titles of roles.tsv and roles_extra.tsv (read once per process)."""
    rows = []
    files = resources.files("rasad.data.kb")
    for name in ROLE_FILES:
        path = files.joinpath(name)
        if path.is_file():
            rows += read_titles(path.read_text("utf-8"), source=name)
    return build_titles(rows, load_gazetteer(), load_kb())


def find_titles(doc: Document, *, titles: PhraseTrie | None = None) -> list[PhraseMatch]:
    return (titles or load_titles()).scan(doc)


@cache
def role_countries(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Role name → every country code the KB has a holder for (at any time)."""
    found: dict[str, set[str]] = {}
    for record in kb:
        for role in record.roles:
            if role.country:
                found.setdefault(role.role, set()).add(role.country)
    return {role: frozenset(codes) for role, codes in found.items()}


def kb_roles(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The KB role names of title roles (prime_minister → head_of_government), once each."""
    return tuple(dict.fromkeys(OFFICE_OF.get(r, r) for r in roles))


def known_role(kb: KnowledgeBase, roles: tuple[str, ...], code: str | None) -> str:
    """The first of `roles` the KB knows for `code` (for a phrase with several readings)."""
    countries = role_countries(kb)
    offices = kb_roles(roles)
    return next((r for r in offices if code in countries.get(r, ())), offices[0])


def role_holders(kb: KnowledgeBase, role: str, code: str | None, on: date, *,
                 to: str | None = None, org: str | None = None) -> list[ActorRecord]:
    """`kb.holders` for a title role: a prime minister is a head of government who does not
    also hold the state's presidency that day (see PRIME_MINISTER)."""
    found = kb.holders(OFFICE_OF.get(role, role), code, on, to=to, org=org)
    if role != PRIME_MINISTER:
        return found
    return [p for p in found if not any(
        r.role in HEADS_OF_STATE and r.country == code and r.holds_on(on) for r in p.roles)]


def find_holder(kb: KnowledgeBase, roles: tuple[str, ...], obj: ActorRecord, on: date, *,
                to: str | None = None) -> tuple[str, ActorRecord | None, int]:
    """(role, holder or None, number of holders) for the first of `roles` that anyone held
    for `obj` on day `on`; an organization's own leaders first (org=), then its state's."""
    code = obj.country
    org = obj.id if obj.kind in ORG_KINDS - {"igo"} else None
    roles = _body_roles(roles, obj)
    if obj.kind in ("armed_group", "party") and "leader" in roles:
        roles = ("leader", *(r for r in roles if r != "leader"))  # قائد فاغنر: its leader
    for title_role in roles:
        found = role_holders(kb, title_role, code, on, org=org, to=to) if org else []
        if not found and obj.kind not in ("armed_group", "party"):
            found = role_holders(kb, title_role, code, on, to=to)
        role = OFFICE_OF.get(title_role, title_role)
        if found:
            one = found[0] if len(found) == 1 or role in SINGLE_HOLDER else None
            return role, one, len(found)
    return known_role(kb, roles, code), None, 0


def _body_roles(roles: tuple[str, ...], obj: ActorRecord) -> tuple[str, ...]:
    """`roles`, or the body's own head's office for a head title over a body (BODY_HEADS)."""
    if obj.kind != "gov_body" or obj.metonym or not HEAD_TITLES & set(roles):
        return roles
    return (BODY_HEADS.get(obj.sector or "", "leader"),)


def held_roles(person: ActorRecord, on: date | None) -> list[tuple[str, str | None]]:
    """(role, country) of the offices `person` held on `on` (every office when no date)."""
    return [(r.role, r.country) for r in person.roles if on is None or r.holds_on(on)]


def sector_of(role: str | None, obj: ActorRecord | None) -> str:
    if role in MIL_ROLES:
        return "MIL"
    if obj is not None and obj.kind in ("igo", "armed_group", "party") and obj.sector:
        return obj.sector
    return "GOV"


def role_mentions(doc: Document, titles: list[PhraseMatch], names: list[Mention],
                  kb: KnowledgeBase) -> list[Mention]:
    """Names and role phrases, sorted and non-overlapping: a title takes the name (or role
    phrase) that follows it as its object; titles are read right to left so they nest."""
    by_first = {m.first: m for m in names}
    absorbed: set[int] = set()
    built: dict[int, Mention] = {}
    words = SpanIndex(names, span=lambda m: (m.first, m.last + 1))  # token spans, fast lookups
    for match in reversed(titles):
        if any(m.last > match.first for m in words.overlapping(match.first, match.first + 1)):
            continue  # a longer name covers the title's first word (الملك عبد الله الثاني): it wins
        mention = _role_mention(doc, match, by_first, built, kb)
        if mention is None:
            continue
        for m in words.overlapping(mention.first, mention.last + 1):
            if mention.first <= m.first and m.last <= mention.last:
                absorbed.add(id(m))
        for first in [f for f in range(mention.first + 1, mention.last + 1) if f in built]:
            del built[first]
        built[mention.first] = mention
    kept = [m for m in names if id(m) not in absorbed]
    return sorted([*kept, *built.values()], key=lambda m: m.start)


def _role_mention(doc: Document, match: PhraseMatch, by_first: dict[int, Mention],
                  built: dict[int, Mention], kb: KnowledgeBase) -> Mention | None:
    title: Title = match.values[0]
    kind = title.kind
    if _adjectival(doc, match, title):
        return None
    mention = Mention(match.first, match.last, match.start, match.end,
                      type="PER" if kind in ("role", "counterpart") else "ORG",
                      source="role", kind=kind, title=title, clitic=match.prefix)
    obj = _object(doc, match, title, by_first, built)
    if obj is None:
        implied = kb.get(title.implied) if title.implied else None
        if implied is not None:
            obj = Mention(match.first, match.last, match.start, match.end, type="ORG",
                          source="kb", actor=implied)
        elif kind == "role":
            mention.kind = "title"
            return mention
        else:
            return None
    else:
        _extend(mention, obj)
        mention.weak = obj.weak  # «الحكومة المالية»: as weak as its «مالية» (financial? Malé?)
    mention.obj = obj
    _attach_host(doc, mention, by_first)
    if kind == "counterpart":
        _attach_trailing(doc, mention)
    return mention


def _adjectival(doc: Document, match: PhraseMatch, title: Title) -> bool:
    """السياسة الخارجية الروسية: after a definite noun, a one-word Arabic title with the
    article (الخارجية، الحكومة، الجيش) agrees with that noun as its adjective (foreign
    policy); it names the ministry or body only where it heads its phrase (قالت الخارجية)."""
    if (title.lang != "ar" or title.kind not in ("body", "state", "military") or match.prefix
            or len(title.phrase.split()) > 1 or match.first == 0):
        return False
    before = doc.tokens[match.first - 1]
    if before.sentence != doc.tokens[match.first].sentence or not before.norm.isalpha():
        return False
    return any(stem.startswith("ال") and len(stem) > 3
               for stem in (before.norm, *candidate_stems(before.norm, "ar")))


def _object(doc: Document, match: PhraseMatch, title: Title, by_first: dict[int, Mention],
            built: dict[int, Mention]) -> Mention | None:
    """The country or organization right after the title (possibly starting inside it)."""
    serves_person = (title.kind == "role" and not title.implied
                     and bool(PERSON_OBJECT_ROLES & set(title.roles)))
    nested = built.get(match.last + 1)
    if nested is not None and serves_person and nested.kind == "role" and _of(title, nested):
        return nested
    sentence = doc.tokens[match.first].sentence
    for k in range(match.first + 1, match.last + 2):
        name = by_first.get(k)
        if name is None or name.last <= match.last or doc.tokens[k].sentence != sentence:
            continue
        inside = k <= match.last  # «رئيس المخابرات» + «المخابرات التركية»: one noun phrase
        return name if _fits(name, title, serves_person and _of(title, name),
                             inside=inside) else None
    return None


def _of(title: Title, mention: Mention) -> bool:
    """Whether a person (or office) after the title is what it serves: Arabic marks it
    (لبوتين، للرئيس الروسي، المتحدث باسم أردوغان); Persian ezafe is unwritten."""
    if title.lang != "ar":
        return True
    return mention.clitic.endswith(("ل", "لل")) or title.phrase.split()[-1] == "باسم"


def _fits(name: Mention, title: Title, serves_person: bool, *, inside: bool = False) -> bool:
    """Whether `name` is what the title serves; a name that starts inside the title shares
    its last word, so no definite-noun boundary stands between them."""
    actor = name.actor
    if actor is None or (not inside and _definite_before_noun(name, title)):
        return False
    if actor.kind == "person":  # not دولت بایدن: the person's name stays a PER mention
        return serves_person
    if actor.kind in PLACE_KINDS or actor.capital or actor.metonym:  # سفير واشنطن
        return True
    return actor.kind in ORG_KINDS and title.kind == "role"


def _definite_before_noun(name: Mention, title: Title) -> bool:
    """An Arabic title ending in a definite word governs no bare noun after it: «زار الرئيس
    سلطنة عمان» is the president visiting Oman; «رئيس روسيا», «الرئيس الروسي» and
    «الأمين العام للأمم المتحدة» (ل marks the object) are offices."""
    return (title.lang == "ar" and title.phrase.split()[-1].startswith("ال")
            and name.kind == "name" and not name.clitic.endswith("ل"))


def _extend(mention: Mention, part: Mention) -> None:
    mention.last = max(mention.last, part.last)
    mention.end = max(mention.end, part.end)


def _attach_host(doc: Document, mention: Mention, by_first: dict[int, Mention]) -> None:
    """نماینده دائمی روسیه در ناتو: the host after در/لدى/في for envoys and representatives."""
    title: Title = mention.title
    if not HOST_ROLES & set(title.roles) or mention.obj is None:
        return
    k = mention.last + 1
    skip = k + 1 < len(doc.tokens) and doc.tokens[k + 1].norm in HOST_FILLERS
    host = by_first.get(k + 2 if skip else k + 1)
    if (k < len(doc.tokens) and doc.tokens[k].norm in HOST_WORDS and host is not None
            and host.actor is not None
            and (host.actor.kind in PLACE_KINDS or host.actor.capital)):
        mention.extra["to"] = host.actor.country
        _extend(mention, host)


def _attach_trailing(doc: Document, mention: Mention) -> None:
    k = mention.last + 1
    if k < len(doc.tokens) and doc.tokens[k].norm in TRAILING:
        mention.last = k
        mention.end = doc.tokens[k].end
