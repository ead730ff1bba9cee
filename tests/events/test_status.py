"""Event status through the full pipeline: each marker of `status.tsv` and each Persian verb
form on a trigger the shipped lexicons have (دیدار … کرد، اجتمع، التقى، فرض), with the reason."""

from __future__ import annotations

import pytest

from rasad.events.patterns import fold
from rasad.events.status import decide
from rasad.events.verbs import parse_verb

FA_ASSERTED = [
    "عراقچی با لاوروف در مسکو دیدار کرد.",
    "عراقچی با لاوروف دیدار می‌کند.",
    "پزشکیان با پوتین دیدار نمود.",
    "عراقچی با لاوروف دیدار کرده است.",
    "رئیس‌جمهور ایران با رئیس‌جمهور روسیه ملاقات کرد.",
]
AR_ASSERTED = [
    "اجتمع لافروف مع عراقجي في موسكو.",
    "التقى لافروف مع عراقجي في موسكو.",
    "تجتمع الحكومة العراقية مع الوفد الإيراني في بغداد.",
    "وفرضت الولايات المتحدة عقوبات على روسيا، بينما التقى لافروف مع عراقجي.",
]

# (sentence, status, a word the reason must quote)
FA_MARKED = [
    ("عراقچی با لاوروف دیدار نکرد.", "negated", "نکرد"),
    ("عراقچی با لاوروف دیدار نکردند.", "negated", "نکردند"),
    ("عراقچی با لاوروف دیدار نمی‌کند.", "negated", "نمیکند"),
    ("عراقچی با لاوروف دیدار نمی کند.", "negated", "نمی کند"),
    ("عراقچی با لاوروف دیدار نکرده است.", "negated", "نکرده است"),
    ("عراقچی با لاوروف دیدار نخواهد کرد.", "negated", "نخواهد کرد"),
    ("پزشکیان با پوتین دیدار ننمود.", "negated", "ننمود"),
    ("عراقچی با لاوروف دیدار خواهد کرد.", "future", "خواهد کرد"),
    ("قرار است وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کند.", "future", "قرار است"),
    ("وزیر امور خارجه ایران قصد دارد با وزیر خارجه روسیه دیدار کند.", "future", "قصد دارد"),
    ("چین پیشنهاد کرد وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کند.", "proposed", "پیشنهاد"),
    ("اگر وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کند، بحران پایان می‌یابد.",
     "hypothetical", "اگر"),
    ("در صورتی که وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کند، بحران پایان می‌یابد.",
     "hypothetical", "در صورتی که"),
    ("آمریکا ادعا کرد وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کرده است.",
     "reported_claim", "ادعا"),
    ("تهران تکذیب کرد وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کرده است.",
     "negated", "تکذیب"),
    ("آیا وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کرد؟", "hypothetical", "آیا"),
]
AR_MARKED = [
    ("لم يجتمع لافروف مع عراقجي في موسكو.", "negated", "لم"),
    ("ولم يجتمع لافروف مع عراقجي في موسكو.", "negated", "لم"),
    ("لم يلتق لافروف مع عراقجي في موسكو.", "negated", "لم"),
    ("لن يجتمع لافروف مع عراقجي في موسكو.", "negated", "لن"),
    ("فلن يجتمع لافروف مع عراقجي في موسكو.", "negated", "لن"),
    ("لا يجتمع لافروف مع عراقجي في موسكو.", "negated", "لا"),
    ("لا تجتمع الحكومة العراقية مع الوفد الإيراني في بغداد.", "negated", "لا"),
    ("سوف يجتمع لافروف مع عراقجي في موسكو.", "future", "سوف"),
    ("سيلتقي لافروف مع عراقجي في موسكو.", "future", "سـ"),
    ("سيجتمع لافروف مع عراقجي في موسكو.", "future", "سـ"),
    ("يعتزم الرئيس الروسي فرض عقوبات على أوكرانيا.", "future", "يعتزم"),
    ("تعتزم روسيا فرض عقوبات على أوكرانيا.", "future", "تعتزم"),
    ("اقترحت الصين أن يجتمع لافروف مع عراقجي في بكين.", "proposed", "اقترحت"),
    ("اقترح الرئيس الصيني أن يجتمع لافروف مع عراقجي في بكين.", "proposed", "اقترح"),
    ("إذا اجتمع لافروف مع عراقجي فإن الأزمة ستنتهي.", "hypothetical", "إذا"),
    ("لو اجتمع لافروف مع عراقجي لانتهت الأزمة.", "hypothetical", "لو"),
    ("في حال اجتمع لافروف مع عراقجي فإن الأزمة ستنتهي.", "hypothetical", "في حال"),
    ("زعمت إسرائيل أن لافروف اجتمع مع عراقجي سرا.", "reported_claim", "زعمت"),
    ("وزعم الجيش الإسرائيلي أن إيران اجتمعت مع حزب الله.", "reported_claim", "زعم"),
    ("نفت موسكو أن يكون لافروف قد اجتمع مع عراقجي.", "negated", "نفت"),
    ("نفت الخارجية الروسية أن لافروف اجتمع مع عراقجي.", "negated", "نفت"),
    ("هل اجتمع لافروف مع عراقجي في موسكو؟", "hypothetical", "هل"),
]

# Ten negated sentences per language for the property test.
FA_NEGATED = [s for s, status, _ in FA_MARKED if status == "negated"] + [
    "عراقچی و لاوروف با یکدیگر دیدار نکرده‌اند.",
    "عراقچی با لاوروف دیدار نمیکند.",
    "عراقچی هیچ گاه با لاوروف دیدار نکرد.",
    "پزشکیان با پوتین گفتگو نکرد.",
    "پزشکیان با پوتین گفت‌وگو نکرده است.",
    "عراقچی با لاوروف ديدار نكرد.",
]
AR_NEGATED = [s for s, status, _ in AR_MARKED if status == "negated"] + [
    "ما اجتمع لافروف مع عراقجي في موسكو.",
    "لن تجتمع الحكومة العراقية مع الوفد الإيراني في بغداد.",
    "لم يجتمع الرئيس الروسي مع الرئيس الإيراني.",
    "ولم تلتق الحكومة العراقية مع الوفد الإيراني في بغداد.",
]
NEGATORS = {"fa": ("هیچ", "تکذیب", "نه"), "ar": ("لم", "ولم", "لن", "فلن", "لا", "ما", "نفت", "نفی")}


def negated_before(norms: list[str], trigger_start: int, trigger_end: int, lang: str) -> bool:
    """A negation marker before the trigger (Arabic), or a negative verb up to its end (Persian:
    the negation is the light verb's own prefix, inside the trigger's span)."""
    if any(n in NEGATORS[lang] for n in norms[:trigger_start]):
        return True
    if lang == "fa":
        for i in range(trigger_end):
            parsed = parse_verb(norms, i)
            if parsed is not None and parsed.form.negated:
                return True
    return False


# The act each test sentence is about (a meeting or an imposition); the marker verbs around it
# (نفت، تکذیب کرد، پیشنهاد کرد) may be events of their own as the lexicons grow.
ACT_STEMS = ("دیدار", "ديدار", "ملاقات", "گفتگو", "گفت\u200cوگو", "گفتوگو", "جتمع", "لتق", "فرض",
             "تفرض")


def the_event(doc):  # noqa: ANN001, ANN201
    """The event coded on the sentence's act (not on a marker verb)."""
    acts = [e for e in doc.events if any(stem in doc.text[e.start:e.end] for stem in ACT_STEMS)]
    assert acts, f"no event coded on the act in «{doc.text}»: {[doc.text[e.start:e.end] for e in doc.events]}"
    return acts[0]


@pytest.mark.parametrize("text", FA_ASSERTED + AR_ASSERTED)
def test_asserted_baseline(analyze, text: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    event = the_event(doc)
    assert event.status == "asserted", event.extra["status_reason"]
    assert event.extra["status_reason"].startswith("no ")
    assert event.happened


@pytest.mark.parametrize(("text", "status", "cue"), FA_MARKED + AR_MARKED,
                         ids=[c for _, _, c in FA_MARKED + AR_MARKED])
def test_marker_sets_status(analyze, text: str, status: str, cue: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    event = the_event(doc)
    assert event.status == status, (event.status, event.extra["status_reason"])
    assert not event.happened
    reason = event.extra["status_reason"]
    assert cue in reason or fold(cue) in reason, reason


@pytest.mark.parametrize(("lang", "texts"), [("fa", FA_NEGATED), ("ar", AR_NEGATED)])
def test_no_negated_sentence_yields_an_asserted_event(analyze, lang: str, texts: list[str]) -> None:  # noqa: ANN001
    """Property: a negation marker before the trigger never leaves an `asserted` event."""
    assert len(texts) >= 10
    coded = 0
    for text in texts:
        doc = analyze(text)
        for event in doc.events:
            tokens = [t for t in doc.tokens if t.sentence == event.sentence]
            norms = [t.norm for t in tokens]
            start = sum(t.end <= event.start for t in tokens)
            end = sum(t.start < event.end for t in tokens)
            if negated_before(norms, start, end, lang):
                coded += 1
                assert event.status != "asserted", (text, event.extra["status_reason"])
    assert coded >= 10, f"only {coded} events coded in the {lang} negated sentences"


def test_trigger_span_takes_the_whole_verb(analyze) -> None:  # noqa: ANN001
    """The trigger of a Persian compound spans the noun and the whole verb (auxiliaries too)."""
    for text, span in (("عراقچی با لاوروف دیدار نخواهد کرد.", "دیدار نخواهد کرد"),
                       ("عراقچی با لاوروف دیدار نکرده است.", "دیدار نکرده است"),
                       ("عراقچی با لاوروف دیدار نمی کند.", "دیدار نمی کند")):
        doc = analyze(text)
        event = the_event(doc)
        assert doc.text[event.start:event.end] == span


def test_marker_in_another_clause_does_not_apply(analyze) -> None:  # noqa: ANN001
    """لم in the first clause does not negate a meeting reported after a clause break."""
    doc = analyze("لم يصدر أي بيان، لكن لافروف اجتمع مع عراقجي في موسكو.")
    event = the_event(doc)
    assert event.status == "asserted", event.extra["status_reason"]


def test_negation_outranks_future(analyze) -> None:  # noqa: ANN001
    """نخواهد کرد is negative and future: negated wins (precedence)."""
    doc = analyze("عراقچی با لاوروف دیدار نخواهد کرد.")
    assert the_event(doc).status == "negated"
    doc = analyze("قرار است عراقچی با لاوروف دیدار نکند.")
    assert the_event(doc).status == "negated"


def test_decide_directly_on_a_match() -> None:
    """`decide` on a handmade match: the verb alone decides when there is no marker."""
    from rasad.events.patterns import load_rules, match_sentence

    words = [fold(w) for w in ["عراقچی", "با", "لاوروف", "دیدار", "نمی", "کند"]]
    matches = [m for m in match_sentence(load_rules("fa"), words, "fa") if m.verb]
    assert matches
    status, reason = decide(matches[0], words, "fa")
    assert status == "negated"
    assert "نمی کند" in reason
    assert parse_verb(words, 5).form.negated


# ---------------------------------------------------------------- known coder bugs

def test_fa_denial_with_ke_negates_the_denied_act(analyze) -> None:  # noqa: ANN001
    doc = analyze("ایران تکذیب کرد که عراقچی با لاوروف دیدار کرده است.")
    assert the_event(doc).status == "negated"


def test_gap_does_not_cross_a_clause_break(analyze) -> None:  # noqa: ANN001
    doc = analyze("اگر وزیر امور خارجه ایران با وزیر خارجه روسیه دیدار کند، تحریم‌ها لغو می‌شود.")
    event = the_event(doc)
    assert event.plover == "CONSULT" and event.status == "hypothetical"
    assert all(e.status != "asserted" for e in doc.events)


@pytest.mark.parametrize(("text", "status"), [
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", "asserted"),
    ("لم تفرض الولايات المتحدة عقوبات على إيران.", "negated"),
])
def test_ar_vso_subject_inside_a_gapped_trigger(analyze, text: str, status: str) -> None:  # noqa: ANN001
    event = the_event(analyze(text))
    assert event.status == status
    assert event.source is not None and event.source.country == "USA"


def test_ar_intends_to_meet(analyze) -> None:  # noqa: ANN001
    doc = analyze("يعتزم الرئيس الروسي أن يجتمع مع عراقجي في موسكو.")
    event = the_event(doc)
    assert event.status == "future"
    assert event.target is not None and event.target.name_en == "Abbas Araghchi"


def test_ar_denial_with_dropped_subject(analyze) -> None:  # noqa: ANN001
    doc = analyze("نفى لافروف أن يكون قد اجتمع مع عراقجي.")
    assert the_event(doc).status == "negated"


def test_an_offer_is_proposed_when_its_word_is_the_trigger(analyze) -> None:  # noqa: ANN001
    doc = analyze("عرضت قطر استضافة محادثات بين الحكومة السودانية وقوات الدعم السريع.")
    offers = [e for e in doc.events if doc.text[e.start:e.end].startswith("عرضت")]
    assert offers and {e.status for e in offers} == {"proposed"}, [e.to_dict(doc) for e in doc.events]
    # «الدعم» inside the name «قوات الدعم السريع» is no act of support
    assert not [e for e in doc.events if e.plover == "SUPPORT"], [e.to_dict(doc) for e in doc.events]


@pytest.mark.parametrize("text", [
    "وجه العاهل السعودي الملك سلمان دعوة إلى الرئيس السوري لزيارة المملكة.",
    "دعا الرئيس التركي نظيره الروسي إلى زيارة أنقرة.",
    "رئیس‌جمهور ترکیه از همتای روس خود برای سفر به آنکارا دعوت کرد.",
])
def test_an_invitation_is_proposed(analyze, text: str) -> None:  # noqa: ANN001
    """EVENTS_GUIDE: an invitation is put forward, not done — `proposed`, not counted."""
    doc = analyze(text)
    invitations = [e for e in doc.events if e.plover == "AGREE"]
    assert invitations, [e.to_dict(doc) for e in doc.events]
    assert {e.status for e in invitations} == {"proposed"}
    assert "invitation" in invitations[0].extra["status_reason"]


@pytest.mark.parametrize("text", [
    "انتظار می‌رود ولادیمیر پوتین، رئیس‌جمهور روسیه، با شی جین‌پینگ، رئیس‌جمهور چین، دیدار کند.",
    "من المقرر، بحسب مصادر دبلوماسية، أن يلتقي الرئيس الروسي نظيره التركي في أنقرة.",
])
def test_an_expectation_reaches_past_commas(analyze, text: str) -> None:  # noqa: ANN001
    """Appositions and asides set off by commas do not end «انتظار می‌رود» / «من المقرر»."""
    doc = analyze(text)
    meetings = [e for e in doc.events if e.plover == "CONSULT"]
    assert meetings and {e.status for e in meetings} == {"future"}, [e.to_dict(doc) for e in doc.events]
