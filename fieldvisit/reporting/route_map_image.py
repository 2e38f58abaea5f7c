"""The itinerary's schematic route map as a PNG image, for the Word report (which cannot take
a ReportLab drawing): the same picture as the PDF's (numbered stops, legs with their minutes,
dashed where estimated, a scale bar and a north arrow), labels placed where they overlap
nothing (``services.route_map.place_labels``). Pillow only, in the bundled font.
"""

from __future__ import annotations

import math
from functools import cache
from io import BytesIO

from fieldvisit.paths import resource
from fieldvisit.services.route_map import Box, RouteMap, map_labels, scale_text, shortened

MAX_HEIGHT = 260.0  # points, as in the PDF
LABEL_SIZE = 8.0
DOT = 7.0
SCALE = 3.0  # pixels per point: about 220 dpi when printed at its size
ACCENT = (158, 27, 27)
INK = (27, 27, 27)
MUTED = (95, 95, 95)
WHITE = (255, 255, 255)
HAIRLINE = (212, 212, 212)


@cache
def _font(size: float):  # noqa: ANN202 - a PIL font
    from PIL import ImageFont

    return ImageFont.truetype(str(resource("fonts", "wqy-microhei.ttc")), round(size * SCALE))


def _measure(text: str, size: float) -> float:
    """Width in points."""
    return _font(size).getlength(text) / SCALE


def route_map_png(route: RouteMap, width: float, minutes: str = "{n}′") -> tuple[bytes, float]:
    """The PNG of ``route`` drawn ``width`` points wide, and its height in points.
    ``minutes`` formats a leg's time ("{n}分钟", "{n} min")."""
    from PIL import Image, ImageDraw

    height = min(MAX_HEIGHT, width * route.aspect)
    box_width = height / route.aspect
    left = (width - box_width) / 2
    image = Image.new("RGB", (round(width * SCALE), round(height * SCALE)), WHITE)
    draw = ImageDraw.Draw(image)

    def px(value: float) -> float:
        return value * SCALE

    points = [(left + p.x * box_width, p.y * height) for p in route.points]  # y downwards
    for leg in route.legs:
        (x1, y1), (x2, y2) = points[leg.start], points[leg.end]
        _line(draw, (x1, y1), (x2, y2), dashed=leg.estimated)
        angle = math.atan2(y2 - y1, x2 - x1)
        tip = (x2 - math.cos(angle) * (DOT + 1), y2 - math.sin(angle) * (DOT + 1))
        for turn in (-0.45, 0.45):
            wing = (tip[0] - math.cos(angle + turn) * 6, tip[1] - math.sin(angle + turn) * 6)
            draw.line([tuple(map(px, wing)), tuple(map(px, tip))], fill=ACCENT,
                      width=round(px(1.2)))
    for point, (x, y) in zip(route.points, points, strict=True):
        draw.ellipse([px(x - DOT), px(y - DOT), px(x + DOT), px(y + DOT)], fill=ACCENT,
                     outline=WHITE, width=round(px(1)))
        draw.text((px(x), px(y)), str(point.number), fill=WHITE, font=_font(LABEL_SIZE),
                  anchor="mm")
    for box, text, size, colour in _labels(route, width, height, left, points, minutes):
        draw.rectangle([px(box.left), px(box.top), px(box.right), px(box.bottom)], fill=WHITE)
        draw.text((px(box.left + 1), px(box.bottom - 2.2)), text, fill=colour,
                  font=_font(size), anchor="ls")
    bar = route.scale_width * box_width
    y = height - 6
    draw.line([(px(left + 4), px(y)), (px(left + 4 + bar), px(y))], fill=INK, width=round(px(1)))
    for tick in (left + 4, left + 4 + bar):
        draw.line([(px(tick), px(y - 3)), (px(tick), px(y + 3))], fill=INK, width=round(px(1)))
    draw.text((px(left + 8 + bar), px(height - 3.5)), scale_text(route),
              font=_font(LABEL_SIZE - 0.5), fill=MUTED, anchor="ls")
    draw.line([(px(left + 8), px(26)), (px(left + 8), px(10))], fill=INK, width=round(px(1)))
    draw.line([(px(left + 5), px(14)), (px(left + 8), px(10)), (px(left + 11), px(14))],
              fill=INK, width=round(px(1)))
    draw.text((px(left + 5), px(36)), "N", font=_font(LABEL_SIZE), fill=INK, anchor="ls")
    draw.line([(0, px(height) - 2), (px(width), px(height) - 2)], fill=HAIRLINE, width=2)
    buffer = BytesIO()
    image.save(buffer, "PNG", compress_level=3)  # optimize=True takes ten times as long
    return buffer.getvalue(), height


def _line(draw, start: tuple[float, float], end: tuple[float, float],  # noqa: ANN001
          dashed: bool) -> None:
    width = round(1.2 * SCALE)
    if not dashed:
        draw.line([(start[0] * SCALE, start[1] * SCALE), (end[0] * SCALE, end[1] * SCALE)],
                  fill=ACCENT, width=width)
        return
    length = math.dist(start, end)
    step = 0.0
    while step < length:  # 3 pt dashes, 2 pt gaps
        a, b = step / length, min(step + 3, length) / length
        draw.line([((start[0] + (end[0] - start[0]) * a) * SCALE,
                    (start[1] + (end[1] - start[1]) * a) * SCALE),
                   ((start[0] + (end[0] - start[0]) * b) * SCALE,
                    (start[1] + (end[1] - start[1]) * b) * SCALE)], fill=ACCENT, width=width)
        step += 5


def _labels(route: RouteMap, width: float, height: float, left: float,
            points: list[tuple[float, float]], minutes: str) -> list[tuple[Box, str, float, tuple]]:
    """As reporting/route_map_figure.label_boxes, measured with Pillow."""
    texts = [shortened(p.label) for p in route.points]
    return [(box, text, size, MUTED if leg else INK) for box, text, size, leg in map_labels(
        route, width, height, left, texts, minutes, _measure, LABEL_SIZE, DOT)]
