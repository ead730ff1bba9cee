"""Who did it to whom: sides by word order and marker words, in both languages."""

from __future__ import annotations

import pytest


def _dyads(doc) -> set[tuple[str, str | None, str | None]]:  # noqa: ANN001
    return {(e.plover, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in doc.events}


@pytest.mark.parametrize(("text", "dyad"), [
    # Arabic VSO and SVO
    ("فرضت الولايات المتحدة عقوبات جديدة على روسيا.", ("SANCTION", "USA", "RUS")),
    ("وقالت الخارجية إن روسيا فرضت عقوبات على بريطانيا.", ("SANCTION", "RUS", "GBR")),
    ("اتهمت أوكرانيا روسيا بقصف محطة زابوريجيا.", ("DISAPPROVE", "UKR", "RUS")),
    # the subject right before the verb beats a later object
    ("وكان الرئيس الروسي فلاديمير بوتين حث تركيا على الحوار.", ("DEMAND", "RUS", "TUR")),
    # Persian SOV, را and علیه
    ("آمریکا روسیه را تحریم کرد.", ("SANCTION", "USA", "RUS")),
    ("عربستان سعودی ایران را به دخالت متهم کرد.", ("DISAPPROVE", "SAU", "IRN")),
    # an unnamed group takes the nationality beside it
    ("اعتقلت الشرطة العراقية عشرات المتظاهرين في بغداد.", ("COERCE", "IRQ", "IRQ")),
    ("پلیس ترکیه ده‌ها معترض را در استانبول بازداشت کرد.", ("COERCE", "TUR", "TUR")),
    # a passive arrest with no agent: the authorities of the place
    ("یک خبرنگار آمریکایی در تهران بازداشت شد.", ("COERCE", "IRN", "USA")),
])
def test_sides(analyze, text: str, dyad: tuple[str, str, str]) -> None:  # noqa: ANN001
    assert dyad in _dyads(analyze(text)), _dyads(analyze(text))


@pytest.mark.parametrize("text", [
    "التقى بوتين وأردوغان في سوتشي.",
    "پوتین با اردوغان در سوچی دیدار کرد.",
    "وكانت روسيا وتركيا اجرتا مفاوضات سرية في طشقند.",
])
def test_meetings_run_both_ways(analyze, text: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    meetings = [e for e in doc.events if e.plover == "CONSULT" and e.target is not None]
    assert meetings, [e.to_dict(doc) for e in doc.events]
    assert {meetings[0].source.country, meetings[0].target.country} == {"RUS", "TUR"}
    assert meetings[0].extra.get("symmetric") is True


def test_conjoined_targets_make_one_event_each(analyze) -> None:  # noqa: ANN001
    doc = analyze("حث الأمين العام للأمم المتحدة إسرائيل ولبنان على ضبط النفس.")
    assert {("DEMAND", "UN", "ISR"), ("DEMAND", "UN", "LBN")} <= _dyads(doc)


def test_a_capital_is_a_place_unless_it_acts(analyze) -> None:  # noqa: ANN001
    doc = analyze("أنقرة ترفض العقوبات الأمريكية.")
    assert any(e.source and e.source.country == "TUR" for e in doc.events)
    doc = analyze("التقى وزير الخارجية الروسي نظيره الإيراني في طشقند.")
    meeting = next(e for e in doc.events if e.plover == "CONSULT")
    assert "UZB" not in {meeting.source.country, meeting.target.country}
    assert meeting.location["text"] == "طشقند"


@pytest.mark.parametrize(("text", "source", "target", "place"), [
    # the city acts: the event's side is its government (the entity's stands_for)
    ("قررت واشنطن فرض عقوبات على موسكو.", ("Q30", "USA"), ("Q159", "RUS"), None),
    ("مسکو آنکارا را به نقض توافق متهم کرد.", ("Q159", "RUS"), ("Q43", "TUR"), None),
    # the city is where: the sides are the people, the location is the city itself
    ("التقى وزير الخارجية الروسي نظيره الإيراني في طشقند.",
     ("rasad:sergey-lavrov", "RUS"), ("rasad:hossein-amir-abdollahian", "IRN"), "Q269"),
    ("لاوروف و امیرعبداللهیان در باکو دیدار کردند.",
     ("rasad:sergey-lavrov", "RUS"), ("rasad:hossein-amir-abdollahian", "IRN"), "Q9248"),
])
def test_a_city_acts_as_its_government_and_places_the_event_as_itself(
        analyze, text: str, source: tuple, target: tuple, place: str | None) -> None:  # noqa: ANN001
    doc = analyze(text)
    pairs = [((e.source.kb_id, e.source.country), (e.target.kb_id, e.target.country),
              (e.location or {}).get("kb_id")) for e in doc.events if e.source and e.target]
    assert any({s, t} == {source, target} and p == place for s, t, p in pairs), pairs
    for entity in doc.entities:  # the mentions stay the cities
        if doc.text[entity.start:entity.end] in ("واشنطن", "موسكو", "مسکو", "آنکارا", "طشقند"):
            assert entity.kb_id not in ("Q30", "Q159", "Q43", "Q265")



@pytest.mark.parametrize(("text", "dyad", "place"), [
    # provinces and waters are places: the event's location, never a side
    ("ناوشکن‌های روسیه در دریای خزر رزمایش برگزار کردند.", ("MOBILIZE", "RUS", None),
     "rasad:caspian-sea"),
    ("اعتقلت الشرطة التركية عشرات المتظاهرين في ولاية هاتاي.", ("COERCE", "TUR", "TUR"),
     "rasad:hatay-province"),
    ("قصفت القوات الروسية مواقع في مقاطعة خاركيف.", ("ASSAULT", "RUS", "UKR"),
     "rasad:kharkiv-oblast"),
])
def test_regions_and_waters_place_the_event(analyze, text: str, dyad: tuple,
                                             place: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    found = {((e.plover, e.source.country if e.source else None,
               e.target.country if e.target else None), (e.location or {}).get("kb_id"))
             for e in doc.events}
    assert (dyad, place) in found, found

def test_an_unknown_organisation_takes_the_nationality_in_its_name(analyze) -> None:  # noqa: ANN001
    doc = analyze("وأعلنت حركة المقاومة الفلسطينية حماس رفضها البحث في وقف المقاومة ضد اسرائيل.")
    assert ("REJECT", "PSE", "ISR") in _dyads(doc)


def test_a_dateline_agency_is_not_a_side(analyze) -> None:  # noqa: ANN001
    doc = analyze("كراتشي (رويترز) - تظاهر آلاف الباكستانيين ضد الولايات المتحدة.")
    assert all(e.source is None or e.source.sector != "MED" for e in doc.events)


@pytest.mark.parametrize(("text", "dyad"), [
    # «و» after a finite Persian verb opens a clause whose own subject comes right after it
    ("ترکیه دو روزنامه‌نگار آلمانی را آزاد کرد و برلین نیز سه شهروند ترکیه را آزاد کرد.",
     ("RETREAT", "DEU", "TUR")),
    # a condition (اگر ...،) is its own clause: the main clause's subject follows the comma
    ("وزیر خارجه عراق گفت اگر ترکیه نیروهایش را خارج کند، عراق نیز به تعهدات خود عمل خواهد کرد.",
     ("AGREE", "IRQ", None)),
])
def test_persian_clauses(analyze, text: str, dyad: tuple) -> None:  # noqa: ANN001
    assert dyad in _dyads(analyze(text)), _dyads(analyze(text))


def test_a_conjunct_without_its_own_subject_shares_the_first(analyze) -> None:  # noqa: ANN001
    doc = analyze("مصر سفیر اسرائیل را احضار کرد و به حمله اخیر اعتراض کرد.")
    assert all(e.source is not None and e.source.country == "EGY" for e in doc.events), \
        _dyads(doc)


@pytest.mark.parametrize(("text", "dyad"), [
    # «في مدينة X»، «در شهر X»: the kind of place before a name keeps it a place
    ("قالت وزارة الدفاع الأوكرانية إن القوات الروسية قصفت مستشفى في مدينة خاركيف.",
     ("ASSAULT", "RUS", "UKR")),
    # a quantity phrase «آلاف من المتظاهرين» is headed by its group, which can act
    ("تظاهر آلاف من المتظاهرين الأتراك في مدينة إسطنبول ضد إسرائيل.", ("PROTEST", "TUR", "ISR")),
])
def test_places_and_quantities(analyze, text: str, dyad: tuple) -> None:  # noqa: ANN001
    assert dyad in _dyads(analyze(text)), _dyads(analyze(text))


@pytest.mark.parametrize(("text", "source"), [
    # a nationality after a preposition or a quantity is a noun, the people
    ("آلاف من السوريين تظاهروا أمام السفارة الروسية.", "SYR"),
    ("ده‌ها تن از افغان‌ها مقابل سفارت پاکستان تجمع کردند.", "AFG"),
])
def test_a_nationality_noun_names_the_people(analyze, text: str, source: str) -> None:  # noqa: ANN001
    doc = analyze(text)
    assert any(e.plover == "PROTEST" and e.source.country == source for e in doc.events), \
        _dyads(doc)


@pytest.mark.parametrize(("text", "dyad"), [
    # an unknown person takes the country of his title
    ("وزیر خارجه ایران در سفر به ونزوئلا با خوزه پرز رئیس جمهور این کشور دیدار کرد.",
     ("CONSULT", "IRN", "VEN")),
    ("التقى وزير الخارجية المصري مع «جون دو» وزير الخارجية البريطاني.", ("CONSULT", "EGY", "GBR")),
])
def test_an_unknown_person_takes_the_country_of_his_title(analyze, text: str, dyad: tuple) -> None:  # noqa: ANN001
    dyads = _dyads(analyze(text))
    assert dyad in dyads or (dyad[0], dyad[2], dyad[1]) in dyads, dyads


def test_a_persian_relative_clause_does_not_take_the_subject(analyze) -> None:  # noqa: ANN001
    """«پوتین، …، که … وارد باکو شده بود، … با علی‌اف دیدار کرد»: Putin met Aliyev; Baku
    inside the relative clause is a place, not the subject."""
    doc = analyze("ولادیمیر پوتین، رئیس‌جمهور روسیه، که شامگاه یکشنبه ۱۸ اوت ۲۰۲۴ (۲۸ مرداد) "
                  "برای یک سفر دو روزه وارد باکو شده بود، دیروز با الهام علی‌اف، رئیس‌جمهور "
                  "آذربایجان، دیدار و گفت‌وگو کرد.")
    consult = [e for e in doc.events if e.plover == "CONSULT"]
    assert consult and all(e.source.name_en == "Vladimir Putin" for e in consult)
    assert all(e.target is not None and e.target.name_en == "Ilham Aliyev" for e in consult)


@pytest.mark.parametrize(("text", "dyad"), [
    # no marker word: the other country the clause names is the target
    ("ارتش روسیه هزاران سرباز را در نزدیکی مرز اوکراین مستقر کرد.", ("MOBILIZE", "RUS", "UKR")),
    ("قررت الولايات المتحدة تمديد العقوبات المفروضة على قطاع النفط في فنزويلا.", ("SANCTION", "USA", "VEN")),
    # none named: an arrest or a protest is the source's own country's affair
    ("تظاهر آلاف الطلاب التونسيين أمام البرلمان.", ("PROTEST", "TUN", "TUN")),
    ("پلیس ترکیه چند تن را به اتهام قاچاق بازداشت کرد.", ("COERCE", "TUR", "TUR")),
    # a source with no name of its own (an unlinked police unit) still gets its country's people
    ("پلیس مبارزه با مواد مخدر شهرستان بروجرد این دو مجرم سابقه دار را دستگیر کرد.",
     ("COERCE", "IRN", "IRN")),
])
def test_an_unmarked_target_is_inferred_and_said_so(analyze, text: str, dyad: tuple) -> None:  # noqa: ANN001
    doc = analyze(text)
    assert dyad in _dyads(doc), _dyads(doc)
    event = next(e for e in doc.events if (e.plover, e.source.country, e.target.country) == dyad)
    assert event.extra["sides"].split("target: ")[1] != "none found"


def test_a_talk_with_no_other_party_keeps_no_target(analyze) -> None:  # noqa: ANN001
    # a statement of the source's own country names no counterpart: nothing is invented
    doc = analyze("طالبت الحكومة العراقية بإجراء تحقيق عاجل.")
    assert all(e.target is None or e.target.country != "IRQ" or e.plover in
               ("COERCE", "INVESTIGATE", "PROTEST", "CONCEDE", "RETREAT", "ASSAULT")
               for e in doc.events), _dyads(doc)
