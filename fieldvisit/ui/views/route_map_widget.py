"""The schematic route map in the window: numbered stops, legs with their times, a scale."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldvisit.services.route_map import RouteMap

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


def paint_route(painter: QPainter, route: RouteMap, area: QRectF) -> None:
    """Draw ``route`` into ``area``, keeping its aspect ratio."""
    width = min(area.width(), area.height() / route.aspect)
    height = width * route.aspect
    box = QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2,
                 width, height)

    def at(index: int) -> QPointF:
        point = route.points[index]
        return QPointF(box.x() + point.x * box.width(), box.y() + point.y * box.height())

    small = QFont(painter.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    painter.setFont(small)
    for leg in route.legs:
        start, end = at(leg.start), at(leg.end)
        colour = QColor(DAY_COLOURS[(route.points[leg.start].day - 1) % len(DAY_COLOURS)])
        pen = QPen(colour, 2.0)
        if leg.estimated:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(start, end)
        _arrow(painter, start, end, colour)
        if leg.minutes is not None:
            middle = (start + end) / 2
            text = ("≈" if leg.estimated else "") + f"{leg.minutes}′"
            painter.setPen(QColor("#333"))
            painter.drawText(middle + QPointF(5, -4), text)
    for index, point in enumerate(route.points):
        centre = at(index)
        colour = QColor(DAY_COLOURS[(point.day - 1) % len(DAY_COLOURS)])
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(centre, 10, 10)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20),
                         Qt.AlignmentFlag.AlignCenter, str(point.number))
        painter.setPen(QColor("#222"))
        text_width = painter.fontMetrics().horizontalAdvance(point.label)
        right = centre.x() + 14 + text_width <= area.right() or \
            centre.x() - 14 - text_width < area.left()
        label_rect = QRectF(centre.x() + 14, centre.y() - 9, text_width + 4, 18) if right \
            else QRectF(centre.x() - 18 - text_width, centre.y() - 9, text_width + 4, 18)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         point.label)
    _scale_bar(painter, route, box)


def _arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    tip = end - QPointF(math.cos(angle) * 12, math.sin(angle) * 12)
    wing = 7
    left = tip - QPointF(math.cos(angle - 0.45) * wing, math.sin(angle - 0.45) * wing)
    right = tip - QPointF(math.cos(angle + 0.45) * wing, math.sin(angle + 0.45) * wing)
    painter.setPen(QPen(colour, 2.0))
    painter.drawLine(tip, left)
    painter.drawLine(tip, right)


def _scale_bar(painter: QPainter, route: RouteMap, box: QRectF) -> None:
    length = route.scale_width * box.width()
    y = box.bottom() - 6
    x = box.left() + 6
    painter.setPen(QPen(QColor("#333"), 1.5))
    painter.drawLine(QPointF(x, y), QPointF(x + length, y))
    for tick in (x, x + length):
        painter.drawLine(QPointF(tick, y - 4), QPointF(tick, y + 1))
    kilometres = f"{route.scale_km:g} km" if route.scale_km >= 1 else \
        f"{route.scale_km * 1000:g} m"
    painter.drawText(QPointF(x + length + 6, y + 4), kilometres)
    north = QPointF(box.left() + 10, box.top() + 4)
    painter.drawLine(north + QPointF(0, 30), north + QPointF(0, 12))
    painter.drawLine(north + QPointF(0, 12), north + QPointF(-4, 18))
    painter.drawLine(north + QPointF(0, 12), north + QPointF(4, 18))
    painter.drawText(north + QPointF(-4, 10), "N")
