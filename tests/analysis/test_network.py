"""Counterparts, networks and the events behind a dyad point, on a store the pipeline built."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad import default_pipeline
from rasad.analysis.network import activity, counterparts, network, pair_events, period_key
from rasad.ingest.dedup import content_hash
from rasad.store import close, connect, save_document

DOCS = [
    ("a", "ar", "2016-08-10",
     "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سان بطرسبورغ "
     "يوم 9 أغسطس 2016. وكان بوتين قد التقى أردوغان في 9 أغسطس 2016 لإنهاء الأزمة."),
    ("b", "fa", "2016-11-20",
     "روسیه ترکیه را به دخالت در سوریه متهم کرد. پوتین با اردوغان دیدار نخواهد کرد."),
    ("c", "fa", "2016-11-21", "ایران و عراق یک توافقنامه همکاری امضا کردند."),
]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    path: Path = tmp_path_factory.mktemp("store") / "t.db"
    writer = connect(path)
    for doc_id, lang, published, text in DOCS:
        doc = default_pipeline().analyze(text, id=doc_id, lang=lang, published=published)
        save_document(writer, doc, content_hash=content_hash(text))
    close(writer)
    reader = connect(path, readonly=True)
    yield reader
    reader.close()


def test_counterparts_count_what_happened_once_per_document(conn) -> None:  # noqa: ANN001
    ties = counterparts(conn, "RUS")
    assert [t.b for t in ties] == ["TUR"]
    tur = ties[0]
    # the meeting (reported twice in «a»: once) and the accusation; the negated meeting is out
    assert tur.events == 2
    assert dict(tur.types) == {"CONSULT": 1, "DISAPPROVE": 1}
    assert set(tur.quads) == {1, 3}
    assert sum(tur.directions.values()) == 2


def test_counterparts_take_any_spelling_and_the_actor_level(conn) -> None:  # noqa: ANN001
    assert [t.b for t in counterparts(conn, "روسيه")] == ["TUR"]
    assert [t.b for t in counterparts(conn, "ایران")] == ["IRQ"]
    people = counterparts(conn, "Vladimir Putin", level="actor")
    assert [t.b for t in people] == ["Q39259"]  # Erdoğan himself, not Türkiye
    with pytest.raises(ValueError, match="level"):
        counterparts(conn, "RUS", level="planet")


def test_network_has_weighted_edges_and_node_counts(conn) -> None:  # noqa: ANN001
    graph = network(conn)
    edges = {(e["a"], e["b"]): e for e in graph["edges"]}
    assert set(edges) == {("RUS", "TUR"), ("IRN", "IRQ")}
    assert edges[("RUS", "TUR")]["events"] == 2
    assert edges[("IRN", "IRQ")]["types"] == {"SUPPORT": 1}  # a signed agreement (CAMEO 057)
    nodes = {n["id"]: n["events"] for n in graph["nodes"]}
    assert nodes == {"RUS": 2, "TUR": 2, "IRN": 1, "IRQ": 1}
    assert network(conn, since="2016-09")["edges"][0]["events"] == 1  # the accusation alone
    assert network(conn, min_events=2)["nodes"] == [{"id": "RUS", "events": 2},
                                                    {"id": "TUR", "events": 2}]


def test_pair_events_give_the_sentences_behind_one_period(conn) -> None:  # noqa: ANN001
    august = pair_events(conn, "TUR", "RUS", period="2016-08")
    assert len(august) == 1 and august[0]["plover"] == "CONSULT"
    assert "سان بطرسبورغ" in august[0]["sentence"]
    assert [e["plover"] for e in pair_events(conn, "RUS", "TUR")] == ["CONSULT", "DISAPPROVE"]
    week = period_key(august[0]["date"], "week")
    assert week == "2016-W32" and len(pair_events(conn, "RUS", "TUR", by="week", period=week)) == 1


def test_activity_is_a_timeline_of_what_happened(conn) -> None:  # noqa: ANN001
    months = {p["period"]: p for p in activity(conn, "TUR")}
    assert set(months) == {"2016-08", "2016-11"}
    assert months["2016-08"]["cooperation"] == 1 and months["2016-11"]["conflict"] == 1
    assert months["2016-11"]["goldstein_mean"] < 0 < months["2016-08"]["goldstein_mean"]
