"""rasad.events.merge: which mentions are one event, on synthetic rows (no pipeline)."""

from __future__ import annotations

import random

import pytest

from rasad.events.merge import Mention, cluster_all, cluster_group, merge_key


def event(plover: str, source: str | None, target: str | None, *, status: str = "asserted",
          sector: str = "GOV", **extra: object) -> dict:
    def side(country: str | None) -> dict | None:
        return None if country is None else {"country": country, "sector": sector}
    return {"plover": {"event": plover}, "source": side(source), "target": side(target),
            "status": status, **extra}


def m(doc: str, key: str, day: str | None, place: str | None = None, idx: int = 0) -> Mention:
    return Mention(doc, idx, key, day, place)


MEET = merge_key(event("CONSULT", "RUS", "TUR"))


def test_symmetric_types_ignore_direction_the_others_keep_it() -> None:
    assert merge_key(event("CONSULT", "TUR", "RUS")) == MEET
    assert merge_key(event("AGREE", "TUR", "RUS")) == merge_key(event("AGREE", "RUS", "TUR"))
    assert merge_key(event("ASSAULT", "RUS", "UKR")) != merge_key(event("ASSAULT", "UKR", "RUS"))
    # a type that is not symmetric, but an event the events stage marked symmetric
    assert (merge_key(event("SUPPORT", "RUS", "TUR", symmetric=True))
            == merge_key(event("SUPPORT", "TUR", "RUS", symmetric=True)))


def test_status_and_type_are_part_of_the_group() -> None:
    assert merge_key(event("CONSULT", "RUS", "TUR", status="future")) != MEET
    assert merge_key(event("COOPERATE", "RUS", "TUR")) != MEET


def test_a_minister_and_his_president_are_one_side_but_domestic_sides_keep_their_sector() -> None:
    person = {"plover": {"event": "CONSULT"}, "status": "asserted",
              "source": {"kb_id": "Q7747", "country": "RUS"}, "target": {"kb_id": "Q39259", "country": "TUR"}}
    assert merge_key(person) == MEET
    assert (merge_key(event("COERCE", "IRN", "IRN", sector="GOV"))
            != merge_key({**event("COERCE", "IRN", "IRN"), "target": {"country": "IRN", "sector": "OPP"}}))


def test_a_persian_and_an_arabic_report_of_one_meeting_merge() -> None:
    fa, ar = m("fa-1", MEET, "2016-08-09", "Q656"), m("ar-1", MEET, "2016-08-10", "Q656")
    ids = cluster_group([fa, ar])
    assert ids[fa] == ids[ar]


def test_two_days_apart_do_not_merge_and_a_week_of_reports_does_not_chain() -> None:
    a, b = m("a", MEET, "2016-08-09"), m("b", MEET, "2016-08-11")
    ids = cluster_group([a, b])
    assert ids[a] != ids[b]
    week = [m(f"d{i}", MEET, f"2016-08-{10 + i:02d}") for i in range(7)]
    assert len(set(cluster_group(week).values())) == 4  # 10-11, 12-13, 14-15, 16


def test_different_types_or_places_do_not_merge() -> None:
    agree = merge_key(event("AGREE", "RUS", "TUR"))
    a, b = m("a", MEET, "2016-08-09"), m("b", agree, "2016-08-09")
    ids = cluster_all([a, b])
    assert ids[a] != ids[b]
    here, there, unknown = (m("x", MEET, "2016-08-09", "Q656"), m("y", MEET, "2016-08-09", "Q406"),
                            m("z", MEET, "2016-08-09"))
    ids = cluster_group([here, there, unknown])
    assert ids[here] != ids[there] and ids[unknown] in (ids[here], ids[there])


def test_undated_mentions_join_only_an_unambiguous_event() -> None:
    dated, month, undated = (m("a", MEET, "2016-08-09"), m("b", MEET, "2016-08"),
                             m("c", MEET, None))
    ids = cluster_group([dated, month, undated])
    assert ids[dated] == ids[month] == ids[undated]
    other = m("d", MEET, "2016-12-20")  # now two events: an undated report could be either
    ids = cluster_group([dated, month, undated, other])
    assert ids[month] == ids[dated] and ids[undated] not in (ids[dated], ids[other])
    # undated reports from different documents are not glued to each other
    ids = cluster_group([m("e", MEET, None), m("f", MEET, None)])
    assert len(set(ids.values())) == 2


def test_a_missing_side_merges_only_within_its_document() -> None:
    key = merge_key(event("SANCTION", "RUS", None))
    a1, a2, b = m("a", key, "2024-06-25", idx=1), m("a", key, "2024-06-25", idx=4), m("b", key, "2024-06-25")
    ids = cluster_group([a1, a2, b])
    assert ids[a1] == ids[a2] != ids[b]


def test_clusters_and_ids_do_not_depend_on_the_order_of_input() -> None:
    rng = random.Random(7)
    keys = [MEET, merge_key(event("ASSAULT", "RUS", "UKR"))]
    mentions = [m(f"doc{i}", rng.choice(keys), rng.choice([None, "2016-08", "2016-08-09",
                                                          "2016-08-10", "2016-08-12"]),
                  rng.choice([None, "Q656", "Q406"]), idx=i % 3) for i in range(60)]
    expected = cluster_all(mentions)
    for _ in range(5):
        rng.shuffle(mentions)
        assert cluster_all(mentions) == expected


def test_one_group_at_a_time() -> None:
    with pytest.raises(ValueError, match="one group"):
        cluster_group([m("a", MEET, None), m("b", "asserted|AGREE|RUS~TUR", None)])
