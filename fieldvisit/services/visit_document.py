"""The visit document: one versioned JSON format for a whole visit (see docs/visit-format.md).

Export is deterministic, so export → import into an empty database → export gives the same
document. Format 2 adds the visit's tombstones and the exchange history of its records. Import
validates the whole document before writing anything, then merges it by exchange history
exactly as a visit package is merged (``package_merge``): a document's clock decides nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import Tombstone
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.json_path import member
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import from_plain, to_plain
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services import strict_json
from fieldvisit.services.concurrency import retried

R = TypeVar("R", bound=e.Record)

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork
    from fieldvisit.services.package_merge import MergeSummary as ImportSummary

FORMAT_NAME = "fieldvisit-visit"
FORMAT_VERSION = 3
EXCHANGE_SECTIONS = ("tombstones", "history")
"""Sections of format 2: the visit's deleted records and the exchange history of its records."""
WRITING_SECTION = "report_writing"
"""Section of format 3: what the writer wrote for the report and brief (at most one record)."""

# Document sections in dependency order: a record refers only to sections above it.
SECTIONS: tuple[tuple[str, type[e.Record]], ...] = (
    ("organizations", e.Organization),
    ("people", e.Person),
    ("sites", e.Site),
    ("participations", e.Participation),
    ("delegation", e.DelegationMember),
    ("stops", e.Stop),
    ("absences", e.Absence),
    ("notes", e.Note),
    ("key_figures", e.KeyFigure),
    ("follow_ups", e.FollowUp),
    ("photos", e.Photo),
    (WRITING_SECTION, ReportWriting),
)

# Records that belong to one visit: a document may only refer to those it contains.
VISIT_RECORDS = (e.DelegationMember, e.Stop, e.Note)


@dataclass(frozen=True)
class Parsed:
    visit: e.Visit
    sections: dict[str, list[e.Record]]
    tombstones: list[Tombstone] = field(default_factory=list)
    history: dict[UUID, dict[str, int]] = field(default_factory=dict)
    """The sender's exchanged versions per record; empty for documents of format 1."""


def export_visit(uow: UnitOfWork, visit_id: UUID, exchange: bool = False) -> dict[str, Any]:
    """The visit's document. ``exchange`` (``fieldvisit export``, File ▸ Export, packages):
    the versions written count as exchanged, so that the document merged back later, or a
    document derived from it, is recognised as older or later than this database's records.
    Without it (snapshots for undo) nothing is written."""
    with uow:
        document = build_document(uow, visit_id, exchange)
        if exchange:
            uow.commit()
    return document


def build_document(uow: UnitOfWork, visit_id: UUID, exchange: bool) -> dict[str, Any]:
    """``export_visit`` inside the caller's transaction (the caller commits)."""
    from fieldvisit.services import exchange as histories
    from fieldvisit.services import tombstones

    visit = uow.visits.get(visit_id)
    participations = uow.participations.all(visit_id=visit_id)
    delegation = uow.delegation.all(order_by=("protocol_order",), visit_id=visit_id)
    stops = uow.stops.all(order_by=("position",), visit_id=visit_id)
    absences = uow.absences.all(visit_id=visit_id)
    notes = uow.notes.all(order_by=("position",), visit_id=visit_id)
    figures = uow.figures.all(visit_id=visit_id)
    follow_ups = uow.follow_ups.all(visit_id=visit_id)
    photos = uow.photos.all(visit_id=visit_id)
    writings = uow.writings.all(visit_id=visit_id)
    people = uow.people.all(id=[m.person_id for m in delegation]
                             + [n.author_id for n in notes if n.author_id]
                             + [p.contact_person_id for p in participations
                                if p.contact_person_id])
    sites = uow.sites.all(id=[s.site_id for s in stops])
    organization_ids = ([p.organization_id for p in people]
                        + [p.organization_id for p in participations]
                        + [s.host_organization_id for s in sites]
                        + [f.responsible_organization_id for f in follow_ups])
    organizations = uow.organizations.all(id=[o for o in organization_ids if o])
    buried = uow.tombstones.all(visit_id=visit_id)
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "visit": to_plain(visit),
    }
    chosen: dict[str, Sequence[e.Record]] = {
        "organizations": organizations, "people": people, "sites": sites,
        "participations": participations, "delegation": delegation, "stops": stops,
        "absences": absences, "notes": notes,
        "key_figures": figures, "follow_ups": follow_ups, "photos": photos,
        WRITING_SECTION: writings}
    for name, _kind in SECTIONS:
        document[name] = [to_plain(record) for record in chosen[name]]
    document["tombstones"] = [tombstones.to_document(t) for t in buried]
    records = [visit, *(r for name, _ in SECTIONS for r in chosen[name])]
    document["history"] = histories.to_document(
        histories.history_of(uow, records, buried, exchange))
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_file(path: Path) -> dict[str, Any]:
    """The visit document in the file at ``path``, read strictly and checked whole (all but
    its references, which ``import_visit`` checks against the database): the one reader of
    document files (``fieldvisit import``, File ▸ Import Visit). Its size is checked before
    it is read."""
    document = loads(strict_json.read_file(path))
    parse_document(document)
    return document


def loads(text: str | bytes) -> dict[str, Any]:
    """The document in ``text``, read by the strict reader (``strict_json``): no NaN or
    Infinity, duplicate keys, NUL, half surrogate pairs, deep nesting or huge numbers."""
    document = strict_json.loads(text)
    if not isinstance(document, dict):
        raise DocumentError("$", Message(QT_TRANSLATE_NOOP(
            "Messages", "a visit document is a JSON object")))
    return document


def parse(document: dict[str, Any]) -> tuple[e.Visit, dict[str, list[e.Record]]]:
    """Validate a whole document; raise DocumentError at the first problem."""
    parsed = parse_document(document)
    return parsed.visit, parsed.sections


def parse_document(document: dict[str, Any]) -> Parsed:
    """Validate a whole document, its tombstones and history included."""
    from fieldvisit.services import exchange as histories
    from fieldvisit.services import tombstones

    if document.get("format") != FORMAT_NAME:
        raise DocumentError("$.format", Message(QT_TRANSLATE_NOOP(
            "Messages", "expected {expected!r}, got {format!r}: not a FieldVisit visit"),
            expected=FORMAT_NAME, format=document.get("format")))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DocumentError("$.version", Message(QT_TRANSLATE_NOOP(
            "Messages", "missing or not a whole number")))
    if version > FORMAT_VERSION:
        raise DocumentError("$.version", Message(QT_TRANSLATE_NOOP(
            "Messages", "format version {version} is newer than this FieldVisit reads "
            "({supported}); update FieldVisit"), version=version, supported=FORMAT_VERSION))
    if version < 1:
        raise DocumentError("$.version", Message(QT_TRANSLATE_NOOP(
            "Messages", "unknown format version {version}"), version=version))
    known = {"format", "version", "visit"} | {name for name, _ in SECTIONS}
    if version < 3:
        known.discard(WRITING_SECTION)
    if version >= 2:
        known |= set(EXCHANGE_SECTIONS)
    for key in document:
        if key not in known:
            raise DocumentError(member("$", key), Message(QT_TRANSLATE_NOOP(
                "Messages", "unknown section")))
    visit = _record(e.Visit, document.get("visit"), "$.visit")
    sections: dict[str, list[e.Record]] = {}
    for name, kind in SECTIONS:
        items = document.get(name, [])
        if not isinstance(items, list):
            raise DocumentError(f"$.{name}", Message(QT_TRANSLATE_NOOP(
                "Messages", "expected a list")))
        sections[name] = [_record(kind, item, f"$.{name}[{i}]") for i, item in enumerate(items)]
    _check_writing(visit, sections[WRITING_SECTION])
    buried = tombstones.from_document(document.get("tombstones", []), visit.id)
    _check_ids(visit, sections, buried)
    ids = {visit.id, *(r.id for items in sections.values() for r in items),
           *(t.record_id for t in buried)}
    history = histories.from_document(document.get("history", {}), ids)
    return Parsed(visit, sections, buried, history)


IDENTITY_FIELDS = ("id", "created_at", "updated_at")


def _record(kind: type[R], data: Any, path: str) -> R:
    """A record of the document; unlike in the app, its identity and times must be given, so
    that importing the same document again finds the same records unchanged."""
    record = from_plain(kind, data, path)
    for name in IDENTITY_FIELDS:
        if name not in data:
            raise DocumentError(f"{path}.{name}", Message(QT_TRANSLATE_NOOP(
                "Messages", "missing required field")))
    return record


def _check_ids(visit: e.Visit, sections: dict[str, list[e.Record]],
               buried: list[Tombstone]) -> None:
    seen: dict[UUID, str] = {visit.id: "$.visit"}
    listed: list[tuple[str, UUID, e.Record | None]] = [
        (f"$.{name}[{index}]", record.id, record) for name, _kind in SECTIONS
        for index, record in enumerate(sections[name])]
    listed += [(f"$.tombstones[{index}]", t.record_id, None) for index, t in enumerate(buried)]
    for path, record_id, record in listed:
        if record_id in seen:
            raise DocumentError(f"{path}.id", Message(QT_TRANSLATE_NOOP(
                "Messages", "the id {id} is also used at {path}"), id=record_id,
                path=seen[record_id]))
        seen[record_id] = path
        if getattr(record, "visit_id", visit.id) != visit.id:
            raise DocumentError(f"{path}.visit_id", Message(QT_TRANSLATE_NOOP(
                "Messages", "must be the id of the document's visit")))


def _check_writing(visit: e.Visit, writings: list[e.Record]) -> None:
    """A visit has one report writing, whose id is derived from the visit's (the same in every
    database, so that two laptops' writings are one record)."""
    from fieldvisit.services.report_writing import writing_id

    if len(writings) > 1:
        raise DocumentError(f"$.{WRITING_SECTION}[1]", Message(QT_TRANSLATE_NOOP(
            "Messages", "a visit has one report text: at most one entry")))
    expected = writing_id(visit.id)
    if writings and writings[0].id != expected:
        raise DocumentError(f"$.{WRITING_SECTION}[0].id", Message(QT_TRANSLATE_NOOP(
            "Messages", "must be {id}, the id of this visit's report text (derived from the "
            "visit's id)"), id=expected))


def _check_references(uow: UnitOfWork, visit: e.Visit,
                      sections: dict[str, list[e.Record]]) -> None:
    """Members, stops and notes must be in the document; organizations, people and sites may
    also be in the database already. A record may not take over a record of another visit."""
    in_document = {kind: {r.id for r in sections[name]} for name, kind in SECTIONS}
    for name, kind in SECTIONS:
        for index, record in enumerate(sections[name]):
            path = f"$.{name}[{index}]"
            stored_visit = getattr(uow.repository(kind).find(record.id), "visit_id", visit.id)
            if stored_visit != visit.id:
                raise DocumentError(f"{path}.id", Message(QT_TRANSLATE_NOOP(
                    "Messages", "the id {id} belongs to a record of another visit in this "
                    "database"), id=record.id))
            for field_name, target in e.REFERENCE_FIELDS.get(kind, {}).items():
                target_id = getattr(record, field_name)
                if target is e.Visit or target_id is None or target_id in in_document[target]:
                    continue
                noun = uow.repository(target).noun
                if target in VISIT_RECORDS:
                    raise DocumentError(f"{path}.{field_name}", Message(QT_TRANSLATE_NOOP(
                        "Messages", "refers to {noun} {id}, which is not in the document"),
                        noun=noun, id=target_id))
                if uow.repository(target).find(target_id) is None:
                    raise DocumentError(f"{path}.{field_name}", Message(QT_TRANSLATE_NOOP(
                        "Messages", "refers to {noun} {id}, which is neither in the document "
                        "nor in the database"), noun=noun, id=target_id))


@retried
def import_visit(uow: UnitOfWork, document: dict[str, Any]) -> ImportSummary:
    """Merge the document into the database by exchange history, in one transaction, as a
    package is merged (``package_merge.merge_visit``)."""
    from fieldvisit.services.package_merge import merge_visit

    return merge_visit(uow, document)


def __getattr__(name: str) -> Any:
    if name == "ImportSummary":  # what importing returns: the same summary as unpacking
        from fieldvisit.services.package_merge import MergeSummary

        return MergeSummary
    raise AttributeError(name)
