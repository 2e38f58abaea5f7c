"""The photo files kept in a shared PostgreSQL database (migration 0011), by photo and kind
("original" or "display")."""

from __future__ import annotations

from typing import Iterable
from uuid import UUID

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from fieldvisit.persistence.change_log import has_log

TABLE = "photo_blobs"
KINDS = ("original", "display")


class PhotoBlobs:
    def __init__(self, session: Session) -> None:
        self._session = session

    def available(self) -> bool:
        return has_log(self._session.get_bind())

    def stored(self, photo_ids: Iterable[UUID]) -> set[tuple[UUID, str]]:
        """Which (photo, kind) of ``photo_ids`` are stored."""
        ids = list(photo_ids)
        if not ids or not self.available():
            return set()
        statement = text(f"SELECT photo_id, kind FROM {TABLE} WHERE photo_id IN :ids") \
            .bindparams(bindparam("ids", expanding=True))
        return {(photo_id, kind) for photo_id, kind in self._session.execute(
            statement, {"ids": ids})}

    def put(self, photo_id: UUID, kind: str, data: bytes) -> None:
        assert kind in KINDS
        self._session.execute(text(
            f"INSERT INTO {TABLE} (photo_id, kind, data) VALUES (:photo_id, :kind, :data) "
            "ON CONFLICT (photo_id, kind) DO NOTHING"),
            {"photo_id": photo_id, "kind": kind, "data": data})

    def get(self, photo_id: UUID, kind: str) -> bytes | None:
        return self._session.execute(text(
            f"SELECT data FROM {TABLE} WHERE photo_id = :photo_id AND kind = :kind"),
            {"photo_id": photo_id, "kind": kind}).scalar()
