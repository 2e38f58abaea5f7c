"""A schematic route map drawn from the stops' coordinates (no map tiles): numbered stops in a
unit square, legs with their times, and a scale bar. Plain data, rendered by the GUI (Qt) and
by the report (ReportLab) alike."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fieldvisit.domain.geo import EARTH_RADIUS_KM
from fieldvisit.services.itinerary_view import ItineraryView, site_wgs84


@dataclass(frozen=True)
class MapPoint:
    number: int  # the stop's place in the itinerary, 1 = first
    label: str
    x: float  # 0..1 from the left
    y: float  # 0..1 from the top
    day: int


@dataclass(frozen=True)
class MapLeg:
    start: int  # index into points
    end: int
    minutes: int | None
    estimated: bool


@dataclass(frozen=True)
class RouteMap:
    points: tuple[MapPoint, ...]
    legs: tuple[MapLeg, ...]
    aspect: float  # height / width of the drawing
    scale_km: float  # length of the scale bar in km
    scale_width: float  # the same length as a fraction of the drawing's width
    without_coordinates: tuple[str, ...]  # stops that could not be placed


def _nice(value: float) -> float:
    """The largest 1, 2 or 5 × 10^k not above ``value``."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in (1, 2, 5) if step * power <= value)


def route_map(view: ItineraryView, margin: float = 0.08) -> RouteMap | None:
    """None when fewer than one stop has coordinates."""
    placed: list[tuple[int, str, float, float, int]] = []
    missing = []
    for number, line in enumerate(view.lines, start=1):
        site = line.site
        if site.latitude is None or site.longitude is None:
            missing.append(f"{number}. {site.name}")
            continue
        lat, lon = site_wgs84(site.latitude, site.longitude, site.datum)
        placed.append((number, site.name, lat, lon, line.stop.day))
    if not placed:
        return None
    mean_lat = math.radians(sum(p[2] for p in placed) / len(placed))
    km_x = [math.radians(p[3]) * math.cos(mean_lat) * EARTH_RADIUS_KM for p in placed]
    km_y = [math.radians(p[2]) * EARTH_RADIUS_KM for p in placed]
    width_km = max(max(km_x) - min(km_x), 0.5)
    height_km = max(max(km_y) - min(km_y), 0.5)
    aspect = min(max(height_km / width_km, 0.45), 1.2)
    span = max(width_km, height_km / aspect)  # km across the drawable width
    usable = 1 - 2 * margin
    center_x, center_y = (max(km_x) + min(km_x)) / 2, (max(km_y) + min(km_y)) / 2
    points = tuple(MapPoint(
        number, name,
        0.5 + (x - center_x) / span * usable,
        0.5 - (y - center_y) / (span * aspect) * usable,
        day) for (number, name, _lat, _lon, day), x, y in zip(placed, km_x, km_y, strict=True))
    index_of = {p.number: i for i, p in enumerate(points)}
    legs = []
    for number, line in enumerate(view.lines[:-1], start=1):
        following = view.lines[number]
        if following.stop.day != line.stop.day:
            continue
        if number in index_of and number + 1 in index_of:
            legs.append(MapLeg(index_of[number], index_of[number + 1],
                               line.timed.travel_minutes, line.timed.travel_estimated))
    scale_km = _nice(span / usable / 4)
    return RouteMap(points, tuple(legs), aspect, scale_km, scale_km / span * usable,
                    tuple(missing))


# -- label placement, shared by the window and the report ------------------------------------

@dataclass(frozen=True)
class Box:
    """A rectangle with y growing downwards (the window's convention; the report flips it)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def intersects(self, other: Box, gap: float = 0.0) -> bool:
        return (self.left < other.right + gap and other.left < self.right + gap
                and self.top < other.bottom + gap and other.top < self.bottom + gap)

    def inside(self, other: Box) -> bool:
        return (self.left >= other.left and self.top >= other.top
                and self.right <= other.right and self.bottom <= other.bottom)


Point = tuple[float, float]


def segment_hits_box(start: Point, end: Point, box: Box, gap: float = 0.0) -> bool:
    """Whether the segment start→end touches ``box`` grown by ``gap`` on every side (exact:
    the segment clipped against the rectangle, Liang–Barsky)."""
    low, high = 0.0, 1.0
    dx, dy = end[0] - start[0], end[1] - start[1]
    for step, distance in ((-dx, start[0] - (box.left - gap)),
                           (dx, (box.right + gap) - start[0]),
                           (-dy, start[1] - (box.top - gap)),
                           (dy, (box.bottom + gap) - start[1])):
        if step == 0:
            if distance < 0:
                return False
            continue
        t = distance / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _candidates(anchor: Point, radius: float, width: float, height: float) -> list[Box]:
    """Places for a label around ``anchor``, the usual ones first (right, left, above, below,
    the corners), then the same further out."""
    x, y = anchor
    boxes = []
    for extra in (0.0, height, 2 * height, 3.5 * height):
        d = radius + 3 + extra
        middle = y - height / 2
        boxes += [Box(x + d, middle, width, height), Box(x - d - width, middle, width, height),
                  Box(x - width / 2, y - d - height, width, height),
                  Box(x - width / 2, y + d, width, height),
                  Box(x + d * 0.7, y - d * 0.7 - height, width, height),
                  Box(x + d * 0.7, y + d * 0.7, width, height),
                  Box(x - d * 0.7 - width, y - d * 0.7 - height, width, height),
                  Box(x - d * 0.7 - width, y + d * 0.7, width, height),
                  Box(x - width * 0.15, y - d - height, width, height),
                  Box(x - width * 0.85, y - d - height, width, height),
                  Box(x - width * 0.15, y + d, width, height),
                  Box(x - width * 0.85, y + d, width, height)]
    return boxes


def place_labels(anchors: list[Point], sizes: list[list[tuple[float, float]]], bounds: Box, *,
                 radius: float = 0.0, avoid: Sequence[Box] = (), dots: Sequence[Point] = (),
                 dot_radius: float = 0.0, lines: Sequence[tuple[Point, Point]] = (),
                 gap: float = 2.0) -> list[tuple[Box, int] | None]:
    """Boxes for labels that overlap neither each other, nor ``avoid`` (a scale bar, a north
    arrow, labels placed before), nor the dots, nor the legs in ``lines``, and stay inside
    ``bounds``.

    ``sizes[i]`` lists the (width, height) of label i's texts from the preferred (the full
    name) to the shortest; the first place (in ``_candidates``' order) of the longest text
    that finds one wins. Gives (box, index of the text), or None where not even the shortest
    text finds a place: that label is left out (a stop's number stays on its dot)."""
    taken = list(avoid) + [Box(x - dot_radius, y - dot_radius, 2 * dot_radius, 2 * dot_radius)
                           for x, y in dots]
    placed: list[tuple[Box, int] | None] = []
    for anchor, options in zip(anchors, sizes, strict=True):
        best: tuple[int, int, Box] | None = None
        for index, (width, height) in enumerate(options):
            if best is not None and best[0] <= index:
                break  # no place for a shorter text can cost less
            for box in _candidates(anchor, radius, width, height):
                if not box.inside(bounds) or any(box.intersects(t, gap) for t in taken) \
                        or any(segment_hits_box(*line, box, gap / 2) for line in lines):
                    continue
                best = (index, index, box)
                break
        placed.append(None if best is None else (best[2], best[1]))
        if best is not None:
            taken.append(best[2])
    return placed


def shortened(text: str) -> list[str]:
    """``text`` and shorter forms of it for a crowded map: "东湖街道商务楼宇…", "东湖街道…"."""
    forms = [text]
    for keep in (12, 8, 5, 3):
        if len(text) > keep + 1:
            forms.append(text[:keep] + "…")
    return forms


def scale_text(route: RouteMap) -> str:
    """The scale bar's length: "2 km", "500 m"."""
    return f"{route.scale_km:g} km" if route.scale_km >= 1 else f"{route.scale_km * 1000:g} m"


def map_labels(route: RouteMap, width: float, height: float, left: float,
               texts: list[list[str]], minutes: str, measure: Callable[[str, float], float],
               label_size: float = 8.0, dot: float = 7.0) -> list[tuple[Box, str, float, bool]]:
    """The stops' names (``texts``: each name's forms, longest first) and the legs' minutes
    (``minutes`` formats one: "{n}分钟") with their boxes, y downwards from the top of a map
    drawn ``width`` × ``height`` with the route's box starting at ``left``; placed so that none
    overlaps another, a dot, a leg, the scale bar or the north arrow. A name that finds no room
    takes a shorter form, or is left out (its number stays on the dot). The flag marks a leg's
    minutes (drawn muted). ``measure(text, size)``: the text's width in the renderer's font."""
    box_width = height / route.aspect
    points = [(left + p.x * box_width, p.y * height) for p in route.points]
    bar = route.scale_width * box_width
    scale = Box(left + 3, height - 12, bar + 6 + measure(scale_text(route), label_size) + 2, 12)
    north = Box(left + 4, 9, 9, 30)
    bounds = Box(0, 0, width, height)
    lines = [(points[leg.start], points[leg.end]) for leg in route.legs]
    line_height = label_size + 2
    names = place_labels(points, [[(measure(t, label_size) + 2, line_height) for t in forms]
                                  for forms in texts], bounds, radius=dot,
                         avoid=[scale, north], dots=points, dot_radius=dot + 0.5, lines=lines)
    found = [(spot[0], texts[i][spot[1]], label_size, False)
             for i, spot in enumerate(names) if spot is not None]
    times = [("≈" if leg.estimated else "") + minutes.format(n=leg.minutes)
             for leg in route.legs]
    middles = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in lines]
    small = label_size - 0.5
    legs = place_labels(middles, [[(measure(text, small) + 2, line_height)]
                                  if leg.minutes is not None else []
                                  for text, leg in zip(times, route.legs, strict=True)],
                        bounds, radius=2, avoid=[scale, north] + [f[0] for f in found],
                        dots=points, dot_radius=dot + 0.5, lines=lines)
    found += [(spot[0], times[i], small, True) for i, spot in enumerate(legs)
              if spot is not None]
    return found
