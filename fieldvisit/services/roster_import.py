"""Importing a roster of people into the directory: preview first, then write in one go.

    table = read_roster(path, sheet)              # roster_files: the file as text rows
    mapping = guess_mapping(table.header)         # the user may correct it
    plan = plan_import(uow, table, mapping)       # the preview; writes nothing
    result = apply_import(uow, plan)              # one transaction

Each row either creates a person, matches an existing one (whose empty fields — title,
organization, phone, email — are filled from the file; stored values are never overwritten) or
is rejected with its reason; a row with nothing in the mapped columns is skipped. A person
matches when the name and organization agree; a row without an organization matches the only
person of that name; a row with an organization also matches the only person of that name who
has no organization yet (and gives them one). An organization named in the file is found by its
name or short name (case, width and spaces ignored) and created once when there is none.
Importing the same file again changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.entities import Organization, Person
from fieldvisit.domain.errors import ConflictError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message
from fieldvisit.services import records
from fieldvisit.services.roster_files import (
    ROSTER_FIELDS,
    RosterRow,
    RosterTable,
    guess_mapping,
    read_roster,
)

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

__all__ = ["ROSTER_FIELDS", "RosterRow", "RosterTable", "read_roster", "guess_mapping",
           "PlannedRow", "RosterPlan", "RosterImportResult", "plan_import", "apply_import"]

CREATE, MATCH, REJECT = "create", "match", "reject"
FIELD_LABELS = {"name": Message(QT_TRANSLATE_NOOP("Messages", "Name")),
                "title": Message(QT_TRANSLATE_NOOP("Messages", "Title")),
                "organization": Message(QT_TRANSLATE_NOOP("Messages", "Organization")),
                "phone": Message(QT_TRANSLATE_NOOP("Messages", "Phone")),
                "email": Message(QT_TRANSLATE_NOOP("Messages", "Email"))}
MAX_LENGTHS = {"name": 100, "title": 200, "organization": 200, "phone": 40, "email": 254}
_PLACEHOLDERS = frozenset({"-", "--", "—", "——", "/", "无", "暂无", "n/a", "none", "null"})
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]+")
_NAMED_EMAIL = re.compile(r"[^<>]*<([^<>]+)>")
_PHONE = re.compile(r"[\d+\-() /转]+")
_EXCEL_SHORTENED = re.compile(r"\d(\.\d+)?E\+\d+", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|&#?\w+;")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff]) (?=[\u3400-\u9fff\uf900-\ufaff])")


@dataclass(frozen=True)
class PlannedRow:
    """What importing one data row will do. ``action`` is "create", "match" (``person_id`` is
    the existing person; ``fills`` the empty fields the file fills) or "reject" (``reason``)."""

    row_number: int
    name: str
    title: str
    organization: str
    phone: str
    email: str
    action: str
    person_id: UUID | None = None
    reason: str = ""
    fills: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The reason with its row, e.g. "row 7: name is missing"."""
        return Message(QT_TRANSLATE_NOOP("Messages", "row {row}: {reason}"),
                       row=self.row_number, reason=self.reason)


@dataclass(frozen=True)
class RosterPlan:
    """The preview of an import. It carries the table and mapping it was made from, so that
    ``apply_import`` can check that the directory did not change since."""

    table: RosterTable = field(repr=False)
    mapping: Mapping[str, int | None]
    rows: tuple[PlannedRow, ...]
    new_organizations: tuple[str, ...]
    skipped: tuple[int, ...] = ()
    """Rows with nothing in the mapped columns (e.g. only a serial number): not people."""

    def _with(self, action: str) -> tuple[PlannedRow, ...]:
        return tuple(row for row in self.rows if row.action == action)

    @property
    def created(self) -> tuple[PlannedRow, ...]:
        return self._with(CREATE)

    @property
    def matched(self) -> tuple[PlannedRow, ...]:
        return self._with(MATCH)

    @property
    def rejected(self) -> tuple[PlannedRow, ...]:
        return self._with(REJECT)

    @property
    def counts(self) -> dict[str, int]:
        """Rows per action, plus "updated" (matched rows that fill empty fields)."""
        return {CREATE: len(self.created), MATCH: len(self.matched),
                REJECT: len(self.rejected), "updated": sum(1 for r in self.matched if r.fills)}


@dataclass(frozen=True)
class RosterImportResult:
    created_people: int
    matched_people: int
    updated_people: int
    created_organizations: int
    rejected: tuple[tuple[int, str], ...]
    """(row number, reason) of every row refused."""
    skipped: tuple[int, ...] = ()
    """Rows with nothing in the mapped columns."""


def plan_import(uow: UnitOfWork, table: RosterTable,
                mapping: Mapping[str, int | None]) -> RosterPlan:
    """Preview the import of ``table`` with ``mapping`` (roster field → column index or None);
    nothing is written. Raises ValidationError when the mapping is unusable."""
    columns = _checked_mapping(table, mapping)
    with uow:
        return _Planner(table, columns, uow.organizations.all(), uow.people.all()).plan


def apply_import(uow: UnitOfWork, plan: RosterPlan) -> RosterImportResult:
    """Write ``plan`` in one transaction: the new organizations, then the people. The plan is
    made again inside the transaction; if the directory changed so that any row would now be
    imported differently, ConflictError is raised and nothing is written."""
    with uow:
        planner = _Planner(plan.table, plan.mapping, uow.organizations.all(),
                           uow.people.all())
        fresh = planner.plan
        if (fresh.rows, fresh.new_organizations) != (plan.rows, plan.new_organizations):
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the directory changed since the preview was made; preview the "
                "import again")))
        for organization in planner.new_organizations.values():
            uow.organizations.put(records.normalized(organization))
        for person in planner.people:
            uow.people.put(person)
        uow.commit()
    counts = fresh.counts
    return RosterImportResult(
        created_people=counts[CREATE], matched_people=counts[MATCH],
        updated_people=counts["updated"], created_organizations=len(fresh.new_organizations),
        rejected=tuple((row.row_number, row.reason) for row in fresh.rejected),
        skipped=fresh.skipped)


def _checked_mapping(table: RosterTable,
                     mapping: Mapping[str, int | None]) -> Mapping[str, int | None]:
    unknown = sorted(set(mapping) - set(ROSTER_FIELDS))
    if unknown:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{field!r} is not a roster field; the fields are: {fields}"),
            field=unknown[0], fields=", ".join(ROSTER_FIELDS)))
    columns = {name: mapping.get(name) for name in ROSTER_FIELDS}
    if columns["name"] is None:
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "map a column to Name")),
                              "name")
    used: dict[int, str] = {}
    for name, column in columns.items():
        if column is None:
            continue
        if isinstance(column, bool) or not isinstance(column, int) \
                or not 0 <= column < len(table.header):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{field} is mapped to column {column!r}, but the table has columns "
                "0 to {last}"), field=FIELD_LABELS[name], column=column,
                last=len(table.header) - 1), name)
        if column in used:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "column '{column}' is mapped to both {first} and {second}"),
                column=table.header[column] or column + 1, first=FIELD_LABELS[used[column]],
                second=FIELD_LABELS[name]), name)
        used[column] = name
    return MappingProxyType(columns)


def _fold(text: str) -> str:
    """The comparison form of a name: width, case and Chinese alignment spaces ignored."""
    return _CJK_SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())


def _organization_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


class _Planner:
    """Decides every row against the directory as loaded; builds the records to write."""

    def __init__(self, table: RosterTable, columns: Mapping[str, int | None],
                 organizations: list[Organization], people: list[Person]) -> None:
        self.by_name: dict[str, list[Organization]] = defaultdict(list)
        self.by_short_name: dict[str, list[Organization]] = defaultdict(list)
        for organization in organizations:
            self.by_name[_organization_key(organization.name)].append(organization)
            if organization.short_name.strip():
                self.by_short_name[_organization_key(organization.short_name)].append(
                    organization)
        self.existing_ids = {o.id for o in organizations}
        self.people_by_name: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            self.people_by_name[_fold(person.name)].append(person)
        self.new_organizations: dict[str, Organization] = {}
        self.people: list[Person] = []
        self.claimed: set[UUID] = set()
        self.seen: dict[str, list[tuple[str, int]]] = defaultdict(list)
        rows: list[PlannedRow] = []
        skipped: list[int] = []
        for row in table.rows:
            values = {name: _cleaned(name, row.cells[column] if column is not None else "")
                      for name, column in columns.items()}
            if any(values.values()):
                rows.append(self._plan_row(row, values))
            else:
                skipped.append(row.row_number)
        self.plan = RosterPlan(table, columns, tuple(rows),
                               tuple(o.name for o in self.new_organizations.values()),
                               tuple(skipped))

    def _plan_row(self, row: RosterRow, values: dict[str, str]) -> PlannedRow:
        planned = PlannedRow(row.row_number, name=values["name"], title=values["title"],
                             organization=values["organization"], phone=values["phone"],
                             email=values["email"], action=REJECT)
        problem = _problem(values)
        if problem:
            return _rejected(planned, problem)
        organization, key, problem = self._organization(values["organization"])
        if problem:
            return _rejected(planned, problem)
        name_key = _fold(values["name"])
        earlier = next((number for org, number in self.seen[name_key]
                        if not key or not org or org == key), None)
        if earlier is not None:
            return _rejected(planned, Message(QT_TRANSLATE_NOOP(
                "Messages", "same person as row {row}"), row=earlier))
        person, problem = self._existing_person(values, name_key, organization)
        if problem:
            return _rejected(planned, problem)
        organization_id = organization.id if organization else None
        if person is None:
            try:
                person = records.normalized(Person(
                    name=values["name"], title=values["title"], phone=values["phone"],
                    email=values["email"], organization_id=organization_id))
            except ValidationError as error:
                return _rejected(planned, error.message)
            planned = replace(planned, action=CREATE)
        else:
            self.claimed.add(person.id)
            changes: dict[str, str | UUID] = {
                name: values[name] for name in ("title", "phone", "email")
                if values[name] and not getattr(person, name)}
            if organization_id and person.organization_id is None:
                changes["organization_id"] = organization_id
            person = records.changed(person, changes)
            planned = replace(planned, action=MATCH, person_id=person.id,
                              fills=tuple(name.removesuffix("_id") for name in changes))
        if planned.action == CREATE or planned.fills:
            self.people.append(person)
        if organization is not None and organization.id not in self.existing_ids:
            self.new_organizations.setdefault(key, organization)
        self.seen[name_key].append((key, row.row_number))
        return planned

    def _organization(self, text: str) -> tuple[Organization | None, str, str]:
        """(the existing or new organization, its key, a problem)"""
        if not text:
            return None, "", ""
        key = _organization_key(text)
        found = self.by_name.get(key) or self.by_short_name.get(key) or []
        if len(found) > 1:
            names = ", ".join(sorted(o.name for o in found))
            return None, key, Message(QT_TRANSLATE_NOOP(
                "Messages", "organization '{text}' could be any of {count} organizations "
                "({names}); use the full name"), text=text, count=len(found), names=names)
        if found:
            return found[0], key, ""
        return self.new_organizations.get(key) or Organization(name=text), key, ""

    def _existing_person(self, values: dict[str, str], name_key: str,
                         organization: Organization | None) -> tuple[Person | None, str]:
        name, namesakes = values["name"], self.people_by_name.get(name_key, [])
        if organization is None:
            if len(namesakes) > 1:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Messages", "{count} people named {name} already exist; give the "
                    "organization to choose one"), count=len(namesakes), name=name)
            return (namesakes[0] if namesakes else None), ""
        same = [p for p in namesakes if p.organization_id == organization.id]
        if len(same) > 1:
            return None, Message(QT_TRANSLATE_NOOP(
                "Messages", "{count} people named {name} at {organization} already exist; "
                "merge them first"), count=len(same), name=name,
                organization=values["organization"])
        if same:
            return same[0], ""
        loose = [p for p in namesakes if p.organization_id is None and p.id not in self.claimed]
        if len(loose) > 1:
            return None, Message(QT_TRANSLATE_NOOP(
                "Messages", "{count} people named {name} without an organization already "
                "exist; merge them first"), count=len(loose), name=name)
        return (loose[0] if loose else None), ""


def _rejected(planned: PlannedRow, reason: str) -> PlannedRow:
    return replace(planned, reason=reason)


def _cleaned(name: str, text: str) -> str:
    """A cell as it will be stored: placeholders such as "-" or "无" mean empty; names lose
    the spaces that align Chinese names (王　芳); phones and emails lose full-width forms."""
    if text.casefold() in _PLACEHOLDERS:
        return ""
    if name == "name":
        return _CJK_SPACE.sub("", text)
    if name in ("phone", "email"):
        text = unicodedata.normalize("NFKC", text).strip()
    if name == "email":
        named = _NAMED_EMAIL.fullmatch(text)  # 王芳 <wangfang@example.cn>
        return named.group(1).strip() if named else text
    return text


def _problem(values: dict[str, str]) -> str:
    """Why the row cannot be imported, or ""."""
    if not values["name"]:
        return Message(QT_TRANSLATE_NOOP("Messages", "name is missing"))
    for name, text in values.items():
        field = FieldName(name, FIELD_LABELS[name])
        if len(text) > MAX_LENGTHS[name]:
            return Message(QT_TRANSLATE_NOOP(
                "Messages", "{field} is too long ({length} characters; at most {limit})"),
                field=field, length=len(text), limit=MAX_LENGTHS[name])
        if name in ("name", "title", "organization"):
            markup = _MARKUP.search(text)
            if markup:
                return Message(QT_TRANSLATE_NOOP(
                    "Messages", "{field} contains markup ({markup!r}); use plain text"),
                    field=field, markup=markup.group())
            if text.startswith("="):
                return Message(QT_TRANSLATE_NOOP(
                    "Messages", "{field} {text!r} looks like a spreadsheet formula"),
                    field=field, text=text[:20])
    phone, email = values["phone"], values["email"]
    if phone and _EXCEL_SHORTENED.fullmatch(phone):
        return Message(QT_TRANSLATE_NOOP(
            "Messages", "phone {phone!r} was shortened by Excel; format the column as text and "
            "save the file again"), phone=phone)
    if phone and (not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3):
        return Message(QT_TRANSLATE_NOOP("Messages", "{phone!r} is not a phone number"),
                       phone=phone)
    if email and not _EMAIL.fullmatch(email):
        return Message(QT_TRANSLATE_NOOP("Messages", "{email!r} is not an email address"),
                       email=email)
    return ""
