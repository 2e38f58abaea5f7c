"""ORM models. Column names equal the field names of the matching domain entities."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns them aware again."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _fk(target: str, *, cascade: bool = False, set_null: bool = False) -> Any:
    ondelete = "CASCADE" if cascade else "SET NULL" if set_null else None
    return ForeignKey(target, ondelete=ondelete)


class RecordRow(Base):
    __abstract__ = True
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    """Revision in this database: every UPDATE and DELETE names the revision it read
    (``version_id_col``) and an UPDATE counts it up, so a write based on a revision someone
    else replaced meanwhile matches no row and fails (StaleDataError) instead of
    overwriting."""
    changed_by: Mapped[str] = mapped_column(Text, server_default="")
    """Who wrote this revision: "name @ machine" (``Database.identity``)."""

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class OrganizationRow(RecordRow):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(Text, index=True)
    short_name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text)


class PersonRow(RecordRow):
    __tablename__ = "people"
    name: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[UUID | None] = mapped_column(_fk("organizations.id"), index=True)
    phone: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)


class VisitRow(RecordRow):
    __tablename__ = "visits"
    title: Mapped[str] = mapped_column(Text, index=True)
    theme: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text)
    region: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    day_start: Mapped[time] = mapped_column(Time)
    day_end: Mapped[time | None] = mapped_column(Time)
    travel: Mapped[dict[str, float]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20))
    methods: Mapped[list[str]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    conclusions: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    remarks: Mapped[str] = mapped_column(Text)


class DelegationMemberRow(RecordRow):
    __tablename__ = "delegation_members"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    person_id: Mapped[UUID] = mapped_column(_fk("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    protocol_order: Mapped[int] = mapped_column(Integer)


class ParticipationRow(RecordRow):
    __tablename__ = "participations"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    organization_id: Mapped[UUID] = mapped_column(_fk("organizations.id"), index=True)
    contact_person_id: Mapped[UUID | None] = mapped_column(_fk("people.id"), index=True)


class AbsenceRow(RecordRow):
    __tablename__ = "absences"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    member_id: Mapped[UUID] = mapped_column(_fk("delegation_members.id", cascade=True),
                                            index=True)
    stop_id: Mapped[UUID] = mapped_column(_fk("stops.id", cascade=True), index=True)


class SiteRow(RecordRow):
    __tablename__ = "sites"
    name: Mapped[str] = mapped_column(Text, index=True)
    address: Mapped[str] = mapped_column(Text)
    host_organization_id: Mapped[UUID | None] = mapped_column(_fk("organizations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    datum: Mapped[str] = mapped_column(String(10))
    opening_hours: Mapped[list[str]] = mapped_column(JSON)
    contact: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    facts: Mapped[list[dict[str, str]]] = mapped_column(JSON)


class StopRow(RecordRow):
    __tablename__ = "stops"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    site_id: Mapped[UUID] = mapped_column(_fk("sites.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    dwell_minutes: Mapped[int] = mapped_column(Integer)
    fixed_arrival: Mapped[datetime | None] = mapped_column(DateTime)
    delay_minutes: Mapped[int] = mapped_column(Integer)
    pinned: Mapped[bool] = mapped_column(Boolean)
    activities: Mapped[str] = mapped_column(Text)
    travel_mode: Mapped[str | None] = mapped_column(String(20))
    travel_minutes: Mapped[int | None] = mapped_column(Integer)
    travel_notes: Mapped[str] = mapped_column(Text)
    times_illustrative: Mapped[bool] = mapped_column(Boolean)


class NoteRow(RecordRow):
    __tablename__ = "notes"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    stop_id: Mapped[UUID | None] = mapped_column(_fk("stops.id"), index=True)
    author_id: Mapped[UUID | None] = mapped_column(_fk("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    interviewee_group: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON)
    confidential: Mapped[bool] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer)


class KeyFigureRow(RecordRow):
    __tablename__ = "key_figures"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    stop_id: Mapped[UUID | None] = mapped_column(_fk("stops.id"), index=True)
    note_id: Mapped[UUID | None] = mapped_column(_fk("notes.id", set_null=True), index=True)
    label: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(Text)
    qualifier: Mapped[str] = mapped_column(String(20))


class FollowUpRow(RecordRow):
    __tablename__ = "follow_ups"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    note_id: Mapped[UUID | None] = mapped_column(_fk("notes.id", set_null=True), index=True)
    action: Mapped[str] = mapped_column(Text)
    responsible_organization_id: Mapped[UUID | None] = mapped_column(
        _fk("organizations.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))


class PhotoRow(RecordRow):
    __tablename__ = "photos"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    stop_id: Mapped[UUID | None] = mapped_column(_fk("stops.id", set_null=True), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    caption: Mapped[str] = mapped_column(Text)
    credit: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)


class ReportWritingRow(RecordRow):
    """What the writer wrote for a visit's report and brief (``domain.report_writing``): one
    row per visit, removed with it. A NULL text follows the draft."""

    __tablename__ = "report_writings"
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    basics: Mapped[str | None] = mapped_column(Text)
    practices: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    suggestions: Mapped[str | None] = mapped_column(Text)
    signed_by: Mapped[str | None] = mapped_column(Text)
    signed_on: Mapped[date | None] = mapped_column(Date)
    brief_title: Mapped[str | None] = mapped_column(Text)
    brief_text: Mapped[str | None] = mapped_column(Text)
    brief_masthead: Mapped[str | None] = mapped_column(Text)
    brief_issue: Mapped[str | None] = mapped_column(Text)
    brief_compiled_by: Mapped[str | None] = mapped_column(Text)
    brief_send_to: Mapped[str | None] = mapped_column(Text)


# -- merge state of visit packages (not records: they never travel in a package) -------------
class SyncStateRow(Base):
    """A content hash a record had when it was exchanged (packed or unpacked): the versions of
    the record this database knows to be superseded by, or equal to, the one it holds. A
    deletion counts as a version too (its tombstone's ``deletion`` token)."""

    __tablename__ = "sync_states"
    record_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    generation: Mapped[int | None] = mapped_column(Integer)
    """Counts the exchanged versions of the record: a version is later than every version its
    laptop knew when it was first exchanged (so a merge finds the latest common version).
    Travels with the hash; null for versions exchanged before generations were kept."""
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The version's content, where this database held it: the base of three-way merges."""


class MergeConflictRow(Base):
    """A record edited on two computers: the local version stays, the other one waits here."""

    __tablename__ = "merge_conflicts"
    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    visit_id: Mapped[UUID | None] = mapped_column(Uuid, index=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[UUID] = mapped_column(Uuid, index=True)
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_hash: Mapped[str] = mapped_column(String(64))
    resolved: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(20), server_default="edit")
    """"edit" (changed on both sides), "deleted_there" (deleted on the other computer, changed
    here) or "deleted_here" (deleted here, changed there)."""
    fields: Mapped[list[str] | None] = mapped_column(JSON)
    """The fields changed on both sides to different values (null: every differing field)."""


class TombstoneRow(Base):
    """A deleted record of a visit (``domain.content.Tombstone``); goes with its visit."""

    __tablename__ = "tombstones"
    record_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[UUID] = mapped_column(_fk("visits.id", cascade=True), index=True)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))
    deletion: Mapped[str] = mapped_column(String(64))
