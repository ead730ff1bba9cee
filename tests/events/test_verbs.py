"""Persian verb forms: `parse_verb` over normalized words (ZWNJ removed, as Token.norm is)."""

from __future__ import annotations

import pytest

from rasad.events.verbs import parse_verb, verb_table
from rasad.text.normalize import normalize_str


def norms(text: str) -> list[str]:
    return [normalize_str(w).replace("\u200c", "") for w in text.split()]


def parse_last(text: str):  # noqa: ANN201
    """Parse the verb at its main word, where a pattern reaches it: the stem after a detached
    می or a future auxiliary (the last word), the participle before a perfect's auxiliary."""
    words = norms(text)
    main = 0 if len(words) > 1 and words[-1] in ("است", "اند", "بود") else len(words) - 1
    return parse_verb(words, main)


# (written form, infinitive, negated, future, tense, words the verb spans)
FORMS = [
    ("کرد", "کردن", False, False, "past", 1),
    ("نکرد", "کردن", True, False, "past", 1),
    ("کردند", "کردن", False, False, "past", 1),
    ("نکردند", "کردن", True, False, "past", 1),
    ("می‌کند", "کردن", False, False, "present", 1),
    ("میکند", "کردن", False, False, "present", 1),
    ("می کند", "کردن", False, False, "present", 2),
    ("نمی‌کند", "کردن", True, False, "present", 1),
    ("نمیکند", "کردن", True, False, "present", 1),
    ("نمی کند", "کردن", True, False, "present", 2),
    ("نمی‌کنند", "کردن", True, False, "present", 1),
    ("می‌کرد", "کردن", False, False, "past", 1),
    ("نمی‌کرد", "کردن", True, False, "past", 1),
    ("خواهد کرد", "کردن", False, True, "future", 2),
    ("خواهند کرد", "کردن", False, True, "future", 2),
    ("نخواهد کرد", "کردن", True, True, "future", 2),
    ("کرده است", "کردن", False, False, "perfect", 2),
    ("نکرده است", "کردن", True, False, "perfect", 2),
    ("کرده‌اند", "کردن", False, False, "perfect", 1),
    ("کردهاند", "کردن", False, False, "perfect", 1),
    ("کرده اند", "کردن", False, False, "perfect", 2),
    ("نکرده‌اند", "کردن", True, False, "perfect", 1),
    ("کرده بود", "کردن", False, False, "perfect", 2),
    ("بکند", "کردن", False, False, "subjunctive", 1),
    ("کند", "کردن", False, False, "subjunctive", 1),
    ("نکند", "کردن", True, False, "subjunctive", 1),
    ("شد", "شدن", False, False, "past", 1),
    ("نشد", "شدن", True, False, "past", 1),
    ("شده است", "شدن", False, False, "perfect", 2),
    ("خواهد شد", "شدن", False, True, "future", 2),
    ("نمی‌شود", "شدن", True, False, "present", 1),
    ("گفت", "گفتن", False, False, "past", 1),
    ("نگفت", "گفتن", True, False, "past", 1),
    ("می‌گوید", "گفتن", False, False, "present", 1),
    ("میگوید", "گفتن", False, False, "present", 1),
    ("گفته است", "گفتن", False, False, "perfect", 2),
    ("خواهد گفت", "گفتن", False, True, "future", 2),
    ("نمود", "نمودن", False, False, "past", 1),
    ("ننمود", "نمودن", True, False, "past", 1),
]


@pytest.mark.parametrize(("written", "infinitive", "negated", "future", "tense", "span"), FORMS,
                         ids=[f[0] for f in FORMS])
def test_light_verb_forms(written: str, infinitive: str, negated: bool, future: bool,
                          tense: str, span: int) -> None:
    parsed = parse_last(written)
    assert parsed is not None, written
    assert parsed.form.infinitive == infinitive
    assert parsed.form.negated is negated
    assert parsed.form.future is future
    assert parsed.form.tense == tense
    # the parsed verb takes in the whole written form (a detached می, the auxiliary)
    assert parsed.last - parsed.first + 1 == span


@pytest.mark.parametrize("written", ["کرده است", "نکرده است", "کرده اند", "گفته است", "شده است"])
def test_perfect_parsed_from_the_participle_takes_the_auxiliary(written: str) -> None:
    """The pattern reaches a perfect at its participle; the auxiliary after it belongs to it."""
    words = norms(written)
    parsed = parse_verb(words, 0)
    assert parsed is not None
    assert (parsed.first, parsed.last) == (0, 1)
    assert parsed.form.tense == "perfect"


@pytest.mark.parametrize(("written", "negated"), [("خواهد کرد", False), ("نخواهد کرد", True),
                                                  ("می کند", False), ("نمی کند", True)])
def test_reached_at_the_first_word(written: str, negated: bool) -> None:
    """From a detached می or the future auxiliary, the parse covers both words."""
    parsed = parse_verb(norms(written), 0)
    assert parsed is not None
    assert (parsed.first, parsed.last) == (0, 1)
    assert parsed.form.negated is negated


@pytest.mark.parametrize(("with_zwnj", "without"), [
    ("می‌کند", "میکند"), ("نمی‌کند", "نمیکند"), ("کرده‌اند", "کردهاند"), ("می‌گوید", "میگوید"),
    ("نکرده‌اند", "نکردهاند"), ("می‌شود", "میشود")])
def test_zwnj_present_and_lost_are_one_form(with_zwnj: str, without: str) -> None:
    assert parse_last(with_zwnj) == parse_last(without)
    assert parse_last(with_zwnj) is not None


def test_arabic_kaf_and_yeh_variants() -> None:
    """ك and ي in a Persian verb (Arabic keyboards) read as ک and ی."""
    assert parse_last("نكرد") == parse_last("نکرد")
    assert parse_last("مي‌كند") == parse_last("می‌کند")
    assert parse_last("نكرد").form.negated


def test_light_verb_after_its_noun_in_a_sentence() -> None:
    """«امضا شد» (passive compound), «دیدار خواهد کرد»: the verb starts after the noun."""
    words = norms("این توافق امضا شد")
    parsed = parse_verb(words, 3)
    assert parsed is not None and parsed.form.infinitive == "شدن"
    assert (parsed.first, parsed.last) == (3, 3)
    words = norms("وزیر با همتای خود دیدار خواهد کرد")
    parsed = parse_verb(words, 6)
    assert parsed is not None and parsed.form.future
    assert (parsed.first, parsed.last) == (5, 6)


@pytest.mark.parametrize("word", ["کشور", "دیدار", "ایران", "است", "می", "نمی", "خواهد"])
def test_non_verbs_and_lone_particles(word: str) -> None:
    """A noun is no verb; a lone می / auxiliary at the end of a sentence is no light verb."""
    parsed = parse_verb([word], 0)
    assert parsed is None or parsed.form.infinitive not in ("کردن", "شدن", "گفتن")


def test_auxiliary_alone_is_not_the_verb() -> None:
    """Index on «است» after a participle: not a verb by itself."""
    assert parse_verb(norms("کرده است"), 1) is None


def test_table_keys_are_normalized_without_zwnj() -> None:
    table = verb_table()
    assert all("\u200c" not in form and " " not in form for form in table)
    assert table["نکردند"].infinitive == "کردن" and table["نکردند"].negated


def test_perfect_with_joined_ast() -> None:
    parsed = parse_last("کرده‌است")
    assert parsed is not None
    assert parsed.form.tense == "perfect" and not parsed.form.negated


@pytest.mark.parametrize(("text", "negated", "tense"), [
    # a stem that starts with آ/ا takes ی after ب and ن
    ("بیایند", False, "subjunctive"), ("نیاید", True, "subjunctive"),
    ("نیامدند", True, "past"), ("نیاورد", True, "past"), ("بیاورند", False, "subjunctive"),
])
def test_the_glide_before_a_vowel_stem(text: str, negated: bool, tense: str) -> None:
    parsed = parse_verb(norms(text), 0)
    assert parsed is not None, text
    assert (parsed.form.negated, parsed.form.tense) == (negated, tense)
