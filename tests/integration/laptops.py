"""Laptops exchanging one visit in tests: a database each, packed and unpacked through the
services exactly as the window and the command line do."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.persistence.db import Database, open_database, photo_root, sqlite_url
from fieldvisit.services.package import pack_visit, unpack_visit
from fieldvisit.services.package_merge import MergeSummary

LOCAL_ONLY = ("updated_at",)
"""Fields two laptops holding the same visit may still differ in (the time of the last edit)."""
LOCAL_ONLY_OF = {"report_writing": ("updated_at", "created_at")}
"""Also when each laptop began the report's writing before they exchanged it (its id is the
visit's, so both hold one record): each keeps the time it began."""


class Laptop:
    def __init__(self, name: str, database: Database, folder: Path) -> None:
        self.name, self.database, self.folder = name, database, folder
        self.root = photo_root(database.url) if database.url.startswith("sqlite") \
            else folder / f"{name}-photos"
        self._packages = 0

    @classmethod
    def on_sqlite(cls, name: str, path: Path) -> Laptop:
        return cls(name, open_database(sqlite_url(path)), path.parent)

    def uow(self):
        return self.database.unit_of_work()

    def pack(self, visit_id: UUID) -> Path:
        self._packages += 1
        target = self.folder / f"{self.name}-{self._packages}.fieldvisit"
        pack_visit(self.uow(), self.root, visit_id, target)
        return target

    def unpack(self, package: Path) -> MergeSummary:
        return unpack_visit(self.uow(), self.root, package)

    def send(self, other: Laptop, visit_id: UUID) -> MergeSummary:
        return other.unpack(self.pack(visit_id))

    def find(self, kind: type[e.Record], record_id: UUID) -> e.Record | None:
        with self.uow() as uow:
            return uow.repository(kind).find(record_id)

    def get(self, kind: type[e.Record], record_id: UUID) -> e.Record:
        found = self.find(kind, record_id)
        assert found is not None, f"{kind.__name__} {record_id} missing on {self.name}"
        return found

    def edit(self, kind: type[e.Record], record_id: UUID, /, **changes: Any) -> e.Record:
        from fieldvisit.services import records

        return records.edit(self.uow(), kind, record_id, changes)

    def all(self, kind: type[e.Record], visit_id: UUID) -> list[e.Record]:
        with self.uow() as uow:
            return uow.repository(kind).all(visit_id=visit_id)

    def dispose(self) -> None:
        self.database.dispose()


def same_visit(*laptops: Laptop, visit_id: UUID) -> list[dict[str, Any]]:
    """The visit as each laptop holds it: its document's records without local-only fields."""
    from fieldvisit.services.visit_document import SECTIONS, export_visit

    views = []
    for laptop in laptops:
        document = export_visit(laptop.uow(), visit_id)
        view: dict[str, Any] = {}
        for name in ["visit", *(n for n, _ in SECTIONS)]:
            items = document[name] if name != "visit" else [document["visit"]]
            local = LOCAL_ONLY_OF.get(name, LOCAL_ONLY)
            view[name] = sorted(({k: v for k, v in item.items() if k not in local}
                                 for item in items), key=lambda item: item["id"])
        views.append(view)
    return views


def replaced(record: e.Record, **changes: Any) -> e.Record:
    return dataclasses.replace(record, **changes)
