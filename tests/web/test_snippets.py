"""Search hits marked in their sentence as written, whatever the spelling of the query."""

from __future__ import annotations

from rasad.web.snippets import marked

SENTENCE = "ولادیمیر پوتین، رئیس‌جمهور روسیه، با رئیس‌جمهوری روسیه‌ای دیدار کرد."


def hits(sentence: str, query: str) -> list[str]:
    return [text for text, hit in marked(sentence, query) if hit]


def test_words_are_marked_across_ya_kaf_and_zwnj() -> None:
    assert hits(SENTENCE, "رئيسجمهور روسيه") == ["رئیس‌جمهور", "روسیه"]
    assert "".join(text for text, _ in marked(SENTENCE, "روسيه")) == SENTENCE


def test_a_prefix_marks_the_whole_token() -> None:
    assert hits(SENTENCE, "روسیه*") == ["روسیه", "روسیه‌ای"]
    assert hits(SENTENCE, "رئیس*") == ["رئیس‌جمهور", "رئیس‌جمهوری"]


def test_arabic_marks_and_latin_case() -> None:
    assert hits("التقى الرئيسُ الروسيّ فلاديمير بوتين", "الروسي") == ["الروسيّ"]
    assert hits("Putin met PUTIN", "putin") == ["Putin", "PUTIN"]
    assert marked("نص", "،") == [("نص", False)]
