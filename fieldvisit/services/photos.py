"""Photos of a visit: importing a JPEG or PNG file, its display copy, deleting and undoing.

Files live under ``root / <visit id> /`` (``root`` is ``fieldvisit.persistence.db.photo_root``;
the places are derived in ``photo_paths``, from the photo's visit and id): the original, byte
for byte, as ``<photo id><suffix>`` (the record's ``file_name`` is written as that path,
relative to ``root``, for older versions; only its suffix is read) and a display copy
``<photo id>-display.jpg`` (upright, RGB, at most ``DISPLAY_PIXELS`` on the long side, no EXIF)
for the screen and reports.

An import decodes and checks the whole file in memory first, writes both files under temporary
names and renames them, and stores the record last; whatever fails, nothing is left behind.
Pillow only, no Qt.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from fieldvisit.domain.entities import LocalDateTime, Photo
from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import photo_sharing, records
from fieldvisit.services.itinerary_view import ItineraryView, itinerary
from fieldvisit.services.photo_paths import (  # noqa: F401 - also the module's own API
    display_path,
    photo_file_names,
    photo_files,
)

if TYPE_CHECKING:
    from PIL import Image as PILImage

    from fieldvisit.persistence.uow import UnitOfWork

DISPLAY_PIXELS = 1600  # long side of the display copy
DISPLAY_QUALITY = 85
MAX_PIXELS = 120_000_000
"""Larger images are refused as possible decompression bombs (a 108-megapixel phone photo,
12000 × 9000, still passes). Checked from the header, before anything is decoded."""
MAX_FILE_BYTES = 200 * 1024 * 1024
SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}
FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png"}  # MPO: a JPEG from many cameras
TRASH = ".trash"
TRASH_KEEP_DAYS = 30

_ORIENTATION, _DATE_TIME, _EXIF_IFD = 0x0112, 0x0132, 0x8769
_DATE_TIME_ORIGINAL, _OFFSET_TIME, _OFFSET_TIME_ORIGINAL = 0x9003, 0x9010, 0x9011


class PhotoError(FieldVisitError):
    """A file that cannot become a photo. ``reason`` is one of ``REASONS``; the message names
    the file."""

    REASONS = {
        "unreadable": QT_TRANSLATE_NOOP("Messages", "“{file}” cannot be read"),
        "not_image": QT_TRANSLATE_NOOP("Messages", "“{file}” is not a JPEG or PNG image"),
        "damaged": QT_TRANSLATE_NOOP("Messages", "“{file}” is damaged or incomplete"),
        "too_large": QT_TRANSLATE_NOOP(
            "Messages", "“{file}” is too large (more than {limit} megapixels or {bytes} MB)"),
    }

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        text = Message(self.REASONS[reason], file=path.name) if reason != "too_large" else \
            Message(self.REASONS[reason], file=path.name, limit=MAX_PIXELS // 1_000_000,
                    bytes=MAX_FILE_BYTES // (1024 * 1024))
        super().__init__(Message(QT_TRANSLATE_NOOP("Messages", "{problem}: {detail}"),
                                 problem=text, detail=detail) if detail else text)
        self.path, self.reason, self.detail = path, reason, detail


@dataclass(frozen=True)
class PhotoImport:
    photo: Photo
    proposed_stop_id: UUID | None  # also stored on the photo; the user may change it
    width: int  # of the original as seen upright (EXIF orientation applied)
    height: int
    taken_at: LocalDateTime | None


@dataclass(frozen=True)
class DeletedPhoto:
    """What undoing a deletion needs: the record and where its files were put aside."""

    photo: Photo
    moved: tuple[tuple[Path, Path], ...]  # (where the file was, where it is now)


@dataclass(frozen=True)
class _Decoded:
    data: bytes
    suffix: str
    display: bytes
    width: int
    height: int
    taken_at: datetime | None
    offset: timezone | None


# -- import ----------------------------------------------------------------------------------
def import_photo(uow: UnitOfWork, root: Path, visit_id: UUID, source: Path, caption: str = "",
                 credit: str = "") -> PhotoImport:
    """Copy ``source`` into the visit's photos with a display copy and record it, proposing the
    stop from the time the photo was taken. Raises PhotoError for a file that is not a usable
    JPEG or PNG (nothing is written then)."""
    source = Path(source)
    plan = itinerary(uow, visit_id)  # also checks that the visit exists
    decoded = _decode(source)
    taken_at = _local_time(decoded.taken_at, decoded.offset, plan.visit.timezone)
    stop_id = propose_stop(plan, taken_at)
    photo_id = uuid4()
    photo = records.normalized(Photo(
        id=photo_id, visit_id=visit_id, file_name=f"{visit_id}/{photo_id}{decoded.suffix}",
        caption=caption, credit=credit, stop_id=stop_id, taken_at=taken_at))
    original, display = photo_files(root, photo)
    written = _write_files(source, [(original, decoded.data), (display, decoded.display)])
    try:
        with uow:
            uow.visits.get(visit_id)
            uow.photos.put(photo)
            uow.commit()
    except BaseException:
        _remove(written)
        raise
    photo_sharing.share(uow, root, [photo])  # on a team server: for everyone
    return PhotoImport(photo, stop_id, decoded.width, decoded.height, taken_at)


def _decode(source: Path) -> _Decoded:
    """Read and check the whole file and make the display copy, all in memory."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise PhotoError(source, "too_large")
        data = source.read_bytes()
    except OSError as error:
        raise PhotoError(source, "unreadable", error.strerror or str(error)) from None
    try:
        with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as image:
            image_format = image.format
            if image_format not in FORMATS:
                raise PhotoError(source, "not_image")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError(source, "too_large")
            taken_at, offset = _exif_time(image.getexif())
            _reduce_while_decoding(image)
            decoded_size = image.size
            upright = ImageOps.exif_transpose(image)  # decodes the whole image
            if upright.size != decoded_size:  # turned by a quarter
                width, height = height, width
            display = _display_copy(upright)
    except PhotoError:
        raise
    except UnidentifiedImageError:
        raise PhotoError(source, "not_image") from None
    except Image.DecompressionBombError:
        raise PhotoError(source, "too_large") from None
    except Exception as error:  # noqa: BLE001 - hostile files break decoders in many ways
        raise PhotoError(source, "damaged", str(error)) from None
    suffix = source.suffix.lower()
    if SUFFIXES.get(suffix) != ("PNG" if image_format == "PNG" else "JPEG"):
        suffix = FORMATS[image_format]
    return _Decoded(data, suffix, display, width, height, taken_at, offset)


def _reduce_while_decoding(image: PILImage.Image) -> None:
    """JPEG draft mode: the decoder scales by 1/2, 1/4 or 1/8, never below the display size,
    so a 4000 × 3000 photo is decoded at 2000 × 1500."""
    if image.format in ("JPEG", "MPO"):
        scale = DISPLAY_PIXELS / max(image.size)
        if scale < 1:
            image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))


def _display_copy(image: PILImage.Image) -> bytes:
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L").convert("RGB")
    elif image.mode != "RGB":
        image = image.convert("RGB")
    if max(image.size) > DISPLAY_PIXELS:
        image.thumbnail((DISPLAY_PIXELS, DISPLAY_PIXELS), Image.Resampling.LANCZOS,
                        reducing_gap=None)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=DISPLAY_QUALITY, optimize=False, progressive=False)
    return buffer.getvalue()


def _write_files(source: Path, files: list[tuple[Path, bytes]]) -> list[Path]:
    """Write every file under a temporary name, then rename them all; on failure remove what
    was written and raise an OSError naming ``source``."""
    parts: list[Path] = []
    done: list[Path] = []
    try:
        files[0][0].parent.mkdir(parents=True, exist_ok=True)
        for target, data in files:
            part = target.with_name(f".{target.name}.part")
            parts.append(part)
            with open(part, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())  # on disk before the record points at it
        for (target, _), part in zip(files, parts, strict=True):
            os.replace(part, target)
            done.append(target)
    except OSError as error:
        _remove(parts + done)
        raise OSError(error.errno, Message(QT_TRANSLATE_NOOP(
            "Messages", "cannot store the photo “{file}”: {error}"), file=source.name,
            error=error.strerror or str(error)), str(error.filename or source)) from None
    except BaseException:
        _remove(parts + done)
        raise
    return done


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


# -- time and stop -----------------------------------------------------------------------------
def _exif_time(exif: PILImage.Exif) -> tuple[datetime | None, timezone | None]:
    """DateTimeOriginal (else DateTime) as a naive datetime, with its UTC offset if recorded."""
    try:
        details = exif.get_ifd(_EXIF_IFD)
    except (KeyError, ValueError, TypeError, OSError):
        details = {}
    for value, offset in ((details.get(_DATE_TIME_ORIGINAL), details.get(_OFFSET_TIME_ORIGINAL)),
                          (exif.get(_DATE_TIME), details.get(_OFFSET_TIME))):
        moment = parse_exif_time(value)
        if moment is not None:
            return moment, _parse_offset(offset)
    return None, None


def parse_exif_time(value: object) -> datetime | None:
    """``"2023:05:25 10:55:00"`` (the EXIF form; ``-`` also accepted) → datetime; None when
    absent, blank (``"0000:00:00 00:00:00"``) or malformed."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\x00").strip()[:19].replace("-", ":")
    for pattern in ("%Y:%m:%d %H:%M:%S", "%Y:%m:%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _parse_offset(value: object) -> timezone | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\x00").strip()
    try:
        sign = -1 if text[0] == "-" else 1
        hours, minutes = text.lstrip("+-").split(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, IndexError):
        return None


def _local_time(moment: datetime | None, offset: timezone | None,
                visit_timezone: str) -> LocalDateTime | None:
    """The camera's wall-clock time, moved into the visit's time zone when the camera recorded
    its UTC offset (a phone set to another zone); else taken as the visit's local time."""
    if moment is None:
        return None
    if offset is not None:
        moment = moment.replace(tzinfo=offset).astimezone(ZoneInfo(visit_timezone))
        moment = moment.replace(tzinfo=None)
    return LocalDateTime(moment)


def propose_stop(plan: ItineraryView, taken_at: datetime | None) -> UUID | None:
    """The stop whose planned arrival–departure contains ``taken_at``; else the nearest stop
    on that date; None without a time, or when the visit has no date or no stop that day."""
    if taken_at is None or plan.visit.start_date is None:
        return None
    same_day = [line for line in plan.lines if line.timed.arrival.date() == taken_at.date()]
    for line in same_day:
        if line.timed.arrival <= taken_at <= line.timed.departure:
            return line.stop.id

    def distance(line) -> timedelta:  # noqa: ANN001 - a StopLine
        if taken_at < line.timed.arrival:
            return line.timed.arrival - taken_at
        return taken_at - line.timed.departure

    return min(same_day, key=distance).stop.id if same_day else None


# -- delete and undo ---------------------------------------------------------------------------
def delete_photo(uow: UnitOfWork, root: Path, photo_id: UUID) -> DeletedPhoto:
    """Delete the record and put its files aside in ``root/.trash`` (emptied after
    ``TRASH_KEEP_DAYS`` days), so that ``restore_photo`` can bring both back."""
    with uow:
        photo = uow.photos.get(photo_id)
    purge_trash(root)
    trash = root / TRASH / str(photo.id)
    moved = _move([(path, trash / path.name) for path in photo_files(root, photo)])
    try:
        with uow:
            uow.photos.delete(photo_id)
            uow.commit()
    except BaseException:
        _move([(now, was) for was, now in moved])
        raise
    if trash.is_dir():
        os.utime(trash)  # the day it was deleted, for purge_trash
    return DeletedPhoto(photo, tuple(moved))


def restore_photo(uow: UnitOfWork, root: Path, deleted: DeletedPhoto) -> Photo:
    """Undo ``delete_photo``: the files go back, then the record."""
    back = _move([(now, was) for was, now in deleted.moved])
    try:
        with uow:
            uow.photos.put(deleted.photo)
            uow.commit()
    except BaseException:
        _move([(now, was) for was, now in back])
        raise
    photo_sharing.share(uow, root, [deleted.photo])
    return deleted.photo


def purge_trash(root: Path, keep_days: int = TRASH_KEEP_DAYS) -> None:
    """Forget files of photos deleted more than ``keep_days`` days ago."""
    limit = time.time() - keep_days * 86400
    try:
        entries = list((root / TRASH).iterdir())
    except OSError:
        return
    for entry in entries:
        try:
            if entry.stat().st_mtime < limit:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        except OSError:
            pass


def _move(pairs: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """Rename each existing file; all or nothing (a failure moves the done ones back)."""
    done: list[tuple[Path, Path]] = []
    try:
        for was, now in pairs:
            if not was.is_file():
                continue
            now.parent.mkdir(parents=True, exist_ok=True)
            os.replace(was, now)
            done.append((was, now))
    except OSError:
        for was, now in reversed(done):
            try:
                os.replace(now, was)
            except OSError:
                pass
        raise
    return done
