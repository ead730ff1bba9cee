"""HTML article extraction: main text without boilerplate, metadata, and ZWNJ kept."""

from __future__ import annotations

import pytest

from rasad.ingest.html import (
    declared_charset,
    extract_article,
    fragment_text,
    paragraphs_text,
)

ZWNJ = "\u200c"


@pytest.fixture(scope="module")
def fa_article():
    from tests.ingest.conftest import FIXTURES

    return extract_article((FIXTURES / "fa_article.html").read_text("utf-8"))


def test_trafilatura_alone_drops_zwnj():
    """Why the placeholder exists: if this starts failing, trafilatura was fixed."""
    import trafilatura

    html = ("<html><body><article>" + "<p>همکاری‌های بین‌المللی ایران و روسیه در نشست "
            "امروز بررسی شد و دو طرف بر ادامه گفت‌وگوها تأکید کردند.</p>" * 3
            + "</article></body></html>")
    text = trafilatura.extract(html)
    assert "بینالمللی" in text and ZWNJ not in text


def test_zwnj_survives_raw_and_as_entities(fa_article):
    text = fa_article.text
    assert "بین\u200cالمللی" in text  # raw U+200C in the page
    assert "همکاری\u200cهای" in text  # &zwnj;
    assert "منطقه\u200cای" in text  # &#8204;
    assert "هسته\u200cای" in text  # &#x200c;
    assert "بینالمللی" not in text and "همکاریهای" not in text
    assert all(not "\ua000" <= ch <= "\ua48c" for ch in text)  # no placeholder left


def test_boilerplate_dropped_paragraphs_kept(fa_article):
    text = fa_article.text
    assert "وزیران خارجه ایران و روسیه روز یکشنبه" in text
    assert "توافق\u200cنامه\u200cهای تازه" in text
    for boilerplate in ("صفحه نخست", "پربازدیدترین", "قیمت دلار", "تمامی حقوق", "درباره ما"):
        assert boilerplate not in text
    paragraphs = text.split("\n")
    assert len(paragraphs) >= 4
    assert paragraphs[1].startswith("وزیران خارجه")


def test_persian_metadata(fa_article):
    assert fa_article.title == "گفت\u200cوگوی تهران و مسکو درباره همکاری\u200cهای بین\u200cالمللی"
    assert fa_article.published == "2023-05-14"
    assert fa_article.url == "https://news.example.ir/politics/12345"
    assert fa_article.source == "خبرگزاری نمونه"
    assert fa_article.lang == "fa"
    assert fa_article.extractor == "trafilatura"


def test_arabic_page(fixtures):
    article = extract_article((fixtures / "ar_article.html").read_text("utf-8"))
    assert "بحث وزير الخارجية الروسي مع نظيره التركي" in article.text
    assert "صيغة أستانا" in article.text
    for boilerplate in ("الرئيسية", "رياضة", "أسعار الذهب", "جميع الحقوق"):
        assert boilerplate not in article.text
    assert (article.title, article.published, article.source, article.lang) == (
        "موسكو وأنقرة تبحثان الأزمة في سوريا", "2022-11-03", "وكالة المثال", "ar")


def test_placeholder_not_confused_with_page_text():
    # A page that already holds the first placeholder candidate keeps it as it is.
    html = ("<html><body><article>" + "<p>ꀀ نشست بین‌المللی امنیت در مسکو با حضور نمایندگان "
            "ایران و روسیه برگزار شد و درباره همکاری‌ها گفت‌وگو شد.</p>" * 3
            + "</article></body></html>")
    article = extract_article(html)
    assert "ꀀ" in article.text
    assert "بین\u200cالمللی" in article.text


def test_short_page_falls_back_to_paragraphs():
    html = "<html><body><nav><p>منو</p></nav><p>یک خبر بین&zwnj;المللی.</p><footer><p>حقوق</p></footer></body></html>"
    assert paragraphs_text(html) == "یک خبر بین\u200cالمللی."


def test_page_without_text():
    assert extract_article("<html><body><script>var x = 1;</script></body></html>") is None


def test_fragment_text_blocks_and_entities():
    fragment = "<p>سازمان بین&zwnj;المللی\n  انرژی</p><p>دوم<br>سوم هسته\u200cای &amp; غیره</p>"
    assert fragment_text(fragment) == "سازمان بین\u200cالمللی انرژی\nدوم\nسوم هسته\u200cای & غیره"
    assert fragment_text("متن ساده بدون برچسب") == "متن ساده بدون برچسب"
    assert fragment_text("") == ""


def test_declared_charset():
    assert declared_charset(b'<meta charset="windows-1256">') == "windows-1256"
    assert declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">') == "UTF-8"
    assert declared_charset(b"<html><body>x</body></html>") is None


def test_a_page_nested_past_the_parsers_depth_still_gives_its_text() -> None:
    """libxml2 stops reading past a nesting depth; the last-resort stripper still finds the
    article, drops the script and keeps the ZWNJ."""
    from rasad.ingest.html import extract_article

    page = ("<div>" * 5000 + "<p>پوتین روز سه‌شنبه در مسکو با اردوغان دیدار کرد.</p>" +
            "</div>" * 10 + "<script>alert(1)</script><p><b>unclosed")
    article = extract_article(page)
    assert article is not None and article.extractor == "stripped"
    assert article.text == "پوتین روز سه\u200cشنبه در مسکو با اردوغان دیدار کرد."
