"""The itinerary as an iCalendar file: one event per stop, in the visit's time zone, with the
delegation leader as organizer."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID
from zoneinfo import ZoneInfo

from fieldvisit import __version__
from fieldvisit.domain.enums import DelegationRole
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services.itinerary_view import itinerary, site_wgs84
from fieldvisit.services.report_data import visit_language

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def visit_calendar(uow: UnitOfWork, visit_id: UUID) -> bytes:
    """An .ics file that calendar applications import; each stop keeps its UUID as UID, so
    importing an updated file updates the events instead of duplicating them."""
    from icalendar import Calendar, Event, vCalAddress, vText

    view = itinerary(uow, visit_id)
    if view.visit.start_date is None:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "set the visit's start date first: calendar events need a date")),
            "start_date")
    with uow:
        leaders = uow.delegation.all(visit_id=visit_id, role=DelegationRole.LEADER)
        leader = uow.people.get(leaders[0].person_id) if leaders else None
    zone = ZoneInfo(view.visit.timezone)
    separator = "，" if visit_language(view.visit.title) == "zh" else ", "
    calendar = Calendar()
    calendar.add("prodid", f"-//FieldVisit//FieldVisit {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", view.visit.title)
    calendar.add("x-wr-timezone", view.visit.timezone)
    organizer = None
    if leader is not None:
        organizer = vCalAddress(f"mailto:{leader.email}" if leader.email
                                else f"urn:uuid:{leader.id}")
        organizer.params["cn"] = vText(leader.name)
    for line in view.lines:
        event = Event()
        event.add("uid", f"{line.stop.id}@fieldvisit")
        event.add("dtstamp", line.stop.updated_at)
        event.add("summary", f"{line.stop.position}. {line.site.name}")
        event.add("dtstart", line.timed.arrival.replace(tzinfo=zone))
        event.add("dtend", line.timed.departure.replace(tzinfo=zone))
        event.add("location", separator.join(filter(None, [line.site.name, line.site.address])))
        description = "\n".join(filter(None, [line.stop.activities, view.visit.title]))
        if description:
            event.add("description", description)
        if line.site.latitude is not None and line.site.longitude is not None:
            event.add("geo", site_wgs84(line.site.latitude, line.site.longitude,
                                        line.site.datum))  # calendars expect GPS coordinates
        if organizer is not None:
            event.add("organizer", organizer)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
