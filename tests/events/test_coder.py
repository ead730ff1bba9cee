"""The coder's own rules: which of overlapping matches wins, fixed expressions, event dates."""

from __future__ import annotations

import pytest

from rasad.events.coder import drop_complements, iso_start, not_event_words, select
from rasad.events.patterns import fold, load_rules, match_sentence


@pytest.mark.parametrize(("value", "start"), [
    ("2016-08-09", "2016-08-09"), ("2016-08", "2016-08"), ("2016", "2016"),
    ("2024-W16", "2024-04-15"), ("2020-W53", "2020-12-28"), ("2024/2026", "2024"),
    ("2016-08-09/2016-08-12", "2016-08-09"),
])
def test_event_dates_sort_as_iso_prefixes(value: str, start: str) -> None:
    assert iso_start(value) == start


def _selected(text: str, lang: str) -> list[str]:
    norms = [fold(w) for w in text.split()]
    return [m.rule.plover or m.rule.cameo for m in select(match_sentence(load_rules(lang), norms, lang))]


def test_a_complement_inside_a_demand_is_not_coded_apart() -> None:
    """«خواستار [استعفای رئیس‌جمهور] شدند» is one DEMAND, not also a resignation."""
    chosen = _selected("معترضان خواستار استعفای رئیس‌جمهور شدند", "fa")
    assert "DEMAND" in chosen and "RETREAT" not in chosen


def test_the_light_verb_belongs_to_the_noun_before_it() -> None:
    """«با این درخواست‌ها موافقت نکرده است»: AGREE (negated), not «درخواست … کرده»."""
    chosen = _selected("آمریکا با هیچ کدام از این درخواست ها موافقت نکرده است", "fa")
    assert chosen[-1] == "AGREE"


def test_a_verb_row_beats_a_noun_row_of_the_same_words() -> None:
    chosen = _selected("فرضت الولايات المتحدة عقوبات جديدة على إيران", "ar")
    assert chosen == ["SANCTION"]


@pytest.mark.parametrize(("text", "lang", "blocked"), [
    ("او به اتهام جاسوسی بازداشت شد", "fa", {1, 2}),
    ("اعتقل بتهمة التجسس", "ar", {1}),
    ("پدرش بر اثر حمله قلبی درگذشت", "fa", {3, 4}),
    ("ایران به آمریکا حمله کرد", "fa", set()),
])
def test_fixed_expressions_that_are_not_events(text: str, lang: str, blocked: set[int]) -> None:
    assert not_event_words([fold(w) for w in text.split()], lang) == blocked


@pytest.mark.parametrize(("text", "act", "complement"), [
    # between the act's noun and its verb, after «برای», and before the «را» of its verb
    ("طرح صلح عربی خواستار عقب نشینی اسراییل به خطوط سال 1967 است", "DEMAND", "RETREAT"),
    ("کی یف از مسکو درخواست کرد برای تبادل اسرا اقدام کند", "DEMAND", "RETREAT"),
    ("حماس مبادله اسیران با اجساد دو سرباز را نپذیرفت", "REJECT", "RETREAT"),
])
def test_a_persian_act_keeps_its_object(text: str, act: str, complement: str) -> None:
    norms = [fold(w) for w in text.split()]
    chosen = [m.rule.plover or m.rule.cameo
              for m in drop_complements(select(match_sentence(load_rules("fa"), norms, "fa")),
                                        norms, "fa")]
    assert act in chosen and complement not in chosen, chosen
