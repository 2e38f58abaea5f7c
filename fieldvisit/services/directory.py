"""Use cases on the shared directory of organizations and people."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain.entities import Organization, Person, Site
from fieldvisit.domain.errors import ConflictError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Joined, Message
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried
from fieldvisit.services.name_search import by_name

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def list_organizations(uow: UnitOfWork) -> list[Organization]:
    with uow:
        return by_name(uow.organizations.all(order_by=("name",)), lambda o: o.name)


def create_organization(uow: UnitOfWork, name: str, **fields: Any) -> Organization:
    return records.add(uow, Organization(name=name, **fields))


def update_organization(uow: UnitOfWork, organization_id: UUID,
                        expected_version: int | None = None, **changes: Any) -> Organization:
    return records.edit(uow, Organization, organization_id, changes, expected_version)


@retried
def delete_organization(uow: UnitOfWork, organization_id: UUID) -> Organization:
    """Delete an organization nothing uses; returns it as it was stored (for undo)."""
    with uow:
        organization = uow.organizations.get(organization_id)
        _refuse_used_organization(uow, organization)
        uow.organizations.delete(organization_id)
        uow.commit()
    return organization


def check_organizations_deletable(uow: UnitOfWork, organization_ids: Iterable[UUID]) -> None:
    """Raise the ConflictError deleting would raise for the first organization still in use:
    asked before "Delete?", so the user is not asked first and refused after."""
    with uow:
        for organization_id in organization_ids:
            _refuse_used_organization(uow, uow.organizations.get(organization_id))


def _refuse_used_organization(uow: UnitOfWork, organization: Organization) -> None:
    organization_id = organization.id
    uses = [  # (one, several, how many): the domain has no Qt to pick plural forms
        (QT_TRANSLATE_NOOP("Messages", "{count} person"),
         QT_TRANSLATE_NOOP("Messages", "{count} people"),
         uow.people.count(organization_id=organization_id)),
        (QT_TRANSLATE_NOOP("Messages", "{count} site"),
         QT_TRANSLATE_NOOP("Messages", "{count} sites"),
         uow.sites.count(host_organization_id=organization_id)),
        (QT_TRANSLATE_NOOP("Messages", "{count} follow-up"),
         QT_TRANSLATE_NOOP("Messages", "{count} follow-ups"),
         uow.follow_ups.count(responsible_organization_id=organization_id)),
        (QT_TRANSLATE_NOOP("Messages", "{count} visit"),
         QT_TRANSLATE_NOOP("Messages", "{count} visits"),
         uow.participations.count(organization_id=organization_id)),
    ]
    counted = [(one if count == 1 else several, count) for one, several, count in uses]
    in_use = Joined(Message(template, count=count) for template, count in counted if count)
    if in_use:
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be deleted: it is still used by {in_use}"),
            name=organization.name, in_use=in_use))


def list_people(uow: UnitOfWork, organization_id: UUID | None = None) -> list[Person]:
    filters = {} if organization_id is None else {"organization_id": organization_id}
    with uow:
        return by_name(uow.people.all(order_by=("name",), **filters), lambda p: p.name)


def create_person(uow: UnitOfWork, name: str, **fields: Any) -> Person:
    return records.add(uow, Person(name=name, **fields))


def update_person(uow: UnitOfWork, person_id: UUID, expected_version: int | None = None,
                  **changes: Any) -> Person:
    return records.edit(uow, Person, person_id, changes, expected_version)


@retried
def delete_person(uow: UnitOfWork, person_id: UUID) -> Person:
    """Delete a person nothing refers to; returns them as they were stored (for undo)."""
    with uow:
        person = uow.people.get(person_id)
        _refuse_used_person(uow, person)
        uow.people.delete(person_id)
        uow.commit()
    return person


@retried
def restore_records(uow: UnitOfWork, deleted: Iterable[Organization | Person | Site]) -> None:
    """Put deleted records of the directory back as they were stored (undo of a deletion):
    organizations first, as people and sites may belong to them."""
    with uow:
        for record in sorted(deleted, key=lambda r: not isinstance(r, Organization)):
            uow.repository(type(record)).put(record)
        uow.commit()


def check_people_deletable(uow: UnitOfWork, person_ids: Iterable[UUID]) -> None:
    """Raise the ConflictError deleting would raise for the first person still needed."""
    with uow:
        for person_id in person_ids:
            _refuse_used_person(uow, uow.people.get(person_id))


def _refuse_used_person(uow: UnitOfWork, person: Person) -> None:
    person_id = person.id
    visits = {m.visit_id for m in uow.delegation.all(person_id=person_id)}
    if visits:
        titles = "; ".join(v.title for v in uow.visits.all(id=list(visits)))
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be deleted while in the delegation of: {titles}"),
            name=person.name, titles=titles))
    if uow.notes.count(author_id=person_id):
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be deleted: they wrote notes"), name=person.name))
    if uow.participations.count(contact_person_id=person_id):
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be deleted: they are the contact person of an "
            "organization in a visit"), name=person.name))


@dataclass(frozen=True)
class PersonEntry:
    """A person as the directory lists them, with their organization."""

    person: Person
    organization: Organization | None

    @property
    def search_texts(self) -> tuple[str, ...]:
        organization = self.organization
        return (self.person.name, self.person.title,
                organization.name if organization else "",
                organization.short_name if organization else "")


def directory_people(uow: UnitOfWork) -> list[PersonEntry]:
    with uow:
        organizations = {o.id: o for o in uow.organizations.all()}
        return [PersonEntry(p, organizations.get(p.organization_id) if p.organization_id
                            else None)
                for p in by_name(uow.people.all(order_by=("name",)), lambda p: p.name)]
