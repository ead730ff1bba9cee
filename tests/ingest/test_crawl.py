"""A crawl as CC-NEWS ships it: a gzipped WARC/1.0 of request, response and metadata records,
pages in many languages and code pages. Only the Persian and Arabic articles are kept, with
their title, date, URL and site, text and ZWNJ intact; `Selection` also filters by date."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from rasad.ingest import IngestReport, Selection, iter_documents

ZWNJ = "\u200c"
FA_UTF8 = ("وزیر امور خارجه ایران روز سه‌شنبه در تهران با همتای ترکیه دیدار کرد و درباره "
           "همکاری‌های اقتصادی و امنیت مرزی گفت‌وگو کرد.",
           "او پس از این دیدار به خبرنگاران گفت که دو کشور برای گسترش روابط بین‌المللی و "
           "تجارت منطقه‌ای توافق کرده‌اند.",
           "سخنگوی دولت نیز اعلام کرد که نشست بعدی دو هیئت ماه آینده در آنکارا برگزار می‌شود.")
# Windows-1256 has no Persian yeh or keheh: Persian pages in it are written with ي and ك.
FA_1256 = ("رئيس‌جمهور ايران روز چهارشنبه در سفر به مشهد از چند طرح عمراني بازديد كرد و "
           "گفت‌وگوهاي تازه‌اي با مسئولان استان داشت.",
           "او گفت دولت براي تكميل اين طرح‌ها بودجه بيشتري در نظر گرفته است و كار تا پايان "
           "سال به پايان مي‌رسد.",
           "استاندار خراسان رضوي نيز از آغاز ساخت دو بيمارستان جديد در اين استان خبر داد.")
AR_1256 = ("أعلنت وزارة الخارجية السورية يوم الاثنين أن الوزير سيزور القاهرة الأسبوع المقبل "
           "لبحث العلاقات الثنائية بين البلدين.",
           "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التنسيق المستمر حول القضايا "
           "الإقليمية والتعاون الاقتصادي.",
           "وأضاف أن الجانبين سيوقعان عدة اتفاقيات في مجالات التجارة والطاقة والنقل.")
AR_UTF8 = ("استقبل رئيس الوزراء العراقي في بغداد وفدا من البنك الدولي لمناقشة مشاريع إعادة "
           "الإعمار في المحافظات الشمالية.",
           "وأكد رئيس الوزراء أن الحكومة ملتزمة بتنفيذ الإصلاحات الاقتصادية المتفق عليها "
           "خلال العام الجاري.",
           "من جهته أشاد رئيس الوفد بالتقدم الذي حققته الحكومة في مجال الشفافية المالية.")
EN = ("The foreign minister of Turkey met his Iranian counterpart in Tehran on Tuesday to "
      "discuss trade and border security.",
      "Both sides said they had agreed to expand economic cooperation and regional trade.",
      "A further meeting of the two delegations is planned in Ankara next month.")


def page(paragraphs: tuple[str, ...], *, title: str, published: str, site: str,
         lang: str | None = None, meta_charset: str | None = None) -> str:
    """An article page with the metadata news sites put in their heads."""
    lang_attr = f' lang="{lang}"' if lang else ""
    charset = (f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
               if meta_charset else "")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html{lang_attr}><head>{charset}<title>{title}</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{published}T08:30:00+03:30">'
            f"</head><body><nav><a href='/'>خانه</a> <a href='/en'>English</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>© {site}</footer></body></html>")


def write_cc_news(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    """A gzipped WARC shaped like CC-NEWS: warcinfo, then request, response (HTTP headers,
    `Content-Type` as the server sent it) and metadata records for each (url, body, type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {
            "software": "StormCrawler (rasad tests)", "format": "WARC File Format 1.0"}))
        for url, body, content_type in pages:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "CCBot/2.0")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=request))
            headers = [("Date", "Tue, 14 May 2024 08:31:00 GMT"), ("Server", "nginx")]
            if content_type:
                headers.append(("Content-Type", content_type))
            response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            identified = {"WARC-Identified-Payload-Type": (content_type or "text/html").split(";")[0]}
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=response,
                warc_headers_dict=identified))
            writer.write_record(writer.create_warc_record(
                url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                warc_content_type="application/warc-fields"))
    return path


@pytest.fixture
def crawl(tmp_path) -> Path:
    return cc_news_sample(tmp_path)


def cc_news_sample(folder: Path) -> Path:
    """Six pages: Persian and Arabic in UTF-8 and Windows-1256, English with and without
    `<html lang>`, and an image (also used by the Spark test)."""
    fa_utf8 = page(FA_UTF8, title="دیدار وزیران خارجه ایران و ترکیه", published="2024-05-14",
                   site="خبرگزاری نمونه", lang="fa")
    fa_1256 = page(FA_1256, title="بازديد رئيس‌جمهور از طرح‌هاي مشهد", published="2024-05-15",
                   site="روزنامه قديمي", meta_charset="windows-1256")
    ar_1256 = page(AR_1256, title="وزير الخارجية السوري يزور القاهرة", published="2024-04-30",
                   site="صحيفة الوطن", meta_charset="windows-1256")
    ar_utf8 = page(AR_UTF8, title="رئيس الوزراء يستقبل وفد البنك الدولي", published="2024-06-02",
                   site="وكالة الأنباء")
    en = page(EN, title="Ministers meet in Tehran", published="2024-05-14", site="Example News",
              lang="en")
    en_untagged = page(EN, title="Ministers meet again", published="2024-05-14",
                       site="Other News")
    return write_cc_news(folder / "CC-NEWS-20240514083100-00001.warc.gz", [
        ("https://news.example.ir/fa/1", fa_utf8.encode(), "text/html; charset=UTF-8"),
        ("https://old.example.ir/news/2", fa_1256.encode("cp1256"), "text/html"),
        # a server default that lies; the page's meta tag says windows-1256
        ("https://alwatan.example.sy/3", ar_1256.encode("cp1256"), "text/html; charset=ISO-8859-1"),
        ("https://ina.example.iq/4", ar_utf8.encode(), ""),  # no Content-Type at all
        ("https://news.example.com/5", en.encode(), "text/html; charset=utf-8"),
        ("https://other.example.com/6", en_untagged.encode(), "text/html; charset=utf-8"),
        ("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ])


def test_keeps_exactly_the_persian_and_arabic_articles(crawl):
    report = IngestReport()
    docs = list(iter_documents([crawl], report=report, select=Selection.parse(lang="fa,ar")))
    assert [d.url for d in docs] == ["https://news.example.ir/fa/1", "https://old.example.ir/news/2",
                                     "https://alwatan.example.sy/3", "https://ina.example.iq/4"]
    assert report.left_out == {"language": 2}
    fa, fa_old, ar, _ = docs
    assert [d.lang for d in docs] == ["fa", "fa", "ar", "ar"]
    assert [d.meta["encoding"] for d in docs] == ["utf-8", "windows-1256", "windows-1256", "utf-8"]
    for doc, paragraphs in zip(docs, (FA_UTF8, FA_1256, AR_1256, AR_UTF8), strict=True):
        for paragraph in paragraphs:  # every character as written, ZWNJ included
            assert paragraph in doc.text
        assert "English" not in doc.text and "©" not in doc.text
    for doc, paragraphs in ((fa, FA_UTF8), (fa_old, FA_1256)):  # none lost, none added
        assert doc.text.count(ZWNJ) == doc.title.count(ZWNJ) + sum(p.count(ZWNJ) for p in paragraphs)
    assert (fa.title, fa.published, fa.source) == (
        "دیدار وزیران خارجه ایران و ترکیه", "2024-05-14", "خبرگزاری نمونه")
    assert (fa_old.title, fa_old.published) == ("بازديد رئيس\u200cجمهور از طرح\u200cهاي مشهد",
                                                "2024-05-15")
    assert (ar.title, ar.published, ar.source) == (
        "وزير الخارجية السوري يزور القاهرة", "2024-04-30", "صحيفة الوطن")
    assert all(d.meta["format"] == "warc" and d.meta["crawled"] for d in docs)


def test_without_a_selection_every_language_is_read(crawl):
    report = IngestReport()
    docs = list(iter_documents([crawl], report=report))
    assert len(docs) == 6 and not report.left_out  # every page but the image
    assert docs[4].lang == "other" and docs[5].lang is None  # <html lang="en">; no tag


def test_date_window_and_undated(crawl):
    window = Selection.parse(lang="fa,ar", since="2024-05", until="2024-05-14")
    assert window.since == date(2024, 5, 1) and window.until == date(2024, 5, 14)
    report = IngestReport()
    docs = list(iter_documents([crawl], report=report, select=window))
    assert [d.url for d in docs] == ["https://news.example.ir/fa/1"]
    assert report.left_out == {"date": 3, "language": 2}  # the English pages are of the 14th


def test_selection_parse_errors_and_undated_documents():
    from rasad.document import Document

    with pytest.raises(ValueError, match="unknown language"):
        Selection.parse(lang="fa,en")
    with pytest.raises(ValueError, match="--since '2024-13' is not a date"):
        Selection.parse(since="2024-13")
    with pytest.raises(ValueError, match="is after until"):
        Selection.parse(since="2024-06", until="2024-05")
    assert Selection.parse(until="2024-02").until == date(2024, 2, 29)
    undated = Document("متن بدون تاریخ", lang="fa")
    assert Selection.parse(since="2024").reason(undated) is None  # kept: times may date it
    assert Selection.parse(since="2024", strict_dates=True).reason(undated) == "undated"
    assert not Selection().active and Selection.parse(lang="ar").active
