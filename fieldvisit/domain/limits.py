"""The sensible range of every number, date and time a record holds (docs/visit-format.md,
"Ranges"): a stay, a delay or a leg of at most a day, travel speeds a delegation can have,
positions up to a million, dates within the years 1900 to 2200.

``check`` (run by every record after its own rules) refuses a value outside its range, naming
the field, so that nothing entered through the interface, a service, a visit document or a
package can break the timeline, the calendar or the report afterwards; the editors in the
interface take their limits from here. Values of an older FieldVisit that lie outside are read
as the field's default (``plain.row_loader``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timedelta
from typing import Any

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Every date, planned time and timestamp lies within these years (both included)."""
FIRST_DATE, LAST_DATE = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)

MINUTES_PER_DAY = 24 * 60
MAX_DAY = 366
"""The last day of a visit a stop may be planned on (1 = the first day)."""
MAX_POSITION = 1_000_000
"""Largest place of a stop or a note, or rank in protocol order."""
MAX_GENERATION = 1_000_000_000
"""Largest generation of a version in an exchange history (one more per exchange)."""

RANGES: dict[str, tuple[float, float]] = {
    # stops
    "position": (0, MAX_POSITION),
    "day": (1, MAX_DAY),
    "dwell_minutes": (0, MINUTES_PER_DAY),
    "delay_minutes": (0, MINUTES_PER_DAY),
    "travel_minutes": (0, MINUTES_PER_DAY),
    # delegation
    "protocol_order": (0, MAX_POSITION),
    # sites (their own rule names the problem first)
    "latitude": (-90.0, 90.0),
    "longitude": (-180.0, 180.0),
    # travel estimates
    "detour_factor": (1.0, 5.0),
    "walk_kmh": (0.5, 20.0),
    "car_kmh": (1.0, 150.0),
    "minibus_kmh": (1.0, 150.0),
    "public_transport_kmh": (1.0, 150.0),
}
"""Smallest and largest value of every number field, by field name (both included)."""


@dataclasses.dataclass(frozen=True)
class _Plan:
    numbers: tuple[tuple[str, float, float], ...]
    moments: tuple[str, ...]


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls)
    numbers, moments = [], []
    for f in dataclasses.fields(cls):
        if f.metadata.get("local"):
            continue  # a record's version in one database: not content
        hint = hints[f.name]
        options = [a for a in typing.get_args(hint) if a is not type(None)] \
            if typing.get_origin(hint) in (typing.Union, types.UnionType) else [hint]
        kind = getattr(options[0], "__supertype__", options[0])  # NewType: Timestamp…
        if len(options) != 1:
            continue
        if kind in (int, float):
            if f.name not in RANGES:  # pragma: no cover - a new field needs its range
                raise TypeError(f"{cls.__name__}.{f.name} has no range in limits.RANGES")
            numbers.append((f.name, *RANGES[f.name]))
        elif kind in (date, datetime):
            moments.append(f.name)
    return _Plan(tuple(numbers), tuple(moments))


def check(record: Any) -> None:
    """Raise ValidationError for the first value of ``record`` (a dataclass) outside its
    range. Quick: it runs for every record built."""
    plan = _PLANS.get(type(record))
    if plan is None:
        plan = _PLANS[type(record)] = _plan(type(record))
    for name, smallest, largest in plan.numbers:
        value = getattr(record, name)
        if value is not None and type(value) is not bool and not smallest <= value <= largest:
            raise out_of_range(name, smallest, largest)
    for name in plan.moments:
        value = getattr(record, name)
        if value is not None and not FIRST_YEAR <= moment_year(value) <= LAST_YEAR:
            raise out_of_range(name, FIRST_DATE.isoformat(), LAST_DATE.isoformat())


def moment_year(value: date) -> int:
    """The year of a date, a wall-clock time, or a timestamp (in UTC)."""
    if isinstance(value, datetime) and value.tzinfo is not None \
            and FIRST_YEAR - 1 <= value.year <= LAST_YEAR + 1:  # (no overflow at the ends)
        return (value.replace(tzinfo=None) - (value.utcoffset() or timedelta())).year
    return value.year


def out_of_range(name: str, smallest: Any, largest: Any) -> ValidationError:
    return ValidationError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{field} must be between {smallest} and {largest}"),
        field=FieldName(name), smallest=_shown(smallest), largest=_shown(largest)), name)


def _shown(value: Any) -> Any:
    """1.0 as 1, 0.5 as 0.5: limits read as typed."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def check_generation(value: int) -> bool:
    return 0 <= value <= MAX_GENERATION
