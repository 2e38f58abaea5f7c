"""Where a photo's files live: derived from the photo's own visit and id, in this one place,
and never from a name a record or a package carries.

Under the photo folder (``fieldvisit.persistence.db.photo_root``) the photos of a visit are in
``<visit id>/``: the original as ``<photo id><suffix>`` and the display copy as
``<photo id>-display.jpg``. The suffix (``.jpg``, ``.jpeg`` or ``.png``: the kind of the
original) is taken from the record's ``file_name``, whose folders and stem say nothing; a name
with another suffix, or none, stands for ``.jpg``. FieldVisit has always written ``file_name``
as ``<visit id>/<photo id><suffix>``, so the photos of older databases are where this module
says they are, and older versions of FieldVisit find the files of newer ones.

Used by import, delete and undo (``photos``), packages (``package``), the report and the
window. A photo can therefore reach only files in its own visit's folder, named after itself.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from uuid import UUID

from fieldvisit.domain.entities import Photo

SUFFIXES = (".jpg", ".jpeg", ".png")
DEFAULT_SUFFIX = ".jpg"
DISPLAY_SUFFIX = "-display.jpg"


def original_suffix(file_name: str) -> str:
    """The suffix of a photo's original file: that of ``file_name`` in lower case when it is
    one of ``SUFFIXES``, else ``.jpg``."""
    suffix = PurePosixPath(file_name.replace("\\", "/")).suffix.lower()
    return suffix if suffix in SUFFIXES else DEFAULT_SUFFIX


def photo_file_names(photo: Photo) -> tuple[str, str]:
    """(original, display copy) of ``photo``, relative to the photo folder, with ``/``."""
    folder = str(photo.visit_id)
    return (f"{folder}/{photo.id}{original_suffix(photo.file_name)}",
            f"{folder}/{photo.id}{DISPLAY_SUFFIX}")


def photo_files(root: Path, photo: Photo) -> tuple[Path, Path]:
    """(original, display copy) of ``photo`` under ``root``; either may be missing on this
    computer."""
    original, display = photo_file_names(photo)
    return root.joinpath(*original.split("/")), root.joinpath(*display.split("/"))


def display_path(root: Path, photo: Photo) -> Path:
    """The display copy of ``photo``: beside the original, ``<photo id>-display.jpg``."""
    return photo_files(root, photo)[1]


def visit_folder(root: Path, visit_id: UUID) -> Path:
    return root / str(visit_id)


def stored_file(path: Path) -> bool:
    """A photo file as FieldVisit writes it: a regular file, not a link to somewhere else."""
    return path.is_file() and not path.is_symlink()
