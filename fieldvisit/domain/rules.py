"""Rules every record obeys. Each check raises ValidationError naming the field and the problem."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import PurePosixPath, PureWindowsPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message

_HOURS = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$")

STATUS_ORDER: tuple[VisitStatus, ...] = tuple(VisitStatus)


def require_text(value: str, field: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{field} must not be empty"),
                                      field=FieldName(field)), field)


def check_date_range(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "end date {end} is before start date {start}"), end=end, start=start),
            "end_date")


def check_day_hours(day_start: time, day_end: time | None) -> None:
    """A visit's day ends (when it has a planned end) later than it starts, on the same day."""
    if day_end is not None and day_end <= day_start:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "day end {end} must be later than day start {start}"),
            end=day_end.strftime("%H:%M"), start=day_start.strftime("%H:%M")), "day_end")


def check_timezone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "unknown time zone {name!r}"),
                                      name=name), "timezone") from None


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "give both latitude and longitude, or neither")), "latitude")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "latitude {latitude} is outside -90..90"), latitude=latitude), "latitude")
    if longitude is not None and not -180 <= longitude <= 180:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "longitude {longitude} is outside -180..180"), longitude=longitude),
            "longitude")


def check_opening_hours(hours: tuple[str, ...]) -> None:
    """Seven entries, Monday to Sunday: "" for closed, or ranges like "09:00-12:00,14:00-18:00"."""
    if not hours:
        return
    if len(hours) != 7:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "opening hours need 7 entries (Monday to Sunday), got {count}"),
            count=len(hours)), "opening_hours")
    for day in hours:
        for span in filter(None, day.split(",")):
            if not _HOURS.match(span.strip()):
                raise ValidationError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "opening hours {span!r} are not like 09:00-18:00"), span=span),
                    "opening_hours")
            start, end = span.strip().split("-")
            if end <= start:
                raise ValidationError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "opening hours {span!r} end before they start"), span=span),
                    "opening_hours")


def check_non_negative(value: int | None, field: str) -> None:
    if value is not None and value < 0:
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{field} must not be negative"),
                                      field=FieldName(field)), field)


def check_relative_file_name(name: str) -> None:
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.anchor or ".." in posix.parts \
            or ".." in windows.parts:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "file name {name!r} must be a relative path inside the visit"),
            name=name), "file_name")


def check_status_change(current: VisitStatus, new: VisitStatus) -> None:
    """Status moves one step forward, or back any number of steps (to reopen a visit)."""
    step = STATUS_ORDER.index(new) - STATUS_ORDER.index(current)
    if step > 1:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "a visit cannot go from {current} to {new} directly; next is {next}"),
            current=current, new=new, next=STATUS_ORDER[STATUS_ORDER.index(current) + 1]),
            "status")
