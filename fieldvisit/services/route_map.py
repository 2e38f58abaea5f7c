"""A schematic route map drawn from the stops' coordinates (no map tiles): numbered stops in a
unit square, legs with their times, and a scale bar. Plain data, rendered by the GUI (Qt) and
by the report (ReportLab) alike."""

from __future__ import annotations

import math
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
