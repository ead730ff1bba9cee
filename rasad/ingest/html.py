"""The article inside an HTML page: main text (without menus and footers) and metadata.

trafilatura finds the main text and the title, date, canonical URL and site name well, but
it deletes every character that is not printable, and ZWNJ (U+200C) is one: `بین‌المللی`
would come out as `بینالمللی`. So before extraction every ZWNJ, raw or written as an entity
(`&zwnj;`, `&#8204;`, `&#x200c;`), becomes a printable placeholder letter that the page
does not contain, and after extraction the placeholder becomes ZWNJ again. (A private-use
character does not work: it is not printable either.)

When trafilatura finds nothing (very short pages), the text of the `<p>` elements outside
navigation, header, footer and aside is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.ingest.meta import iso_date, lang_code, text_or_none

ZWNJ = "\u200c"
_ZWNJ_ANY = re.compile(r"\u200c|&zwnj;?|&#0*8204;?|&#[xX]0*200[cC];?")
_PLACEHOLDERS = tuple(chr(cp) for cp in range(0xA000, 0xA48D))  # Yi syllables: printable letters
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_BOILERPLATE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                "template", "iframe", "svg")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "pre", "dd", "dt", "figcaption", "table", "ul", "ol")
SHORT_TEXT = 250  # below this, check that the page has text outside boilerplate at all
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_WHITESPACE = re.compile(r"\s+")  # ZWNJ is not whitespace
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Article:
    """What an HTML page holds. `extractor` is "trafilatura" or "paragraphs" (the fallback)."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    extractor: str = "trafilatura"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in `<meta charset>` or `http-equiv` (first 4 KB)."""
    m = _META_CHARSET.search(data[:4096])
    return m[1].decode("ascii") if m else None


def extract_article(html: str, *, url: str | None = None) -> Article | None:
    """The main text and metadata of a page, ZWNJ intact; None when there is no text."""
    placeholder = next(ch for ch in _PLACEHOLDERS if ch not in html)
    protected = _ZWNJ_ANY.sub(placeholder, html)
    lang = lang_code(m[1]) if (m := _HTML_LANG.search(html[:4096])) else None
    found = _trafilatura(protected, url=url)
    if found is None or not (found.text or "").strip():
        text = paragraphs_text(html)
        if text:
            return Article(text, lang=lang, url=url, extractor="paragraphs")
        text = stripped_text(html)  # a page libxml2 gives up on (nested past its depth limit)
        return Article(text, lang=lang, url=url, extractor="stripped") if text else None
    if len(found.text) < SHORT_TEXT and not fragment_text(html):
        return None  # a short "text" from a page whose only text is menus and footers

    def restore(value: object) -> str | None:
        value = text_or_none(value)
        return value.replace(placeholder, ZWNJ) if value else None

    return Article(
        text=restore(found.text) or "", title=restore(found.title),
        published=iso_date(found.date), url=text_or_none(found.url) or url,
        source=restore(found.sitename) or text_or_none(found.hostname), lang=lang,
    )


def _trafilatura(html: str, *, url: str | None) -> object | None:
    import trafilatura  # noqa: PLC0415 (slow import, only when HTML is read)

    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       include_tables=True, deduplicate=False)


def paragraphs_text(html: str) -> str:
    """Text of the `<p>` elements outside boilerplate, one per line (all text if none)."""
    root = _parse(html)
    if root is None:
        return ""
    paragraphs = [" ".join(p.text_content().split()) for p in root.iter("p")]
    paragraphs = [p for p in paragraphs if p]
    return "\n".join(paragraphs) if paragraphs else fragment_text(html)


def fragment_text(html: str) -> str:
    """Readable text of an HTML fragment (an RSS entry's content): one line per block."""
    root = _parse(html)
    if root is None:
        return ""
    for el in root.iter():  # source line breaks are spaces; blocks end lines
        el.text = _WHITESPACE.sub(" ", el.text) if el.text else el.text
        el.tail = _WHITESPACE.sub(" ", el.tail) if el.tail else el.tail
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (_clean(line) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAGS = re.compile(r"</?(p|div|br|li|h[1-6]|tr|section|article|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def stripped_text(html: str) -> str:
    """Last resort for a page no parser can read: scripts and styles dropped, block tags as
    line ends, every other tag removed, entities decoded. Lines of fewer than three words
    (menus, buttons) are left out."""
    import html as html_lib  # noqa: PLC0415

    text = _BLOCK_TAGS.sub("\n", _SCRIPTS.sub(" ", html))
    text = html_lib.unescape(_ANY_TAG.sub(" ", text))
    lines = (_clean(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if len(line.split()) >= 3)


def _parse(html: str):  # noqa: ANN202 (lxml element)
    """Parse with lxml (which keeps ZWNJ and decodes entities), boilerplate removed."""
    from lxml import etree  # noqa: PLC0415
    from lxml import html as lxml_html  # noqa: PLC0415

    source = _XML_DECL.sub("", html)
    if not source.strip():
        return None
    try:
        root = lxml_html.fromstring(source) if "<" in source else lxml_html.fragment_fromstring(
            source, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for el in list(root.iter(*_BOILERPLATE)):
        if el.getparent() is not None:
            el.drop_tree()
    return root


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
