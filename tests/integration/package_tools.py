"""Helpers for the package tests: a store (a database and its photo folder, on SQLite or on
PostgreSQL), the command line run against it, packages taken apart and rebuilt member by
member, and snapshots of everything a refused unpack must leave as it was."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldvisit.persistence.db import Database, open_database, photo_root, sqlite_url
from tests.pg import URL, wipe

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not URL, reason="set FIELDVISIT_TEST_URL to run"))]


@dataclass
class Store:
    """A database the tests open only while they use it, so that its file can be hashed."""

    url: str
    root: Path
    file: Path | None

    @property
    def cli_database(self) -> list[str]:
        return ["--db", str(self.file)] if self.file else ["--database-url", self.url]

    def run(self, work: Callable[[Database], Any]) -> Any:
        database = open_database(self.url)
        try:
            return work(database)
        finally:
            database.dispose()

    def snapshot(self) -> tuple[Any, Any]:
        """The database's bytes (SQLite) or every row of every table (PostgreSQL), and every
        path under the photo folder with the content of its files."""
        if self.file is not None:
            data: Any = {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                         for path in self.file.parent.glob(f"{self.file.name}*")
                         if not path.name.endswith(".lock")}
        else:
            data = self.run(_all_rows)
        return data, listing(self.root)


def _all_rows(database: Database) -> dict[str, list[str]]:
    from sqlalchemy import inspect, text

    with database.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        return {table: sorted(repr(tuple(row)) for row in connection.execute(
            text(f'SELECT * FROM "{table}"'))) for table in tables}


def listing(root: Path) -> list[tuple[str, str]] | None:
    if not root.exists():
        return None
    return sorted((path.relative_to(root).as_posix(),
                   hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir")
                  for path in root.rglob("*"))


@pytest.fixture(params=BACKENDS)
def store(request, make_db_path, tmp_path, monkeypatch) -> Iterator[Store]:
    """An empty store on each backend; on PostgreSQL the photo folder is the one the command
    line uses for a server (``photos`` in the user data folder, moved into ``tmp_path``)."""
    if request.param == "sqlite":
        path = make_db_path("target.sqlite3")
        url = sqlite_url(path)
        yield Store(url, photo_root(url), path)
        return
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    wipe()
    open_database(URL).dispose()  # migrated, as the command line would
    yield Store(URL, photo_root(URL), None)
    wipe()


def make_jpeg(path: Path, colour=(200, 30, 30), size=(64, 48)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG")
    return path


def jpeg_bytes(colour=(0, 90, 200)) -> bytes:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build(path: Path, members: dict[str, bytes], *, list_all: bool = True) -> Path:
    """A package of ``members``; the manifest lists them all unless ``list_all`` is false."""
    manifest = json.loads(members["manifest.json"])
    if list_all:
        manifest["files"] = [n for n in members if n != "manifest.json"]
    members = {**members, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def document_of(members: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(members["visit.json"])


def with_document(members: dict[str, bytes], document: dict[str, Any]) -> dict[str, bytes]:
    return {**members, "visit.json": json.dumps(document, ensure_ascii=False).encode()}


def photo_record(document: dict[str, Any], file_name: str, **fields: Any) -> dict[str, Any]:
    """A photo record of the document's visit, as another laptop could write it."""
    import uuid

    return {"id": str(uuid.uuid4()), "created_at": "2023-05-25T12:00:00Z",
            "updated_at": "2023-05-25T12:00:00Z", "visit_id": document["visit"]["id"],
            "file_name": file_name, "caption": "", "credit": "", "stop_id": None,
            "taken_at": None, **fields}
