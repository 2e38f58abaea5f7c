"""Checks of a visit package before anything is written (``package`` runs them), and the rule
for the directory records a package may change (``package_merge`` applies it).

Member names: inside the package (no absolute path, drive, ``..``, ``.`` or empty part, no
backslash, nothing unprintable), no part longer than ``MAX_PART_BYTES`` and no name longer than
``MAX_NAME_BYTES`` in UTF-8, no two names that are the same file on a computer that ignores
case or Unicode normalization, and no name that is both a file and a folder (``x/a.jpg`` and
``x/a.jpg/b.jpg``). Photo members: exactly the derived places of the document's photos
(``photo_paths``), of the kind their name says.

Directory records (organizations, people, sites) are shared by all visits: a package may add
new ones, but change an existing one only if its visit uses it in this database.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import photo_paths

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

Refuse = Callable[[str], Exception]

MAX_PART_BYTES = 255
"""Longest file or folder name most file systems take (ext4, APFS, NTFS in UTF-16 units)."""
MAX_NAME_BYTES = 1024
SHOWN_CHARS = 120
PHOTOS = "photos"
DIRECTORY_KINDS = (e.Organization, e.Person, e.Site)


def shown(name: str) -> str:
    """A member name for a one-line message: quoted, escapes for what is not printable, and
    shortened when long."""
    return repr(name if len(name) <= SHOWN_CHARS else name[:SHOWN_CHARS] + "…")


# -- member names -------------------------------------------------------------------------------
def check_member_names(infos: list[zipfile.ZipInfo], fixed: Iterable[str],
                       refuse: Refuse) -> None:
    """Every name allowed, each once, none both a file and a folder; ``fixed`` names (the
    manifest, the document) need not be under ``photos/``."""
    fixed = set(fixed)
    seen: dict[str, str] = {}
    for info in infos:
        name = info.filename
        if not _safe_name(name, fixed):
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member name {name} would be written outside the package's "
                "folder or is not allowed"), name=shown(name)))
        encoded = [len(part.encode("utf-8")) for part in name.split("/")]
        if max(encoded) > MAX_PART_BYTES:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member name {name} has a part longer than {limit} bytes"),
                name=shown(name), limit=MAX_PART_BYTES))
        if sum(encoded) + len(encoded) - 1 > MAX_NAME_BYTES:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member name {name} is longer than {limit} bytes"),
                name=shown(name), limit=MAX_NAME_BYTES))
        key = _same_file(name)
        if key in seen and seen[key] == name:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member {name} appears twice"), name=shown(name)))
        if key in seen:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the members {name} and {other} differ only in case or Unicode "
                "form: they would be the same file"), name=shown(seen[key]), other=shown(name)))
        seen[key] = name
    for key, name in seen.items():
        parts = key.split("/")
        for end in range(1, len(parts)):
            folder = "/".join(parts[:end])
            if folder in seen:
                raise refuse(Message(QT_TRANSLATE_NOOP(
                    "Messages", "the member {name} would be both a file and a folder "
                    "({other})"), name=shown(seen[folder]), other=shown(name)))


def _safe_name(name: str, fixed: set[str]) -> bool:
    if not name or not name.isprintable() or "\\" in name or ":" in name \
            or name.startswith("/"):
        return False
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return False
    return name in fixed or (parts[0] == PHOTOS and len(parts) >= 2)


def _same_file(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


# -- photo members ------------------------------------------------------------------------------
def photo_members(photos: Iterable[e.Record]) -> dict[str, str]:
    """The member names the document's photos may have, each with the image format its name
    promises ("JPEG" or "PNG")."""
    expected: dict[str, str] = {}
    for photo in photos:
        assert isinstance(photo, e.Photo)
        original, display = photo_paths.photo_file_names(photo)
        suffix = photo_paths.original_suffix(photo.file_name)
        expected[f"{PHOTOS}/{original}"] = "PNG" if suffix == ".png" else "JPEG"
        expected[f"{PHOTOS}/{display}"] = "JPEG"
    return expected


def check_photo_member(name: str, expected: dict[str, str], visit_id: UUID,
                       refuse: Refuse) -> str:
    """The member's name relative to the photo folder, if it is a place of one of the
    document's photos."""
    if name not in expected:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} belongs to no photo of the visit (a photo's files are "
            "photos/{visit}/<photo id>.jpg, .jpeg or .png and <photo id>-display.jpg)"),
            member=shown(name) if not name.isprintable() or len(name) > SHOWN_CHARS
            else name, visit=visit_id))
    return name[len(PHOTOS) + 1:]


def check_image(path: Path, member: str, expected: str, refuse: Refuse) -> None:
    """A JPEG or PNG within the pixel limit, of the kind its name says."""
    from PIL import Image, UnidentifiedImageError

    from fieldvisit.services.photos import FORMATS, MAX_PIXELS

    try:
        with Image.open(path) as image:
            kind = image.format
            width, height = image.size
            image.verify()
    except UnidentifiedImageError:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is not a JPEG or PNG image"), member=member)) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        detail = str(error).replace(str(path), "…")  # not the temporary folder
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is not a JPEG or PNG image ({error})"), member=member,
            error=" ".join(detail.split()))) from None
    if kind not in FORMATS:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is not a JPEG or PNG image (it is {kind})"), member=member,
            kind=kind))
    if ("PNG" if kind == "PNG" else "JPEG") != expected:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is not a {expected} image, as its name says (it is {kind})"),
            member=member, expected=expected, kind=kind))
    if width * height > MAX_PIXELS:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is too large ({width} × {height} pixels)"), member=member,
            width=width, height=height))


# -- directory records a package may change -----------------------------------------------------
def directory_in_use(uow: UnitOfWork, visit_id: UUID) -> frozenset[UUID]:
    """The organizations, people and sites the visit uses in this database: its delegation
    members, contact persons and note authors, the sites of its stops, the organizations
    taking part, responsible for its follow-ups, hosting its sites or of those people (what
    an export of the visit carries). Empty for a visit this database does not have."""
    with uow:
        return used_in_transaction(uow, visit_id)


def kept_directory_records(uow: UnitOfWork, visit_id: UUID,
                           incoming: Iterable[e.Record]) -> frozenset[UUID]:
    """The ids of the ``incoming`` directory records that a package of ``visit_id`` may not
    change: they exist here, differ, and the visit does not use them here."""
    with uow:
        return kept_in_transaction(uow, visit_id, incoming)


def kept_in_transaction(uow: UnitOfWork, visit_id: UUID,
                        incoming: Iterable[e.Record]) -> frozenset[UUID]:
    """``kept_directory_records`` inside the caller's transaction."""
    from fieldvisit.services.package_merge import content_hash

    candidates = [r for r in incoming if isinstance(r, DIRECTORY_KINDS)]
    if not candidates:
        return frozenset()
    used = used_in_transaction(uow, visit_id)
    kept = set()
    for record in candidates:
        if record.id in used:
            continue
        local = uow.repository(type(record)).find(record.id)
        if local is not None and content_hash(local) != content_hash(record):
            kept.add(record.id)
    return frozenset(kept)


def used_in_transaction(uow: UnitOfWork, visit_id: UUID) -> frozenset[UUID]:
    """``directory_in_use`` inside the caller's transaction."""
    participations = uow.participations.all(visit_id=visit_id)
    people_ids = ([m.person_id for m in uow.delegation.all(visit_id=visit_id)]
                  + [n.author_id for n in uow.notes.all(visit_id=visit_id) if n.author_id]
                  + [p.contact_person_id for p in participations if p.contact_person_id])
    people = uow.people.all(id=people_ids)
    sites = uow.sites.all(id=[s.site_id for s in uow.stops.all(visit_id=visit_id)])
    organization_ids: list[UUID | None] = (
        [p.organization_id for p in people] + [p.organization_id for p in participations]
        + [s.host_organization_id for s in sites]
        + [f.responsible_organization_id for f in uow.follow_ups.all(visit_id=visit_id)])
    organizations = uow.organizations.all(id=[o for o in organization_ids if o])
    return frozenset(r.id for r in [*people, *sites, *organizations])
