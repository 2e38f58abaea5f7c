"""Photos on a team server: every photo file a client adds is also stored in the shared
database, and a client that lacks a colleague's photo file fetches it into its own photo
folder before it shows, reports or packs it. On a SQLite file both do nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from fieldvisit.domain.entities import Photo
from fieldvisit.files import write_bytes_atomically
from fieldvisit.services.photo_paths import photo_files, stored_file

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

KINDS = ("original", "display")


def share(uow: UnitOfWork, root: Path, photos: Iterable[Photo]) -> int:
    """Store the files of ``photos`` that this computer has and the server lacks; returns how
    many were stored."""
    photos = list(photos)
    with uow:
        if not uow.photo_blobs.available() or not photos:
            return 0
        stored = uow.photo_blobs.stored(p.id for p in photos)
        count = 0
        for photo in photos:
            for kind, path in zip(KINDS, photo_files(root, photo), strict=True):
                if (photo.id, kind) not in stored and stored_file(path):
                    uow.photo_blobs.put(photo.id, kind, path.read_bytes())
                    count += 1
        uow.commit()
    return count


def fetch(uow: UnitOfWork, root: Path, photos: Iterable[Photo]) -> int:
    """Write the files of ``photos`` that this computer lacks from the server into ``root``;
    returns how many were written."""
    photos = [p for p in photos if not all(stored_file(f) for f in photo_files(root, p))]
    count = 0
    with uow:
        if not uow.photo_blobs.available() or not photos:
            return 0
        for photo in photos:
            for kind, path in zip(KINDS, photo_files(root, photo), strict=True):
                if stored_file(path):
                    continue
                data = uow.photo_blobs.get(photo.id, kind)
                if data is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_bytes_atomically(path, bytes(data))
                    count += 1
    return count
