"""The itinerary's schematic route map as a ReportLab drawing: the same data the window draws
(services.route_map.RouteMap), numbered stops, legs with their minutes, a scale bar."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldvisit.reporting.styles import ACCENT, FILL, HAIRLINE, INK, MUTED, ReportFonts
from fieldvisit.reporting.text import clean, truncate
from fieldvisit.services.route_map import RouteMap

MAX_HEIGHT = 260.0  # points
LABEL_SIZE = 8.0
DOT = 7.0


def route_map_drawing(route: RouteMap, width: float, fonts: ReportFonts) -> Drawing:
    height = min(MAX_HEIGHT, width * route.aspect)
    box_width = height / route.aspect
    left = (width - box_width) / 2
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular
    drawing.initialFontSize = LABEL_SIZE

    def at(index: int) -> tuple[float, float]:
        point = route.points[index]
        return left + point.x * box_width, height - point.y * height

    for leg in route.legs:
        (x1, y1), (x2, y2) = at(leg.start), at(leg.end)
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
        if leg.minutes is not None:
            text = ("≈" if leg.estimated else "") + f"{leg.minutes}′"
            drawing.add(String((x1 + x2) / 2 + 4, (y1 + y2) / 2 + 3, text, fontName=fonts.regular,
                               fontSize=LABEL_SIZE - 0.5, fillColor=MUTED))
    for index, point in enumerate(route.points):
        x, y = at(index)
        drawing.add(Circle(x, y, DOT, fillColor=ACCENT, strokeColor=FILL, strokeWidth=1))
        number = str(point.number)
        drawing.add(String(x - stringWidth(number, fonts.regular, LABEL_SIZE) / 2, y - 2.8,
                           number, fontName=fonts.regular, fontSize=LABEL_SIZE,
                           fillColor=FILL))
        label = clean(point.label, fonts.has_glyph)
        room = max(width - x - DOT - 4, x - DOT - 4)  # the wider side of the stop
        label = truncate(label, lambda text: stringWidth(text, fonts.regular, LABEL_SIZE), room)
        label_width = stringWidth(label, fonts.regular, LABEL_SIZE)
        right = x + DOT + 4 + label_width <= width or x - DOT - 4 - label_width < 0
        drawing.add(String(x + DOT + 4 if right else x - DOT - 4 - label_width, y - 3, label,
                           fontName=fonts.regular, fontSize=LABEL_SIZE, fillColor=INK))
    bar = route.scale_width * box_width
    drawing.add(Line(left + 4, 6, left + 4 + bar, 6, strokeColor=INK, strokeWidth=1))
    for tick in (left + 4, left + 4 + bar):
        drawing.add(Line(tick, 3, tick, 9, strokeColor=INK, strokeWidth=1))
    distance = f"{route.scale_km:g} km" if route.scale_km >= 1 else \
        f"{route.scale_km * 1000:g} m"
    drawing.add(String(left + 8 + bar, 3.5, distance, fontName=fonts.regular,
                       fontSize=LABEL_SIZE - 0.5, fillColor=MUTED))
    drawing.add(Line(left + 8, height - 26, left + 8, height - 10, strokeColor=INK,
                     strokeWidth=1))
    drawing.add(PolyLine([left + 5, height - 14, left + 8, height - 10, left + 11, height - 14],
                         strokeColor=INK, strokeWidth=1))
    drawing.add(String(left + 5, height - 36, "N", fontName=fonts.regular,
                       fontSize=LABEL_SIZE, fillColor=INK))
    drawing.add(Line(0, 0, width, 0, strokeColor=HAIRLINE, strokeWidth=0.4))
    return drawing
