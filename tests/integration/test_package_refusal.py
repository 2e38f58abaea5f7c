"""A refused or failed unpack changes nothing (issue 12, item 6): the whole package is checked
and its photo files staged before anything is written, so the database file (on PostgreSQL:
every row) and the photo folder are exactly as they were, and the message is one line
without the temporary folder."""

from __future__ import annotations

import errno
import json
import os
import tempfile
import uuid

import pytest

from fieldvisit import cli
from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
from fieldvisit.persistence.uow import UnitOfWork
from fieldvisit.services import package, photos
from fieldvisit.services.sample import load_reference_visit
from fieldvisit.services.visits import create_visit
from tests.integration.package_tools import (
    Store,
    build,
    document_of,
    jpeg_bytes,
    listing,
    make_jpeg,
    members_of,
    photo_record,
    with_document,
)
from tests.integration.package_tools import store as store  # noqa: F401 - a fixture


class Source:
    """The note-taker's laptop (SQLite): the reference visit with one photo."""

    def __init__(self, path, tmp_path) -> None:
        url = sqlite_url(path)
        self.store = Store(url, photo_root(url), path)
        self.tmp_path = tmp_path
        self.visit_id = self.store.run(
            lambda db: load_reference_visit(db.unit_of_work()).visit_id)
        self.add_photo((200, 30, 30))

    def add_photo(self, colour) -> None:
        jpeg = make_jpeg(self.tmp_path / f"{uuid.uuid4()}.jpg", colour)
        self.store.run(lambda db: photos.import_photo(db.unit_of_work(), self.store.root,
                                                      self.visit_id, jpeg))

    def pack(self, name: str) -> dict[str, bytes]:
        return members_of(self.store.run(lambda db: package.pack_visit(
            db.unit_of_work(), self.store.root, self.visit_id, self.tmp_path / name).path))


@pytest.fixture
def prepared(store: Store, make_db_path, tmp_path):
    """The target holds the reference visit (from the source's package, with its photo) and
    another visit with a photo of its own; returns (source, the first package's members, the
    other visit's id)."""
    source = Source(make_db_path("source.sqlite3"), tmp_path)
    first = source.pack("first.fieldvisit")
    store.run(lambda db: package.unpack_visit(
        db.unit_of_work(), store.root, build(tmp_path / "first.fieldvisit", first)))
    jpeg = make_jpeg(tmp_path / "other.jpg", (10, 200, 10))

    def other_visit(database):
        visit = create_visit(database.unit_of_work(), "另一次调研")
        photos.import_photo(database.unit_of_work(), store.root, visit.id, jpeg)
        return visit.id

    return source, first, store.run(other_visit)


def run_cli(store: Store, capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main([*store.cli_database, *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _with_photos(members, names_and_data, *file_names):
    document = document_of(members)
    records = [photo_record(document, name) for name in file_names]
    document["photos"] += records
    return {**with_document(members, document), **names_and_data(records)}


def long_part(members, visit_id, other_id):
    name = f"{visit_id}/{'a' * 300}.jpg"
    return _with_photos(members, lambda _: {f"photos/{name}": jpeg_bytes()}, name)


def long_chinese_part(members, visit_id, other_id):
    name = f"{visit_id}/{'照' * 100}.jpg"  # 100 characters, 300 bytes
    return _with_photos(members, lambda _: {f"photos/{name}": jpeg_bytes()}, name)


def nested(members, visit_id, other_id):
    return _with_photos(members, lambda _: {"photos/x/a.jpg": jpeg_bytes(),
                                            "photos/x/a.jpg/b.jpg": jpeg_bytes()},
                        "x/a.jpg", "x/a.jpg/b.jpg")


def another_visits_folder(members, visit_id, other_id):
    name = f"{other_id}/{uuid.uuid4()}.jpg"
    return _with_photos(members, lambda _: {f"photos/{name}": jpeg_bytes()}, name)


def second_photo_not_an_image(members, visit_id, other_id):
    return _with_photos(members, lambda records: {
        f"photos/{visit_id}/{records[0]['id']}.jpg": jpeg_bytes(),
        f"photos/{visit_id}/{records[1]['id']}.jpg": b"not a photo"}, "a.jpg", "b.jpg")


def display_copy_that_is_a_png(members, visit_id, other_id):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    return _with_photos(members, lambda records: {
        f"photos/{visit_id}/{records[0]['id']}-display.jpg": buffer.getvalue()}, "a.jpg")


def a_record_of_another_visit(members, visit_id, other_id):
    document = document_of(members)
    document["notes"][0]["visit_id"] = str(other_id)
    return with_document(members, document)


def escaping_member(members, visit_id, other_id):
    return {**members, "photos/../escape.jpg": jpeg_bytes()}


def newer_package_format(members, visit_id, other_id):
    manifest = json.loads(members["manifest.json"])
    return {**members, "manifest.json": json.dumps({**manifest, "version": 9}).encode()}


CASES = {
    long_part: "longer than 255 bytes",
    long_chinese_part: "longer than 255 bytes",
    nested: "both a file and a folder",
    another_visits_folder: "belongs to no photo of the visit",
    second_photo_not_an_image: "not a JPEG or PNG image",
    display_copy_that_is_a_png: "not a JPEG image",
    a_record_of_another_visit: "must be the id of the document's visit",
    escaping_member: "member name",
    newer_package_format: "newer FieldVisit",
}


@pytest.mark.parametrize("case", list(CASES), ids=lambda case: case.__name__)
def test_a_refused_package_changes_nothing(store, prepared, tmp_path, capsys, case):
    source, first, other_id = prepared
    hostile = build(tmp_path / "hostile.fieldvisit", case(first, source.visit_id, other_id))
    before = store.snapshot()
    status, out, err = run_cli(store, capsys, "unpack", str(hostile))
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("fieldvisit: “hostile.fieldvisit”")
    assert CASES[case] in err and "nothing was changed" in err
    assert tempfile.gettempdir() not in err and "fieldvisit-package-" not in err
    assert store.snapshot() == before
    assert run_cli(store, capsys, "pack", str(source.visit_id),
                   "-o", str(tmp_path / "p.fieldvisit"))[0] == 0


def test_the_packages_of_the_issue_leave_the_visit_usable(store, prepared, tmp_path,
                                                          capsys):
    """Refused; the visit's report and pack work, and the honest package of the same visit
    goes through."""
    source, first, other_id = prepared
    for case in (long_part, nested):
        hostile = build(tmp_path / "hostile.fieldvisit", case(first, source.visit_id, other_id))
        assert run_cli(store, capsys, "unpack", str(hostile))[0] == 2
    status, _, err = run_cli(store, capsys, "report", str(source.visit_id),
                             "-o", str(tmp_path / "r.pdf"))
    assert status == 0 and "not found" not in err
    assert run_cli(store, capsys, "pack", str(source.visit_id),
                   "-o", str(tmp_path / "p.fieldvisit"))[0] == 0
    source.add_photo((0, 0, 250))
    status, out, _ = run_cli(store, capsys, "unpack",
                             str(build(tmp_path / "next.fieldvisit", source.pack("n.fieldvisit"))))
    assert status == 0 and "photo files copied: 2" in out


@pytest.fixture
def fresh(prepared, tmp_path):
    """A package with a photo the target does not have yet (two files to install)."""
    source, _, _ = prepared
    source.add_photo((0, 0, 250))
    return build(tmp_path / "fresh.fieldvisit", source.pack("fresh.fieldvisit"))


def test_a_photo_file_that_cannot_be_installed_changes_nothing(
        store, prepared, fresh, monkeypatch):
    replace = os.replace
    calls = []

    def failing(source, target, *args, **kwargs):
        if str(target).startswith(str(store.root)):
            calls.append(target)
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, "No space left on device", str(source))
        return replace(source, target, *args, **kwargs)

    before = store.snapshot()
    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(FieldVisitError) as caught:
        store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root, fresh))
    monkeypatch.undo()
    message = str(caught.value)
    assert "No space left on device" in message and "nothing was changed" in message
    assert tempfile.gettempdir() not in message and str(store.root) not in message
    assert len(calls) == 2 and store.snapshot() == before


def test_a_commit_that_fails_takes_the_installed_photo_files_back(
        store, prepared, fresh, monkeypatch):
    from sqlalchemy.exc import OperationalError

    before = store.snapshot()

    def failing(self):
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(UnitOfWork, "commit", failing)
    with pytest.raises(OperationalError):
        store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root, fresh))
    monkeypatch.undo()
    assert store.snapshot() == before


def test_an_unpack_into_an_empty_photo_folder_that_fails_leaves_no_folder(
        make_db_path, tmp_path, monkeypatch):
    """The photo folder (and the visit's folder in it) made for the files goes again."""
    source = Source(make_db_path("source.sqlite3"), tmp_path)
    path = build(tmp_path / "p.fieldvisit", source.pack("p.fieldvisit"))
    target = make_db_path("empty.sqlite3")
    database = open_database(sqlite_url(target))
    root = photo_root(database.url)
    monkeypatch.setattr(UnitOfWork, "commit", lambda self: (_ for _ in ()).throw(
        OSError(errno.EIO, "disk I/O error")))
    try:
        with pytest.raises(OSError):
            package.unpack_visit(database.unit_of_work(), root, path)
    finally:
        database.dispose()
    assert listing(root) is None
