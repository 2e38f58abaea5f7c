"""Route map labels overlap nothing: not each other, not a stop's dot, not the scale bar or the
north arrow, and stay inside the map — in the window and in the report, even for a cluster of
close stops with long names."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from fieldvisit.domain.enums import CoordinateDatum
from fieldvisit.services import itinerary, visits
from fieldvisit.services.itinerary_view import itinerary as itinerary_view
from fieldvisit.services.route_map import Box, place_labels, route_map
from fieldvisit.ui.views.route_map_widget import DOT, label_font, route_layout

NAMES = ["东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇", "饿了么北京CBD骑士驿站",
         "Chaoyang Community Youth Centre", "望京街道新就业形态劳动者之家", "崔各庄乡党群服务中心",
         "Sanlitun Rider Station"]


@pytest.fixture
def crowded(uow):
    """Six stops within about 150 m of each other and one 3 km away (so the six crowd)."""
    visit = visits.create_visit(uow, "密集路线")
    spots = [(39.9000, 116.4000), (39.9004, 116.4006), (39.9008, 116.4001), (39.9003, 116.4012),
             (39.9010, 116.4010), (39.8998, 116.4008), (39.9270, 116.4300)]
    for name, (lat, lon) in zip(NAMES, spots, strict=True):
        site = itinerary.create_site(uow, name, latitude=lat, longitude=lon,
                                     datum=CoordinateDatum.WGS84)
        itinerary.add_stop(uow, visit.id, site.id, travel_minutes=7)
    return route_map(itinerary_view(uow, visit.id))


def _box(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def assert_apart(labels: list[Box], dots: list[Box], furniture: list[Box], bounds: Box) -> None:
    for a, b in combinations(labels, 2):
        assert not a.intersects(b), (a, b)
    for label in labels:
        assert label.inside(bounds), label
        for other in dots + furniture:
            assert not label.intersects(other), (label, other)


@pytest.mark.parametrize("size", [(290, 300), (360, 300), (600, 420), (220, 200)])
def test_window_labels_overlap_nothing(crowded, qapp, size):
    area = QRectF(8, 8, size[0] - 16, size[1] - 16)
    metrics = QFontMetricsF(label_font(QFont(qapp.font())))
    layout = route_layout(crowded, area, metrics)
    names = [_box(spot[0]) for spot in layout.labels if spot]
    minutes = [_box(spot[0]) for spot in layout.leg_labels if spot]
    dots = [Box(d.x() - DOT, d.y() - DOT, 2 * DOT, 2 * DOT) for d in layout.dots]
    assert_apart(names + minutes, dots, [_box(layout.scale), _box(layout.north)], _box(area))
    assert len(names) >= 4  # most names still find room, shortened if need be
    for spot, point in zip(layout.labels, crowded.points, strict=True):
        if spot is not None:
            text = spot[1]
            assert text == point.label or (text.endswith("…") and point.label.startswith(
                text[:-1]))


def test_the_reference_visit_labels_keep_clear_of_the_scale_and_north(sample_window):
    tab = sample_window.workspace.itinerary_tab
    sample_window.workspace.tabs.setCurrentWidget(tab)
    widget = tab.map
    area = QRectF(widget.rect()).adjusted(8, 8, -8, -8)
    layout = route_layout(widget.route, area, QFontMetricsF(label_font(widget.font())))
    labels = [_box(spot[0]) for spot in layout.labels + layout.leg_labels if spot]
    assert len(labels) == 5  # three names, two legs
    dots = [Box(d.x() - DOT, d.y() - DOT, 2 * DOT, 2 * DOT) for d in layout.dots]
    assert_apart(labels, dots, [_box(layout.scale), _box(layout.north)], _box(area))


def test_report_labels_overlap_nothing(crowded):
    from fieldvisit.reporting.route_map_figure import DOT as PDF_DOT
    from fieldvisit.reporting.route_map_figure import LABEL_SIZE, label_boxes, route_map_drawing
    from fieldvisit.reporting.styles import register_fonts

    fonts = register_fonts()
    width = 450.0
    drawing = route_map_drawing(crowded, width, fonts)
    height = drawing.height
    left = (width - height / crowded.aspect) / 2
    found = label_boxes(crowded, width, height, left, fonts)
    boxes = [box for box, *_ in found]
    box_width = height / crowded.aspect
    dots = [Box(left + p.x * box_width - PDF_DOT, p.y * height - PDF_DOT, 2 * PDF_DOT,
                2 * PDF_DOT) for p in crowded.points]
    furniture = [Box(left + 3, height - 12, crowded.scale_width * box_width + 30, 12),
                 Box(left + 4, 9, 9, 30)]
    assert_apart(boxes, dots, furniture, Box(0, 0, width, height))
    assert sum(1 for _box, _text, size, _colour in found if size == LABEL_SIZE) >= 4


def test_place_labels_shortens_then_leaves_out():
    bounds = Box(0, 0, 100, 40)
    placed = place_labels([(20, 20), (24, 20)], [[(200, 10), (30, 10)], [(200, 10), (30, 10)]],
                          bounds, radius=3, dots=[(20, 20), (24, 20)], dot_radius=3)
    first, second = placed
    assert first is not None and first[1] == 1  # only the short text fits
    assert second is None or not second[0].intersects(first[0])
    assert place_labels([(50, 20)], [[(500, 10)]], bounds) == [None]
