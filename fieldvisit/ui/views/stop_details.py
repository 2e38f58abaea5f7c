"""The Itinerary tab's details pane: the selected stop's site, plan and times as HTML.

The strings keep the ItineraryTab context they had when this was part of the tab."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.timeline import day_date
from fieldvisit.services.itinerary_view import StopLine
from fieldvisit.ui import formats
from fieldvisit.ui.labels import label

translate = QCoreApplication.translate


def _plan(line: StopLine) -> str:
    """Appointment, delay, how to travel on and the pin: the columns hidden by default."""
    stop = line.stop
    facts = []
    if stop.fixed_arrival is not None:
        facts.append((translate("StopsModel", "Appointment"), formats.clock(stop.fixed_arrival)))
    if stop.delay_minutes:
        facts.append((translate("StopsModel", "Delay"), formats.duration(stop.delay_minutes)))
    if stop.travel_mode is not None:
        facts.append((translate("StopsModel", "Travel by"), label(stop.travel_mode)))
    text = " · ".join(f"<b>{html.escape(name)}:</b> {html.escape(value)}"
                      for name, value in facts)
    if stop.pinned:
        pinned = html.escape(translate("StopsModel", "Pinned"))
        text = f"{text} · {pinned}" if text else pinned
    return f"<p>{text}</p>" if text else ""


def stop_details_html(line: StopLine, first_day: date | None = None) -> str:
    """``first_day``: the visit's start date (None: undated), to date times past midnight."""
    site, stop = line.site, line.stop
    address = translate("ItineraryTab", "Address")
    opening = translate("ItineraryTab", "Opening hours")
    illustrative = translate("ItineraryTab", "Planned times are illustrative.")
    closed = translate("ItineraryTab", "closed")
    day, dated = day_date(first_day, stop.day), first_day is not None
    times = (f"{formats.clock_on(line.timed.arrival, day, dated)}–"
             f"{formats.clock_on(line.timed.departure, day, dated)} "
             f"({formats.duration(stop.dwell_minutes)})")
    parts = [f"<h3>{stop.position}. {html.escape(site.name)}</h3>",
             f"<p>{html.escape(times)}</p>", _plan(line)]
    if site.address:
        parts.append(f"<p><b>{address}:</b> {html.escape(site.address)}</p>")
    if site.opening_hours:
        days = [translate("ItineraryTab", "Mon"), translate("ItineraryTab", "Tue"),
                translate("ItineraryTab", "Wed"), translate("ItineraryTab", "Thu"),
                translate("ItineraryTab", "Fri"), translate("ItineraryTab", "Sat"),
                translate("ItineraryTab", "Sun")]
        hours = formats.join_clauses(f"{d} {h or closed}"
                                     for d, h in zip(days, site.opening_hours, strict=True))
        parts.append(f"<p><b>{opening}:</b> {html.escape(hours)}</p>")
    if stop.times_illustrative:
        parts.append(f"<p><i>{illustrative}</i></p>")
    if stop.activities:
        parts.append(f"<p>{html.escape(stop.activities)}</p>")
    if site.description:
        parts.append(f"<p>{html.escape(site.description)}</p>")
    if site.facts:
        rows = "".join(f"<tr><td><b>{html.escape(f.label)}</b></td>"
                       f"<td>{html.escape(f.value)}</td></tr>" for f in site.facts)
        parts.append(f"<table cellspacing='0' cellpadding='3'>{rows}</table>")
    return "".join(parts)
