"""Moving to another data folder: copy the database file and its photos there, so that the
next start opens the same visits from the new place. Nothing is deleted from the old folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


@dataclass(frozen=True)
class CopiedData:
    database: Path
    photos: Path | None
    photo_files: int


def copy_data(database: Database, target_database: Path) -> CopiedData:
    """Copy the open SQLite database to ``target_database`` and its photo folder beside it.
    Refused if the target exists; on failure nothing is left half-written at the target."""
    from fieldvisit.persistence.db import copy_database_file, photo_root, sqlite_url

    if target_database.exists():
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{path} already exists"),
                                      path=str(target_database)), "data_folder")
    photos_from = database.photo_root
    photos_to = photo_root(sqlite_url(target_database))
    if photos_from.is_dir() and photos_to.exists():
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{path} already exists"),
                                      path=str(photos_to)), "data_folder")
    partial = target_database.with_name(target_database.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        copy_database_file(database, partial)
        count = 0
        if photos_from.is_dir():
            shutil.copytree(photos_from, photos_to)
            count = sum(1 for p in photos_to.rglob("*") if p.is_file())
        partial.replace(target_database)
    except BaseException:
        partial.unlink(missing_ok=True)
        if photos_from.is_dir():
            shutil.rmtree(photos_to, ignore_errors=True)
        raise
    return CopiedData(target_database, photos_to if photos_from.is_dir() else None, count)
