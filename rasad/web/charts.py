"""Geometry for the hand-written SVG charts (dyad line, actor timeline, network circle).

The numbers are computed here and the templates write the SVG elements with them, so there is
no chart library to vendor and no script is needed to draw: a point of the dyad chart is a
link to the events behind it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT, MARGIN = 720, 260, 40
GOLDSTEIN_MAX = 10.0


@dataclass
class Point:
    x: float
    y: float
    key: str
    events: int
    mean: float

    @property
    def tone(self) -> str:
        return "coop" if self.mean > 0 else "conflict" if self.mean < 0 else "neutral"


def _x(index: int, count: int) -> float:
    inner = WIDTH - 2 * MARGIN
    return MARGIN + (inner / 2 if count == 1 else inner * index / (count - 1))


def _y(value: float) -> float:
    """Goldstein −10 … +10 mapped to the chart's height, +10 at the top."""
    inner = HEIGHT - 2 * MARGIN
    return MARGIN + inner * (GOLDSTEIN_MAX - value) / (2 * GOLDSTEIN_MAX)


def dyad_chart(periods: list[dict[str, Any]]) -> dict[str, Any]:
    """Points (mean Goldstein per period), the polyline through them, and the axis lines."""
    points = [Point(round(_x(i, len(periods)), 1), round(_y(p["goldstein_mean"]), 1),
                    p["period"], p["events"], p["goldstein_mean"])
              for i, p in enumerate(periods)]
    return {"width": WIDTH, "height": HEIGHT, "points": points,
            "line": " ".join(f"{p.x},{p.y}" for p in points),
            "zero": _y(0), "top": _y(GOLDSTEIN_MAX), "bottom": _y(-GOLDSTEIN_MAX),
            "left": MARGIN, "right": WIDTH - MARGIN, "radius": 7}


def timeline_bars(periods: list[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars per period: cooperation above the axis, conflict below it."""
    most = max((max(p["cooperation"], p["conflict"]) for p in periods), default=1) or 1
    half = (HEIGHT - 2 * MARGIN) / 2
    zero = MARGIN + half
    step = (WIDTH - 2 * MARGIN) / max(len(periods), 1)
    bars = []
    for i, p in enumerate(periods):
        up, down = half * p["cooperation"] / most, half * p["conflict"] / most
        bars.append({"x": round(MARGIN + i * step + step * 0.15, 1), "w": round(step * 0.7, 1),
                     "coop_y": round(zero - up, 1), "coop_h": round(up, 1),
                     "conf_h": round(down, 1), "period": p})
    return {"width": WIDTH, "height": HEIGHT, "zero": zero, "bars": bars,
            "left": MARGIN, "right": WIDTH - MARGIN}


def network_layout(graph: dict[str, list[dict[str, Any]]], *, size: int = 700) -> dict[str, Any]:
    """Nodes on a circle (the busiest first), radius by event count, labels outside the ring;
    edges by weight."""
    nodes, centre, ring = graph["nodes"], size / 2, size / 2 - 165
    most = max((n["events"] for n in nodes), default=1)
    placed = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        radius = 5 + 13 * math.sqrt(node["events"] / most)
        x, y = centre + ring * cos, centre + ring * sin
        placed[node["id"]] = {**node, "x": round(x, 1), "y": round(y, 1), "r": round(radius, 1),
                              "label_x": round(x + (radius + 5) * cos, 1),
                              "label_y": round(y + (radius + 5) * sin + 4, 1),
                              "anchor": "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"}
    heaviest = max((e["events"] for e in graph["edges"]), default=1)
    edges = []
    for edge in graph["edges"]:
        a, b = placed.get(edge["a"]), placed.get(edge["b"])
        if a and b:
            mean = edge["goldstein_mean"]
            edges.append({**edge, "x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"],
                          "width": round(1 + 5 * edge["events"] / heaviest, 1),
                          "tone": "coop" if mean > 0 else "conflict" if mean < 0 else "neutral"})
    return {"size": size, "nodes": list(placed.values()), "edges": edges}
