"""The HTML pages: each renders, hostile stored text is escaped, highlights sit on the right
characters, no page carries inline script, and bad parameters are a 4xx page."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from tests.web.conftest import HAND_ID, HOSTILE_ID


class _Handlers(HTMLParser):
    """Collects the event-handler attributes (onclick, onerror…) of every element, as a
    browser parses them: text that only looks like one inside an escaped value is not one."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"<{tag} {name}=…>" for name, _ in attrs if name.startswith("on")]


def handlers(html: str) -> list[str]:
    parser = _Handlers()
    parser.feed(html)
    return parser.found


PAGES = ["/", "/search", "/search?q=پوتین", "/documents", "/documents?lang=ar",
         "/documents/demo-fa-01", f"/documents/{HOSTILE_ID}", "/actor/RUS", "/actor/Q7747",
         "/actor/RUS?level=actor", "/dyad", "/dyad?a=RUS&b=TUR", "/dyad?a=RUS&b=TUR&period=2016-08",
         "/network", "/network?level=actor&since=2024", "/analyse", "/api/docs",
         f"/documents/{HAND_ID}", "/search?q=تهران", "/dyad?a=RUS&b=Qhostile"]
# Where each hostile field shows, and how it must read there: escaped, quotes included.
ESCAPED = {"title": "&#34;&gt;&lt;img src=x onerror=alert(6)&gt;&#39; onmouseover=&#39;alert(7)",
           "text": "&lt;b onmouseover=&#34;alert(9)&#34;&gt;&#39;x&#39;&lt;/b&gt;",
           "name": "&#34;&gt;&lt;svg onload=alert(10)&gt;",
           "source": "&lt;script&gt;alert(8)&lt;/script&gt;"}
HOSTILE_PAGES = {"/": ["title"], "/documents": ["title"], "/search?q=تهران": ["title", "text"],
                 f"/documents/{HAND_ID}": ["title", "text", "name", "source"],
                 "/actor/RUS": ["name", "text"], "/dyad?a=RUS&b=Qhostile&period=2024-03": ["text"]}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_csp_and_no_inline_script(client, url: str) -> None:  # noqa: ANN001
    page = client.get(url)
    assert page.status_code == 200, page.text[:300]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts == ['<script src="/static/app.js" defer>'], scripts  # and nothing inline
    assert handlers(page.text) == [], "no inline event handlers"
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', page.text), \
        "nothing is loaded from another host"


def test_the_handler_check_sees_handlers_but_not_escaped_text() -> None:
    assert handlers('<p><img src=x onerror=alert(1)><a href="#" ONCLICK="x()">') == \
        ["<img onerror=…>", "<a onclick=…>"]
    assert handlers('<span title="&#34;&gt;&lt;svg onload=alert(1)&gt;">x</span>') == []


def test_static_files_are_served(client) -> None:  # noqa: ANN001
    assert "showAnnotations" in client.get("/static/app.js").text
    assert "--rtl" in client.get("/static/style.css").text


def test_hostile_text_is_shown_as_text(client) -> None:  # noqa: ANN001
    html = client.get(f"/documents/{HOSTILE_ID}").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html  # the title too
    assert 'href="javascript:' not in html  # a stored URL that is not http(s) is not linked
    for url in ("/search?q=bold", "/", "/documents"):
        text = client.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text, url


@pytest.mark.parametrize(("url", "fields"), HOSTILE_PAGES.items())
def test_hostile_titles_names_text_and_urls_are_escaped_on_every_page(
        client, url: str, fields: list[str]) -> None:  # noqa: ANN001
    html = client.get(url).text
    for field in fields:
        assert ESCAPED[field] in html, (url, field)
    for raw in ("<svg onload", "<img src=x", "<script>alert", "<b onmouseover", "onmouseover='",
                'href="javascript:', "href='javascript:"):
        assert raw not in html, (url, raw)


def test_a_query_with_markup_is_escaped(client) -> None:  # noqa: ANN001
    html = client.get("/search", params={"q": "<script>alert(5)</script>"}).text
    assert "<script>alert(5)" not in html and "&lt;script&gt;alert(5)" in html


def test_document_highlights_are_the_annotations_offsets(client) -> None:  # noqa: ANN001
    doc = client.get("/api/documents/demo-fa-01").json()
    html = client.get("/documents/demo-fa-01").text
    article = html[html.index('id="doc-text"'):html.index("</article>")]
    article = article[article.index(">") + 1:]
    plain = unescape(re.sub(r"<[^>]+>", "", article))
    assert plain == doc["text"], "the page shows the text whole, in order"
    spans = re.findall(r'<span class="hl ([^"]*)" data-ann="([^"]*)"[^>]*>([^<]*)</span>', article)
    by_id: dict[str, str] = {}
    for _classes, ids, text in spans:
        for ann in ids.split():
            by_id[ann] = by_id.get(ann, "") + unescape(text)
    for index, ent in enumerate(doc["entities"]):
        assert by_id[f"entities-{index}"] == ent["text"]
    for index, event in enumerate(doc["events"]):
        assert by_id[f"events-{index}"] == event["trigger"]["text"]
    for layer in ("times", "quantities", "quotes"):
        assert by_id[f"{layer}-0"] == doc[layer][0]["text"], layer
    assert 'id="entities-0"' in html and "Vladimir Putin" in html  # the details panel
    assert 'dir="rtl"' in html and 'lang="fa"' in html


def test_search_page_finds_actors_and_sentences_in_both_scripts(client) -> None:  # noqa: ANN001
    for query in ("روسيه", "روسیه", "روسيا", "Russia"):
        html = client.get("/search", params={"q": query}).text
        assert 'href="/actor/RUS"' in html, query
    html = client.get("/search", params={"q": "رئيسجمهور"}).text
    hits = client.get("/api/search", params={"q": "رئيسجمهور"}).json()
    assert html.count('class="hit"') == len(hits["sentences"]) >= 3
    assert html.count("<mark>رئیس\u200cجمهور</mark>") >= 3  # in each hit, as written (ZWNJ)
    assert "<mark>" not in html.split('id="sentence-results"')[0]


def test_actor_page_names_in_three_scripts_and_links_dyads(client) -> None:  # noqa: ANN001
    html = client.get("/actor/RUS").text
    assert "Russia" in html and "روسیه" in html and "روسيا" in html
    assert 'href="/dyad?a=RUS&amp;b=TUR"' in html
    assert html.count('class="coop"') >= 3  # timeline bars


def test_dyad_page_points_link_to_the_events_behind_them(client) -> None:  # noqa: ANN001
    html = client.get("/dyad", params={"a": "RUS", "b": "TUR"}).text
    links = re.findall(r'<a class="point-link" href="([^"]+)"', html)
    assert any("period=2016-08" in unescape(link) for link in links)
    behind = client.get(unescape(next(x for x in links if "2016-08" in x))).text
    assert 'class="behind-event"' in behind and "سان بطرسبورغ" in behind


def test_network_page_draws_nodes_and_edges(client) -> None:  # noqa: ANN001
    html = client.get("/network", params={"since": "2016", "until": "2016"}).text
    assert html.count('<circle class="node"') == 2 and html.count('<line class="edge') == 1


def test_paste_and_upload_are_analysed_and_shown(client, web_db) -> None:  # noqa: ANN001
    text = "پوتین با اردوغان در آنکارا دیدار کرد."
    html = client.post("/analyse", data={"text": text}).text
    assert "Analysed on the spot" in html and "Vladimir Putin" in html and 'class="hl ' in html
    upload = client.post("/analyse", files={"upload": ("a.txt", text.encode(), "text/plain")},
                         data={"lang": "fa"})
    assert upload.status_code == 200 and "Recep Tayyip" in upload.text
    bad = client.post("/analyse", files={"upload": ("a.txt", b"\xff\xfe\xfa", "text/plain")})
    assert bad.status_code == 400 and "not UTF-8" in bad.text
    assert client.post("/analyse", data={"text": ""}).status_code == 400
    from fastapi.testclient import TestClient

    from rasad.web import create_app

    small = TestClient(create_app(web_db, max_chars=10))
    answer = small.post("/analyse", data={"text": text})
    assert answer.status_code == 413 and "at most 10" in answer.text
    big_file = small.post("/analyse", files={"upload": ("a.txt", "ا".encode() * 30, "text/plain")})
    assert big_file.status_code == 413 and "a.txt" in big_file.text


@pytest.mark.parametrize(("url", "status"), [
    ("/documents/none-such", 404), ("/actor/zzqqzzqq-nobody", 404), ("/dyad?a=RUS&b=TUR&by=day", 400),
    ("/network?since=soon", 400), ("/search?lang=xx&q=a", 400), ("/no/such/page", 404),
    ("/dyad?a=RUS&b=TUR&period=2016-08-01", 400), ("/network?min_events=0", 422),
])
def test_bad_parameters_give_an_error_page(client, url: str, status: int) -> None:  # noqa: ANN001
    page = client.get(url)
    assert page.status_code == status
    assert 'id="error-message"' in page.text and "Traceback" not in page.text
