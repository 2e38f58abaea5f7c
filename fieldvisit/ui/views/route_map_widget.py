"""The schematic route map in the window: numbered stops, legs with their times, a scale bar
and a north arrow; no label overlaps another or either of those."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldvisit.services.route_map import Box, MapLeg, RouteMap, place_labels, shortened

DAY_COLOURS = ("#b3261e", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00")


class RouteMapWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.route: RouteMap | None = None
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 300)

    def show_route(self, route: RouteMap | None) -> None:
        self.route = route
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fbfaf6"))
        painter.setPen(QPen(QColor("#d8d4c8")))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.route is None:
            painter.setPen(QColor("#777"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No stop has coordinates yet."))
            return
        paint_route(painter, self.route, QRectF(self.rect()).adjusted(8, 8, -8, -8))


HALO = QColor(251, 250, 246, 215)  # the map's background, nearly opaque
DOT = 10.0  # radius of a stop's numbered dot, px


@dataclass(frozen=True)
class RouteLayout:
    """Where everything of a route map goes in a widget: dots, labels, scale bar, north."""

    box: QRectF  # the drawing, with the route's aspect ratio
    dots: tuple[QPointF, ...]
    labels: tuple[tuple[QRectF, str] | None, ...]  # per point: where and which text
    leg_labels: tuple[tuple[QRectF, str] | None, ...]  # per leg: its minutes
    scale: QRectF  # the scale bar with its text
    north: QRectF  # the north arrow with its N


def _box(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def _rect(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def scale_text(route: RouteMap) -> str:
    return f"{route.scale_km:g} km" if route.scale_km >= 1 else f"{route.scale_km * 1000:g} m"


def leg_text(leg: MapLeg) -> str:
    return ("≈" if leg.estimated else "") + f"{leg.minutes}′"


def route_layout(route: RouteMap, area: QRectF, metrics: QFontMetricsF) -> RouteLayout:
    """Lay ``route`` out in ``area``, keeping its aspect ratio; labels go where they overlap
    nothing (services.route_map.place_labels), shortened or left out where it is too crowded."""
    width = min(area.width(), area.height() / route.aspect)
    height = width * route.aspect
    box = QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2,
                 width, height)
    dots = tuple(QPointF(box.x() + p.x * box.width(), box.y() + p.y * box.height())
                 for p in route.points)
    # the scale bar and the north arrow as _scale_bar draws them, with their texts
    bar, x, y = route.scale_width * box.width(), box.left() + 6, box.bottom() - 6
    top = min(y - 4, y + 4 - metrics.ascent())
    scale = QRectF(x - 1, top, bar + 8 + metrics.horizontalAdvance(scale_text(route)),
                   max(y + 1, y + 4 + metrics.descent()) - top)
    top = min(box.top() + 16, box.top() + 14 - metrics.ascent())
    north = QRectF(box.left() + 5, top, max(10.0, metrics.horizontalAdvance("N") + 2),
                   box.top() + 35 - top)
    bounds = _box(area)
    points = [(d.x(), d.y()) for d in dots]
    lines = [(points[leg.start], points[leg.end]) for leg in route.legs]
    line_height = metrics.height()
    texts = [shortened(p.label) for p in route.points]
    placed = place_labels(points, [[(metrics.horizontalAdvance(t) + 4, line_height) for t in forms]
                                   for forms in texts], bounds, radius=DOT,
                          avoid=[_box(scale), _box(north)], dots=points, dot_radius=DOT + 1,
                          lines=lines)
    labels = tuple(None if spot is None else (_rect(spot[0]), texts[i][spot[1]])
                   for i, spot in enumerate(placed))
    legs = route.legs
    middles = [((points[g.start][0] + points[g.end][0]) / 2,
                (points[g.start][1] + points[g.end][1]) / 2) for g in legs]
    taken = [_box(scale), _box(north)] + [_box(label[0]) for label in labels if label]
    leg_spots = place_labels(middles, [[(metrics.horizontalAdvance(leg_text(g)) + 2,
                                         line_height)] if g.minutes is not None else []
                                       for g in legs], bounds, radius=2, avoid=taken, dots=points,
                             dot_radius=DOT + 1)
    leg_labels = tuple(None if spot is None else (_rect(spot[0]), leg_text(leg))
                       for leg, spot in zip(legs, leg_spots, strict=True))
    return RouteLayout(box, dots, labels, leg_labels, scale, north)


def label_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    return small


def paint_route(painter: QPainter, route: RouteMap, area: QRectF) -> None:
    """Draw ``route`` into ``area``, keeping its aspect ratio."""
    painter.setFont(label_font(painter.font()))
    layout = route_layout(route, area, QFontMetricsF(painter.font()))
    centre_of = layout.dots
    for leg in route.legs:
        start, end = centre_of[leg.start], centre_of[leg.end]
        colour = QColor(DAY_COLOURS[(route.points[leg.start].day - 1) % len(DAY_COLOURS)])
        pen = QPen(colour, 2.0)
        if leg.estimated:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(start, end)
        _arrow(painter, start, end, colour)
    painter.setPen(QColor("#333"))
    for spot in layout.leg_labels:
        if spot is not None:
            painter.fillRect(spot[0], HALO)
            painter.drawText(spot[0], Qt.AlignmentFlag.AlignCenter, spot[1])
    for point, centre, spot in zip(route.points, centre_of, layout.labels, strict=True):
        colour = QColor(DAY_COLOURS[(point.day - 1) % len(DAY_COLOURS)])
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(centre, DOT, DOT)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(centre.x() - DOT, centre.y() - DOT, 2 * DOT, 2 * DOT),
                         Qt.AlignmentFlag.AlignCenter, str(point.number))
        if spot is not None:
            painter.fillRect(spot[0], HALO)  # a leg under a label does not cross its text
            painter.setPen(QColor("#222"))
            painter.drawText(spot[0], Qt.AlignmentFlag.AlignCenter, spot[1])
    _scale_bar(painter, route, layout)


def _arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    tip = end - QPointF(math.cos(angle) * 12, math.sin(angle) * 12)
    wing = 7
    left = tip - QPointF(math.cos(angle - 0.45) * wing, math.sin(angle - 0.45) * wing)
    right = tip - QPointF(math.cos(angle + 0.45) * wing, math.sin(angle + 0.45) * wing)
    painter.setPen(QPen(colour, 2.0))
    painter.drawLine(tip, left)
    painter.drawLine(tip, right)


def _scale_bar(painter: QPainter, route: RouteMap, layout: RouteLayout) -> None:
    length = route.scale_width * layout.box.width()
    y = layout.box.bottom() - 6
    x = layout.box.left() + 6
    painter.setPen(QPen(QColor("#333"), 1.5))
    painter.drawLine(QPointF(x, y), QPointF(x + length, y))
    for tick in (x, x + length):
        painter.drawLine(QPointF(tick, y - 4), QPointF(tick, y + 1))
    painter.drawText(QPointF(x + length + 6, y + 4), scale_text(route))
    north = QPointF(layout.box.left() + 10, layout.box.top() + 4)
    painter.drawLine(north + QPointF(0, 30), north + QPointF(0, 12))
    painter.drawLine(north + QPointF(0, 12), north + QPointF(-4, 18))
    painter.drawLine(north + QPointF(0, 12), north + QPointF(4, 18))
    painter.drawText(north + QPointF(-4, 10), "N")
