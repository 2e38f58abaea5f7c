"""Where a photo's files live is derived from its own visit and id, never taken from a package
(issue 12, item 4): a photo record naming another visit's files reaches none of them, and a
package member anywhere but at the photo's own derived path is refused."""

from __future__ import annotations

import uuid
from pathlib import Path

import hypothesis
import hypothesis.strategies as st
import pytest

from fieldvisit.domain.entities import Photo
from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.services import package, photos
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import ReportOptions
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

V = uuid.UUID("3eb91543-df19-4504-9308-5bd9f0014745")  # the reference visit
P = uuid.UUID("00000000-0000-4000-8000-0000000000aa")


@pytest.mark.parametrize(("file_name", "suffix"), [
    (f"{V}/{P}.jpg", ".jpg"), (f"{V}/{P}.jpeg", ".jpeg"), (f"{V}/{P}.png", ".png"),
    ("IMG_0001.JPG", ".jpg"), ("scan.PNG", ".png"), ("photos/驿站.jpeg", ".jpeg"),
    ("another-visit/someone-elses.png", ".png"), ("a.gif", ".jpg"), ("no-suffix", ".jpg")])
def test_photo_files_are_derived_from_the_visit_and_the_photo_id(tmp_path, file_name, suffix):
    photo = Photo(id=P, visit_id=V, file_name=file_name)
    original, display = photos.photo_files(tmp_path, photo)
    assert original == tmp_path / str(V) / f"{P}{suffix}"
    assert display == photos.display_path(tmp_path, photo) == tmp_path / str(V) / f"{P}-display.jpg"
    assert photos.photo_file_names(photo) == (f"{V}/{P}{suffix}", f"{V}/{P}-display.jpg")


def test_photos_of_an_older_database_are_still_found(uow, database, sample_visit_id, tmp_path):
    """FieldVisit always stored a photo as ``<visit id>/<photo id><suffix>``: such records
    find their files, in the report too."""
    root = tmp_path / "photos"
    photo = Photo(id=P, visit_id=sample_visit_id, file_name=f"{sample_visit_id}/{P}.jpeg",
                  caption="旧照片")
    (root / str(sample_visit_id)).mkdir(parents=True)
    make_jpeg(root / str(sample_visit_id) / f"{P}.jpeg")
    with uow:
        uow.photos.put(photo)
        uow.commit()
    data = report_data(uow, sample_visit_id, ReportOptions(), root)
    assert [item.path for item in data.photos] == [root / str(sample_visit_id) / f"{P}.jpeg"]
    assert data.missing_photos == ()


@pytest.fixture
def two_visits(store: Store, tmp_path):
    """The reference visit and another visit "W" with one photo, in ``store``."""
    def prepare(database):
        uow = database.unit_of_work()
        visit_id = load_reference_visit(uow).visit_id
        other = create_visit(uow, "另一次调研")
        photo = photos.import_photo(uow, store.root, other.id,
                                    make_jpeg(tmp_path / "w.jpg", (10, 200, 10))).photo
        return visit_id, other.id, photo

    visit_id, other_id, photo = store.run(prepare)
    with_photo = store.run(lambda db: package.pack_visit(
        db.unit_of_work(), store.root, visit_id, tmp_path / "v.fieldvisit").path)
    return visit_id, other_id, photo, members_of(with_photo)


def test_a_photo_record_naming_another_visits_files_reaches_none_of_them(
        store, two_visits, tmp_path):
    visit_id, other_id, their_photo, members = two_visits
    their_files = [p for p in photos.photo_files(store.root, their_photo)]
    before = {p: p.read_bytes() for p in their_files}
    document = document_of(members)
    hostile = photo_record(document, f"{other_id}/{their_photo.id}.jpg", caption="别人的照片")
    document["photos"].append(hostile)
    summary = store.run(lambda db: package.unpack_visit(
        db.unit_of_work(), store.root, build(tmp_path / "h.fieldvisit",
                                             with_document(members, document))))
    assert summary.added == {"photos": 1} and summary.photo_files == 0

    packed = store.run(lambda db: package.pack_visit(
        db.unit_of_work(), store.root, visit_id, tmp_path / "again.fieldvisit"))
    shipped = [n for n in members_of(packed.path) if n.startswith("photos/")]
    assert shipped == [] and packed.photos == 0

    def report(database):
        return report_data(database.unit_of_work(), visit_id, ReportOptions(), store.root)

    data = store.run(report)
    assert data.photos == ()
    assert data.missing_photos == (f"{visit_id}/{hostile['id']}.jpg",)

    deleted = store.run(lambda db: photos.delete_photo(db.unit_of_work(), store.root,
                                                        uuid.UUID(hostile["id"])))
    assert deleted.moved == ()
    assert {p: p.read_bytes() for p in their_files} == before
    assert [p for p in store.root.rglob("*") if p.is_file() and ".trash" in p.parts] == []


def test_pack_ships_only_files_in_the_visits_own_folder(store, two_visits, tmp_path):
    """A file at a photo's derived place that is a link out of the visit's folder is not
    shipped."""
    visit_id, other_id, their_photo, _ = two_visits
    mine = Photo(id=P, visit_id=visit_id, file_name=f"{visit_id}/{P}.jpg")
    store.run(lambda db: _put(db, mine))
    original, _ = photos.photo_files(store.root, mine)
    original.parent.mkdir(parents=True, exist_ok=True)
    original.symlink_to(photos.photo_files(store.root, their_photo)[0])
    packed = store.run(lambda db: package.pack_visit(
        db.unit_of_work(), store.root, visit_id, tmp_path / "p.fieldvisit"))
    assert [n for n in members_of(packed.path) if n.startswith("photos/")] == []


def _put(database, photo: Photo) -> None:
    uow = database.unit_of_work()
    with uow:
        uow.photos.put(photo)
        uow.commit()


def _refused(store: Store, path: Path, *expected: str) -> str:
    before = store.snapshot()
    with pytest.raises(FieldVisitError) as caught:
        store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root, path))
    message = str(caught.value)
    assert "\n" not in message and "nothing was changed" in message, message
    for words in expected:
        assert words in message, message
    assert store.snapshot() == before
    return message


def test_a_member_in_another_visits_folder_is_refused(store, two_visits, tmp_path):
    visit_id, other_id, _, members = two_visits
    document = document_of(members)
    record = photo_record(document, f"{other_id}/{uuid.uuid4()}.jpg")
    document["photos"].append(record)
    name = f"photos/{record['file_name']}"
    message = _refused(store, build(tmp_path / "h.fieldvisit", {
        **with_document(members, document), name: jpeg_bytes()}), "belongs to no photo")
    assert name in message
    assert not (store.root / record["file_name"]).exists()


@pytest.mark.parametrize("shape", [
    "photos/{visit}/{photo}.png",  # the right folder, the wrong kind
    "photos/{visit}/{photo}.JPG", "photos/{VISIT}/{photo}.jpg", "photos/{visit}/{PHOTO}.jpg",
    "photos/{visit}/sub/{photo}.jpg", "photos/{photo}.jpg", "photos/{visit}/{photo}.jpg/x",
    "photos/{visit}/{other}.jpg", "photos/.trash/{photo}/{photo}.jpg",
    "photos/{visit}/{photo}-display.png"])
def test_anything_but_the_photos_own_derived_path_is_refused(
        store, two_visits, tmp_path, shape):
    visit_id, _, _, members = two_visits
    document = document_of(members)
    record = photo_record(document, "IMG_0001.jpg")
    document["photos"].append(record)
    name = shape.format(visit=visit_id, VISIT=str(visit_id).upper(), photo=record["id"],
                        PHOTO=record["id"].upper(), other=uuid.uuid4())
    _refused(store, build(tmp_path / "h.fieldvisit",
                          {**with_document(members, document), name: jpeg_bytes()}))


def test_the_derived_path_is_accepted_whatever_the_file_name_says(
        store, two_visits, tmp_path):
    visit_id, other_id, _, members = two_visits
    document = document_of(members)
    record = photo_record(document, f"{other_id}/IMG_0001.jpg", caption="现场")
    document["photos"].append(record)
    name = f"photos/{visit_id}/{record['id']}.jpg"
    data = jpeg_bytes((1, 2, 3))
    summary = store.run(lambda db: package.unpack_visit(
        db.unit_of_work(), store.root,
        build(tmp_path / "ok.fieldvisit", {**with_document(members, document), name: data})))
    assert summary.photo_files == 1
    assert (store.root / str(visit_id) / f"{record['id']}.jpg").read_bytes() == data
    assert not (store.root / str(other_id) / "IMG_0001.jpg").exists()


# -- hostile member names, generated ------------------------------------------------------------
PARTS = st.one_of(
    st.sampled_from(["photos", "..", ".", "", "x", "a.jpg", "a.jpg/b.jpg", ".trash", "C:",
                     "\\", "..\\..", "~", "manifest.json", "visit.json", " ", "\u202e",
                     "照片.jpg", "e\u0301.jpg", "é.jpg", "A.JPG", "-display.jpg"]),
    st.text(min_size=1, max_size=12),
    st.integers(min_value=200, max_value=320).map(lambda n: "长" * n),
    st.integers(min_value=240, max_value=300).map(lambda n: "a" * n + ".jpg"),
)


@st.composite
def member_names(draw, visit_id: str, photo_id: str):
    parts = draw(st.lists(st.one_of(PARTS, st.sampled_from([visit_id, photo_id,
                                                            f"{photo_id}.jpg"])),
                          min_size=1, max_size=5))
    prefix = draw(st.sampled_from(["photos/", "", "/", "photos//", f"photos/{visit_id}/"]))
    return prefix + "/".join(parts)


def test_generated_member_names_are_refused_and_change_nothing(make_db_path, tmp_path):
    """Every member name but a photo's own derived path is refused in one line; nothing
    changes (the database file and the photo folder are compared after each attempt)."""
    from fieldvisit.persistence.db import photo_root, sqlite_url

    path = make_db_path("t.sqlite3")
    target = Store(sqlite_url(path), photo_root(sqlite_url(path)), path)
    visit_id = target.run(lambda db: load_reference_visit(db.unit_of_work()).visit_id)
    members = members_of(target.run(lambda db: package.pack_visit(
        db.unit_of_work(), target.root, visit_id, tmp_path / "v.fieldvisit").path))
    document = document_of(members)
    record = photo_record(document, "IMG_0001.jpg")
    document["photos"].append(record)
    base = with_document(members, document)
    allowed = {f"photos/{visit_id}/{record['id']}.jpg",
               f"photos/{visit_id}/{record['id']}-display.jpg", "manifest.json", "visit.json"}
    before = target.snapshot()
    attempt = tmp_path / "hostile.fieldvisit"

    @hypothesis.settings(max_examples=150, deadline=None, database=None,
                         suppress_health_check=[hypothesis.HealthCheck.too_slow])
    @hypothesis.given(member_names(str(visit_id), record["id"]), st.booleans())
    def check(name: str, nested: bool) -> None:
        hypothesis.assume(name.split("\x00")[0] not in allowed)
        extra = {name: jpeg_bytes()}
        if nested:  # the derived file too, and the name below it
            extra = {f"photos/{visit_id}/{record['id']}.jpg": jpeg_bytes(),
                     f"photos/{visit_id}/{record['id']}.jpg/{name}": jpeg_bytes()}
        build(attempt, {**base, **extra})
        with pytest.raises(FieldVisitError) as caught:
            target.run(lambda db: package.unpack_visit(db.unit_of_work(), target.root, attempt))
        message = str(caught.value)
        assert "\n" not in message and "nothing was changed" in message, message
        assert str(tmp_path) not in message and "fieldvisit-package-" not in message
        assert target.snapshot() == before

    check()
    assert listing(target.root) is None
