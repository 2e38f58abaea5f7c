"""Undo commands of the photos panel. Files of removed photos are put aside, not destroyed, so
undo brings back the record and its files together."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.entities import Photo
from fieldvisit.services import notes, photos
from fieldvisit.services.changes import Area
from fieldvisit.services.photos import DeletedPhoto, PhotoImport
from fieldvisit.ui.commands import (
    CommandContext,
    ServiceCommand,
    SetValuesCommand,
    update_with,
)

translate = QCoreApplication.translate


class AddPhotosCommand(ServiceCommand):
    """Photos already imported in the background: the first redo only shows them; undo
    removes their records and files, redo brings them back."""
    AREAS = frozenset({Area.PHOTOS})
    ONE_TRANSACTION = False  # the files move: each photo is committed with its files


    def __init__(self, context: CommandContext, root: Path, visit_id: UUID,
                 imported: Sequence[PhotoImport]) -> None:
        super().__init__(context, translate("PhotoCommands", "Add %n photo(s)", "",
                                            len(imported)))
        self.root, self.visit_id = root, visit_id
        self.photos: list[Photo] = [i.photo for i in imported]
        self.deleted: list[DeletedPhoto] = []

    def apply(self) -> None:
        uow = self.context.uow()
        while self.deleted:
            photos.restore_photo(uow, self.root, self.deleted[-1])
            self.deleted.pop()
        self.changed(self.visit_id)

    def revert(self) -> None:
        _delete_all(self.context, self.root, self.photos, self.deleted)
        self.changed(self.visit_id)


class RemovePhotosCommand(ServiceCommand):
    AREAS = frozenset({Area.PHOTOS})
    ONE_TRANSACTION = False  # the files move: each photo is committed with its files

    def __init__(self, context: CommandContext, root: Path, removed: Sequence[Photo]) -> None:
        super().__init__(context, translate("PhotoCommands", "Remove %n photo(s)", "",
                                            len(removed)))
        self.root = root
        self.photos = list(removed)
        self.visit_id = self.photos[0].visit_id if self.photos else None
        self.deleted: list[DeletedPhoto] = []

    def apply(self) -> None:
        _delete_all(self.context, self.root, self.photos, self.deleted)
        self.changed(self.visit_id)

    def revert(self) -> None:
        uow = self.context.uow()
        while self.deleted:
            photos.restore_photo(uow, self.root, self.deleted[-1])
            self.deleted.pop()
        self.changed(self.visit_id)


def _delete_all(context: CommandContext, root: Path, chosen: list[Photo],
                deleted: list[DeletedPhoto]) -> None:
    """Delete ``chosen``, appending each as it goes, so that a failure half way leaves
    ``deleted`` holding exactly what the other direction must restore."""
    done = {d.photo.id for d in deleted}
    for photo in chosen:
        if photo.id not in done:
            deleted.append(photos.delete_photo(context.uow(), root, photo.id))


class EditPhotoCommand(SetValuesCommand):
    """Caption, credit or stop of one photo."""
    AREAS = frozenset({Area.PHOTOS})

    def __init__(self, context: CommandContext, photo: Photo, changes: dict[str, Any]) -> None:
        super().__init__(context, translate("PhotoCommands", "Edit a photo"), photo.id,
                         photo.visit_id, {k: getattr(photo, k) for k in changes}, changes,
                         update_with(notes.update_photo), photo.version)
