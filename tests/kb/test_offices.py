"""Who holds which office where constitutions split them (issue 9, knowledge-base facts).

Iran's president heads the government, not the state (the Supreme Leader does); Lebanon,
Israel and Iraq have a president, a prime minister and a speaker; Türkiye's prime minister
was abolished on 2018-07-09; Armenia's prime minister has headed the government since 2018.
Each fact is held through the role phrase a Persian and an Arabic article would use.
"""

from __future__ import annotations

from datetime import date

import pytest

from rasad.kb.base import load_kb
from tests.kb.test_roles import analyze, entity


@pytest.mark.parametrize("text, lang, published, phrase, name_en", [
    # Iran: the president on the date, though he is not the head of state
    ("رئیس‌جمهور ایران گفت", "fa", "2016-05-01", "رئیس‌جمهور ایران", "Hassan Rouhani"),
    ("قال الرئيس الإيراني إن", "ar", "2016-05-01", "الرئيس الإيراني", "Hassan Rouhani"),
    ("رئیس جمهور ایران گفت", "fa", "1985-05-01", "رئیس جمهور ایران", "Ali Khamenei"),
    ("نخست وزیر ایران گفت", "fa", "1985-05-01", "نخست وزیر ایران", "Mir-Hossein Mousavi"),
    ("قال رئيس الوزراء الإيراني إن", "ar", "1985-05-01", "رئيس الوزراء الإيراني",
     "Mir-Hossein Mousavi"),
    ("رهبر ایران گفت", "fa", "2016-05-01", "رهبر ایران", "Ali Khamenei"),
    # Türkiye: a prime minister until 2018-07-09
    ("قال الرئيس التركي إن", "ar", "2016-11-01", "الرئيس التركي", "Recep Tayyip Erdoğan"),
    ("قال رئيس الوزراء التركي إن", "ar", "2016-11-01", "رئيس الوزراء التركي", "Binali Yıldırım"),
    ("نخست‌وزیر ترکیه گفت", "fa", "2016-11-01", "نخست‌وزیر ترکیه", "Binali Yıldırım"),
    ("قال رئيس الوزراء التركي إن", "ar", "2015-01-01", "رئيس الوزراء التركي", "Ahmet Davutoğlu"),
    # Armenia: the prime minister heads the government, the president is ceremonial
    ("قال رئيس الوزراء الأرمني إن", "ar", "2019-06-01", "رئيس الوزراء الأرمني", "Nikol Pashinyan"),
    ("نخست وزیر ارمنستان گفت", "fa", "2019-06-01", "نخست وزیر ارمنستان", "Nikol Pashinyan"),
    ("قال الرئيس الأرميني إن", "ar", "2019-06-01", "الرئيس الأرميني", "Armen Sarkissian"),
    ("رئیس‌جمهور ارمنستان گفت", "fa", "2023-06-01", "رئیس‌جمهور ارمنستان", "Vahagn Khachaturyan"),
    # Lebanon: president, prime minister, speaker
    ("قال الرئيس اللبناني إن", "ar", "2018-06-01", "الرئيس اللبناني", "Michel Aoun"),
    ("رئیس‌جمهور لبنان گفت", "fa", "2018-06-01", "رئیس‌جمهور لبنان", "Michel Aoun"),
    ("قال رئيس الوزراء اللبناني إن", "ar", "2018-06-01", "رئيس الوزراء اللبناني", "Saad Hariri"),
    ("نخست وزیر لبنان گفت", "fa", "2020-06-01", "نخست وزیر لبنان", "Hassan Diab"),
    ("قال رئيس مجلس النواب اللبناني إن", "ar", "2018-06-01", "رئيس مجلس النواب اللبناني",
     "Nabih Berri"),
    ("رئیس پارلمان لبنان گفت", "fa", "2018-06-01", "رئیس پارلمان لبنان", "Nabih Berri"),
    # Israel: a ceremonial president, the prime minister governs
    ("قال الرئيس الإسرائيلي إن", "ar", "2016-06-01", "الرئيس الإسرائيلي", "Reuven Rivlin"),
    ("نخست وزیر اسرائیل گفت", "fa", "2016-06-01", "نخست وزیر اسرائیل", "Benjamin Netanyahu"),
    ("قال رئيس الوزراء الإسرائيلي إن", "ar", "2022-07-01", "رئيس الوزراء الإسرائيلي", "Yair Lapid"),
    # Iraq since 2005: president, prime minister, speaker
    ("قال الرئيس العراقي إن", "ar", "2016-06-01", "الرئيس العراقي", "Fuad Masum"),
    ("نخست وزیر عراق گفت", "fa", "2016-06-01", "نخست وزیر عراق", "Haider al-Abadi"),
    ("رئیس مجلس عراق گفت", "fa", "2016-06-01", "رئیس مجلس عراق", "Salim al-Jabouri"),
    ("قال رئيس البرلمان العراقي إن", "ar", "2020-06-01", "رئيس البرلمان العراقي",
     "Mohamed al-Halbousi"),
    # Russia: the prime minister
    ("قال رئيس الوزراء الروسي إن", "ar", "2016-06-01", "رئيس الوزراء الروسي", "Dmitry Medvedev"),
    ("نخست وزیر روسیه گفت", "fa", "2021-06-01", "نخست وزیر روسیه", "Mikhail Mishustin"),
    ("قال رئيس الوزراء الروسي إن", "ar", "2002-06-01", "رئيس الوزراء الروسي", "Mikhail Kasyanov"),
])
def test_office_on_the_date(text: str, lang: str, published: str, phrase: str,
                            name_en: str) -> None:
    assert entity(analyze(text, lang, published), phrase).name_en == name_en


def test_iran_head_of_state_is_the_supreme_leader() -> None:
    kb = load_kb()
    day = date(2016, 5, 1)
    assert [r.name_en for r in kb.holders("head_of_state", "IRN", day)] == ["Ali Khamenei"]
    assert [r.name_en for r in kb.holders("president", "IRN", day)] == ["Hassan Rouhani"]
    assert [r.name_en for r in kb.holders("head_of_government", "IRN", day)] == ["Hassan Rouhani"]


@pytest.mark.parametrize("text, lang", [
    ("قال رئيس الوزراء التركي إن", "ar"),
    ("نخست‌وزیر ترکیه گفت", "fa"),
])
def test_turkey_has_no_prime_minister_after_2018(text: str, lang: str) -> None:
    doc = analyze(text, lang, "2019-06-01")
    ent = next(e for e in doc.entities if e.type == "PER")
    assert (ent.kb_id, ent.country, ent.extra["role"]) == (None, "TUR", "head_of_government")


@pytest.mark.parametrize("text, lang, phrase", [
    ("التقى بوتين نظيره الإيراني في طهران", "ar", "نظيره الإيراني"),
    ("پوتین با همتای ایرانی خود دیدار کرد", "fa", "همتای ایرانی خود"),
])
def test_counterpart_of_a_head_of_state_in_iran_is_the_president(text: str, lang: str,
                                                                 phrase: str) -> None:
    ent = entity(analyze(text, lang, "2016-05-01"), phrase)
    assert (ent.name_en, ent.extra["role"]) == ("Hassan Rouhani", "president")


def test_iran_president_counterpart_elsewhere_is_the_head_of_state() -> None:
    doc = analyze("التقى الرئيس الإيراني حسن روحاني نظيره الروسي في طهران", "ar", "2016-05-01")
    ent = entity(doc, "نظيره الروسي")
    assert (ent.name_en, ent.extra["role"]) == ("Vladimir Putin", "head_of_state")


@pytest.mark.parametrize("text, lang, published, phrase, name_en, role", [
    # central bank governors
    ("رئیس کل بانک مرکزی ایران گفت", "fa", "2019-05-01", "رئیس کل بانک مرکزی ایران",
     "Abdolnaser Hemmati", "central_bank_governor"),
    ("قال محافظ البنك المركزي الإيراني إن", "ar", "2023-05-01", "محافظ البنك المركزي الإيراني",
     "Mohammad Reza Farzin", "central_bank_governor"),
    ("قال محافظ البنك المركزي المصري إن", "ar", "2019-05-01", "محافظ البنك المركزي المصري",
     "Tarek Amer", "central_bank_governor"),
    ("قال حاكم مصرف لبنان إن", "ar", "2019-05-01", "حاكم مصرف لبنان", "Riad Salameh",
     "central_bank_governor"),
    ("رئیس بانک مرکزی روسیه گفت", "fa", "2022-03-01", "رئیس بانک مرکزی روسیه",
     "Elvira Nabiullina", "central_bank_governor"),
    # chiefs of staff: Iran's title names Iran without saying it
    ("رئیس ستاد کل نیروهای مسلح گفت", "fa", "2019-05-01", "رئیس ستاد کل نیروهای مسلح",
     "Mohammad Bagheri", "chief_of_general_staff"),
    ("قال رئيس هيئة الأركان الإسرائيلي إن", "ar", "2019-05-01", "رئيس هيئة الأركان الإسرائيلي",
     "Aviv Kochavi", "chief_of_general_staff"),
    ("قال رئيس الأركان التركي إن", "ar", "2005-05-01", "رئيس الأركان التركي", "Hilmi Özkök",
     "chief_of_general_staff"),
    # speakers of parliament
    ("رئیس مجلس شورای اسلامی گفت", "fa", "2006-05-01", "رئیس مجلس شورای اسلامی",
     "Gholam-Ali Haddad-Adel", "speaker_of_parliament"),
    ("قال رئيس مجلس النواب الأمريكي إن", "ar", "2016-05-01", "رئيس مجلس النواب الأمريكي",
     "Paul Ryan", "speaker_of_parliament"),
    ("رئیس مجلس ترکیه گفت", "fa", "2020-05-01", "رئیس مجلس ترکیه", "Mustafa Şentop",
     "speaker_of_parliament"),
    ("قال رئيس الكنيست إن", "ar", "2016-05-01", "رئيس الكنيست", "Yuli Edelstein",
     "speaker_of_parliament"),
    ("رئیس دومای دولتی روسیه گفت", "fa", "2019-05-01", "رئیس دومای دولتی روسیه",
     "Vyacheslav Volodin", "speaker_of_parliament"),
    ("قالت رئيسة مجلس الاتحاد إن", "ar", "2019-05-01", "رئيسة مجلس الاتحاد",
     "Valentina Matviyenko", "upper_house_speaker"),
    # intelligence chiefs
    ("وزیر اطلاعات ایران گفت", "fa", "2019-05-01", "وزیر اطلاعات ایران", "Mahmoud Alavi",
     "intelligence_chief"),
    ("قال رئيس الموساد إن", "ar", "2012-05-01", "رئيس الموساد", "Tamir Pardo",
     "intelligence_chief"),
    ("قال رئيس جهاز المخابرات العامة المصرية إن", "ar", "2019-05-01",
     "رئيس جهاز المخابرات العامة المصرية", "Abbas Kamel", "intelligence_chief"),
    # the head of a body is not the head of its state (not Erdoğan)
    ("قال رئيس جهاز الاستخبارات التركي إن", "ar", "2019-05-01", "رئيس جهاز الاستخبارات التركي",
     "Hakan Fidan", "intelligence_chief"),
    ("قال رئيس المخابرات التركية إن", "ar", "2024-05-01", "رئيس المخابرات التركية",
     "İbrahim Kalın", "intelligence_chief"),
    ("رئیس سازمان اطلاعات ترکیه گفت", "fa", "2019-05-01", "رئیس سازمان اطلاعات ترکیه",
     "Hakan Fidan", "intelligence_chief"),
    # UN envoys, with the host they are sent for
    ("قال المبعوث الأممي إلى سوريا إن", "ar", "2016-05-01", "المبعوث الأممي إلى سوريا",
     "Staffan de Mistura", "special_envoy"),
    ("فرستاده ویژه سازمان ملل در امور سوریه گفت", "fa", "2020-05-01",
     "فرستاده ویژه سازمان ملل در امور سوریه", "Geir Pedersen", "special_envoy"),
    ("قال المبعوث الأممي إلى اليمن إن", "ar", "2016-05-01", "المبعوث الأممي إلى اليمن",
     "Ismail Ould Cheikh Ahmed", "special_envoy"),
    # secretaries-general of IGOs
    ("دبیرکل ناتو گفت", "fa", "2019-05-01", "دبیرکل ناتو", "Jens Stoltenberg", "secretary_general"),
    ("قال الأمين العام لجامعة الدول العربية إن", "ar", "2019-05-01",
     "الأمين العام لجامعة الدول العربية", "Ahmed Aboul Gheit", "secretary_general"),
    ("دبیرکل اوپک گفت", "fa", "2023-05-01", "دبیرکل اوپک", "Haitham al-Ghais", "secretary_general"),
    ("قال الأمين العام لمنظمة أوبك إن", "ar", "2019-05-01", "الأمين العام لمنظمة أوبك",
     "Mohammad Barkindo", "secretary_general"),
    ("مدیر کل آژانس بین‌المللی انرژی اتمی گفت", "fa", "2021-05-01",
     "مدیر کل آژانس بین‌المللی انرژی اتمی", "Rafael Grossi", "secretary_general"),
    ("قال المدير العام للوكالة الدولية للطاقة الذرية إن", "ar", "2015-05-01",
     "المدير العام للوكالة الدولية للطاقة الذرية", "Yukiya Amano", "secretary_general"),
])
def test_office_phrases_news_uses(text: str, lang: str, published: str, phrase: str,
                                  name_en: str, role: str) -> None:
    ent = entity(analyze(text, lang, published), phrase)
    assert (ent.name_en, ent.extra["role"]) == (name_en, role)


def test_director_general_alone_refers_to_no_one() -> None:
    doc = analyze("قال الأمين العام للأمم المتحدة إن المدير العام للشركة استقال", "ar", "2019-05-01")
    assert [e.name_en for e in doc.entities if e.type == "PER"] == ["António Guterres"]


@pytest.mark.parametrize("text, lang, published, phrase, name_en", [
    # portfolios a prime minister kept
    ("قال وزير الخارجية الباكستاني إن", "ar", "2015-05-01", "وزير الخارجية الباكستاني",
     "Nawaz Sharif"),
    ("وزیر خارجه پاکستان گفت", "fa", "2016-05-01", "وزیر خارجه پاکستان", "Nawaz Sharif"),
    ("قال وزير الخارجية اللبناني إن", "ar", "2000-05-01", "وزير الخارجية اللبناني",
     "Salim al-Hoss"),
    ("وزیر خارجه لبنان گفت", "fa", "2000-05-01", "وزیر خارجه لبنان", "Salim al-Hoss"),
    # acting and caretaker holders, ministers too
    ("قال رئيس الوزراء السوري إن", "ar", "2020-07-01", "رئيس الوزراء السوري", "Hussein Arnous"),
    ("نخست وزیر سوریه گفت", "fa", "2020-06-01", "نخست وزیر سوریه", "Imad Khamis"),
    ("وزیر خارجه افغانستان گفت", "fa", "2019-06-01", "وزیر خارجه افغانستان",
     "Salahuddin Rabbani"),
    ("قال وزير الخارجية الأفغاني إن", "ar", "2019-12-01", "وزير الخارجية الأفغاني",
     "Idrees Zaman"),
    ("قال وزير الدفاع الأوكراني إن", "ar", "2009-10-01", "وزير الدفاع الأوكراني",
     "Valeriy Ivashchenko"),
    ("وزیر خارجه لبنان گفت", "fa", "2021-07-01", "وزیر خارجه لبنان", "Zeina Akar"),
    # dates that had slipped
    ("قال وزير الخارجية الكازاخستاني إن", "ar", "2009-06-01", "وزير الخارجية الكازاخستاني",
     "Kanat Saudabayev"),
    ("وزیر خارجه قزاقستان گفت", "fa", "2011-06-01", "وزیر خارجه قزاقستان", "Kanat Saudabayev"),
    ("وزیر خارجه قزاقستان گفت", "fa", "2025-06-01", "وزیر خارجه قزاقستان", "Murat Nurtleu"),
    ("قال وزير الخارجية الكازاخستاني إن", "ar", "2025-10-15", "وزير الخارجية الكازاخستاني",
     "Yermek Kosherbayev"),
])
def test_acting_holders_and_kept_portfolios(text: str, lang: str, published: str, phrase: str,
                                             name_en: str) -> None:
    assert entity(analyze(text, lang, published), phrase).name_en == name_en


def test_acting_tenures_are_marked_for_ministers_as_for_heads() -> None:
    kb = load_kb()
    [rabbani] = kb.holders("foreign_minister", "AFG", date(2019, 6, 1))
    [role] = [r for r in rabbani.roles if r.role == "foreign_minister" and r.holds_on(date(2019, 6, 1))]
    assert role.acting
    [sharif] = kb.holders("foreign_minister", "PAK", date(2015, 5, 1))
    assert "kept by the prime minister" in next(
        r.note for r in sharif.roles if r.role == "foreign_minister")
