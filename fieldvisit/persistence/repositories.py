"""Repositories: read and write domain records through a session. They never commit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from enum import Enum
from typing import Any, Generic, TypeAlias, TypeVar
from uuid import UUID

from sqlalchemy import Select, String, func, select, text
from sqlalchemy.orm import Session

from fieldvisit.domain import entities as e
from fieldvisit.domain.errors import NotFoundError, StaleEditError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import field_types, local_fields, row_loader, to_plain
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.persistence import exchange_state
from fieldvisit.persistence import models as m

E = TypeVar("E", bound=e.Record)

#: A value a field is compared with: equal to it (a tuple is a list field's whole value).
FilterScalar: TypeAlias = UUID | str | int | float | bool | dt.date | dt.datetime | Enum | \
    tuple[Any, ...] | None
#: A filter's value: a list, set or frozenset means "one of these" (SQL IN).
FilterValue: TypeAlias = FilterScalar | list[UUID] | list[str] | list[int] | \
    AbstractSet[FilterScalar]

ROW_TYPES: dict[type[e.Record], type[m.RecordRow]] = {
    e.Organization: m.OrganizationRow,
    e.Person: m.PersonRow,
    e.Visit: m.VisitRow,
    e.DelegationMember: m.DelegationMemberRow,
    e.Participation: m.ParticipationRow,
    e.Absence: m.AbsenceRow,
    e.Site: m.SiteRow,
    e.Stop: m.StopRow,
    e.Note: m.NoteRow,
    e.KeyFigure: m.KeyFigureRow,
    e.FollowUp: m.FollowUpRow,
    e.Photo: m.PhotoRow,
    ReportWriting: m.ReportWritingRow,
}

_NOUNS = {
    e.Organization: Message(QT_TRANSLATE_NOOP("Messages", "organization")),
    e.Person: Message(QT_TRANSLATE_NOOP("Messages", "person")),
    e.Visit: Message(QT_TRANSLATE_NOOP("Messages", "visit")),
    e.DelegationMember: Message(QT_TRANSLATE_NOOP("Messages", "delegation member")),
    e.Participation: Message(QT_TRANSLATE_NOOP("Messages", "participating organization")),
    e.Absence: Message(QT_TRANSLATE_NOOP("Messages", "absence")),
    e.Site: Message(QT_TRANSLATE_NOOP("Messages", "site")),
    e.Stop: Message(QT_TRANSLATE_NOOP("Messages", "stop")),
    e.Note: Message(QT_TRANSLATE_NOOP("Messages", "note")),
    e.KeyFigure: Message(QT_TRANSLATE_NOOP("Messages", "key figure")),
    e.FollowUp: Message(QT_TRANSLATE_NOOP("Messages", "follow-up")),
    e.Photo: Message(QT_TRANSLATE_NOOP("Messages", "photo")),
    ReportWriting: Message(QT_TRANSLATE_NOOP("Messages", "report text")),
}


def _column_value(value: Any) -> Any:
    if isinstance(value, (tuple, Enum)) or dataclasses.is_dataclass(value):
        return to_plain(value)  # JSON columns and enum values
    return value


class RecordRepository(Generic[E]):
    """Generic storage of one record type; ``filters`` are equality tests on fields.

    Records come back with their ``version`` and ``changed_by``; every write stamps
    ``identity`` as ``changed_by`` and notes the new version in ``written`` (id → version,
    None when deleted) for the unit of work."""

    def __init__(self, session: Session, entity: type[E], identity: str = "",
                 written: dict[UUID, int | None] | None = None) -> None:
        self._session = session
        self._entity = entity
        self._row = ROW_TYPES[entity]
        self._fields = tuple(field_types(entity)) + local_fields(entity)
        self._identity = identity
        self._written = {} if written is None else written

    @property
    def noun(self) -> str:
        return _NOUNS[self._entity]

    def _to_entity(self, row: m.RecordRow) -> E:
        return row_loader(self._entity)({f: getattr(row, f) for f in self._fields})

    def find(self, record_id: UUID) -> E | None:
        row = self._row_of(record_id)
        return None if row is None else self._to_entity(row)

    def _row_of(self, record_id: UUID) -> m.RecordRow | None:
        """The row, held until the transaction ends: a write names the version read first
        in the transaction (the session forgets rows nobody holds, and would read again)."""
        row = self._session.get(self._row, record_id)
        if row is not None:
            self._session.info.setdefault("held", []).append(row)
        return row

    def get(self, record_id: UUID, version: int | None = None) -> E:
        """The stored record; with ``version`` (the one the caller read), StaleEditError if
        it has another one now: someone changed it since."""
        found = self.find(record_id)
        if found is None:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "no {noun} with id {id}"), noun=self.noun, id=record_id))
        if version is not None and found.version != version:
            raise self.stale(found.changed_by)
        return found

    def stale(self, changed_by: str) -> StaleEditError:
        """The error for a write based on a version someone else replaced since."""
        if changed_by:
            return StaleEditError(Message(QT_TRANSLATE_NOOP(
                "Messages", "this {noun} was changed by {who} since you opened it; nothing "
                "was overwritten"), noun=self.noun, who=changed_by), changed_by)
        return StaleEditError(Message(QT_TRANSLATE_NOOP(
            "Messages", "this {noun} was changed elsewhere since you opened it; nothing was "
            "overwritten"), noun=self.noun))

    def all(self, order_by: Iterable[str] = (), **filters: FilterValue) -> list[E]:
        """The matching records, read as plain columns (no ORM objects are built: a visit's
        thousands of notes load several times faster)."""
        return self.where(filters, order_by)

    def where(self, filters: Mapping[str, FilterValue], order_by: Iterable[str] = ()) -> list[E]:
        """``all``, with the filters as a mapping (for a field named at run time)."""
        statement = self._select(filters).with_only_columns(
            *(getattr(self._row, name) for name in self._fields))
        statement = statement.order_by(*(self._sort_key(name) for name in order_by),
                                       self._row.created_at, self._row.id)
        load, fields = row_loader(self._entity), self._fields
        self._session.flush()  # what this transaction wrote is seen (as autoflush would)
        rows = self._session.connection().execute(statement)  # Core: no ORM bookkeeping
        return [load(dict(zip(fields, row, strict=True))) for row in rows]

    def columns(self, fields: Sequence[str], **filters: FilterValue) -> list[tuple[Any, ...]]:
        """Some columns of the matching records, as stored, a tuple per record (no records are
        built: listing 2,000 visits this way takes a tenth of building them)."""
        statement = self._select(filters).with_only_columns(
            *(self._column(field) for field in fields))
        self._session.flush()
        return [tuple(row) for row in self._session.connection().execute(statement)]

    def count(self, **filters: FilterValue) -> int:
        """How many records ``all`` would return for the same filters."""
        statement = select(func.count()).select_from(self._select(filters).subquery())
        return self._session.scalar(statement) or 0

    def values(self, field: str, **filters: FilterValue) -> list[Any]:
        """One column of the matching records, as stored (no records are built)."""
        column = self._column(field)
        return list(self._session.scalars(self._select(filters).with_only_columns(column)))

    def count_by(self, field: str, **filters: FilterValue) -> dict[Any, int]:
        """How many records share each value of ``field`` (one grouped query)."""
        column = self._column(field)
        statement = self._select(filters).with_only_columns(column, func.count()).group_by(column)
        return {value: count for value, count in self._session.execute(statement)}

    def item_counts(self, field: str, limit: int = 1000) -> dict[str, int]:
        """How many records hold each item of the list field ``field`` (e.g. each tag), the
        most frequent first, counted by the database without reading the records."""
        if field not in self._fields:
            raise KeyError(field)
        table = self._row.__tablename__
        if self._postgresql:
            statement = text(f"SELECT item, count(*) AS n FROM {table}, "
                             f"json_array_elements_text({table}.{field}) AS item "
                             'GROUP BY item ORDER BY n DESC, item COLLATE "C" LIMIT :limit')
        else:
            statement = text(f"SELECT item.value, count(*) AS n FROM {table}, "
                             f"json_each({table}.{field}) AS item "
                             "GROUP BY item.value ORDER BY n DESC, item.value LIMIT :limit")
        return {item: count for item, count in
                self._session.execute(statement, {"limit": limit})}

    def put(self, entity: E) -> E:
        """Insert the record, or overwrite the stored one with the same id; returns it as
        stored (its new ``version``, ``changed_by``). A record read from this database
        (``version`` > 0) overwrites only that version: StaleEditError if the stored one is
        another. The UPDATE itself names the version this transaction read first, so a writer
        committing in between makes it fail too (StaleDataError: a ConcurrentWriteError for
        the unit of work)."""
        row = self._row_of(entity.id)
        values = self._values(entity)
        if row is None:
            exchange_state.dig_up(self._session, entity.id)  # an undone deletion
            row = self._row(**values)
            self._session.add(row)
        else:
            if entity.version and entity.version != row.version:
                raise self.stale(row.changed_by)
            for name, value in values.items():
                setattr(row, name, value)
        self._session.flush()
        self._written[entity.id] = row.version
        return dataclasses.replace(entity, version=row.version, changed_by=row.changed_by)

    def insert(self, entity: E) -> E:
        """Insert the record as a new one; returns it as stored. Never overwrites: if a record
        with its id (or its unique key) is stored, even by a writer committing meanwhile, the
        INSERT fails (a ConcurrentWriteError for the unit of work)."""
        row = self._row(**self._values(entity))
        self._session.add(row)
        self._session.flush()
        self._session.info.setdefault("held", []).append(row)
        self._written[entity.id] = row.version
        return dataclasses.replace(entity, version=row.version, changed_by=row.changed_by)

    def _values(self, entity: E) -> dict[str, Any]:
        values = {f: _column_value(getattr(entity, f)) for f in self._fields
                  if f not in ("version", "changed_by")}
        values["changed_by"] = self._identity
        return values

    def delete(self, record_id: UUID, version: int | None = None,
               deletion: str | None = None) -> None:
        """Delete the record; with ``version``, only if it still has that version. A visit's
        record leaves a tombstone (``exchange_state.bury``), naming the deletion ``deletion``
        when it comes from another database."""
        row = self._row_of(record_id)
        if row is None:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "no {noun} with id {id}"), noun=self.noun, id=record_id))
        if version is not None and row.version != version:
            raise self.stale(row.changed_by)
        self._written.update(exchange_state.bury(self._session, self._to_entity(row), deletion,
                                                 self._identity))
        self._session.delete(row)
        self._session.flush()
        self._written[record_id] = None

    def title_prefix(self, column: str, prefix: str) -> list[E]:
        """The records whose ``column`` begins with ``prefix``, ignoring case, in the order of
        ``column``. Compared here rather than by the database, whose LIKE ignores the case of
        ASCII letters only (SQLite) or not at all (PostgreSQL)."""
        wanted = prefix.casefold()
        statement = select(self._row.id, getattr(self._row, column))
        found = [record_id for record_id, value in self._session.execute(statement)
                 if value.casefold().startswith(wanted)]
        return self.all(order_by=(column,), id=found) if found else []

    @property
    def _postgresql(self) -> bool:
        return self._session.get_bind().dialect.name == "postgresql"

    def _sort_key(self, name: str) -> Any:
        """``name`` ascending as SQLite sorts it, on every database: text in character order
        (PostgreSQL would use the server's collation, pinyin or case-blind), and missing values
        first (PostgreSQL puts them last)."""
        column = getattr(self._row, name)
        if not self._postgresql:
            return column
        if isinstance(column.type, String):
            column = column.collate("C")
        return column.asc().nulls_first()

    def _column(self, name: str) -> Any:
        """The column of the field ``name``; KeyError if the record has no such field (a
        misspelt filter must not fall back on some other attribute of the row class)."""
        if name not in self._fields:
            raise KeyError(f"{self._entity.__name__} has no field {name!r}")
        return getattr(self._row, name)

    def _select(self, filters: Mapping[str, FilterValue]) -> Select[Any]:
        """The rows matching ``filters``, the one query behind listing and counting."""
        statement = select(self._row)
        for name, value in filters.items():
            column = self._column(name)
            if isinstance(value, (list, set, frozenset)):
                statement = statement.where(column.in_([_column_value(v) for v in value]))
            else:
                statement = statement.where(column == _column_value(value))
        return statement
