"""rasad.kb.home: a bare title nothing earlier explains is an office of the article's own
state, read from its dateline, a domestic outlet or its URL (issue 9 §4, unnamed references)."""

from __future__ import annotations

from rasad.document import Document
from rasad.kb.home import home_sources
from rasad.kb.link import annotate
from rasad.text import segment


def persons(text: str, lang: str, published: str = "2019-05-04",
            url: str | None = None) -> list[tuple[str, str | None, str | None]]:
    doc = segment.annotate(Document(text, lang=lang, published=published, url=url))
    doc = annotate(doc)
    return [(doc.text[e.start:e.end], e.kb_id, e.country) for e in doc.entities if e.type == "PER"]


def test_persian_dateline_makes_a_bare_president_iran_s() -> None:
    found = persons("تهران - ایرنا - رئیس‌جمهوری در سفر به مشهد گفت که ایران تسلیم نمی‌شود.", "fa")
    assert found == [("رئیس‌جمهوری", "rasad:hassan-rouhani", "IRN")]


def test_the_office_is_read_on_the_article_s_date() -> None:
    """Raisi took office on 2021-08-03: a day either side gives the other president."""
    text = "تهران - ایرنا - رئیس‌جمهور در جلسه هیئت دولت گفت که تحریم‌ها شکست خورده است."
    assert persons(text, "fa", "2021-08-02")[0][1] == "rasad:hassan-rouhani"
    assert persons(text, "fa", "2021-08-04")[0][1] == "rasad:ebrahim-raisi"


def test_arabic_dateline_with_a_joined_agency() -> None:
    found = persons("دمشق-سانا- استقبل الرئيس وفدا روسيا في دمشق.", "ar")
    assert found == [("الرئيس", "rasad:bashar-al-assad", "SYR")]


def test_a_wire_story_takes_the_state_of_its_dateline_not_of_the_agency() -> None:
    found = persons("طهران (رويترز) - قال الرئيس إن بلاده لن تتراجع.", "ar")
    assert found == [("الرئيس", "rasad:hassan-rouhani", "IRN")]


def test_a_domestic_outlet_in_the_credit_line() -> None:
    found = persons("به گزارش ایسنا، رئیس‌جمهور امروز گفت که دولت آماده است.", "fa")
    assert found == [("رئیس‌جمهور", "rasad:hassan-rouhani", "IRN")]


def test_the_country_code_domain_of_the_url() -> None:
    text = "رئیس جمهور امروز گفت که دولت آماده است."
    assert persons(text, "fa", url="https://www.irna.ir/news/85") == [
        ("رئیس جمهور", "rasad:hassan-rouhani", "IRN")]
    assert persons(text, "fa", url="https://www.example.com/news/85") == []


def test_no_home_no_guess() -> None:
    """A pan-Arab channel, no dateline, no URL: «الرئيس» stays unresolved (and is dropped)."""
    assert persons("قال الرئيس إن بلاده لن تتراجع.", "ar") == []
    assert persons("ذكرت قناة الجزيرة أن الرئيس قال إن بلاده لن تتراجع.", "ar") == []
    assert persons("تهران - ایرنا - رئیس‌جمهوری گفت که ایران تسلیم نمی‌شود.", "fa",
                   published=None) == []


def test_an_earlier_holder_still_wins_over_the_home_state() -> None:
    text = ("تهران - ایرنا - دونالد ترامپ رئیس جمهور آمریکا روز شنبه سخنرانی کرد. "
            "رئیس‌جمهور گفت که مذاکره نمی‌کند.")
    found = persons(text, "fa")
    assert found[-1] == ("رئیس‌جمهور", "Q22686", "USA")


def test_every_home_source_is_a_kb_outlet_and_a_country_code() -> None:
    from rasad.kb.base import load_kb  # noqa: PLC0415

    kb = load_kb()
    media, tlds = home_sources()
    for actor_id, country in media.items():
        record = kb.get(actor_id)
        assert record is not None and record.kind == "media", actor_id
        assert record.country == country, actor_id
    assert all(kb.by_code(code) is not None for code in (*media.values(), *tlds.values()))
