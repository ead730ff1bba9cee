"""Chart geometry: Goldstein on the y axis, +10 at the top; network nodes inside the canvas."""

from __future__ import annotations

from rasad.web.charts import HEIGHT, MARGIN, dyad_chart, network_layout, timeline_bars


def test_dyad_points_sit_by_goldstein() -> None:
    chart = dyad_chart([{"period": "2016-08", "events": 1, "goldstein_mean": 10.0},
                        {"period": "2016-11", "events": 2, "goldstein_mean": -10.0},
                        {"period": "2017-01", "events": 1, "goldstein_mean": 0.0}])
    top, bottom, zero = (p.y for p in chart["points"])
    assert top == MARGIN and bottom == HEIGHT - MARGIN and zero == chart["zero"]
    assert [p.tone for p in chart["points"]] == ["coop", "conflict", "neutral"]
    assert chart["points"][0].x < chart["points"][1].x < chart["points"][2].x


def test_timeline_bars_scale_to_the_busiest_period() -> None:
    bars = timeline_bars([{"period": "2024-01", "events": 4, "cooperation": 4, "conflict": 0,
                           "goldstein_mean": 3.0},
                          {"period": "2024-02", "events": 2, "cooperation": 1, "conflict": 1,
                           "goldstein_mean": 0.0}])["bars"]
    assert bars[0]["coop_h"] == 4 * bars[1]["coop_h"] and bars[0]["conf_h"] == 0


def test_network_nodes_stay_on_the_canvas() -> None:
    graph = {"nodes": [{"id": c, "events": n} for c, n in (("RUS", 5), ("TUR", 3), ("IRN", 1))],
             "edges": [{"a": "RUS", "b": "TUR", "events": 3, "goldstein_mean": 2.0},
                       {"a": "IRN", "b": "RUS", "events": 1, "goldstein_mean": -4.0}]}
    layout = network_layout(graph)
    assert all(0 < n["x"] < layout["size"] and 0 < n["y"] < layout["size"] for n in layout["nodes"])
    assert [e["tone"] for e in layout["edges"]] == ["coop", "conflict"]
    assert layout["edges"][0]["width"] > layout["edges"][1]["width"]
    assert layout["nodes"][0]["r"] > layout["nodes"][2]["r"]
