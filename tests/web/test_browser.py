"""End to end in headless chromium (Debian's, driven by Playwright): every page loads with no
script error or CSP violation, search in Persian and Arabic spellings, a document's
highlights and details, a dyad point clicked through to its sentences, hostile text inert.

Skips, saying why, without the playwright package or /usr/bin/chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from rasad.web.testing import chromium, missing_browser, serve
from tests.web.conftest import HAND_ID, HOSTILE_ID

pytestmark = pytest.mark.skipif(missing_browser() is not None, reason=missing_browser() or "")

PAGES = ["/", "/search?q=روسیه", "/documents", "/documents/demo-ar-01", "/actor/RUS",
         "/actor/Q7747", "/dyad?a=RUS&b=TUR", "/network", "/analyse", "/api/docs"]


@pytest.fixture(scope="module")
def site(web_db: Path) -> Iterator[tuple[str, Any]]:
    with serve(web_db) as base, chromium() as browser:
        yield base, browser


@pytest.fixture
def page(site: tuple[str, Any]) -> Iterator[Any]:
    base, browser = site
    context = browser.new_context(base_url=base, locale="en-US")
    page = context.new_page()
    page.problems = []  # console errors (a CSP violation is one), page errors and dialogs
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog {d.message}"), d.dismiss()))
    yield page
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_loads_without_script_errors(page, url: str) -> None:  # noqa: ANN001
    answer = page.goto(url)
    assert answer.status == 200
    assert page.locator("main h1").count() == 1
    page.wait_for_load_state("networkidle")
    assert page.problems == []


def _search(page, query: str) -> tuple[list[str], int]:  # noqa: ANN001
    """Type `query` in the header's search box; the actor links and the sentence count."""
    page.goto("/")
    box = page.locator("header input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    actors = page.locator("#actor-results a.actor-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return actors, page.locator("#sentence-results a.hit").count()


@pytest.mark.parametrize("spellings", [
    ("روسیه", "روسيه"),                      # Persian ی, Arabic ي
    ("تركيا", "ترکیا"),                      # Arabic ك ي, Persian ک ی
    ("الكرملين", "الکرملین"),
    ("رئیس‌جمهور", "رئیسجمهور"),             # with ZWNJ and without
    ("رئیس‌جمهور", "رئيسجمهور"),             # and without it in Arabic letters
])
def test_search_in_persian_and_arabic_spellings(page, spellings: tuple[str, ...]) -> None:  # noqa: ANN001
    results = [_search(page, query) for query in spellings[:2]]
    assert results[0] == results[1], spellings
    actors, hits = results[0]
    assert actors or hits
    assert page.problems == []


def test_search_finds_the_actor_in_three_scripts(page) -> None:  # noqa: ANN001
    for query in ("روسیه", "روسيا", "Russia"):
        actors, _ = _search(page, query)
        assert "/actor/RUS" in actors, query
    page.locator("#actor-results a.actor-link[href='/actor/RUS']").click()
    page.wait_for_url("**/actor/RUS")
    assert "Russia" in page.locator("#actor-name").inner_text()
    assert "روسیه" in page.locator("#actor-name").inner_text()


def test_a_document_shows_its_highlights_and_details(page) -> None:  # noqa: ANN001
    doc = page.request.get("/api/documents/demo-fa-01").json()
    page.goto("/documents/demo-fa-01")
    text = page.locator("#doc-text")
    assert text.get_attribute("dir") == "rtl"
    assert text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert text.inner_text().strip() == doc["text"].strip()
    first = doc["entities"][0]
    span = page.locator("span.hl[data-ann~='entities-0']").first
    assert span.inner_text() == first["text"]
    panel = page.locator("section#entities-0")
    assert panel.is_hidden()
    span.click()
    assert panel.is_visible() and first["name_en"] in panel.inner_text()
    assert page.locator("#details-hint").is_hidden()
    for layer in ("times", "quantities", "quotes", "events"):
        assert page.locator(f"span.hl-{layer}").count() > 0, layer
    trigger = doc["events"][0]["trigger"]["text"]
    assert "".join(page.locator("span.hl[data-ann~='events-0']").all_inner_texts()) == trigger
    page.locator("a.show-ann[data-ann='events-0']").click()
    assert page.locator("section#events-0").is_visible()
    assert page.problems == []


def test_a_dyad_point_clicks_through_to_its_sentences(page) -> None:  # noqa: ANN001
    page.goto("/dyad?a=RUS&b=TUR")
    points = page.locator("#dyad-chart circle.point")
    assert points.count() >= 3
    page.locator("#dyad-chart a.point-link[data-period='2016-08'] circle").click()
    page.wait_for_url("**period=2016-08*")
    behind = page.locator("#behind li.behind-event")
    assert behind.count() == 1
    assert "سان بطرسبورغ" in behind.inner_text() and "CONSULT" in behind.inner_text()
    behind.locator("blockquote a").click()  # the merged event's lead report, one of three
    page.wait_for_url(re.compile(r".*/documents/(demo-ar-09|demo-fa-09|pair-ar-2016)$"))
    assert page.locator("span.hl-events").count() >= 1
    assert page.problems == []


def test_network_nodes_lead_to_actor_pages(page) -> None:  # noqa: ANN001
    page.goto("/network?since=2016&until=2016")
    assert page.locator("#network circle.node").count() == 2
    page.locator("#network a.node-link").first.click()
    page.wait_for_url("**/actor/*")
    assert page.locator("table.counterparts tbody tr").count() >= 1


def test_hostile_text_is_inert(page) -> None:  # noqa: ANN001
    page.goto(f"/documents/{HOSTILE_ID}")
    page.wait_for_load_state("networkidle")
    assert "<script>alert('x')</script>" in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text script, #doc-text img, #doc-text b").count() == 0
    assert "<img src=x onerror=alert(2)>" in page.locator("main h1").inner_text()
    page.locator("span.hl").first.click()
    assert page.problems == []  # no alert() ran


HOSTILE_PAGES = ["/", "/documents", f"/documents/{HOSTILE_ID}", f"/documents/{HAND_ID}",
                 "/search?q=تهران", "/actor/RUS", "/dyad?a=RUS&b=Qhostile&period=2024-03"]
INERT = """() => {
  const handlers = [...document.querySelectorAll('*')].flatMap(
    e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name));
  const links = [...document.querySelectorAll('a[href]')]  // SVG links too
    .map(a => new URL(a.getAttribute('href'), location.href).href)
    .filter(h => !h.startsWith(location.origin + '/'));
  const scripts = [...document.scripts].map(s => s.src || 'inline');
  return {handlers, links, scripts, svg: document.querySelectorAll('main svg[onload]').length};
}"""


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_titles_names_and_text_run_nothing(page, url: str) -> None:  # noqa: ANN001
    """Every page that shows a hostile record: no element got an event handler, no link
    leaves the site (javascript: included), no script but ours; hovering and clicking every
    highlight opens no dialog and logs no error (a blocked inline script would log one)."""
    assert page.goto(url).status == 200
    page.wait_for_load_state("networkidle")
    found = page.evaluate(INERT)
    assert found["handlers"] == [] and found["links"] == [] and found["svg"] == 0, found
    assert all(src.endswith("/static/app.js") for src in found["scripts"]), found["scripts"]
    for element in page.locator("main h1, main a, main span.hl, main span.names").all()[:60]:
        element.dispatch_event("mouseover")  # what would fire an injected onmouseover
    for span in page.locator("main span.hl").all()[:20]:
        span.dispatch_event("click")  # opens the details panel; links are not followed
    assert unquote(page.url).endswith(url)
    assert page.problems == []


def test_pasted_text_is_analysed_and_shown(page) -> None:  # noqa: ANN001
    page.goto("/analyse")
    page.locator("#paste").fill("التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير "
                                "بوتين في سان بطرسبورغ.")
    page.locator("#analyse-button").click()
    page.wait_for_load_state()
    assert "Analysed on the spot" in page.locator("p.meta").inner_text()
    assert page.locator("span.hl-entities").count() >= 2
    assert page.locator("span.hl-events").count() >= 1
