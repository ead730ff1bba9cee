"""Role phrases resolved on the article's date; counterparts; bare titles; group phrases."""

from __future__ import annotations

import pytest

from rasad.document import Document, Entity
from rasad.kb.link import annotate
from rasad.kb.roles import Title, build_titles, read_titles
from rasad.text import segment


def analyze(text: str, lang: str, published: str | None = None,
            crf: list[tuple[str, str]] = ()) -> Document:
    doc = segment.annotate(Document(text, lang=lang, published=published))
    for words, kind in crf:  # stand-ins for the NER stage's output
        start = text.index(words)
        doc.add(Entity(start=start, end=start + len(words), type=kind, extra={"source": "crf"}))
    return annotate(doc)


def entity(doc: Document, text: str) -> Entity:
    found = [e for e in doc.entities if doc.text[e.start:e.end] == text]
    assert found, f"no entity «{text}» in {[doc.text[e.start:e.end] for e in doc.entities]}"
    return found[0]


@pytest.mark.parametrize("text, lang, published, phrase, name_en", [
    ("قال الرئيس التركي إن", "ar", "2016-08-09", "الرئيس التركي", "Recep Tayyip Erdoğan"),
    ("قال وزير الخارجية الأمريكي إن", "ar", "2022-01-10", "وزير الخارجية الأمريكي", "Antony Blinken"),
    ("قال وزير الخارجية الأمريكي إن", "ar", "2014-01-10", "وزير الخارجية الأمريكي", "John Kerry"),
    ("رئیس جمهور روسیه گفت", "fa", "2016-08-09", "رئیس جمهور روسیه", "Vladimir Putin"),
    ("رئیس‌جمهور روسیه گفت", "fa", "2016-08-09", "رئیس‌جمهور روسیه", "Vladimir Putin"),
    ("نخست وزیر ارمنستان گفت", "fa", "2024-05-13", "نخست وزیر ارمنستان", "Nikol Pashinyan"),
    ("معاون وزیر خارجه آمریکا گفت", "fa", "2022-01-09", "معاون وزیر خارجه آمریکا", "Wendy Sherman"),
    ("الرئيسُ الروسيُّ قال", "ar", "2023-06-28", "الرئيسُ الروسيُّ", "Vladimir Putin"),
    # feminine titles: the office is the same
    ("وقالت رئيسة الوزراء البريطانية إنها", "ar", "2022-10-22", "رئيسة الوزراء البريطانية",
     "Liz Truss"),
    ("وصلت وزيرة الخارجية الأمريكية إلى لندن", "ar", "2005-01-28", "وزيرة الخارجية الأمريكية",
     "Condoleezza Rice"),
    ("أعلن وزير الدفاع السوداني إن", "ar", "2018-06-01", "وزير الدفاع السوداني", "Awad Ibn Auf"),
    ("التقى بوتين نظيره الفلبيني", "ar", "2016-11-20", "نظيره الفلبيني", "Rodrigo Duterte"),
    # titles that name Iran without saying it (the `implies` column of roles.tsv)
    ("رهبر انقلاب امروز گفت", "fa", "2024-01-01", "رهبر انقلاب", "Ali Khamenei"),
    ("مقام معظم رهبری فرمودند", "fa", "2010-01-01", "مقام معظم رهبری", "Ali Khamenei"),
    ("قال المرشد الأعلى إن", "ar", "2024-01-01", "المرشد الأعلى", "Ali Khamenei"),
    # Jordan's prime minister is also its defence minister; Gulf defence ministers before 2017
    ("قال وزير الدفاع الأردني إن", "ar", "2015-03-01", "وزير الدفاع الأردني", "Abdullah Ensour"),
    ("وزیر دفاع کویت گفت", "fa", "2015-03-01", "وزیر دفاع کویت", "Khaled Al-Jarrah Al-Sabah"),
    ("قال وزير الدولة لشؤون الدفاع القطري إن", "ar", "2014-05-01",
     "وزير الدولة لشؤون الدفاع القطري", "Hamad bin Ali Al Attiyah"),
])
def test_role_phrase_resolves_on_the_date(text: str, lang: str, published: str, phrase: str,
                                          name_en: str) -> None:
    ent = entity(analyze(text, lang, published), phrase)
    assert (ent.type, ent.name_en, ent.extra["source"]) == ("PER", name_en, "role")


def test_without_a_date_the_role_is_kept_and_no_person_guessed() -> None:
    ent = entity(analyze("قال الرئيس التركي إن", "ar"), "الرئيس التركي")
    assert (ent.kb_id, ent.country, ent.extra["role"], ent.extra["sector"]) == (
        None, "TUR", "head_of_state", "GOV")


def test_proclitic_before_a_title_stays_outside() -> None:
    doc = analyze("والرئيس الروسي قال", "ar", "2016-08-09")
    assert entity(doc, "الرئيس الروسي").name_en == "Vladimir Putin"


def test_host_of_a_permanent_representative() -> None:
    ent = entity(analyze("نماینده دائمی روسیه در ناتو گفت", "fa", "2015-01-01"),
                 "نماینده دائمی روسیه در ناتو")
    assert (ent.name_en, ent.extra["to"]) == ("Alexander Grushko", "NATO")


def test_named_person_wins_and_confirms_the_role() -> None:
    doc = analyze("قال الرئيس الروسي فلاديمير بوتين", "ar")  # no date: the name decides
    assert entity(doc, "الرئيس الروسي").name_en == "Vladimir Putin"
    assert entity(doc, "فلاديمير بوتين").name_en == "Vladimir Putin"
    doc = analyze("وندی شرمن، معاون وزیر خارجه آمریکا گفت", "fa")  # apposition before
    assert entity(doc, "معاون وزیر خارجه آمریکا").name_en == "Wendy Sherman"


def test_a_person_the_kb_lacks_beside_the_phrase_wins() -> None:
    doc = analyze("قال مساعد وزير الخارجية الأمريكي جيمس أوبراين", "ar", "2024-05-16",
                  crf=[("جيمس أوبراين", "PER")])
    role = entity(doc, "مساعد وزير الخارجية الأمريكي")
    assert (role.kb_id, role.country) == (None, "USA")
    name = entity(doc, "جيمس أوبراين")
    assert (name.kb_id, name.country, name.extra["role"]) == (None, "USA", "deputy_foreign_minister")


def test_counterpart_takes_the_subject_office() -> None:
    doc = analyze("التقى الرئيس الروسي فلاديمير بوتين نظيره التركي في موسكو", "ar", "2016-08-09")
    ent = entity(doc, "نظيره التركي")
    assert (ent.name_en, ent.extra["role"]) == ("Recep Tayyip Erdoğan", "head_of_state")


def test_persian_counterpart_with_name_before() -> None:
    doc = analyze("وندی شرمن معاون وزیر خارجه آمریکا با سرگئی ریابکوف همتای روس خود دیدار کرد",
                  "fa", "2022-01-09")
    assert entity(doc, "همتای روس خود").name_en == "Sergei Ryabkov"


def test_bare_title_refers_back() -> None:
    doc = analyze("قال الرئيس التركي رجب طيب أردوغان إن العلاقات جيدة. وأضاف الرئيس أن", "ar",
                  "2016-08-09")
    bare = [e for e in doc.entities if doc.text[e.start:e.end] == "الرئيس"]
    assert [(e.name_en, e.extra["source"]) for e in bare] == [("Recep Tayyip Erdoğan", "coref")]


def test_bare_title_before_a_name_is_not_an_entity() -> None:
    doc = analyze("تحدث الرئيس أردوغان عن التجارة", "ar", "2016-08-09")
    assert [doc.text[e.start:e.end] for e in doc.entities] == ["أردوغان"]
    assert entity(doc, "أردوغان").extra["title"] == "الرئيس"


def test_plural_title_is_no_office() -> None:
    doc = analyze("رهبران آمریکا و روسیه گفت‌وگو کردند", "fa", "2022-01-09")
    assert all(e.type != "PER" for e in doc.entities)


def test_group_phrases_stand_for_the_state() -> None:
    doc = analyze("وصل وفد كويتي إلى باريس وقالت وزارة الخارجية الروسية إن الجيش الروسي", "ar")
    assert entity(doc, "وفد كويتي").name_en == "Kuwait"
    body = entity(doc, "وزارة الخارجية الروسية")
    assert (body.kb_id, body.name_en, body.country) == (None, "Ministry of Foreign Affairs of Russia", "RUS")
    army = entity(doc, "الجيش الروسي")
    assert (army.kb_id, army.extra["sector"]) == ("Q159", "MIL")


def test_title_table_rows_merge_roles() -> None:
    rows = read_titles("lang\tphrase\trole\tnotes\nfa\tرهبر\tsupreme_leader\t\n"
                       "fa\tرهبر\tleader\tgroups\n# comment\n", source="t.tsv")
    trie = build_titles(rows)
    [title] = trie.root["رهبر"][""]
    assert isinstance(title, Title)
    assert (title.roles, title.rule, title.bare) == (("supreme_leader", "leader"), "t.tsv:2", False)


def test_arabic_adjective_after_a_definite_noun_is_no_ministry() -> None:
    doc = analyze("في السياسة الخارجية الروسية والسياسة الخارجية لروسيا", "ar", "2023-07-01")
    assert [(doc.text[e.start:e.end], e.name_en) for e in doc.entities] == [
        ("الروسية", "Russia"), ("روسيا", "Russia")]
    ministry = entity(analyze("قالت الخارجية الروسية إن", "ar", "2023-07-01"), "الخارجية الروسية")
    assert ministry.name_en == "Ministry of Foreign Affairs of Russia"


def test_republic_form_of_the_presidency_title() -> None:
    ent = entity(analyze("معاون اول رئیس‌جمهوری ایران گفت", "fa", "2016-01-01"),
                 "معاون اول رئیس‌جمهوری ایران")
    assert ent.name_en == "Eshaq Jahangiri"


def test_persian_abstract_noun_is_no_title() -> None:
    doc = analyze("رهبری آذربایجان این را توضیح می‌دهد. رهبر آذربایجان گفت", "fa", "2024-06-01")
    assert [(doc.text[e.start:e.end], e.name_en) for e in doc.entities] == [
        ("آذربایجان", "Azerbaijan"), ("رهبر آذربایجان", "Ilham Aliyev")]


def test_chief_of_staff_falls_back_to_the_commander_in_chief() -> None:
    ent = entity(analyze("وقال رئيس الأركان الأوكراني إن", "ar", "2023-07-01"),
                 "رئيس الأركان الأوكراني")
    assert (ent.name_en, ent.extra["role"]) == ("Valerii Zaluzhnyi", "military_commander")
    ent = entity(analyze("وقال رئيس الأركان الروسي إن", "ar", "2023-07-01"), "رئيس الأركان الروسي")
    assert ent.name_en == "Valery Gerasimov"


def test_guterres_and_gcc() -> None:
    ent = entity(analyze("وقال الأمين العام للأمم المتحدة إن", "ar", "2023-05-01"),
                 "الأمين العام للأمم المتحدة")
    assert (ent.name_en, ent.extra["role"]) == ("António Guterres", "secretary_general")
    doc = analyze("وقال مجلس التعاون إن القمة ستعقد", "ar")
    assert [e.name_en for e in doc.entities] == ["Gulf Cooperation Council"]


def test_definite_arabic_title_governs_no_bare_country_name() -> None:
    doc = analyze("وزار الرئيس سلطنة عمان", "ar", "2024-05-05")
    assert [(doc.text[e.start:e.end], e.type, e.name_en) for e in doc.entities] == [
        ("سلطنة عمان", "LOC", "Oman")]
    assert entity(analyze("قال رئيس روسيا", "ar", "2024-05-05"), "رئيس روسيا").name_en == \
        "Vladimir Putin"  # the construct form (no article) does


@pytest.mark.parametrize("text, name", [
    ("قال الملك عبد الله الثاني", "الملك عبد الله الثاني"),
    ("قالت الملكة إليزابيث", "الملكة إليزابيث"),
])
def test_a_name_that_starts_with_a_title_is_one_entity(text: str, name: str) -> None:
    doc = analyze(text, "ar", "2015-01-01")
    assert [doc.text[e.start:e.end] for e in doc.entities] == [name]
