"""The records FieldVisit keeps. Frozen dataclasses: change them with ``dataclasses.replace``.

Every record has a UUID that stays the same across databases (so work done on several laptops
can be merged) and created/updated timestamps in UTC. Planned times of a visit are wall-clock
times in the visit's own time zone (``LocalDateTime``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import NewType
from uuid import UUID, uuid4

from fieldvisit.domain import limits, rules, storable
from fieldvisit.domain.enums import (
    CoordinateDatum,
    DelegationRole,
    FigureQualifier,
    FollowUpStatus,
    NoteKind,
    OrganizationKind,
    ResearchMethod,
    SiteKind,
    TravelMode,
    VisitStatus,
)
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.timeline import TravelSettings

Timestamp = NewType("Timestamp", datetime)
"""An aware datetime in UTC: when a record was created or changed."""

LocalDateTime = NewType("LocalDateTime", datetime)
"""A naive wall-clock datetime in the visit's time zone."""


def utc_now() -> Timestamp:
    return Timestamp(datetime.now(UTC))


LOCAL = {"local": True}
"""Metadata of a field that belongs to one database: never in a visit document or a package,
not compared, not part of a record's content."""


@dataclass(frozen=True, kw_only=True)
class Record:
    id: UUID = field(default_factory=uuid4)
    created_at: Timestamp = field(default_factory=utc_now)
    updated_at: Timestamp = field(default_factory=utc_now)
    version: int = field(default=0, compare=False, metadata=LOCAL)
    """This database's revision of the record: 1 when first stored, one more at every write;
    0 for a record not read from a database. A write based on another revision than the
    stored one is refused (StaleEditError), so no change is overwritten unseen."""
    changed_by: str = field(default="", compare=False, metadata=LOCAL)
    """Who wrote the stored revision, "name @ machine" (stamped by the database)."""

    def __post_init__(self) -> None:
        storable.check(self)  # what no database stores the same way, first
        self._validate()
        limits.check(self)  # then every number, date and time within its range

    def _validate(self) -> None:
        """The rules of this kind of record: raise ValidationError naming the field."""


@dataclass(frozen=True, kw_only=True)
class Organization(Record):
    name: str
    short_name: str = ""
    kind: OrganizationKind = OrganizationKind.OTHER
    notes: str = ""

    def _validate(self) -> None:
        rules.require_text(self.name, "name")

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    name: str
    title: str = ""
    organization_id: UUID | None = None
    phone: str = ""
    email: str = ""
    notes: str = ""

    def _validate(self) -> None:
        rules.require_text(self.name, "name")


@dataclass(frozen=True, kw_only=True)
class Visit(Record):
    title: str
    theme: str = ""
    purpose: str = ""
    region: str = ""
    start_date: date | None = None
    end_date: date | None = None
    timezone: str = "Asia/Shanghai"
    day_start: time = time(9, 0)
    day_end: time | None = time(18, 0)
    travel: TravelSettings = TravelSettings()
    status: VisitStatus = VisitStatus.DRAFT
    methods: tuple[ResearchMethod, ...] = ()
    summary: str = ""
    conclusions: str = ""
    source: str = ""
    remarks: str = ""

    def _validate(self) -> None:
        rules.require_text(self.title, "title")
        rules.check_date_range(self.start_date, self.end_date)
        rules.check_day_hours(self.day_start, self.day_end)
        rules.check_timezone(self.timezone)


@dataclass(frozen=True, kw_only=True)
class DelegationMember(Record):
    visit_id: UUID
    person_id: UUID
    role: DelegationRole = DelegationRole.MEMBER
    protocol_order: int = 0


@dataclass(frozen=True, kw_only=True)
class Participation(Record):
    """An organization taking part in a visit, with its contact person for the visit."""

    visit_id: UUID
    organization_id: UUID
    contact_person_id: UUID | None = None


@dataclass(frozen=True, kw_only=True)
class Absence(Record):
    """A delegation member who skips one stop. By default everyone goes to every stop, so
    only the exceptions are stored."""

    visit_id: UUID
    member_id: UUID
    stop_id: UUID


@dataclass(frozen=True, kw_only=True)
class SiteFact:
    label: str
    value: str

    def __post_init__(self) -> None:
        storable.check(self)
        rules.require_text(self.label, "label")


@dataclass(frozen=True, kw_only=True)
class Site(Record):
    name: str
    address: str = ""
    host_organization_id: UUID | None = None
    kind: SiteKind = SiteKind.OTHER
    latitude: float | None = None
    longitude: float | None = None
    datum: CoordinateDatum = CoordinateDatum.WGS84
    opening_hours: tuple[str, ...] = ()
    contact: str = ""
    description: str = ""
    facts: tuple[SiteFact, ...] = ()

    def _validate(self) -> None:
        rules.require_text(self.name, "name")
        rules.check_coordinates(self.latitude, self.longitude)
        rules.check_opening_hours(self.opening_hours)


@dataclass(frozen=True, kw_only=True)
class Stop(Record):
    visit_id: UUID
    site_id: UUID
    position: int = 0
    day: int = 1
    dwell_minutes: int = 30
    fixed_arrival: LocalDateTime | None = None
    """An appointment: the delegation arrives no earlier (it waits if it is early)."""
    delay_minutes: int = 0
    """Reported on the day ("we are 20 min late here"): shifts this stop and the rest."""
    pinned: bool = False
    """Route suggestions keep this stop in its place."""
    activities: str = ""
    travel_mode: TravelMode | None = None
    travel_minutes: int | None = None
    """The real travel time to the next stop, typed by the coordinator; it beats the estimate."""
    travel_notes: str = ""
    times_illustrative: bool = False

    def _validate(self) -> None:
        rules.check_non_negative(self.travel_minutes, "travel_minutes")
        rules.check_non_negative(self.dwell_minutes, "dwell_minutes")
        rules.check_non_negative(self.delay_minutes, "delay_minutes")
        if self.day < 1:
            raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "day must be 1 or later")),
                                  "day")


@dataclass(frozen=True, kw_only=True)
class Note(Record):
    visit_id: UUID
    text: str
    stop_id: UUID | None = None
    author_id: UUID | None = None
    kind: NoteKind = NoteKind.OBSERVATION
    interviewee_group: str = ""
    speaker: str = ""
    tags: tuple[str, ...] = ()
    confidential: bool = False
    position: int = 0

    def _validate(self) -> None:
        rules.require_text(self.text, "text")


@dataclass(frozen=True, kw_only=True)
class KeyFigure(Record):
    visit_id: UUID
    label: str
    value: str
    unit: str = ""
    qualifier: FigureQualifier = FigureQualifier.EXACTLY
    stop_id: UUID | None = None
    note_id: UUID | None = None

    def _validate(self) -> None:
        rules.require_text(self.label, "label")
        rules.require_text(self.value, "value")


@dataclass(frozen=True, kw_only=True)
class FollowUp(Record):
    visit_id: UUID
    action: str
    responsible_organization_id: UUID | None = None
    due_date: date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    note_id: UUID | None = None

    def _validate(self) -> None:
        rules.require_text(self.action, "action")


@dataclass(frozen=True, kw_only=True)
class Photo(Record):
    visit_id: UUID
    file_name: str
    caption: str = ""
    credit: str = ""
    stop_id: UUID | None = None
    taken_at: LocalDateTime | None = None

    def _validate(self) -> None:
        rules.require_text(self.file_name, "file_name")
        rules.check_relative_file_name(self.file_name)


ALL_RECORD_TYPES: tuple[type[Record], ...] = (
    Organization, Person, Visit, Participation, DelegationMember, Site, Stop, Absence, Note,
    KeyFigure, FollowUp, Photo,
)

# Which fields of which records point at which record type: used to check documents and to
# re-point references when two duplicates are merged.
REFERENCE_FIELDS: dict[type[Record], dict[str, type[Record]]] = {
    Person: {"organization_id": Organization},
    Participation: {"visit_id": Visit, "organization_id": Organization,
                    "contact_person_id": Person},
    DelegationMember: {"visit_id": Visit, "person_id": Person},
    Site: {"host_organization_id": Organization},
    Stop: {"visit_id": Visit, "site_id": Site},
    Absence: {"visit_id": Visit, "member_id": DelegationMember, "stop_id": Stop},
    Note: {"visit_id": Visit, "stop_id": Stop, "author_id": Person},
    KeyFigure: {"visit_id": Visit, "stop_id": Stop, "note_id": Note},
    FollowUp: {"visit_id": Visit, "note_id": Note, "responsible_organization_id": Organization},
    Photo: {"visit_id": Visit, "stop_id": Stop},
}
