"""Language id: fa, ar or other, on snippets and long texts, not fooled by Arabic-script neighbours."""

from __future__ import annotations

import json
import random

import pytest

from rasad.document import Document
from rasad.text import langid, segment
from rasad.text.langid import evidence, identify
from tests.conftest import shared_path

# Written for these tests (not taken from any corpus).
FA_LONG = (
    "وزیر امور خارجه ایران روز دوشنبه در سفری رسمی وارد مسکو شد تا با همتای روس خود دیدار کند. "
    "او در این سفر درباره همکاری‌های اقتصادی و امنیتی دو کشور گفت‌وگو خواهد کرد. "
    "کارشناسان می‌گویند که روابط تهران و مسکو در سال‌های اخیر گسترش یافته است."
)
AR_LONG = (
    "قال وزير الخارجية الروسي إن بلاده مستعدة للتعاون مع تركيا في الملف السوري. "
    "وأضاف في مؤتمر صحفي عقده في موسكو أن العلاقات بين البلدين شهدت تحسنا كبيرا خلال العام الماضي. "
    "وكانت الحكومة التركية قد أعلنت عن زيارة مرتقبة للرئيس إلى روسيا."
)
# Persian written with Arabic yeh and kaf, as in PEYMA and many older sites.
FA_ARABIC_YEH = "وزير امور خارجه ايران براي ديدار با همتاي روسي خود به مسكو رفت و گفت اين سفر مهم است"

OTHER = {
    "urdu": "پاکستان کے وزیر اعظم نے کہا ہے کہ حکومت عوام کی خدمت کرے گی",
    "urdu short": "یہ کتاب ہے",
    "pashto": "د افغانستان حکومت وویل چې سوله مهمه ده",
    "pashto short": "زه په کابل کې اوسېږم",
    "sorani": "سەرۆکی هەرێمی کوردستان لە هەولێر کۆبوونەوەی لەگەڵ وەزیری دەرەوە کرد",
    "sorani short": "سەرۆکی هەرێم",
    "ottoman": "دولت علیه عثمانیه نك خارجیه ناظری",
    "ottoman sentence": "بو مسئله حقنده باب عالی ایله مذاکره اولنمشدر",
    "english": "The Russian president met his Turkish counterpart in Sochi on Monday.",
    "russian": "Путин встретился с Эрдоганом в Сочи",
    "digits only": "۱۴۰۲/۰۵/۱۲ - 2024",
    "empty": "",
    "spaces": "  \n ",
}


@pytest.mark.parametrize("text", [
    "وزیر امور خارجه", "این کتاب است", "روسیه و آمریکا", "اظهار کرد", "نفت ایران",
    "گفت‌وگوی راهبردی", "می‌گوید", "است",
])
def test_short_persian(text: str) -> None:
    assert identify(text) == "fa"


@pytest.mark.parametrize("text", [
    "وزير الخارجية", "قال بوتين", "في المدينة المنورة", "النفط الإيراني", "وقال", "في",
    "الولايات المتحدة الأمريكية",
])
def test_short_arabic(text: str) -> None:
    assert identify(text) == "ar"


def test_long_texts() -> None:
    assert identify(FA_LONG) == "fa"
    assert identify(AR_LONG) == "ar"
    assert identify(FA_LONG * 40) == "fa"  # long input is sampled, still right


def test_persian_with_arabic_yeh_is_persian() -> None:
    # fastText alone says Arabic here; the function words and letters must win.
    assert identify(FA_ARABIC_YEH) == "fa"
    assert identify("روسيه و آمريكا") == "fa"


@pytest.mark.parametrize("name", sorted(OTHER))
def test_other_languages_are_other(name: str) -> None:
    assert identify(OTHER[name]) == "other", name


def test_evidence_counts_foreign_letters_and_ottoman_markers() -> None:
    assert evidence(OTHER["urdu"]).foreign >= 3
    assert evidence(OTHER["sorani"]).foreign >= 5
    assert evidence(OTHER["ottoman sentence"]).ottoman >= 2
    assert evidence(FA_LONG).foreign == 0
    fa, ar = evidence(FA_LONG), evidence(AR_LONG)
    assert fa.fa > 5 * fa.ar and ar.ar > 5 * ar.fa


def test_vowelled_and_presentation_forms() -> None:
    assert identify("مَن المُستفيدُ مِنه و مَن المُتضرر؟") == "ar"
    # الرئيس في موسكو in presentation forms, as old PDFs extract it
    assert identify("\ufe8d\ufedf\ufeae\ufe8c\ufef4\ufeb2 \ufed3\ufef2 \ufee3\ufeee\ufeb3\ufedc\ufeee") == "ar"


def test_annotate_sets_and_keeps_lang() -> None:
    assert langid.annotate(Document(FA_LONG)).lang == "fa"
    doc = Document(AR_LONG)
    doc.lang = "fa"  # the caller knows better: keep it
    assert langid.annotate(doc).lang == "fa"
    doc.lang = "ar-SA"
    assert langid.annotate(doc).lang == "ar"
    assert langid.annotate(Document("")).lang == "other"


def analyze(text: str) -> Document:
    return segment.annotate(langid.annotate(Document(text)))


def test_one_language_document_has_no_sentence_langs() -> None:
    doc = analyze(FA_LONG + "\n" + FA_LONG)
    assert doc.lang == "fa"
    assert all(s.lang is None for s in doc.sentences)


def test_mixed_persian_document_labels_each_sentence() -> None:
    quote = "وقال الوزير إن العلاقات بين البلدين قوية جدا وإن التعاون سيستمر في المستقبل."
    doc = analyze(FA_LONG + "\n" + quote + "\n" + FA_LONG)
    assert doc.lang == "fa"
    langs = [s.lang for s in doc.sentences]
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    assert langs[texts.index(quote)] == "ar"
    assert langs.count("fa") == len(langs) - 1


def test_mixed_arabic_document_with_english_and_persian() -> None:
    english = "The minister said the talks in Moscow were constructive and useful."
    persian = "این گفت‌وگوها در مسکو برگزار شد و دو طرف درباره همکاری‌های امنیتی بحث کردند."
    doc = analyze(AR_LONG + "\n" + english + "\n" + persian)
    assert doc.lang == "ar"
    by_text = {doc.text[s.start:s.end]: s.lang for s in doc.sentences}
    assert by_text[english] == "other"
    assert by_text[persian] == "fa"
    assert {s.lang for s in doc.sentences} == {"ar", "other", "fa"}


def test_seeds_language(seed_texts: dict[str, str]) -> None:
    expected = {"000": "fa", "001": "ar", "002": "ar", "003": "fa", "004": "fa"}
    got = {stem[:3]: identify(text) for stem, text in seed_texts.items()}
    assert got == expected
    for text in seed_texts.values():  # a seed is one language: no sentence labels
        assert all(s.lang is None for s in analyze(text).sentences)


@pytest.mark.shared
def test_bench_sentences_accuracy() -> None:
    """On single sentences of the bench corpus (Persian with Arabic yeh, Arabic Wikipedia)."""
    folder = shared_path("corpus", "bench")
    rng = random.Random(7)
    for lang in ("fa", "ar"):
        lines = (folder / f"{lang}.jsonl").read_text("utf-8").splitlines()
        sentences = [s for line in rng.sample(lines, 30)
                     for s in json.loads(line)["text"].split("\n") if len(s.split()) >= 4]
        right = sum(identify(s) == lang for s in sentences)
        assert right / len(sentences) >= 0.98, (lang, right, len(sentences))
