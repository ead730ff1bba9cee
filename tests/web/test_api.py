"""The JSON API: every endpoint on a real store, bad parameters as a clear 4xx in one shape,
and hostile stored text returned as data."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.web.conftest import HOSTILE_ID, HOSTILE_TEXT, store_records


def test_stats_count_the_store(client) -> None:  # noqa: ANN001
    stats = client.get("/api/stats").json()
    records = store_records()
    assert stats["documents"] == len(records)
    assert stats["languages"] == dict(Counter(r["lang"] for r in records))
    assert stats["events_by_status"]["asserted"] > 50
    assert "path" not in stats  # the server's file system stays private


def test_documents_list_and_one_document_with_every_layer(client) -> None:  # noqa: ANN001
    listing = client.get("/api/documents", params={"lang": "ar", "limit": 3}).json()
    assert listing["total"] == sum(r["lang"] == "ar" for r in store_records())
    assert len(listing["documents"]) == 3
    assert all(d["lang"] == "ar" for d in listing["documents"])
    doc = client.get("/api/documents/demo-fa-01").json()
    assert doc["id"] == "demo-fa-01" and doc["lang"] == "fa"
    for layer in ("sentences", "entities", "times", "quantities", "quotes", "events"):
        assert doc[layer], layer
    putin = doc["entities"][0]
    assert doc["text"][putin["start"]:putin["end"]] == putin["text"] == "ولادیمیر پوتین"


def test_events_filter_as_the_cli_does(client) -> None:  # noqa: ANN001
    rows = client.get("/api/events", params={"actor": "RUS", "plover": "consult",
                                             "status": "asserted", "limit": 50}).json()
    assert rows and all(r["plover"]["event"] == "CONSULT" and r["status"] == "asserted"
                        for r in rows)
    assert all("RUS" in (r["source"]["country"], (r["target"] or {}).get("country")) for r in rows)
    assert rows[0]["sentence_text"] and rows[0]["names"]["source"]["en"]
    persian = client.get("/api/events", params={"actor": "روسيه", "lang": "fa"}).json()
    assert persian and all(r["lang"] == "fa" for r in persian)
    old = client.get("/api/events", params={"since": "2016", "until": "2016-12"}).json()
    assert {r["date"][:4] for r in old} == {"2016"}


def test_dyad_has_the_2016_months_and_the_events_behind_a_point(client) -> None:  # noqa: ANN001
    data = client.get("/api/dyad", params={"a": "RUS", "b": "تركيا"}).json()
    months = {p["period"]: p for p in data["periods"]}
    assert months["2016-08"]["events"] == 1 and months["2016-08"]["types"] == {"CONSULT": 1}
    assert months["2016-11"]["goldstein_mean"] < 0
    assert data["names"]["b"]["en"] == "Türkiye" and data["not_happened"]["negated"] >= 1
    behind = client.get("/api/dyad/events", params={"a": "RUS", "b": "TUR",
                                                    "period": "2016-08"}).json()
    assert len(behind) == 1 and "سان بطرسبورغ" in behind[0]["sentence"]
    weekly = client.get("/api/dyad", params={"a": "RUS", "b": "TUR", "by": "week"}).json()
    assert "2016-W32" in {p["period"] for p in weekly["periods"]}


@pytest.mark.parametrize(("one", "other"), [("روسيه", "روسیه"), ("رئیس‌جمهور", "رئيسجمهور"),
                                            ("الكرملين", "الکرملین"), ("بین‌المللی", "بینالمللی")])
def test_search_folds_ya_kaf_and_zwnj(client, one: str, other: str) -> None:  # noqa: ANN001
    first = client.get("/api/search", params={"q": one}).json()
    second = client.get("/api/search", params={"q": other}).json()
    assert first["sentences"], one
    assert [(h["doc_id"], h["sentence"]) for h in first["sentences"]] == \
        [(h["doc_id"], h["sentence"]) for h in second["sentences"]]
    assert [a["id"] for a in first["actors"]] == [a["id"] for a in second["actors"]]


def test_actors_by_name_in_any_script(client) -> None:  # noqa: ANN001
    for name in ("پوتين", "پوتین", "بوتين", "Putin"):
        found = client.get("/api/actors", params={"q": name}).json()
        assert found and found[0]["id"] == "Q7747", name
    assert found[0]["names"]["fa"] and found[0]["names"]["ar"]


def test_actor_counterparts_and_timeline(client) -> None:  # noqa: ANN001
    actor = client.get("/api/actors/روسیه").json()
    assert actor["key"] == "RUS" and actor["actor"]["names"]["en"] == "Russia"
    ranked = [t["b"] for t in actor["counterparts"]]
    assert "TUR" in ranked[:3] and "IRN" in ranked[:3]
    events = [t["events"] for t in actor["counterparts"]]
    assert events == sorted(events, reverse=True)
    assert {"2016-08", "2016-11"} <= {p["period"] for p in actor["timeline"]}
    alone = client.get("/api/actors/RUS/counterparts", params={"level": "actor"}).json()
    assert alone and all(t["names"]["en"] for t in alone)


def test_network_nodes_and_weighted_edges(client) -> None:  # noqa: ANN001
    graph = client.get("/api/network", params={"since": "2016", "until": "2016"}).json()
    assert {n["id"] for n in graph["nodes"]} == {"RUS", "TUR"}
    (edge,) = graph["edges"]
    assert edge["events"] == 2 and set(edge["types"]) == {"CONSULT", "DISAPPROVE"}
    assert graph["nodes"][0]["names"]["fa"] in ("روسیه", "ترکیه")
    assert len(client.get("/api/network").json()["edges"]) > 5


def test_analyse_pasted_text_and_refuse_past_the_cap(client, web_db) -> None:  # noqa: ANN001
    text = "التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين في سان بطرسبورغ."
    doc = client.post("/api/analyse", json={"text": text, "published": "2016-08-09"}).json()
    assert doc["lang"] == "ar" and doc["events"][0]["plover"]["event"] == "CONSULT"
    assert client.post("/api/analyse", json={"text": "  "}).status_code == 400
    from fastapi.testclient import TestClient

    from rasad.web import create_app

    small = TestClient(create_app(web_db, max_chars=50))
    answer = small.post("/api/analyse", json={"text": text})
    assert answer.status_code == 413 and "at most 50" in answer.json()["error"]["message"]
    huge = small.post("/api/analyse", json={"text": "ا" * 200_000})  # refused before reading
    assert huge.status_code == 413


def test_openapi_is_served_and_swagger_cdn_is_not(client) -> None:  # noqa: ANN001
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/dyad", "/api/dyad/events", "/api/search", "/api/actors",
                 "/api/actors/{actor}", "/api/network", "/api/analyse", "/api/documents/{doc_id}"):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/dyad/events" in page.text and "cdn" not in page.text


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/events?plover=HUG", 400, "plover"),
    ("/api/events?status=maybe", 400, "status"),
    ("/api/events?since=yesterday", 400, "since"),
    ("/api/events?until=2024-13-01", 400, "until"),
    ("/api/events?lang=en", 400, "lang"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=many", 422, "limit"),
    ("/api/dyad?a=RUS", 422, "b"),
    ("/api/dyad?a=RUS&b=TUR&by=day", 400, "by"),
    ("/api/dyad?a=%20&b=TUR", 400, "a"),
    ("/api/dyad/events?a=RUS&b=TUR&period=August", 400, "period"),
    ("/api/search?q=", 400, "q"),
    ("/api/search?q=" + "x" * 300, 400, "200"),
    ("/api/actors/nobody-at-all-zzz", 404, "no actor"),
    ("/api/actors/RUS?level=planet", 400, "level"),
    ("/api/network?min_events=-1", 422, "min_events"),
    ("/api/documents/nope", 404, "nope"),
    ("/api/documents?offset=-5", 422, "offset"),
    ("/api/nothing-here", 404, "/api/nothing-here"),
])
def test_bad_parameters_are_a_clear_4xx_in_one_shape(client, url: str, status: int,  # noqa: ANN001
                                                      words: str) -> None:
    answer = client.get(url)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["status"] == status and words in error["message"]


def test_bad_analyse_bodies_are_4xx(client) -> None:  # noqa: ANN001
    assert client.post("/api/analyse", json={"txt": "x"}).status_code == 422
    assert client.post("/api/analyse", content=b"not json",
                       headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/api/analyse", json={"text": "سلام", "lang": "en"}).status_code == 400
    assert client.get("/api/analyse").status_code == 405


def test_hostile_text_comes_back_as_data(client) -> None:  # noqa: ANN001
    doc = client.get(f"/api/documents/{HOSTILE_ID}").json()
    assert doc["text"] == HOSTILE_TEXT
    answer = client.get(f"/api/documents/{HOSTILE_ID}")
    assert answer.headers["content-type"].startswith("application/json")
    assert "script-src 'self'" in answer.headers["content-security-policy"]


SAMPLES = {  # one good request per endpoint; the test below fails when an endpoint has none
    "/api/stats": "/api/stats",
    "/api/documents": "/api/documents",
    "/api/documents/{doc_id}": "/api/documents/demo-ar-01",
    "/api/events": "/api/events?status=asserted",
    "/api/dyad": "/api/dyad?a=IRN&b=SAU",
    "/api/dyad/events": "/api/dyad/events?a=IRN&b=SAU",
    "/api/search": "/api/search?q=الرياض",
    "/api/actors": "/api/actors?q=عربستان",
    "/api/actors/{actor}": "/api/actors/SAU",
    "/api/actors/{actor}/counterparts": "/api/actors/السعودية/counterparts",
    "/api/network": "/api/network?level=actor",
    "/api/analyse": None,  # POST, tested above
}


def test_every_endpoint_answers_a_good_request(client) -> None:  # noqa: ANN001
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert paths == set(SAMPLES), "give each endpoint a sample request"
    for url in filter(None, SAMPLES.values()):
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text[:200])
        assert answer.json(), url
