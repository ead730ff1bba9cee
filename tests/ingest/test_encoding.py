"""Encoding detection: BOMs, UTF-16 without BOM, Windows-1256, damaged UTF-8, binary."""

from __future__ import annotations

import codecs

import pytest

from rasad.ingest.encoding import BinaryContent, UndecodableContent, decode, label

# Windows-1256 has پ چ ژ گ ک and ZWNJ (0x9D) but not Persian ی (U+06CC): Persian pages
# in that code page write Arabic ي, as here.
PERSIAN_1256 = "گزارش پژوهشي چين و روسيه درباره همکاري\u200cهاي بين\u200cالمللي"
ARABIC = "بحث وزير الخارجية الروسي مع نظيره التركي الأزمة السورية"
PERSIAN = "همکاری‌های بین‌المللی ایران و روسیه؛ گزارش ۱۴۰۲"


def test_persian_in_windows_1256():
    decoded = decode(PERSIAN_1256.encode("cp1256"))
    assert decoded.text == PERSIAN_1256
    assert "\u200c" in decoded.text and "پ" in decoded.text and "ژ" in decoded.text
    assert (decoded.encoding, decoded.how, decoded.note) == ("windows-1256", "arabic-script", None)


def test_arabic_in_windows_1256():
    decoded = decode(ARABIC.encode("cp1256"))
    assert decoded.text == ARABIC
    assert decoded.encoding == "windows-1256"


def test_persian_ye_cannot_be_windows_1256():
    with pytest.raises(UnicodeEncodeError):
        "ی".encode("cp1256")


@pytest.mark.parametrize(("data", "encoding"), [
    (PERSIAN.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PERSIAN.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + PERSIAN.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), "utf-16-be"),
    (PERSIAN.encode("utf-32"), "utf-32-le"),
])
def test_unicode_encodings(data, encoding):
    decoded = decode(data)
    assert decoded.text == PERSIAN  # the BOM is not part of the text
    assert decoded.encoding == encoding


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_sniffed_from_nul_bytes(codec):
    decoded = decode(PERSIAN.encode(codec))
    assert decoded.text == PERSIAN
    assert (decoded.encoding, decoded.how) == (codec, "sniffed")
    assert decoded.note and "UTF-16" in decoded.note


def test_utf8_is_not_mistaken_for_windows_1256():
    # Persian UTF-8 bytes also decode as cp1256 into Arabic-looking letters.
    decoded = decode(ARABIC.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (ARABIC, "utf-8")


def test_damaged_utf8_is_repaired_and_reported():
    data = PERSIAN.encode("utf-8") * 3 + b"\xff" + PERSIAN.encode("utf-8")
    decoded = decode(data)
    assert decoded.how == "repaired"
    assert decoded.text.count("\ufffd") == 1 and decoded.text.startswith(PERSIAN)
    assert "1 invalid UTF-8 sequence" in decoded.note


def test_latin_invalid_utf8_is_guessed_and_reported():
    data = "café résumé à la crème brûlée, naïve façade".encode("cp1252")
    decoded = decode(data)
    assert decoded.how == "guessed"
    assert "é" in decoded.text
    assert "not valid UTF-8" in decoded.note and "convert the file to UTF-8" in decoded.note


def test_cyrillic_windows_1251_is_not_taken_for_arabic():
    decoded = decode("Привет, как дела? Всё хорошо, спасибо.".encode("cp1251"))
    assert decoded.encoding != "windows-1256"


def test_declared_charset_used_when_not_utf8():
    decoded = decode(ARABIC.encode("iso-8859-6"), declared="ISO-8859-6")
    assert (decoded.text, decoded.encoding, decoded.how) == (ARABIC, "iso-8859-6", "declared")


def test_binary_with_nul_bytes():
    with pytest.raises(BinaryContent, match="NUL"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))


def test_binary_with_control_bytes():
    with pytest.raises(BinaryContent, match="binary"):
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 10 + b"abc")


def test_bad_utf16_after_bom():
    with pytest.raises(UndecodableContent, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a")  # lone surrogate


def test_labels():
    assert label("cp1256") == "windows-1256"
    assert label("ISO-8859-6") == "iso-8859-6"
    assert label("utf8") == "utf-8"


@pytest.mark.parametrize("declared", ["ISO-8859-1", "latin1", "windows-1252", "us-ascii"])
def test_a_western_default_does_not_turn_arabic_into_latin(declared):
    data = "وزير الخارجية يزور القاهرة الأسبوع المقبل".encode("cp1256")
    result = decode(data, declared=declared)
    assert result.encoding == "windows-1256" and result.text.startswith("وزير")


def test_a_declared_latin_1_holds_for_latin_text():
    result = decode("Café über naïve".encode("latin-1"), declared="ISO-8859-1")
    assert result.encoding == "iso-8859-1" and result.text == "Café über naïve"
