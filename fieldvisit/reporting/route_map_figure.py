"""The itinerary's schematic route map as a ReportLab drawing: the same data the window draws
(services.route_map.RouteMap), numbered stops, legs with their minutes, a scale bar and a
north arrow; labels placed where they overlap nothing (shared with the window)."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import white
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldvisit.reporting.styles import ACCENT, FILL, HAIRLINE, INK, MUTED, ReportFonts
from fieldvisit.reporting.text import clean, truncate
from fieldvisit.services.route_map import Box, RouteMap, map_labels, scale_text, shortened

MAX_HEIGHT = 260.0  # points
LABEL_SIZE = 8.0
DOT = 7.0
HALO = white  # under a label, so that a leg does not cross its text


def route_map_drawing(route: RouteMap, width: float, fonts: ReportFonts,
                      language: str = "zh", max_height: float = MAX_HEIGHT) -> Drawing:
    height = min(max_height, width * route.aspect)
    box_width = height / route.aspect
    left = (width - box_width) / 2
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular
    drawing.initialFontSize = LABEL_SIZE

    def at(index: int) -> tuple[float, float]:
        point = route.points[index]
        return left + point.x * box_width, height - point.y * height

    points = [at(i) for i in range(len(route.points))]
    for leg in route.legs:
        (x1, y1), (x2, y2) = points[leg.start], points[leg.end]
        line = Line(x1, y1, x2, y2, strokeColor=ACCENT, strokeWidth=1.2)
        if leg.estimated:
            line.strokeDashArray = [3, 2]
        drawing.add(line)
        angle = math.atan2(y2 - y1, x2 - x1)
        tip_x, tip_y = x2 - math.cos(angle) * (DOT + 1), y2 - math.sin(angle) * (DOT + 1)
        wing = [tip_x - math.cos(angle - 0.45) * 6, tip_y - math.sin(angle - 0.45) * 6,
                tip_x, tip_y,
                tip_x - math.cos(angle + 0.45) * 6, tip_y - math.sin(angle + 0.45) * 6]
        drawing.add(PolyLine(wing, strokeColor=ACCENT, strokeWidth=1.2))
    for index, point in enumerate(route.points):
        x, y = points[index]
        drawing.add(Circle(x, y, DOT, fillColor=ACCENT, strokeColor=FILL, strokeWidth=1))
        number = str(point.number)
        drawing.add(String(x - stringWidth(number, fonts.regular, LABEL_SIZE) / 2, y - 2.8,
                           number, fontName=fonts.regular, fontSize=LABEL_SIZE,
                           fillColor=FILL))
    for (box, text, size, colour) in label_boxes(route, width, height, left, fonts,
                                                       language):
        # boxes have y downwards; the drawing's y goes up. The text sits 2 pt above the bottom.
        drawing.add(Rect(box.left, height - box.bottom, box.width, box.height,
                         fillColor=HALO, strokeColor=None))
        drawing.add(String(box.left + 1, height - box.bottom + 2.2, text,
                           fontName=fonts.regular, fontSize=size, fillColor=colour))
    bar = route.scale_width * box_width
    drawing.add(Line(left + 4, 6, left + 4 + bar, 6, strokeColor=INK, strokeWidth=1))
    for tick in (left + 4, left + 4 + bar):
        drawing.add(Line(tick, 3, tick, 9, strokeColor=INK, strokeWidth=1))
    drawing.add(String(left + 8 + bar, 3.5, scale_text(route), fontName=fonts.regular,
                       fontSize=LABEL_SIZE - 0.5, fillColor=MUTED))
    drawing.add(Line(left + 8, height - 26, left + 8, height - 10, strokeColor=INK,
                     strokeWidth=1))
    drawing.add(PolyLine([left + 5, height - 14, left + 8, height - 10, left + 11, height - 14],
                         strokeColor=INK, strokeWidth=1))
    drawing.add(String(left + 5, height - 36, "N", fontName=fonts.regular,
                       fontSize=LABEL_SIZE, fillColor=INK))
    drawing.add(Line(0, 0, width, 0, strokeColor=HAIRLINE, strokeWidth=0.4))
    return drawing


def label_boxes(route: RouteMap, width: float, height: float, left: float,
                fonts: ReportFonts, language: str = "zh") -> list[tuple[Box, str, float, object]]:
    """The stops' names and the legs' minutes with their boxes and colours, placed by
    ``services.route_map.map_labels`` and measured in the report's font."""
    def measure(text: str, size: float) -> float:
        return stringWidth(text, fonts.regular, size)

    texts = [[truncate(form, lambda text: measure(text, LABEL_SIZE), width)
              for form in shortened(clean(p.label, fonts.has_glyph))] for p in route.points]
    unit = "{n}分钟" if language == "zh" else "{n} min"
    return [(box, text, size, MUTED if leg else INK) for box, text, size, leg in map_labels(
        route, width, height, left, texts, unit, measure, LABEL_SIZE, DOT)]
