"""The regular expressions of the time grammar, built from the lexicons, one set per language.

Each rule finds one kind of piece ("atom") on the normalized text: a date with a month name,
a numeric date, a year after a cue, a weekday, a deictic word, a count of units, a clock
time... `rasad.time.rules` turns matches into atoms and `rasad.time.combine` joins neighbours
(`شامگاه` + `یکشنبه`, `۱۰ ژانویه ۲۰۲۲` + `(۲۰ دی)`). Patterns are compiled once per language,
on first use.

Word edges: ZWNJ counts as part of a word, so `می‌گوید` never yields a lone `می`, and an
Arabic proclitic (و ف ب ل) may precede a word that starts with ال without entering the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.time.lexicon import alternation, forms, langs, rows
from rasad.time.observances import cue_forms, name_forms

S = r"[ \u200c]+"
S0 = r"[ \u200c]*"
B = r"(?<![\w\u200c])"
E = r"(?![\w\u200c])"


@dataclass(frozen=True)
class Pieces:
    """Alternations for one language (or both when `lang` is None)."""

    month: str
    weekday: str
    numword: str
    numword_vague: str
    hourword: str
    decadeword: str
    era: str
    clitic: str
    msuf: str
    de_min: str
    conj: str


def _cue(lang: str | None, role: str, value: str | None = None) -> str:
    where = {"role": role} if value is None else {"role": role, "value": value}
    return alternation(forms("cues.tsv", lang, **where))


def _rel(lang: str | None, role: str) -> str:
    return alternation(forms("relative.tsv", lang, role=role))


def _units(lang: str | None, *numbers: str) -> str:
    return alternation(r["form"] for r in rows("units.tsv", lang) if r["number"] in numbers)


def _alone(lang: str | None) -> str:
    """Units that are a duration by themselves: Arabic duals and indefinite accusatives
    (يومين، أشهرا), Persian plurals (سال‌ها)."""
    # not ساعت‌ها: also "the clocks" (ساعتها را تنظیم می‌کنند)
    return alternation(r["form"] for r in rows("units.tsv", lang)
                       if (r["lang"], r["number"]) in {("ar", "dual"), ("ar", "accpl"), ("fa", "pl")}
                       and not (r["lang"] == "fa" and r["unit"] == "hour"))


def _numbers(lang: str | None, *kinds: str) -> str:
    words = [r["form"] for r in rows("numbers.tsv", lang) if r["kind"] in kinds]
    one = alternation(words) + E
    return rf"(?:{one}(?:(?:{S0}و{S0}|{S}){one}){{0,3}})"


@cache
def pieces(lang: str | None) -> Pieces:
    arabic = "ar" in langs(lang)
    return Pieces(
        month=alternation(forms("months.tsv", lang)),
        weekday=alternation(forms("weekdays.tsv", lang)),
        numword=_numbers(lang, "card", "ord"),
        numword_vague=_numbers(lang, "card", "vague"),
        hourword=_numbers(lang, "hour", "card"),
        decadeword=alternation(forms("numbers.tsv", lang, kind="decade")),
        era=_cue(lang, "era"),
        clitic=r"(?:[وف]?[بل]?)" if arabic else "",
        msuf="ماه" if "fa" in langs(lang) else "(?!)",
        de_min=r"(?:من[ \u200c]+)?" if arabic else "",
        conj="(?:و)?" if arabic else "",  # و15 شباط
    )


def _day(n: int, p: Pieces) -> str:
    return (rf"(?:(?P<dn{n}>(?<!\d)(?:3[01]|[12]\d|0?[1-9]))(?!\d)(?:{S0}ام{E})?"
            rf"|(?P<dw{n}>{p.numword}))")


def _date(lang: str | None, p: Pieces) -> str:
    to = rf"(?:-|–|{_cue(lang, 'range_to')}|{_cue(lang, 'and')})"
    # Arabic news pairs a month's two names in brackets, «نوفمبر (تشرين الثاني) 2005», as
    # it does with a slash; the year (or الماضي / المقبل) comes after the bracket.
    paired = rf"|{S0}\({S0}(?P<month3>{p.month}){S0}\)" if "ar" in langs(lang) else ""
    return (rf"{B}{p.conj}(?:(?P<from>{_cue(lang, 'range_from')}){S})?(?:(?P<dcue>{_cue(lang, 'day_cue')}){S})?"
            rf"(?:(?P<day>{_day(1, p)})(?:{S0}(?P<dsep>{to}){S0}(?P<day2>{_day(2, p)}))?{S0}{p.de_min})?"
            rf"(?:(?P<mcue>{_cue(lang, 'month_cue')}){S})?(?P<month>{p.month})"
            rf"(?:{S0}/{S0}(?P<month2>{p.month}){paired})?(?:{S0}(?P<msuf>{p.msuf}))?"
            rf"(?:{S0}[,،]?{S0}(?:(?P<ycue>{_cue(lang, 'year_cue')}){S})?(?P<year>\d+)"
            rf"(?:{S0}(?P<era>{p.era}))?|{S0}(?:ی{S})?(?P<mdir>{_rel(lang, 'dir')}))?{E}")


def _years(lang: str | None, p: Pieces) -> dict[str, str]:
    arabic = "ar" in langs(lang)
    cue = alternation(r["form"] for r in rows("cues.tsv", lang, role="year_cue") if r["value"] != "of")
    sep = rf"(?:-|–|—|{_cue(lang, 'range_to')}|{_cue(lang, 'and')})"
    era = rf"(?:{S0}(?P<era>{p.era}))?"
    more = rf"(?P<more>(?:{S0}[،,]?{S0}{_cue(lang, 'and')}{S0}\d{{2,4}}(?!\d))*)"  # 2021 و2022 و2023
    frm = alternation(forms("cues.tsv", lang, role="range_from") + forms("cues.tsv", lang, role="between"))
    return {
        "year_cue": (rf"{B}{p.clitic}(?P<cue>{cue}){S}(?P<y1>\d+)(?:{S0}(?P<sep>{sep}){S0}"
                     rf"(?:(?P<cue2>{cue}){S})?(?P<y2>\d+){more})?{era}{E}"),
        # در 2019، في 2019، حرب 1973; از ۲۰۱۵ تا ۲۰۱۸، من 2005 إلى 2013، بين 2011 و2015
        "year_bare": (rf"{B}{p.clitic}(?:(?P<pre>{_cue(lang, 'year_pre')})|(?P<from>{frm})){S}"
                      rf"(?P<y1>\d{{4}})(?:{S0}(?P<sep>{sep}){S0}(?P<y2>\d{{4}}){more})?(?![.,/:٫٬–-]\d){era}{E}"),
        "year_range": rf"{B}(?P<y1>\d{{4}}){S0}[-–—]{S0}(?P<y2>\d{{4}}){era}{E}",
        "year_era": rf"{B}{p.conj}(?P<y1>\d{{1,4}}){S0}(?P<era>{p.era}){E}",
        "decade": (rf"{B}(?P<cue>{_cue(lang, 'decade_cue')}){S}(?P<y>\d{{2,4}}|{p.numword})"
                   rf"{era}{E}"),
        "decade_word": rf"{B}{p.clitic}(?P<w>{p.decadeword}){E}",
        "season": (rf"{B}{p.clitic}(?P<season>{_cue(lang, 'season')})(?:(?:{S0}ی)?{S}"
                   rf"(?:(?P<cue>{cue}){S})?(?P<y>\d{{2,4}}){era})?{E}"),
        "since_year": (rf"{B}{p.clitic}(?P<w>{_rel('ar', 'since_pre') if arabic else '(?!)'}){S}"
                       rf"(?P<y1>\d{{4}}){era}{E}"),
        "numdate": (rf"{B}(?:(?P<y1>\d{{4}})(?P<s1>[/.-])(?P<m1>\d{{1,2}})(?P=s1)(?P<d1>\d{{1,2}})"
                    rf"|(?P<d2>\d{{1,2}})(?P<s2>[/.-])(?P<m2>\d{{1,2}})(?P=s2)(?P<y2>\d{{4}}|\d{{2}}))"
                    rf"(?![\w\u200c]|[/.-]\d)(?:{S0}(?P<era>{p.era}){E})?"),
    }


def _relative(lang: str | None, p: Pieces) -> dict[str, str]:
    weekday, unit, dir_ = p.weekday, _rel(lang, "unit"), _rel(lang, "dir")
    recent = _rel(lang, "recent")
    deictic = [r["form"] for r in rows("relative.tsv", lang, role="deictic") if r["form"] != "اليوم"]
    # اليوم is "today" unless an article-bearing word follows (اليوم الأول، اليوم العالمي),
    # except a weekday (اليوم الثلاثاء).
    today = rf"|الیوم(?!{S}(?!{weekday}{E})ال)" if "ar" in langs(lang) else ""
    post = alternation(r["form"] for r in rows("relative.tsv", lang)
                       if r["role"] in ("ago_post", "later_post", "event_post", "dir", "recent"))
    count = rf"(?P<num>\d+|{p.numword_vague}){S0}(?P<unit>{_units(lang, 'sg', 'pl', 'acc')})"
    pre = alternation(forms("relative.tsv", lang, role="ago_pre") + forms("relative.tsv", lang, role="event_pre"))
    return {
        "weekday": (rf"{B}(?:(?P<cue>{_cue(lang, 'day_cue')}){S})?{p.clitic}(?P<wd>{weekday})"
                    rf"(?:{S0}(?:ی{S})?(?P<dir>{dir_}))?{E}"),
        "deictic": rf"{B}{p.clitic}(?P<word>{alternation(deictic)}{today}){E}",
        "unit_dir": (rf"{B}{p.clitic}(?:(?P<this>{_rel(lang, 'this')}){S})?{p.clitic}(?P<unit>{unit})"
                     rf"(?:{S0}ی)?{S0}(?P<dir>{dir_})(?:{S}(?P<era>{p.era}))?{E}"),
        "this_unit": rf"{B}{p.clitic}(?P<this>{_rel(lang, 'this')}){S}{p.clitic}(?P<unit>{unit}){E}",
        "count_post": rf"{B}{p.conj}{count}{S0}(?:ی{S})?(?P<post>{post}){E}",
        "pre_count": (rf"{B}{p.clitic}(?P<pre>{pre}){S}(?:{count}|(?P<unit1>{_units(lang, 'dual', 'sg', 'pl')}))"
                      rf"(?:{S}(?P<one>واحد|واحده))?{E}(?!{S0}\d|{S}{weekday})"),
        "def_dir": (rf"{B}{p.clitic}(?P<unit>{_units(lang, 'def')}){S}(?:(?:ال)?(?P<num>{p.numword_vague}){S})?"
                    rf"(?P<dir>{recent}|{dir_}){E}"),
    }


def _other(lang: str | None, p: Pieces) -> dict[str, str]:
    clock_cue, part = _cue(lang, "clock_cue"), _cue(lang, "part")
    half = _cue(lang, "half")
    unit_dir = alternation(forms("relative.tsv", lang, role="dir") + forms("relative.tsv", lang, role="recent"))
    return {
        "duration": (rf"{B}{p.conj}(?:(?P<num>\d+(?:\.\d+)?|{p.numword_vague}){S0}(?P<unit>{_units(lang, 'sg', 'pl', 'acc')})"
                     rf"(?:{S0}و{S0}(?P<half>{half}))?|[لو]?(?P<unit1>{_alone(lang)})"
                     rf"|ل(?P<unit2>{_units(lang, 'pl') if lang == 'ar' else '(?!)'})"
                     rf"|(?P<unit3>{_units(lang, 'sg')}){S}(?P<one>واحد|واحده)){E}"),
        "clock": (rf"{B}{p.clitic}(?:(?P<cue>{clock_cue}){S0})?(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::\d{{2}})?(?!\d)"
                  rf"(?:{S0}(?P<part>{part}))?{E}"),
        "clock_word": (rf"{B}{p.clitic}(?P<cue>{clock_cue}){S}(?P<h>\d{{1,2}}|{p.hourword})"
                       rf"(?:{S0}و{S0}(?:(?P<m>\d{{1,2}}|{p.numword}){S0}{_cue(lang, 'minute')}|(?P<frac>{half})))?"
                       rf"(?:{S}(?P<part>{part}))?{E}"),
        "part": rf"{B}{p.clitic}(?P<part>{part}){E}",
        "mod": (rf"{B}{p.clitic}(?P<mod>{_cue(lang, 'mod')})(?:(?:{S0}ی)?{S}(?P<bare>{_rel(lang, 'unit')})"
                rf"(?!{S0}(?:\d|{unit_dir}|{p.era}{E})))?{E}"),
    }


def _observance(lang: str | None, p: Pieces) -> dict[str, str]:
    """Religious and national days (عيد الفطر، نوروز، شب یلدا), with a day or holiday prefix
    (أول أيام، تعطیلات), an epithet (المبارك), then a direction word (المقبل، امسال) or a year
    (عام 2023، ۱۴۰۳، 1445 هـ). See `rasad.time.observances`."""
    def cue(role: str) -> str:
        return alternation(cue_forms(lang, role))
    return {"observance": (
        rf"{B}{p.clitic}(?:(?P<nth>{cue('nth')}){S}|(?P<hol>{cue('holiday')}){S})?{p.clitic}"
        rf"(?P<name>{alternation(name_forms(lang))})(?:{S}(?P<epi>{cue('epithet')}))?"
        rf"(?:{S0}(?:ی{S})?(?P<rel>{cue('rel')})|{S0}[,،]?{S0}(?:{p.clitic}(?P<ycue>{_cue(lang, 'year_cue')}){S})?"
        rf"(?P<year>\d{{4}})(?:{S0}(?P<era>{p.era}))?)?{E}")}


@cache
def patterns(lang: str | None) -> dict[str, re.Pattern[str]]:
    """Rule name → compiled pattern, for `lang` ("fa", "ar" or None for both)."""
    p = pieces(lang)
    sources = {"date": _date(lang, p), **_years(lang, p), **_relative(lang, p), **_other(lang, p),
               **_observance(lang, p)}
    return {name: re.compile(src) for name, src in sources.items()}


@cache
def context(lang: str | None) -> dict[str, re.Pattern[str]]:
    """Patterns that look around an atom: since, range and list connectors, dual brackets."""
    p = pieces(lang)
    since_pre = _rel(lang, "since_pre")
    return {
        "not_day": re.compile(rf"{B}{p.clitic}{_cue(lang, 'not_day')}{S}$"),
        "since_before": re.compile(rf"{B}{p.clitic}(?P<w>{since_pre}){S}$"),
        "since_after": re.compile(rf"{S0}(?P<w>{_rel(lang, 'since_post')}){E}"),
        "from_before": re.compile(rf"{B}(?P<w>{_cue(lang, 'range_from')}){S}$"),
        "between_before": re.compile(rf"{B}(?P<w>{_cue(lang, 'between')}|ما[ \u200c]*بین){S}$"),
        "range_glue": re.compile(rf"{S0}(?:(?P<to>-|–|—|{_cue(lang, 'range_to')})|(?P<and>{_cue(lang, 'and')})){S0}"),
        "space_glue": re.compile(rf"{S0}[,،]?{S0}"),
        "of_glue": re.compile(rf"{S0}(?:من|ی|{_cue(lang, 'day_cue')})?{S0}"),
        "open_bracket": re.compile(rf"{S0}\({S0}"),
        "equals": re.compile(rf"{S0}[,،]?{S0}(?:{_cue(lang, 'equals')}){S0}"),
        "close_bracket": re.compile(rf"{S0}\)"),
    }
