"""The report's attachments (附件), printed after the signature: the itinerary, the route map
(one figure per day, or per run of stops on a long day), the delegation roster, the photos and
the table of themes. Plain data; no ReportLab."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Mapping

from fieldvisit.reporting.document import Block, Paragraph, Picture, RouteMapFigure, Table
from fieldvisit.reporting.images import PreparedImage
from fieldvisit.reporting.labels import Labels
from fieldvisit.services.report_model import ReportData, StopItem
from fieldvisit.services.report_prose import bare, scrub
from fieldvisit.services.route_map import MapLeg, MapPoint, RouteMap

MAP_STOPS = 12
"""More stops than this on one map are split into several maps."""


def itinerary(data: ReportData, labels: Labels) -> tuple[Block, ...]:
    if not data.stops:
        return ()
    first = data.stops[0].arrival.date()
    dated = any(s.arrival.date() != first or s.departure.date() != first for s in data.stops)
    rows = []
    for stop in data.stops:
        when = labels.dated_times(stop.arrival, stop.departure) if dated \
            else labels.times(stop.arrival, stop.departure)
        place = stop.site + (f"\n{stop.address.strip()}" if stop.address.strip() else "")
        activity = "\n".join(filter(None, [scrub(stop.activities), travel(stop, labels)]))
        rows.append((str(stop.number), when + ("*" if stop.times_illustrative else ""), place,
                     stop.host, activity))
    blocks: list[Block] = [Table(
        (labels["stop_no"], labels["stop_times"], labels["site_address"], labels["host"],
         labels["activities"]), tuple(rows), (0.07, 0.19, 0.24, 0.15, 0.35),
        numeric=(0,))]
    if any(s.times_illustrative for s in data.stops):
        blocks.append(Paragraph("* " + labels["illustrative"], role="note"))
    return tuple(blocks)


def travel(stop: StopItem, labels: Labels) -> str:
    """"前往下一站：中巴30分钟；途中午间休整" / "To the next stop: by minibus 30 min"."""
    zh = labels.language == "zh"
    parts = []
    if stop.travel_minutes is not None:
        minutes = labels.format("minutes", n=stop.travel_minutes)
        if stop.travel_estimated:
            minutes = labels["estimated"] + minutes
        mode = labels.enum(stop.travel_mode) if stop.travel_mode else ""
        parts.append(labels["travel"] + labels["colon"] + ((mode + minutes) if zh else
                                                           " ".join(filter(None, [mode, minutes]))))
    notes = bare(scrub(stop.travel_notes))
    if notes:
        parts.append(notes)
    return ("；" if zh else "; ").join(parts)


def route_maps(data: ReportData, labels: Labels) -> tuple[Block, ...]:
    """One map for a short one-day visit; else one per day, and a long day in runs of at most
    ``MAP_STOPS`` stops. The captions say nothing about how lines are drawn."""
    full = data.route_map
    if full is None or not full.points:
        return ()
    days = sorted({p.day for p in full.points})
    if len(days) == 1 and len(full.points) <= MAP_STOPS:
        return (RouteMapFigure(full, labels["route_map_caption"]),)
    figures: list[Block] = []
    for day in days:
        numbers = [p.number for p in full.points if p.day == day]
        runs = math.ceil(len(numbers) / MAP_STOPS)
        size = math.ceil(len(numbers) / runs)
        for start in range(0, len(numbers), size):
            chosen = numbers[start:start + size]
            caption = labels.format("route_map_day", n=day) if len(days) > 1 \
                else labels["route_map_caption"]
            if runs > 1:
                caption += labels.format("route_map_stops", first=chosen[0], last=chosen[-1])
            figures.append(RouteMapFigure(part_of(full, frozenset(chosen)), caption))
    return tuple(figures)


def part_of(full: RouteMap, numbers: frozenset[int], margin: float = 0.08) -> RouteMap:
    """The stops ``numbers`` of ``full`` redrawn to fill a map of their own."""
    usable = 1 - 2 * margin
    km = full.scale_km / full.scale_width if full.scale_width else 1.0  # per unit of width
    chosen = [(i, p) for i, p in enumerate(full.points) if p.number in numbers]
    xs = [p.x * km for _, p in chosen]
    ys = [p.y * km * full.aspect for _, p in chosen]
    width_km = max(max(xs) - min(xs), 0.5)
    height_km = max(max(ys) - min(ys), 0.5)
    aspect = min(max(height_km / width_km, 0.45), 1.2)
    span = max(width_km, height_km / aspect)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    index = {old: new for new, (old, _) in enumerate(chosen)}
    points = tuple(MapPoint(p.number, p.label, 0.5 + (x - cx) / span * usable,
                            0.5 + (y - cy) / (span * aspect) * usable, p.day)
                   for (_, p), x, y in zip(chosen, xs, ys, strict=True))
    legs = tuple(MapLeg(index[leg.start], index[leg.end], leg.minutes, leg.estimated)
                 for leg in full.legs if leg.start in index and leg.end in index)
    scale_km = _nice(span / usable / 4)
    missing = tuple(m for m in full.without_coordinates
                    if m.split(".", 1)[0].isdigit() and int(m.split(".", 1)[0]) in numbers)
    return RouteMap(points, legs, aspect, scale_km, scale_km / span * usable, missing)


def _nice(value: float) -> float:
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in (1, 2, 5) if step * power <= value)


def roster(data: ReportData, labels: Labels) -> tuple[Block, ...]:
    rows = []
    for group in (*data.delegation, *data.accompanying):
        for member in group.members:
            rows.append((group.organization, member.name, member.title,
                         labels.enum(member.role)))
    if not rows:
        return ()
    return (Table((labels["organization"], labels["name"], labels["title"], labels["role"]),
                  tuple(rows), (0.3, 0.16, 0.36, 0.18),
                  grouped=0),)


def photos(data: ReportData, labels: Labels, images: Mapping[Path, PreparedImage | None]
           ) -> tuple[tuple[Block, ...], int]:
    """The photos (caption; the stop and the credit on the details line) and how many could
    not be printed."""
    blocks: list[Block] = []
    missing = 0
    for photo in data.photos:
        image = images.get(photo.path)
        if image is None:
            missing += 1
            continue
        caption = photo.caption.strip() or photo.stop
        details = "　".join(filter(None, [photo.stop if photo.caption.strip() else "",
                                         credit(photo.credit, labels)]))
        blocks.append(Picture(image.path, image.width, image.height, caption, details))
    return tuple(blocks), missing


def credit(text: str, labels: Labels) -> str:
    """"摄影：王鑫", but a credit written the newspaper way ("中工网 王鑫 摄") stays as it is."""
    text = text.strip()
    if not text:
        return ""
    if text.endswith(("摄", "摄影", "供图", "图")) or text.lower().startswith(("photo", "©")):
        return text
    return labels.format("photo_credit", credit=text)


def statistics(data: ReportData, labels: Labels) -> tuple[Block, ...]:
    themes = data.themes
    if not themes.themes:
        return ()
    stops = len(themes.stops)
    if stops <= 5:
        column = 0.58 / max(1, stops)
        header = (labels["theme_col"], *[f"{i}. {s}" for i, s in enumerate(themes.stops, 1)],
                  labels["total"])
        rows = tuple((theme, *[str(n) if n else "—" for n in counts], str(total))
                     for theme, counts, total in zip(themes.themes, themes.counts,
                                                     themes.totals, strict=True))
        widths = (0.32, *([column] * stops), 0.1)
        numeric = tuple(range(1, stops + 2))
    else:
        shown = themes.themes[:6]
        column = 0.64 / max(1, len(shown))
        header = (labels["site"], *shown)
        rows = tuple((f"{i + 1}. {site}", *[str(themes.counts[t][i]) if themes.counts[t][i] else "—"
                                             for t in range(len(shown))])
                     for i, site in enumerate(themes.stops))
        widths = (0.36, *([column] * len(shown)))
        numeric = tuple(range(1, len(shown) + 1))
    table = Table(header, rows, widths, numeric=numeric)
    return (table, Paragraph(labels["statistics_note"], role="note"))
