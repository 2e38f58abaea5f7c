"""Visit packages (``.fieldvisit``): a zip of the visit document and its photos, for carrying a
visit from one laptop to another and merging it there (the merge: ``package_merge``).

Layout: ``manifest.json`` (format, version, visit id and the member list), ``visit.json`` (the
visit document, with its tombstones and the exchange history of every record) and
``photos/<visit id>/<photo id><suffix>`` and ``photos/<visit id>/<photo id>-display.jpg``
(original and display copy, where they exist: the places ``photo_paths`` derives). Packages
of format 1 carried the history in the manifest (``history``: per record, the content hashes it
had when exchanged); they are still read.

Unpacking checks everything before anything is written (``package_checks``): a zip that is
whole, member names that stay inside the package (lengths, duplicates, nesting), sizes
(declared and actual) within limits, a known format version, a valid visit document that fits
this database, photo members exactly at their photos' derived places, JPEG or PNG images as
their names say. Photos are extracted to a temporary folder outside the photo folder while
they are checked. Then the photo files are installed (all or none), the records merged in one
transaction, and the installed files taken back if that fails: a refused or failed unpack
leaves the database and the photo folder as they were.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.errors import DocumentError, FieldVisitError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.files import atomic_output
from fieldvisit.services import notes as note_records
from fieldvisit.services import package_checks as checks
from fieldvisit.services import photo_paths, photo_sharing, strict_json, visit_document
from fieldvisit.services.package_files import install_photos
from fieldvisit.services.package_merge import MergeSummary, merge_visit

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

FORMAT_NAME = "fieldvisit-package"
FORMAT_VERSION = 2
"""2: the exchange history and the tombstones travel in the visit document (format 2); a
package of format 1 has its history in the manifest and is still read."""
SUFFIX = ".fieldvisit"
MANIFEST = "manifest.json"
DOCUMENT = "visit.json"
PHOTOS = "photos"

MAX_TOTAL_BYTES = 2 * 1024 ** 3
"""Uncompressed size of all members together (declared and actual)."""
MAX_MEMBER_BYTES = 500 * 1024 ** 2
MAX_JSON_BYTES = strict_json.MAX_BYTES
MAX_RATIO = 200
"""Largest compression ratio of a member above RATIO_FLOOR bytes: more is a zip bomb."""
RATIO_FLOOR = 1024 ** 2
MAX_MEMBERS = 100_000
_CHUNK = 1024 * 1024


class PackageError(FieldVisitError):
    """A package that is refused; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str, unchanged: bool = True) -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{file}” cannot be imported: {problem}; nothing was changed"),
            file=path.name, problem=problem) if unchanged else Message(QT_TRANSLATE_NOOP(
                "Messages", "“{file}” cannot be imported: {problem}"),
                file=path.name, problem=problem))
        self.path, self.problem, self.unchanged = path, problem, unchanged


@dataclass(frozen=True)
class PackResult:
    path: Path
    visit_id: UUID
    visit_title: str
    records: int
    photos: int


# -- pack ---------------------------------------------------------------------------------------
def pack_visit(uow: UnitOfWork, root: Path, visit_id: UUID, target: Path) -> PackResult:
    """Write the visit and its photo files (from ``root``) to ``target``, atomically, and note
    the content of every record as exchanged."""
    uow.refuse_if_read_only()  # the versions written are recorded as exchanged
    # colleagues' photos on a team server, fetched before the package is written
    photo_sharing.fetch(uow, root, note_records.list_photos(uow, visit_id))
    with uow:
        # the document carries the tombstones and the exchange history (format 2)
        document = visit_document.build_document(uow, visit_id, exchange=True)
        visit, sections = visit_document.parse(document)
        records: list[e.Record] = [visit] + [r for name, _ in visit_document.SECTIONS
                                              for r in sections[name]]
        files: list[tuple[str, Path]] = []
        for photo in sections["photos"]:
            assert isinstance(photo, e.Photo)
            for name in photo_paths.photo_file_names(photo):  # only the visit's own folder
                path = root.joinpath(*name.split("/"))
                if photo_paths.stored_file(path):
                    files.append((f"{PHOTOS}/{name}", path))
        manifest = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "visit_id": str(visit.id),
                    "files": [DOCUMENT] + [name for name, _ in files]}
        with atomic_output(target) as temporary, \
                zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr(DOCUMENT, visit_document.dumps(document))
            for name, path in files:
                archive.write(path, name)
        uow.commit()  # the versions count as exchanged only once the package exists
    return PackResult(target, visit.id, visit.title, len(records), len(files))


# -- unpack -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Checked:
    document: dict[str, Any]
    history: dict[UUID, frozenset[str]]
    photos: dict[str, Path]  # relative file name under the photo root -> extracted copy


def unpack_visit(uow: UnitOfWork, root: Path, source: Path) -> MergeSummary:
    """Check the whole package at ``source`` and that it fits the database; install its photo
    files into ``root`` (never replacing a file that is there), then merge the records in
    one transaction. Whatever is refused or fails, the database and ``root`` stay as they
    were."""
    source = Path(source)
    uow.refuse_if_read_only()  # before any photo file is installed

    def refuse(problem: str, unchanged: bool = True) -> PackageError:
        return PackageError(source, problem, unchanged)

    with tempfile.TemporaryDirectory(prefix="fieldvisit-package-",
                                     ignore_cleanup_errors=True) as staging:
        checked = read_package(source, Path(staging))
        _check_fits(uow, checked.document, refuse)
        installed = install_photos(root, checked.photos, refuse)
        try:
            summary = merge_visit(uow, checked.document, checked.history)
        except DocumentError as error:
            installed.undo(refuse)
            problem = _misfit(error)
            raise refuse(problem) from None
        except BaseException:
            installed.undo(refuse)
            raise
    _, sections = visit_document.parse(checked.document)
    photos = [p for p in sections["photos"] if isinstance(p, e.Photo)]
    photo_sharing.share(uow, root, photos)  # on a team server: for everyone
    return summary.with_photos(len(installed.files))


def _check_fits(uow: UnitOfWork, document: dict[str, Any], refuse: Any) -> None:
    """What the merge checks against the database (references, records of other visits),
    checked before any file is installed."""
    visit, sections = visit_document.parse(document)
    try:
        with uow:
            visit_document._check_references(uow, visit, sections)
    except DocumentError as error:
        problem = _misfit(error)
        raise refuse(problem) from None


def _misfit(error: DocumentError) -> Message:
    return Message(QT_TRANSLATE_NOOP("Messages", "{file} does not fit this database at {error}"),
                   file=DOCUMENT, error=error.message)


def read_package(source: Path, staging: Path) -> _Checked:
    """Everything a merge needs from the package, checked; photo files extracted to
    ``staging``. Raises PackageError at the first problem."""
    def refuse(problem: str) -> PackageError:
        return PackageError(source, problem)

    if not source.is_file():
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "the file does not exist or is not a file")))
    try:
        if not zipfile.is_zipfile(source):
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "it is not a FieldVisit package (not a zip file, or truncated)")))
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            checks.check_member_names(infos, (MANIFEST, DOCUMENT), refuse)
            _check_members(infos, refuse)
            manifest = _manifest(_read(archive, archive.getinfo(MANIFEST), refuse), refuse)
            names = {info.filename for info in infos}
            listed = manifest["files"]
            if set(listed) | {MANIFEST} != names or len(set(listed)) != len(listed):
                raise refuse(Message(QT_TRANSLATE_NOOP(
                    "Messages", "its contents do not match its manifest")))
            try:
                document = visit_document.loads(
                    _read(archive, archive.getinfo(DOCUMENT), refuse))
                visit, sections = visit_document.parse(document)
            except DocumentError as error:
                raise refuse(Message(QT_TRANSLATE_NOOP(
                    "Messages", "{file} is invalid at {error}"), file=DOCUMENT,
                    error=error.message)) from None
            if str(visit.id) != manifest["visit_id"]:
                raise refuse(Message(QT_TRANSLATE_NOOP(
                    "Messages", "the manifest and the visit document name different visits")))
            expected = checks.photo_members(sections["photos"])
            members = [i for i in infos if i.filename not in (MANIFEST, DOCUMENT)]
            for info in members:  # every name first: nothing is extracted for a bad one
                checks.check_photo_member(info.filename, expected, visit.id, refuse)
            extracted: dict[str, Path] = {}
            for info in members:
                target = staging / f"{len(extracted)}.bin"
                _extract(archive, info, target, refuse)
                checks.check_image(target, info.filename, expected[info.filename], refuse)
                extracted[info.filename[len(PHOTOS) + 1:]] = target
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            RuntimeError, ValueError, zlib.error) as error:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "the zip file is damaged or unsupported ({error})"),
            error=" ".join(str(error).split()))) from None
    history = {UUID(k): frozenset(v) for k, v in manifest["history"].items()}
    return _Checked(document, history, extracted)


def _check_members(infos: list[zipfile.ZipInfo], refuse: Any) -> None:
    if len(infos) > MAX_MEMBERS:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "it holds more than {limit} files"), limit=MAX_MEMBERS))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        seen.add(name)
        if info.flag_bits & 0x1:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member {name} is encrypted"), name=name))
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member {name} would unpack to {size} bytes, more than the "
                "limit of {limit} (a zip bomb?)"), name=name, size=info.file_size,
                limit=MAX_MEMBER_BYTES))
        if info.file_size > RATIO_FLOOR and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the member {name} is compressed more than {ratio}:1 "
                "(a zip bomb?)"), name=name, ratio=MAX_RATIO))
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "it would unpack to {size} bytes, more than the limit of {limit} "
            "(a zip bomb?)"), size=total, limit=MAX_TOTAL_BYTES))
    for required in (MANIFEST, DOCUMENT):
        if required not in seen:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "it has no {file}: not a FieldVisit package"), file=required))


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, refuse: Any) -> bytes:
    if info.file_size > MAX_JSON_BYTES:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{member} is larger than {limit} bytes"), member=info.filename,
            limit=MAX_JSON_BYTES))
    buffer = io.BytesIO()
    _copy(archive, info, buffer, refuse)
    return buffer.getvalue()


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, refuse: Any) -> None:
    try:
        with target.open("wb") as handle:
            _copy(archive, info, handle, refuse)
    except OSError as error:  # the temporary folder: its path is not for the message
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "its photo files cannot be unpacked for checking ({error})"),
            error=error.strerror or type(error).__name__)) from None


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, handle: Any, refuse: Any) -> None:
    """Copy a member, counting the bytes: more than declared (or than the limits) is refused;
    zipfile checks the CRC at the end."""
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    written = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                raise refuse(Message(QT_TRANSLATE_NOOP(
                    "Messages", "the member {name} unpacks to more than its declared size "
                    "(a zip bomb?)"), name=info.filename))
            handle.write(chunk)
    if written != info.file_size:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "the member {name} is truncated"), name=info.filename))


def _manifest(data: bytes, refuse: Any) -> dict[str, Any]:
    try:
        manifest = strict_json.loads(data)  # the documents' strict reader
    except DocumentError as error:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{file} is invalid at {error}"), file=MANIFEST,
            error=error.message)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "it is not a FieldVisit package (unknown manifest)")))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "unknown package format version {version!r}"), version=version))
    if version > FORMAT_VERSION:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "it was written by a newer FieldVisit (package format {version}, this "
            "one reads {supported}); update FieldVisit to import it"), version=version,
            supported=FORMAT_VERSION))
    files, history = manifest.get("files"), manifest.get("history", {})
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files) \
            or not isinstance(manifest.get("visit_id"), str):
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{file} is incomplete (files, visit_id)"), file=MANIFEST))
    if not isinstance(history, dict) or not all(
            isinstance(v, list) and all(isinstance(h, str) and len(h) == 64 for h in v)
            for v in history.values()):
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{file} has an invalid history"), file=MANIFEST))
    try:
        for key in history:
            UUID(key)
    except ValueError:
        raise refuse(Message(QT_TRANSLATE_NOOP(
            "Messages", "{file} has an invalid history"), file=MANIFEST)) from None
    manifest["history"] = history
    return manifest
