"""Importing photo files in a worker thread for the photos panel: each file whole or not at
all, so that a refused file or a cancel keeps the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence
from uuid import UUID

from fieldvisit.persistence.database_files import refuse_database_file
from fieldvisit.services import photos as photo_service
from fieldvisit.services.photos import PhotoImport
from fieldvisit.ui.tasks import CancelToken

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


@dataclass
class ImportOutcome:
    imported: list[PhotoImport] = field(default_factory=list)
    refused: list[Exception] = field(default_factory=list)


def import_files(database: Database, root: Path, visit_id: UUID, paths: Sequence[Path],
                 token: CancelToken) -> ImportOutcome:
    """Import ``paths`` one by one (runs in a worker thread). Each file is imported whole or
    not at all, so a refused file or a cancel keeps the others."""
    outcome = ImportOutcome()
    for done, path in enumerate(paths):
        if token.cancelled:
            break
        token.progress(done, len(paths))
        try:
            refuse_database_file(path)  # before anything reads it
            outcome.imported.append(photo_service.import_photo(
                database.unit_of_work(), root, visit_id, path))
        except Exception as error:  # noqa: BLE001 - shown to the user with the file's name
            outcome.refused.append(error)
    token.progress(len(paths), len(paths))
    return outcome
