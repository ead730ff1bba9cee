"""rasad.kb.metonymy: a capital mention is its city; where it acts it also stands for its
government (`extra["stands_for"]`), where it is only a place it does not."""

from __future__ import annotations

import pytest

from rasad.document import Document
from rasad.kb.base import load_kb
from rasad.kb.link import annotate
from rasad.pipeline import Pipeline
from rasad.text import segment


def capitals(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    """(text, city, government it stands for) of each city mention."""
    kb = load_kb()
    doc = annotate(segment.annotate(Document(text, lang=lang)))
    return [(doc.text[e.start:e.end], e.name_en, (e.extra.get("stands_for") or {}).get("name_en"))
            for e in doc.entities if e.kb_id and kb.get(e.kb_id).kind == "city"]


ACTS = [
    # Arabic: a feminine verb before it (VSO) or after it when it opens the clause (SVO)
    ("أعلنت موسكو أنها سترد", "ar", "موسكو", "Moscow", "Russia"),
    ("قررت واشنطن فرض عقوبات جديدة", "ar", "واشنطن", "Washington", "United States"),
    ("واشنطن فرضت عقوبات على الشركات", "ar", "واشنطن", "Washington", "United States"),
    ("أنقرة ترفض الاتهامات", "ar", "أنقرة", "Ankara", "Türkiye"),
    ("وبدأت انقرة السعي إلى المصالحة", "ar", "انقرة", "Ankara", "Türkiye"),  # بدأت: a verb
    ("وقال المتحدث إن طهران لن تتراجع", "ar", "طهران", "Tehran", "Iran"),  # after إن
    ("اتفقت روسيا مع طهران على الخطة", "ar", "طهران", "Tehran", "Iran"),  # a party: مع
    ("وصف حليف موسكو الاتفاق بأنه جيد", "ar", "موسكو", "Moscow", "Russia"),  # Moscow's ally
    # Persian: the city opens its clause (SOV), is a party (با، علیه، بین) or an object (را)
    ("مسکو اعلام کرد که پاسخ خواهد داد", "fa", "مسکو", "Moscow", "Russia"),
    ("اما آنکارا این پیشنهاد را رد کرد", "fa", "آنکارا", "Ankara", "Türkiye"),
    ("روسیه با باکو توافق کرد", "fa", "باکو", "Baku", "Azerbaijan"),
    ("کی یف مسکو را به حمایت از جدایی طلبان متهم کرد", "fa", "مسکو", "Moscow", "Russia"),
    ("تصمیم ایروان برای نزدیکی به غرب", "fa", "ایروان", "Yerevan", "Armenia"),
]

PLACES = [
    ("التقى الوزيران في طشقند", "ar", "طشقند", "Tashkent"),
    ("وصل الوزير إلى العاصمة الروسية موسكو", "ar", "موسكو", "Moscow"),
    ("عقد مؤتمر صحافي بموسكو", "ar", "موسكو", "Moscow"),  # the proclitic ب: in
    ("رئيس الاستخبارات الأمريكية يزور كييف", "ar", "كييف", "Kyiv"),  # visited: the city
    ("موسكو (رويترز) - قالت الحكومة", "ar", "موسكو", "Moscow"),  # a dateline
    ("وزیر خارجه در مسکو با لاوروف دیدار کرد", "fa", "مسکو", "Moscow"),
    ("وزیر خارجه ترکیه روز دوشنبه سفر به آنکارا را لغو کرد", "fa", "آنکارا", "Ankara"),
    ("اجلاس در شهر تهران برگزار شد", "fa", "تهران", "Tehran"),
    ("هلسینکی - ایرنا - نخست وزیر فنلاند گفت", "fa", "هلسینکی", "Helsinki"),
    # a genitive, or a noun that only looks like a verb: still a place
    ("تغدو نقطة مضيئة في تاريخ دمشق", "ar", "دمشق", "Damascus"),
    ("فاز على مضيفه ستيوا بوخارست", "ar", "بوخارست", "Bucharest"),
    ("وضعیت هوای دهلی و پکن بد است", "fa", "پکن", "Beijing"),  # «و» joins two nouns
    ("كتاب عن ملوك مصر والقاهرة", "ar", "القاهرة", "Cairo"),  # joined to a state that is no actor
]


@pytest.mark.parametrize("text, lang, name, city, government", ACTS)
def test_a_capital_that_acts_stands_for_its_government(text: str, lang: str, name: str,
                                                       city: str, government: str) -> None:
    assert (name, city, government) in capitals(text, lang)


@pytest.mark.parametrize("text, lang, name, city", PLACES)
def test_a_capital_that_is_only_a_place_stays_a_place(text: str, lang: str, name: str,
                                                      city: str) -> None:
    assert (name, city, None) in capitals(text, lang)


@pytest.mark.parametrize("text, lang, expected", [
    # a capital joined to another reads as it does
    ("موسكو وأنقرة ترفضان الخطة", "ar", [("موسكو", "Moscow", "Russia"),
                                         ("أنقرة", "Ankara", "Türkiye")]),
    ("في موسكو وأنقرة اجتماعات", "ar", [("موسكو", "Moscow", None), ("أنقرة", "Ankara", None)]),
    ("در مسکو و آنکارا نشست برگزار شد", "fa", [("مسکو", "Moscow", None),
                                                ("آنکارا", "Ankara", None)]),
    ("مسکو و باکو برنامه عملی را تشکیل دادند", "fa", [("مسکو", "Moscow", "Russia"),
                                                      ("باکو", "Baku", "Azerbaijan")]),
    # over a parenthesis, and after «و» that follows a verb
    ("روابط بهبود یافته است و هلسینکی (پایتخت فنلاند) و مسکو نیز روابط را افزایش داده‌اند", "fa",
     [("هلسینکی", "Helsinki", "Finland"), ("مسکو", "Moscow", "Russia")]),
])
def test_coordinated_capitals_share_their_reading(text: str, lang: str, expected: list) -> None:
    assert capitals(text, lang) == expected


def test_other_cities_never_stand_for_a_government() -> None:
    """Istanbul acting is still Istanbul: only capitals and the news's seats (تل أبيب) do."""
    doc = annotate(segment.annotate(Document("أعلنت إسطنبول حالة الطوارئ", lang="ar")))
    [ent] = doc.entities
    assert (ent.name_en, ent.country, ent.extra.get("stands_for")) == ("Istanbul", "TUR", None)


def test_stands_for_is_in_the_output_contract() -> None:
    """The field is written on the entity, validated by the document schema."""
    import json
    from importlib import resources

    import jsonschema

    doc = Pipeline().analyze("أعلنت موسكو أنها سترد على العقوبات.", published="2024-03-01")
    data = doc.to_dict()
    [moscow] = [e for e in data["entities"] if e["text"] == "موسكو"]
    assert moscow["kb_id"] == "Q649" and moscow["stands_for"]["id"] == "Q159"
    schema = json.loads(resources.files("rasad.schema").joinpath("document.schema.json")
                        .read_text("utf-8"))
    jsonschema.validate(data, schema)
    bad = {**data, "entities": [{**moscow, "stands_for": {"id": "Q159"}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
