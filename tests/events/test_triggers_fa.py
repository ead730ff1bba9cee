"""The Persian trigger lexicon (`rasad/data/events/triggers_fa.tsv`): it compiles, covers every
CAMEO root, has no duplicate rows, uses only listed verbs, and its longest match on news sentences
gives the right PLOVER type (and nothing on sentences without an event)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pytest

from rasad.events.ontology import code
from rasad.events.patterns import Match, compile_rule, fold, load_rules, match_sentence, read_rows
from rasad.events.verbs import verb_table
from rasad.pipeline import Pipeline

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
          "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
          "COERCE", "ASSAULT"}


def _text(name: str) -> str:
    return resources.files("rasad.data.events").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def _rows() -> list[tuple[str, dict[str, str]]]:
    return read_rows("triggers_fa.tsv", _text("triggers_fa.tsv"))


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline(["language", "segment"])


def _span(m: Match) -> int:
    return m.last - m.first + 1


def longest(sentence: str) -> Match | None:
    """The match covering the most tokens (from its first word to the end of its verb); among
    equals, the one with more matched words, then the earlier row."""
    doc = _pipeline().analyze(sentence)
    matches = match_sentence(load_rules("fa"), [t.norm for t in doc.tokens], "fa")
    if not matches:
        return None
    return min(matches, key=lambda m: (-_span(m), -len(m.tokens), int(m.rule.id.rsplit(":", 1)[1])))


def test_header_names_source_and_license():
    lines = _text("triggers_fa.tsv").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("#")
    assert any("written for rasad (MIT)" in line for line in comments)
    header = next(line for line in lines if line.strip() and not line.startswith("#"))
    assert header.split("\t") == ["cameo", "plover", "kind", "pattern", "target", "origin", "gloss"]


def test_every_row_compiles():
    rows = _rows()
    assert len(rows) >= 400
    for rule_id, row in rows:
        rule = compile_rule(rule_id, "fa", row)
        assert rule.plover in PLOVER, rule_id
        assert rule.gloss, rule_id
    assert len(load_rules("fa").rules) >= len(rows)


def test_every_cameo_root_is_covered():
    codes = {row["cameo"] for _, row in _rows()}
    roots = {code[:2] for code in codes}
    assert {f"{n:02d}" for n in range(2, 21)} <= roots
    # root 01 only in its event senses: denial (REJECT) and sympathy (SUPPORT)
    assert {c for c in codes if c.startswith("01")} == {"016", "018"}
    plovers = {row["cameo"]: row["plover"] for _, row in _rows()}
    assert plovers["016"] == "REJECT"
    assert plovers["018"] == "SUPPORT"
    assert {row["plover"] for _, row in _rows()} == PLOVER


def test_no_duplicate_rows():
    seen: dict[tuple, str] = {}
    for rule_id, row in _rows():
        key = tuple(tuple(sorted(fold(a) for a in element.split("|")))
                    for element in row["pattern"].split())
        assert key not in seen, f"{rule_id} repeats {seen.get(key)}"
        seen[key] = rule_id


def test_verbs_exist_in_the_verb_table():
    listed = {fold(line.split("\t")[0]).replace(" ", "")
              for line in _text("verbs_fa.tsv").splitlines()[1:]
              if line.strip() and not line.startswith("#")}
    generated = {form.infinitive for form in verb_table().values()}
    for rule in load_rules("fa").rules:
        for element in rule.elements:
            for verb in element.verbs:
                assert verb in listed and verb in generated, f"{rule.id}: @{verb} is not in verbs_fa.tsv"


def test_verb_table_rows_are_well_formed():
    rows = [line.split("\t") for line in _text("verbs_fa.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows[0] == ["infinitive", "past", "present"]
    infinitives = [row[0] for row in rows[1:]]
    assert all(len(row) == 3 and all(cell.strip() for cell in row) for row in rows[1:])
    assert len(infinitives) == len(set(infinitives))
    assert all(inf.endswith("ن") and inf.startswith(past) for inf, past, _ in rows[1:])

SENTENCES = [
    ("وزیر امور خارجه ایران روز دوشنبه در مسکو با سرگئی لاوروف دیدار و گفت‌وگو کرد.", "CONSULT"),
    ("رئیس‌جمهور ترکیه با همتای روس خود در سن‌پترزبورگ دیدار کرد.", "CONSULT"),
    ("عراقچی فردا با وزیر خارجه عمان دیدار خواهد کرد.", "CONSULT"),
    ("نخست‌وزیر عراق با رئیس‌جمهور ایران گفتگو تلفنی داشت.", "CONSULT"),
    ("وزرای خارجه ایران و عربستان در تماسی تلفنی درباره تحولات منطقه رایزنی کردند.", "CONSULT"),
    ("ولادیمیر پوتین روز سه‌شنبه با رجب طیب اردوغان تلفنی گفت‌وگو کرد.", "CONSULT"),
    ("رئیس‌جمهور روسیه هفته آینده به تهران سفر می‌کند.", "CONSULT"),
    ("وزیر خارجه چین برای یک سفر رسمی دو روزه وارد تهران شد.", "CONSULT"),
    ("مذاکرات هسته‌ای ایران و آمریکا با میانجیگری عمان در مسقط برگزار شد.", "CONSULT"),
    ("قطر میزبانی دور جدید مذاکرات آمریکا و طالبان را بر عهده داشت.", "CONSULT"),
    ("نمایندگان دو کشور در ژنو مذاکره کردند.", "CONSULT"),
    ("دیدار شرمن و ریابکوف در ژنو هشت ساعت طول کشید.", "CONSULT"),
    ("رهبر انقلاب صبح امروز رئیس‌جمهور تاجیکستان را به حضور پذیرفت.", "CONSULT"),
    ("اردوغان در اجلاس سران سازمان همکاری شانگهای شرکت کرد.", "CONSULT"),
    ("قزاقستان میان روسیه و ترکیه میانجی‌گری کرده است.", "CONSULT"),
    ("ایران و عراق برای همکاری امنیتی در مرز به توافق رسیدند.", "AGREE"),
    ("دو طرف بر سر تبادل زندانیان توافق کردند.", "AGREE"),
    ("دولت آمریکا با ازسرگیری مذاکرات موافقت نکرد.", "AGREE"),
    ("چین قول داد که سرمایه‌گذاری خود در ایران را افزایش دهد.", "AGREE"),
    ("آمریکا به روسیه پیشنهاد داد که درباره سوریه همکاری کنند.", "AGREE"),
    ("وزیر خارجه ایران از همتای سعودی خود برای سفر به تهران دعوت کرد.", "AGREE"),
    ("ترکیه آمادگی خود را برای میانجیگری میان روسیه و اوکراین اعلام کرد.", "AGREE"),
    ("دولت سوریه پیشنهاد سازمان ملل برای آتش‌بس را پذیرفت.", "AGREE"),
    ("عربستان متعهد شد که تولید نفت را افزایش ندهد.", "AGREE"),
    ("ایران و روسیه یک تفاهم‌نامه همکاری در حوزه انرژی امضا کردند.", "SUPPORT"),
    ("توافقنامه همکاری جامع ۲۵ ساله ایران و چین در تهران امضا شد.", "SUPPORT"),
    ("سند همکاری راهبردی دو کشور به امضا رسید.", "SUPPORT"),
    ("ترکیه از روسیه به خاطر سرنگونی جنگنده عذرخواهی کرد.", "SUPPORT"),
    ("مصر و اردن از طرح صلح عربستان حمایت کردند.", "SUPPORT"),
    ("وزارت خارجه ایران از توافق عربستان و یمن استقبال کرد.", "SUPPORT"),
    ("رئیس‌جمهور ایران پیروزی اردوغان در انتخابات را به وی تبریک گفت.", "SUPPORT"),
    ("سخنگوی وزارت خارجه حادثه تروریستی کرمان را به ملت ایران تسلیت گفت.", "SUPPORT"),
    ("روسیه استقلال جمهوری‌های دونتسک و لوهانسک را به‌رسمیت شناخت.", "SUPPORT"),
    ("اسپانیا کشور فلسطین را به رسمیت می‌شناسد.", "SUPPORT"),
    ("ایران و روسیه در زمینه انرژی هسته‌ای همکاری می‌کنند.", "COOPERATE"),
    ("نیروی دریایی ایران، روسیه و چین رزمایش مشترک دریایی برگزار کردند.", "COOPERATE"),
    ("ترکیه متهم فراری را به ایران مسترد کرد.", "COOPERATE"),
    ("ژاپن ۱۰ میلیون دلار کمک بشردوستانه به افغانستان اعطا کرد.", "AID"),
    ("آمریکا بسته کمک نظامی جدیدی به اوکراین ارسال کرد.", "AID"),
    ("بانک جهانی به پاکستان وام دو میلیارد دلاری داد.", "AID"),
    ("آلمان به این روزنامه‌نگار پناهندگی داد.", "AID"),
    ("ارتش روسیه از شهر خرسون عقب‌نشینی کرد.", "RETREAT"),
    ("ایران دو ملوان آمریکایی را آزاد کرد.", "RETREAT"),
    ("این فعال مدنی پس از دو سال از زندان آزاد شد.", "RETREAT"),
    ("آمریکا برخی تحریم‌های ایران را لغو کرد.", "RETREAT"),
    ("نخست‌وزیر لبنان استعفا داد.", "RETREAT"),
    ("وزیر کشور پاکستان از سمت خود استعفا کرده است.", "RETREAT"),
    ("حماس و اسرائیل آتش‌بس اعلام کردند.", "CONCEDE"),
    ("دولت با خواسته‌های کارگران معترض موافقت کرد.", "CONCEDE"),
    ("دادستانی تهران درباره این حادثه تحقیقات را آغاز کرد.", "INVESTIGATE"),
    ("بازرسان آژانس بین‌المللی انرژی اتمی از تاسیسات فردو بازرسی کردند.", "INVESTIGATE"),
    ("پلیس از مظنونان بازجویی کرد.", "INVESTIGATE"),
    ("ایران خواستار آزادی دیپلمات‌های بازداشت‌شده خود در عراق شد.", "DEMAND"),
    ("روسیه از ناتو خواست عضویت اوکراین را رد کند.", "DEMAND"),
    ("سازمان ملل از دو طرف درگیری خواست به خویشتنداری پایبند باشند.", "DEMAND"),
    ("دبیرکل سازمان ملل طرفین را به خویشتن‌داری فراخواند.", "DEMAND"),
    ("عراق از شورای امنیت درخواست کرد که حملات ترکیه را بررسی کند.", "DEMAND"),
    ("ایران خواستار لغو تحریم‌ها شد.", "DEMAND"),
    ("وزارت خارجه ایران حمله تروریستی در پاکستان را محکوم کرد.", "DISAPPROVE"),
    ("لاوروف از سیاست‌های غرب در قبال روسیه انتقاد کرد.", "DISAPPROVE"),
    ("اوکراین روسیه را به گلوله‌باران خارکیف متهم کرد.", "DISAPPROVE"),
    ("وزارت خارجه سفیر آلمان در تهران را احضار کرد.", "DISAPPROVE"),
    ("سفیر انگلیس به وزارت امور خارجه احضار شد.", "DISAPPROVE"),
    ("ایران از آمریکا به دیوان بین‌المللی دادگستری شکایت کرد.", "DISAPPROVE"),
    ("خامنه‌ای به آمریکا تاخت.", "DISAPPROVE"),
    ("وزیر خارجه ایران نسبت به پیامدهای این اقدام به اسرائیل هشدار داد.", "DISAPPROVE"),
    ("آمریکا خواسته‌های روسیه درباره ناتو را نپذیرفت.", "REJECT"),
    ("وزارت خارجه ایران این ادعاها را قاطعانه رد کرد.", "REJECT"),
    ("سخنگوی کرملین دست داشتن روسیه در این حمله را تکذیب کرد.", "REJECT"),
    ("روسیه قطعنامه شورای امنیت درباره اوکراین را وتو کرد.", "REJECT"),
    ("مجلس لایحه بودجه دولت را رد کرد.", "REJECT"),
    ("ایران هرگونه مذاکره مستقیم با آمریکا را رد کرد.", "REJECT"),
    ("عراق از استرداد این متهمان امتناع کرد.", "REJECT"),
    ("فرمانده سپاه اسرائیل را تهدید کرد.", "THREATEN"),
    ("کره شمالی به آمریکا هشدار داد که پاسخی کوبنده خواهد داد.", "THREATEN"),
    ("آمریکا ایران را به تحریم‌های بیشتر تهدید کرد.", "THREATEN"),
    ("هزاران نفر در پاریس علیه اصلاح قانون بازنشستگی تظاهرات کردند.", "PROTEST"),
    ("معلمان در مقابل مجلس تجمع کردند.", "PROTEST"),
    ("کامیون‌داران در چند استان دست به اعتصاب زدند.", "PROTEST"),
    ("کارگران هفت‌تپه در اعتراض به حقوق معوقه اعتصاب کردند.", "PROTEST"),
    ("زندانیان سیاسی اعتصاب غذا کردند.", "PROTEST"),
    ("ارتش روسیه ده‌ها هزار نیرو به مرز اوکراین اعزام کرد.", "MOBILIZE"),
    ("نیروهای مسلح ایران به حالت آماده‌باش درآمدند.", "MOBILIZE"),
    ("سپاه پاسداران رزمایش بزرگ پیامبر اعظم را در خلیج فارس برگزار کرد.", "MOBILIZE"),
    ("آمریکا ناو هواپیمابر خود را در خلیج فارس مستقر کرد.", "MOBILIZE"),
    ("وزارت خزانه‌داری آمریکا گروه واگنر را تحریم کرد.", "SANCTION"),
    ("اتحادیه اروپا تحریم‌های جدیدی علیه روسیه اعمال کرد.", "SANCTION"),
    ("۱۲ مقام ایرانی از سوی اتحادیه اروپا تحریم شدند.", "SANCTION"),
    ("بحرین روابط خود با قطر را قطع کرد.", "SANCTION"),
    ("آلمان دو دیپلمات روس را اخراج کرد.", "SANCTION"),
    ("عربستان سفیر خود را از تهران فراخواند.", "SANCTION"),
    ("آمریکا در سال ۲۰۱۸ از برجام خارج شد.", "SANCTION"),
    ("پلیس ترکیه ۲۰ نفر را به اتهام ارتباط با داعش بازداشت کرد.", "COERCE"),
    ("این روزنامه‌نگار در فرودگاه امام بازداشت شد.", "COERCE"),
    ("نیروهای امنیتی رهبر مخالفان را دستگیر کردند.", "COERCE"),
    ("دادگاه انقلاب این فعال را به ده سال زندان محکوم کرد.", "COERCE"),
    ("سپاه یک نفتکش خارجی را در تنگه هرمز توقیف کرد.", "COERCE"),
    ("روسیه شبه‌جزیره کریمه را در سال ۲۰۱۴ اشغال کرد.", "COERCE"),
    ("دولت طالبان چند روزنامه را تعطیل کرد.", "COERCE"),
    ("دادگاه محاکمه رئیس‌جمهور پیشین را آغاز کرد.", "COERCE"),
    ("نیروهای امنیتی اعتراضات را به شدت سرکوب کردند.", "COERCE"),
    ("جنگنده‌های اسرائیلی مواضع حزب‌الله در جنوب لبنان را بمباران کردند.", "ASSAULT"),
    ("روسیه شهر خارکیف را گلوله‌باران کرد.", "ASSAULT"),
    ("گروه تروریستی داعش به یک پاسگاه مرزی حمله کرد.", "ASSAULT"),
    ("حمله پهپادی به پایگاه آمریکا در اردن سه کشته برجای گذاشت.", "ASSAULT"),
    ("در انفجار یک خودروی بمب‌گذاری‌شده در کابل ۱۵ نفر کشته شدند.", "ASSAULT"),
    ("دانشمند هسته‌ای ایران در نزدیکی تهران ترور شد.", "ASSAULT"),
    ("افراد مسلح دو مهندس چینی را در بلوچستان ربودند.", "ASSAULT"),
    ("نیروهای ارتش با شبه‌نظامیان درگیر شدند.", "ASSAULT"),
    ("نیروهای اسرائیلی به سوی معترضان فلسطینی آتش گشودند.", "ASSAULT"),
    ("حوثی‌ها چند موشک بالستیک به سمت عربستان شلیک کردند.", "ASSAULT"),
    ("پایگاه نظامی آمریکا مورد حمله موشکی قرار گرفت.", "ASSAULT"),
    ("اسرائیل آتش‌بس را نقض کرد.", "ASSAULT"),
    ("عربستان سه نفر را به اتهام قاچاق مواد مخدر اعدام کرد.", "ASSAULT"),
    ("سربازان اسرائیلی یک نوجوان فلسطینی را کشتند.", "ASSAULT"),
    ("سارقان مسلح یک بانک را در شیراز سرقت کردند.", "CRIME"),
    ("باند قاچاق انسان در مرز متلاشی شد.", "CRIME"),
    ("مدیرعامل پیشین بانک به اختلاس ۸ هزار میلیارد تومانی متهم است.", "CRIME"),
    ("ایران حملات اسرائیل به غزه را محکوم کرد.", "DISAPPROVE"),
    ("چین از حمله آمریکا به سوریه انتقاد کرد.", "DISAPPROVE"),
    ("این حمله از سوی دبیرکل سازمان ملل محکوم شد.", "DISAPPROVE"),
    ("قطر تحریم‌های جدید آمریکا علیه ایران را محکوم کرد.", "DISAPPROVE"),
    ("وزارت خارجه عراق رژیم صهیونیستی را مسئول این حمله دانست.", "DISAPPROVE"),
    ("روسیه خواستار توقف فوری حملات اسرائیل به لبنان شد.", "DEMAND"),
    ("پاکستان از طالبان خواست با گروه‌های تروریستی مقابله کند.", "DEMAND"),
    ("رئیس‌جمهور به ارتش دستور داد عملیات را متوقف کند.", "DEMAND"),
    ("اسرائیل حزب‌الله را به حمله گسترده تهدید کرد.", "THREATEN"),
    ("ترامپ تهدید کرد که تعرفه‌های جدیدی بر واردات از چین وضع می‌کند.", "THREATEN"),
    ("ایران آمادگی خود را برای ازسرگیری مذاکرات اعلام کرد.", "AGREE"),
    ("ایران حمایت کامل خود را از دولت سوریه اعلام کرد.", "SUPPORT"),
    ("روسیه از پیشنهاد چین برای آتش‌بس استقبال کرد.", "SUPPORT"),
    ("رئیس‌جمهور ایران درگذشت رئیسی را به مردم ایران تسلیت گفت.", "SUPPORT"),
    ("وزیر خارجه ایران فردا با همتای عمانی خود دیدار می کند.", "CONSULT"),
    ("رئیس‌جمهور فرانسه و صدراعظم آلمان در برلین گفت و گو کردند.", "CONSULT"),
    ("هیئت ایرانی برای مذاکره با طرف اروپایی عازم وین شد.", "CONSULT"),
    ("پلیس آلمان دو تبعه ایرانی را به اتهام جاسوسی بازداشت کرد.", "COERCE"),
    ("این خبرنگار به ۵ سال حبس محکوم شد.", "COERCE"),
    ("دادگاه حکم بازداشت نتانیاهو را صادر کرد.", "COERCE"),
    ("ماموران امنیتی دفتر این روزنامه را پلمب کردند.", "COERCE"),
    ("اسرائیل مواضع حماس در غزه را هدف قرار داد.", "ASSAULT"),
    ("در این حمله تروریستی ۳۰ نفر کشته و زخمی شدند.", "ASSAULT"),
    ("ارتش ترکیه مواضع پ‌ک‌ک در شمال عراق را بمباران کرد.", "ASSAULT"),
    ("نیروهای روسیه و اوکراین در نزدیکی باخموت درگیر شدند.", "ASSAULT"),
    ("گروهی مسلح یک اتوبوس زائران را در بلوچستان به آتش کشیدند.", "ASSAULT"),
    ("اسرائیل حمله هوایی به دمشق انجام داد.", "ASSAULT"),
    ("اتحادیه اروپا تحریم‌ها علیه روسیه را برای شش ماه دیگر تمدید کرد.", "SANCTION"),
    ("کانادا روابط دیپلماتیک خود با ایران را قطع کرد.", "SANCTION"),
    ("آمریکا نام این شرکت‌ها را در فهرست تحریم‌ها قرار داد.", "SANCTION"),
    ("ایران همکاری با آژانس را تعلیق کرد.", "SANCTION"),
    ("آمریکا تحریم‌های نفتی ونزوئلا را لغو نکرد.", "RETREAT"),
    ("ایران و آمریکا زندانیان خود را مبادله کردند.", "RETREAT"),
    ("روسیه نیروهای خود را از قره‌باغ خارج کرد.", "RETREAT"),
    ("نیروهای آمریکایی از افغانستان عقب نشینی کردند.", "RETREAT"),
    ("صدها نفر در تهران در اعتراض به گرانی تجمع کردند.", "PROTEST"),
    ("اعتراضات گسترده در شهرهای فرانسه ادامه دارد.", "PROTEST"),
    ("مردم به خیابان‌ها ریختند و علیه دولت شعار دادند.", "PROTEST"),
    ("ارتش چین در اطراف تایوان رزمایش برگزار کرد.", "MOBILIZE"),
    ("کره شمالی یک موشک بالستیک را آزمایش کرد.", "MOBILIZE"),
    ("مجلس تحقیق و تفحص از سازمان خصوصی‌سازی را تصویب کرد.", "INVESTIGATE"),
    ("دیوان کیفری بین‌المللی درباره جنایات جنگی در اوکراین تحقیق می‌کند.", "INVESTIGATE"),
    ("ایران محموله کمک‌های بشردوستانه به لبنان ارسال کرد.", "AID"),
    ("آمریکا به اوکراین سلاح ارسال می‌کند.", "AID"),
    ("ایران و عراق در زمینه امنیت مرزی همکاری خواهند کرد.", "COOPERATE"),
    ("رئیس قوه قضاییه با عفو ۲۰۰۰ محکوم موافقت کرد.", "CONCEDE"),
    ("قتل این جوان در ملارد خشم مردم را برانگیخت.", "CRIME"),
    ("کلاهبرداری ۵۰۰ میلیاردی در بورس کشف شد.", "CRIME"),
    ("طالبان خواسته جامعه جهانی برای آموزش دختران را نمی‌پذیرد.", "REJECT"),
    ("کاخ سفید گزارش نیویورک تایمز را تکذیب کرد.", "REJECT"),
    ("ایران پیشنهاد آمریکا برای مذاکره مستقیم را رد کرده است.", "REJECT"),
    ("ایران و عربستان روابط دیپلماتیک خود را از سر گرفتند.", "SUPPORT"),
    ("ایران در نشست وزرای خارجه گروه ۷ شرکت نخواهد کرد.", "CONSULT"),
    ("ایران با آژانس بینالمللی انرژی اتمی همکاری میکند.", "COOPERATE"),
    ("آمریکا تحریمهای جدیدی علیه ایران وضع میکند.", "SANCTION"),
    ("ارتش اسرائیل جنوب لبنان را گلولهباران کرد.", "ASSAULT"),
    ("وزیر خارجه آمریکا خواستار آزادی فوری این روزنامه‌نگار شده است.", "DEMAND"),
    ("این زندانی سیاسی با قید وثیقه آزاد شد.", "RETREAT"),
    ("دو کشور توافق کرده‌اند که سفارتخانه‌های خود را بازگشایی کنند.", "AGREE"),
    ("سپاه هشدار داد که به هرگونه تجاوز پاسخ خواهد داد.", "THREATEN"),
    ("وزیر خارجه آلمان هشدار داد که شهرک‌سازی راه‌حل دو دولتی را از بین می‌برد.", "DISAPPROVE"),
    ("دولت نظامی وعده داد محدودیت‌های رسانه‌ها را لغو کند.", "CONCEDE"),
    ("جنگنده‌ها مواضع داعش را موردحمله قرار دادند.", "ASSAULT"),
    ("روسیه این اقدام را بی‌پاسخ نخواهد گذاشت.", "THREATEN"),
    ("دو کشور همکاری در مبارزه با تروریسم را گسترش دادند.", "COOPERATE"),
]

NEGATIVES = [
    "هوا امروز در تهران آفتابی است.",
    "قیمت طلا در بازار امروز کاهش یافت.",
    "تیم ملی فوتبال ایران فردا به قطر می‌رود.",
    "این کتاب در سه جلد منتشر شده است.",
    "دمای هوا در بیشتر مناطق کشور افزایش می‌یابد.",
    "دانشجویان برای امتحانات پایان ترم آماده می‌شوند.",
    "کشتی نفتکش در بندر عباس پهلو گرفت.",
    "نمایشگاه بین‌المللی کتاب تهران از فردا آغاز به کار می‌کند.",
    "کشاورزان کشت گندم را در استان خوزستان آغاز کردند.",
    "او سال‌ها در دانشگاه تهران تدریس کرد.",
    "فیلم جدید این کارگردان در جشنواره فجر به نمایش درآمد.",
    "حمل و نقل عمومی در روزهای تعطیل رایگان است.",
    "تحریر این کتاب ده سال طول کشید.",
    "باران شدید باعث آبگرفتگی معابر شد.",
    "نرخ تورم در ماه گذشته به ۴۰ درصد رسید.",
    "قطار تهران-مشهد با تاخیر حرکت کرد.",
    "این دیدنی‌ترین منطقه گردشگری استان است.",
    "صادرات غیرنفتی ایران در سال گذشته رشد کرد.",
    "سرعت اینترنت در کشور کاهش یافته است.",
    "آزادراه تهران-شمال سرانجام افتتاح شد.",
    "دانش‌آموزان در کلاس نشستند و درس خواندند.",
    "تجمیع عوارض شهرداری‌ها از سال آینده اجرا میشود.",
    "او در رشته حقوق بینالملل تحصیل میکند.",
    "بازیکنان تیم پرسپولیس تمرینات خود را آغاز کردند.",
]


@pytest.mark.parametrize(("sentence", "plover"), SENTENCES)
def test_longest_match_gives_the_type(sentence: str, plover: str):
    match = longest(sentence)
    assert match is not None, "no rule matches"
    got = match.rule.plover or match.rule.cameo[:2]
    assert got == plover, f"{match.rule.id} {match.rule.pattern}"


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_event_row_matches(sentence: str):
    match = longest(sentence)
    assert match is None, f"{match.rule.id} {match.rule.pattern}"


def test_the_table_covers_every_type_and_verb_form():
    assert len(SENTENCES) >= 60 and len(NEGATIVES) >= 15
    assert {plover for _, plover in SENTENCES} == PLOVER
    text = " ".join(s for s, _ in SENTENCES)
    for form in ("نکرد", "نخواهد کرد", "می‌کند", "میکند", "کرده است", "امضا شد", "بینالمللی"):
        assert form in text, form


# Where a row's type differs from the CAMEO code's in cameo.tsv, on purpose (see the file's header).
_OWN_TYPES = {("0831", "RETREAT"), ("170", "CRIME"), ("180", "CRIME"), ("182", "CRIME"),
              ("1821", "CRIME"), ("1823", "CRIME")}


def test_codes_exist_and_types_follow_the_ontology():
    for rule_id, row in _rows():
        known = code(row["cameo"])
        assert known is not None, f"{rule_id}: unknown CAMEO code {row['cameo']}"
        if row["plover"] != known.plover:
            assert (row["cameo"], row["plover"]) in _OWN_TYPES, rule_id
