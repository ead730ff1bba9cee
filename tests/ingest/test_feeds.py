"""RSS/Atom feeds and WARC archives: one document per entry or HTML response record."""

from __future__ import annotations

import pytest

from rasad.ingest import ingest
from rasad.ingest.feeds import is_feed
from tests.ingest.conftest import write_warc


def test_rss_entries(fixtures):
    docs, report = ingest([fixtures / "feed.rss"])
    assert len(docs) == 2
    first, second = docs
    assert first.text == ("نشست بین\u200cالمللی امنیت با حضور نمایندگان ایران، روسیه و چین در "
                          "مسکو آغاز شد.\nموضوع اصلی نشست، همکاری\u200cهای منطقه\u200cای است.")
    assert first.title == "نشست بین\u200cالمللی امنیت در مسکو"
    assert first.published == "2023-05-14"  # 01:15 +0330: still the 14th locally
    assert (first.url, first.source, first.lang) == (
        "https://news.example.ir/world/1", "خبرگزاری نمونه", "fa")
    assert first.meta["origin"].endswith("feed.rss#1") and first.meta["format"] == "rss"
    assert second.text == "وزیران خارجه ایران و ترکیه تلفنی درباره قفقاز گفت\u200cوگو کردند."
    assert second.published == "2023-05-15"
    assert [str(p).split("/")[-1] for p in report.problems] == [
        "feed.rss#3: feed entry has no text, skipped"]


def test_atom_feed_by_root_element(fixtures):
    [doc], report = ingest([fixtures / "atom.xml"])
    assert doc.text == "بحث وزير الخارجية الروسي مع نظيره التركي تطورات الأزمة السورية.\nواتفقا على جولة جديدة."
    assert (doc.title, doc.published, doc.url, doc.lang) == (
        "موسكو وأنقرة تبحثان الأزمة في سوريا", "2022-11-03", "https://example.sy/a/1", "ar")
    assert doc.meta["content"] == "content" and not report.problems


def test_xml_that_is_not_a_feed(fixtures):
    docs, report = ingest([fixtures / "not_a_feed.xml"])
    assert docs == [] and report.errors[0].message == "XML but not an RSS or Atom feed; skipped"


def test_broken_feed(tmp_path):
    (tmp_path / "bad.rss").write_text("<rss><channel><title>x</title></channel>")
    docs, report = ingest([tmp_path / "bad.rss"])
    assert docs == []
    assert report.errors[0].message.startswith("no entries found: not a readable RSS or Atom feed")


@pytest.mark.parametrize(("head", "expected"), [
    (b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', True),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', True),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
    (b"<html><body>", False),
    (b'<?xml version="1.0"?><catalog>', False),
])
def test_is_feed(head, expected):
    assert is_feed(head) is expected


def test_warc_html_records(tmp_path, fixtures):
    ar_html = (fixtures / "ar_article.html").read_text("utf-8").replace(
        'charset="utf-8"', 'charset="windows-1256"').encode("cp1256")
    fa_html = (fixtures / "fa_article.html").read_bytes()
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://example.sy/a/1", ar_html, "text/html", "200 OK"),
        ("https://example.sy/style.css", b"body{}", "text/css", "200 OK"),
        ("https://example.sy/gone", b"<html><p>not found</p></html>", "text/html", "404 Not Found"),
        ("https://news.example.ir/p/2?utm=x", fa_html, "text/html; charset=utf-8", "200 OK"),
        ("https://example.sy/a.txt", "النص الثاني".encode(), "text/plain", "200 OK"),
    ])
    docs, report = ingest([path])
    assert not report.problems
    assert [d.url for d in docs] == [
        "https://example.sy/a/1", "https://news.example.ir/p/2?utm=x", "https://example.sy/a.txt"]
    assert [d.meta["origin"].rsplit("#", 1)[1] for d in docs] == ["2", "5", "6"]
    ar, fa, plain = docs
    assert "بحث وزير الخارجية الروسي" in ar.text and ar.meta["encoding"] == "windows-1256"
    assert "بین\u200cالمللی" in fa.text and "صفحه نخست" not in fa.text
    assert fa.meta["canonical_url"] == "https://news.example.ir/politics/12345"
    assert fa.title.startswith("گفت\u200cوگوی تهران") and fa.published == "2023-05-14"
    assert plain.text == "النص الثاني" and plain.meta["format"] == "warc"
    assert report.by_format == {"warc": 3}


def test_uncompressed_warc_and_sniffing(tmp_path, fixtures):
    path = write_warc(tmp_path / "crawl.warc", [
        ("https://news.example.ir/p/2", (fixtures / "fa_article.html").read_bytes(), "text/html", "200 OK"),
    ])
    renamed = path.rename(tmp_path / "crawl_no_extension")
    [doc], _ = ingest([renamed])
    assert doc.meta["format"] == "warc" and doc.url == "https://news.example.ir/p/2"


def test_not_a_warc(tmp_path):
    (tmp_path / "x.warc").write_text("this is not an archive\n")
    docs, report = ingest([tmp_path / "x.warc"])
    assert docs == []
    assert report.errors[0].message == "not a WARC file (no WARC/1.x header), skipped"


def test_warc_without_articles_warns(tmp_path):
    path = write_warc(tmp_path / "css.warc", [("https://x/s.css", b"a{}", "text/css", "200 OK")])
    docs, report = ingest([path])
    assert docs == []
    assert [(p.level, p.message) for p in report.problems] == [
        ("warning", "no HTML or plain-text responses among 2 records; nothing read")]
