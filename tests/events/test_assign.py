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


def test_an_unknown_organisation_takes_the_nationality_in_its_name(analyze) -> None:  # noqa: ANN001
    doc = analyze("وأعلنت حركة المقاومة الفلسطينية حماس رفضها البحث في وقف المقاومة ضد اسرائيل.")
    assert ("REJECT", "PSE", "ISR") in _dyads(doc)


def test_a_dateline_agency_is_not_a_side(analyze) -> None:  # noqa: ANN001
    doc = analyze("كراتشي (رويترز) - تظاهر آلاف الباكستانيين ضد الولايات المتحدة.")
    assert all(e.source is None or e.source.sector != "MED" for e in doc.events)
