"""Route-map labels in the report cross no leg of the route: not a stop's name, not a leg's
minutes — checked exactly (segment against rectangle), on routes that zigzag across the map."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from fieldvisit.reporting.font_slots import font_slots
from fieldvisit.reporting.route_map_figure import label_boxes
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.route_map import Box, MapLeg, MapPoint, RouteMap, segment_hits_box

NAMES = ["东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇", "饿了么北京CBD骑士驿站",
         "Chaoyang Community Youth Centre", "望京街道新就业形态劳动者之家", "崔各庄乡党群服务中心"]


def zigzag(seed: int, count: int) -> RouteMap:
    rng = random.Random(seed)
    points = tuple(MapPoint(i + 1, NAMES[i % len(NAMES)], rng.uniform(0.08, 0.92),
                            rng.uniform(0.08, 0.92), 1) for i in range(count))
    legs = tuple(MapLeg(i, i + 1, rng.randint(3, 40), rng.random() < 0.3)
                 for i in range(count - 1))
    return RouteMap(points, legs, 0.75, 1.0, 0.2, ())


def test_segment_hits_box_exactly():
    box = Box(10, 4, 4, 4)
    assert segment_hits_box((0, 0), (480, 240), box)  # between samples 1/24 of it apart
    assert not segment_hits_box((0, 0), (480, 0), box)
    assert segment_hits_box((12, 0), (12, 100), box)
    assert not segment_hits_box((12, 9), (12, 100), box)
    assert segment_hits_box((12, 9), (12, 100), box, gap=1.5)


@pytest.mark.parametrize("seed", range(12))
def test_report_labels_cross_no_leg_and_no_other_label(seed):
    route = zigzag(seed, 5 + seed % 6)
    fonts = font_slots(ReportOptions()).body
    width = 440.0
    height = min(260.0, width * route.aspect)
    left = (width - height / route.aspect) / 2
    boxes = [found[0] for found in label_boxes(route, width, height, left, fonts)]
    points = [(left + p.x * height / route.aspect, p.y * height) for p in route.points]
    for box in boxes:
        for leg in route.legs:
            assert not segment_hits_box(points[leg.start], points[leg.end], box), (box, leg)
    for a, b in combinations(boxes, 2):
        assert not a.intersects(b), (a, b)
    assert len(boxes) >= len(route.points) // 2  # most labels still find room


@pytest.mark.parametrize(("language", "unit"), [("zh", "分钟"), ("en", " min")])
def test_leg_minutes_are_written_out(language, unit):
    route = zigzag(3, 3)
    fonts = font_slots(ReportOptions()).body
    texts = [found[1] for found in label_boxes(route, 440.0, 260.0, 0.0, fonts, language)]
    minutes = [t for t in texts if t.rstrip("0123456789 minutes分钟≈") == ""]
    assert minutes and all(t.endswith(unit) for t in minutes)
    assert not any("′" in t for t in texts)
