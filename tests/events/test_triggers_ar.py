"""The Arabic trigger lexicon: rows compile, every CAMEO root is covered by hand rows, the converted
UniversalPetrarch file is what its converter makes, and sentences get the type their longest match
gives (hard negatives: no trigger at all)."""

from __future__ import annotations

from importlib import resources

import pytest

from rasad.events.patterns import Match, load_rules, match_sentence, read_rows
from rasad.text.segment import tokenize
from tests.conftest import shared_path

# CAMEO root → PLOVER type, where a row's plover column is empty (the guide's defaults).
ROOT_TYPE = {"02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
             "07": "AID", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT",
             "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
             "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
CODE_TYPE = {"080": "CONCEDE", "081": "CONCEDE", "082": "CONCEDE", "083": "CONCEDE",
             "163": "SANCTION", "191": "COERCE", "192": "COERCE", "175": "ASSAULT"}


def _rows(name: str) -> list[tuple[str, dict[str, str]]]:
    text = resources.files("rasad.data.events").joinpath(name).read_text("utf-8")
    return read_rows(name, text)


def plover_of(cameo: str, plover: str) -> str:
    if plover:
        return plover
    for n in (4, 3):
        if cameo[:n] in CODE_TYPE:
            return CODE_TYPE[cameo[:n]]
    return ROOT_TYPE.get(cameo[:2], "RETREAT" if cameo.startswith("08") else "")


def test_every_row_compiles() -> None:
    index = load_rules("ar")
    hand = [r for r in index.rules if r.id.startswith("triggers_ar.tsv")]
    assert len(hand) >= 400
    assert all(r.origin == "rasad" for r in hand)


def test_every_cameo_root_has_hand_rows() -> None:
    codes = {row["cameo"] for _, row in _rows("triggers_ar.tsv")}
    roots = {c[:2] for c in codes}
    assert {f"{n:02d}" for n in range(2, 21)} <= roots
    assert {"016", "018"} <= {c[:3] for c in codes}
    assert not {c for c in codes if c.startswith("01") and c[:3] not in ("016", "018")}


def test_statement_rows_carry_their_type() -> None:
    for _, row in _rows("triggers_ar.tsv"):
        if row["cameo"].startswith("016"):
            assert row["plover"] == "REJECT"
        if row["cameo"].startswith("018"):
            assert row["plover"] == "SUPPORT"


@pytest.mark.parametrize("name", ["triggers_ar.tsv", "triggers_ar_up.tsv"])
def test_no_duplicate_patterns(name: str) -> None:
    patterns = [row["pattern"] for _, row in _rows(name)]
    dupes = {p for p in patterns if patterns.count(p) > 1}
    assert not dupes


def test_converted_file_is_what_the_converter_generates() -> None:
    source = shared_path("data", "events", "universalpetrarch_arabic", "dictionaries",
                         "CAMEO.ar.0.5.txt")
    from tools.events.convert_up_arabic import build_rows, render  # noqa: PLC0415

    rows, stats, total = build_rows(source.read_text("utf-8"))
    shipped = resources.files("rasad.data.events").joinpath("triggers_ar_up.tsv")
    assert render(rows) == shipped.read_text("utf-8")
    assert total == 2665
    assert stats["converted"] > 1500


def longest(text: str) -> Match | None:
    """The match covering the most tokens; ties go to the earlier one, then to hand rows."""
    norms = [norm for _, _, norm in tokenize(text)]
    matches = match_sentence(load_rules("ar"), norms, "ar")
    if not matches:
        return None
    return max(matches, key=lambda m: (len(m.tokens), -m.first,
                                       not m.rule.id.startswith("triggers_ar_up")))


CASES = [
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ", "CONSULT"),
    ("والتقت وزيرة الخارجية بنظيرها الفرنسي في باريس", "CONSULT"),
    ("وسيلتقي الرئيس المصري نظيره الأمريكي الأسبوع المقبل", "CONSULT"),
    ("يلتقي وزير الخارجية الإيراني نظيره العماني غدا", "CONSULT"),
    ("التقيا على هامش القمة", "CONSULT"),
    ("اجتمع رئيس الوزراء مع وفد صندوق النقد الدولي", "CONSULT"),
    ("وعقد الجانبان اجتماعا في القاهرة", "CONSULT"),
    ("وبحث الوزيران العلاقات الثنائية", "CONSULT"),
    ("وصل لافروف إلى أنقرة لبحث الأزمة السورية", "CONSULT"),
    ("أجرى الرئيس اتصالا هاتفيا مع نظيره الروسي", "CONSULT"),
    ("زار ولي العهد السعودي باريس", "CONSULT"),
    ("استقبل العاهل الأردني وزير الخارجية الأمريكي", "CONSULT"),
    ("وتوسطت قطر بين الجانبين", "CONSULT"),
    ("وقعت مصر والسعودية اتفاقية للتعاون الاقتصادي", "SUPPORT"),
    ("توصلت إيران والقوى الكبرى إلى اتفاق نووي", "AGREE"),
    ("تعهدت اليابان بتقديم مساعدات إنسانية لسوريا", "AGREE"),
    ("واقترحت فرنسا عقد مؤتمر دولي", "AGREE"),
    ("اعتذرت تركيا لروسيا عن إسقاط الطائرة", "SUPPORT"),
    ("أشاد وزير الخارجية بجهود الوساطة القطرية", "SUPPORT"),
    ("رحبت فرنسا بالاتفاق", "SUPPORT"),
    ("هنأ الملك الرئيس المنتخب", "SUPPORT"),
    ("قدم الرئيس التعازي لعائلات الضحايا", "SUPPORT"),
    ("أجرت روسيا والصين مناورات عسكرية مشتركة في بحر اليابان", "COOPERATE"),
    ("وتعاونت الأجهزة الأمنية في البلدين", "COOPERATE"),
    ("قدمت الإمارات مساعدات إنسانية لغزة", "AID"),
    ("ومنح البنك الدولي قرضا لمصر", "AID"),
    ("انسحبت القوات الروسية من خيرسون", "RETREAT"),
    ("أفرجت السلطات الإيرانية عن صحفي أمريكي", "RETREAT"),
    ("رفعت الولايات المتحدة العقوبات عن فنزويلا", "RETREAT"),
    ("استقال رئيس الوزراء اللبناني", "RETREAT"),
    ("وعدت الحكومة بالانسحاب من المنطقة", "CONCEDE"),
    ("فتحت النيابة تحقيقا في مقتل الصحفي", "INVESTIGATE"),
    ("طالبت روسيا حلف الناتو بعدم ضم أوكرانيا", "DEMAND"),
    ("دعت الأمم المتحدة إسرائيل إلى وقف إطلاق النار", "DEMAND"),
    ("حث الاتحاد الأوروبي إيران على العودة إلى المفاوضات", "DEMAND"),
    ("وناشد الرئيس المجتمع الدولي", "DEMAND"),
    ("انتقدت موسكو الخطوة الأمريكية", "DISAPPROVE"),
    ("أدانت الجامعة العربية الهجوم على المسجد", "DISAPPROVE"),
    ("اتهم لافروف الغرب بتأجيج الصراع", "DISAPPROVE"),
    ("استدعت الخارجية الروسية السفير الأمريكي", "DISAPPROVE"),
    ("شن الوزير هجوما لاذعا على المعارضة", "DISAPPROVE"),
    ("رفضت الولايات المتحدة المطالب الروسية", "REJECT"),
    ("نفت طهران الاتهامات الأمريكية", "REJECT"),
    ("استخدمت روسيا حق النقض ضد مشروع القرار", "REJECT"),
    ("هددت كوريا الشمالية برد عسكري", "THREATEN"),
    ("تظاهر آلاف في طهران احتجاجا على ارتفاع الأسعار", "PROTEST"),
    ("ونظم العمال إضرابا عن العمل", "PROTEST"),
    ("فرضت واشنطن عقوبات جديدة على مجموعة فاغنر", "SANCTION"),
    ("قطعت المغرب علاقاتها مع إيران", "SANCTION"),
    ("طردت فرنسا دبلوماسيين روسا", "SANCTION"),
    ("حشدت روسيا قوات على الحدود الأوكرانية", "MOBILIZE"),
    ("اعتقلت الشرطة التركية عشرات المشتبه بهم", "COERCE"),
    ("داهمت قوات الأمن منزل الناشط", "COERCE"),
    ("ألقت الشرطة القبض على لص", "COERCE"),
    ("شنت إسرائيل غارات جوية على غزة", "ASSAULT"),
    ("قصفت القوات الروسية مدينة خاركيف", "ASSAULT"),
    ("قتل مسلحون خمسة جنود في هجوم", "ASSAULT"),
    ("انفجار سيارة مفخخة في بغداد", "ASSAULT"),
    ("اختطف مسلحون صحفيا في ليبيا", "ASSAULT"),
    ("وقعت اشتباكات بين الجيش والمسلحين", "ASSAULT"),
    ("ضبطت الشرطة عصابة لتهريب المخدرات", "CRIME"),
    ("وأعلنت الجزائر استدعاء سفيرها لدى باريس للتشاور", "SANCTION"),
    ("ودعا الرئيس الفلسطيني إسرائيل إلى العودة إلى طاولة المفاوضات", "AGREE"),
    ("وحذر الجيش من أنه سيرد بقوة على أي هجوم", "THREATEN"),
    ("وهاجم الوزير في تصريحات صحفية سياسة الحكومة", "DISAPPROVE"),
    ("فككت الشرطة خلية إرهابية في المدينة", "COERCE"),
    ("وتراجعت الحكومة عن قرارها رفع الأسعار", "CONCEDE"),
]
NEGATIVES = [
    "قال إن الطقس جميل",
    "وأضاف أن الاقتصاد ينمو بسرعة",
    "فقال الوزير إن الوضع مستقر",
    "ويقول الخبراء إن الأسعار سترتفع",
    "عرضت الشركة منتجاتها الجديدة في المعرض",
    "وقع حادث سير على الطريق السريع",
    "أعلن المنتخب تشكيلته لمباراة الغد",
    "سجل المهاجم هدفين في المباراة",
    "ارتفعت أسعار النفط اليوم",
    "وأكد أن العلاقات بين البلدين تاريخية",
    "يبدأ العام الدراسي الجديد في سبتمبر",
    "رأى المحلل أن الأزمة طويلة",
    "عمل الفريق طوال الليل على المشروع",
    "تحتفل المدينة بالعيد الوطني",
    "انخفضت درجات الحرارة في العاصمة",
    "افتتح المتحف معرضا للفنون",
    "صدر كتاب جديد عن تاريخ المنطقة",
]


@pytest.mark.parametrize(("sentence", "plover"), CASES)
def test_longest_match_type(sentence: str, plover: str) -> None:
    match = longest(sentence)
    assert match is not None, sentence
    assert plover_of(match.rule.cameo, match.rule.plover) == plover, match.rule.id


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_hard_negatives_match_nothing(sentence: str) -> None:
    match = longest(sentence)
    assert match is None, match and match.rule.id


def test_a_broad_word_needs_its_target(analyze) -> None:  # noqa: ANN001
    """`needed` rows: «حذر» (warned) is an event towards an actor, not about prices."""
    warned = analyze("حذرت وزيرة الخارجية الأمريكية الحكومة السودانية في خطاب أمام الجمعية.")
    assert [(e.plover, e.source.country, e.target.country) for e in warned.events] == \
        [("DISAPPROVE", "USA", "SDN")]
    assert not analyze("حذر خبراء اقتصاديون من ارتفاع الأسعار في الأسواق.").events


def test_forces_are_not_strengthened(analyze) -> None:  # noqa: ANN001
    """«قوى الأمن» (security forces): the converted dictionary has no verb قوّى any more."""
    doc = analyze("اعتقلت الشرطة العراقية مسلحين هاجموا قوى الأمن في بغداد.")
    assert "MOBILIZE" not in {e.plover for e in doc.events}


@pytest.mark.parametrize("text", [
    "ردد المحتجون في بغداد شعارات مناهضة للحكومة العراقية.",
    "رفع طلاب جامعة الخرطوم لافتات تندد بالحكومة السودانية.",
])
def test_protests_named_by_what_crowds_do(analyze, text: str) -> None:  # noqa: ANN001
    assert "PROTEST" in {e.plover for e in analyze(text).events}, text


def test_raising_rates_is_no_protest(analyze) -> None:  # noqa: ANN001
    doc = analyze("رفع البنك المركزي المصري أسعار الفائدة بنسبة نصف نقطة.")
    assert "PROTEST" not in {e.plover for e in doc.events}
