"""Plain text, HTML files and JSONL, each encoding, and the problems they report."""

from __future__ import annotations

import codecs
import gzip
import json

import pytest

from rasad.ingest import IngestReport, ingest
from rasad.ingest.readers import read_jsonl, read_text

PERSIAN = "همکاری‌های بین‌المللی ایران و روسیه\nگزارش دوم: ۴٫۳۵۸ میلیارد دلار"


def _read(data: bytes):
    report = IngestReport()
    return list(read_text(data, origin="x.txt", report=report)), report


@pytest.mark.parametrize(("data", "encoding"), [
    (PERSIAN.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PERSIAN.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + PERSIAN.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), "utf-16-be"),
])
def test_text_in_each_encoding(data, encoding):
    docs, report = _read(data)
    assert [d.text for d in docs] == [PERSIAN]
    assert docs[0].meta == {"origin": "x.txt", "format": "text", "encoding": encoding}
    assert not report.problems


def test_text_in_windows_1256():
    text = "گزارش پژوهشي چين درباره همکاري\u200cهاي بين\u200cالمللي\r\nبحث وزير الخارجية"
    docs, _ = _read(text.encode("cp1256"))
    assert docs[0].text == text.replace("\r\n", "\n")
    assert docs[0].meta["encoding"] == "windows-1256"


def test_text_kept_as_written():
    text = "عنوان کوتاه\n\nمتن خبر با  دو فاصله و اعراب: مُحَمَّد ي ك\n"
    docs, _ = _read(text.encode())
    assert docs[0].text == text  # no title stripped, no normalization
    assert docs[0].title is None


@pytest.mark.parametrize(("data", "message"), [
    (b"", "x.txt: empty file, skipped"),
    (codecs.BOM_UTF8 + b" \n\t", "x.txt: no text (only whitespace or a byte-order mark), skipped"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00", "x.txt: looks binary (7 NUL bytes, and not UTF-16); skipped"),
])
def test_text_problems(data, message):
    docs, report = _read(data)
    assert docs == []
    assert [str(p) for p in report.problems] == [message]
    assert report.problems[0].level == "error"


def test_invalid_utf8_guess_is_a_warning():
    docs, report = _read("Reuters: café résumé à la crème brûlée".encode("cp1252"))
    assert len(docs) == 1
    [problem] = report.problems
    assert problem.level == "warning"
    assert str(problem).startswith("x.txt: not valid UTF-8; decoded as ")


def test_jsonl_fields_and_bad_lines(fixtures):
    report = IngestReport()
    path = fixtures / "records.jsonl"
    docs = list(read_jsonl(path, origin="records.jsonl", report=report))
    first = docs[0]
    assert (first.id, first.title, first.published, first.source, first.url, first.lang) == (
        "fa-1", "نشست امنیت", "2023-05-14", "خبرگزاری نمونه", "https://news.example.ir/1", "fa")
    assert first.meta == {"origin": "records.jsonl:1", "format": "jsonl", "encoding": "utf-8",
                          "extra": {"section": "world"}}
    assert docs[1].id and docs[1].id != "fa-1"  # the stable id from Document
    assert docs[1].meta["published_raw"] == "۱۴۰۲/۰۲/۲۴" and docs[1].published is None
    assert [d.meta["origin"] for d in docs] == [
        "records.jsonl:1", "records.jsonl:3", "records.jsonl:9", "records.jsonl:10"]
    assert [str(p) for p in report.errors] == [
        "records.jsonl:4: not valid JSON (Expecting value at column 1); line skipped",
        'records.jsonl:5: no "text" field; line skipped',
        "records.jsonl:6: not a JSON object (got list); line skipped",
        'records.jsonl:7: "text" is empty; line skipped',
        'records.jsonl:8: "text" is not a string (got int); line skipped',
    ]
    assert [str(p) for p in report.warnings] == [
        "records.jsonl:3: \"published\" value '۱۴۰۲/۰۲/۲۴' is not a date I can read; left empty"]


def _jsonl(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


@pytest.mark.parametrize("wrap", ["bom", "utf16", "gzip", "short-first-line"])
def test_jsonl_encodings_and_gzip(tmp_path, wrap):
    records = [{"text": "متن اول بین‌المللی"}, {"text": "النص الثاني"}]
    data = _jsonl(records)
    name = "a.jsonl"
    if wrap == "bom":
        data = codecs.BOM_UTF8 + data
    elif wrap == "utf16":
        data = data.decode().encode("utf-16")
    elif wrap == "gzip":
        data, name = gzip.compress(data), "a.jsonl.gz"
    else:
        data = b"{}\n" + data  # the first line is shorter than the peeked head
    (tmp_path / name).write_bytes(data)
    docs, report = ingest([tmp_path / name])
    assert [d.text for d in docs] == [r["text"] for r in records]
    assert len(report.errors) == (1 if wrap == "short-first-line" else 0)


def test_jsonl_line_in_windows_1256(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl([{"text": "سطر اول"}]) + '{"text": "بحث وزير الخارجية"}\n'.encode("cp1256"))
    docs, report = ingest([path])
    assert [d.text for d in docs] == ["سطر اول", "بحث وزير الخارجية"]
    assert docs[1].meta["encoding"] == "windows-1256"
    assert [str(p) for p in report.warnings] == [f"{path}:2: not UTF-8; read as windows-1256"]


def test_empty_jsonl(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    _, report = ingest([tmp_path / "e.jsonl"])
    assert [p.message for p in report.problems] == ["empty file, skipped"]


def test_html_file_in_windows_1256(tmp_path, fixtures):
    html = (fixtures / "ar_article.html").read_text("utf-8").replace(
        'charset="utf-8"', 'charset="windows-1256"')
    (tmp_path / "ar.htm").write_bytes(html.encode("cp1256"))
    [doc], report = ingest([tmp_path / "ar.htm"])
    assert "بحث وزير الخارجية الروسي" in doc.text
    assert doc.meta["encoding"] == "windows-1256" and doc.meta["format"] == "html"
    assert doc.title == "موسكو وأنقرة تبحثان الأزمة في سوريا"
    assert not report.problems


def test_html_file_utf16(tmp_path, fixtures):
    html = (fixtures / "fa_article.html").read_text("utf-8")
    (tmp_path / "fa.html").write_bytes(html.encode("utf-16"))
    [doc], _ = ingest([tmp_path / "fa.html"])
    assert "بین\u200cالمللی" in doc.text and doc.meta["encoding"] == "utf-16-le"


def test_html_without_text(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>خانه</a></nav></body></html>")
    docs, report = ingest([tmp_path / "empty.html"])
    assert docs == []
    assert report.errors[0].message == "no article text found in the HTML page, skipped"


def test_jsonl_control_character_message_reads_once(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "روسیه\tو ترکیه"}\n', encoding="utf-8")  # a raw TAB inside a string
    report = IngestReport()
    assert list(read_jsonl(path, origin="bad.jsonl", report=report)) == []
    [problem] = report.errors
    assert str(problem) == ("bad.jsonl:1: not valid JSON (Invalid control character at column "
                            "16); line skipped")
