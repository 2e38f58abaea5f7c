"""A team server: a photo added on one laptop is there for every colleague (issue 12)."""

from __future__ import annotations

import pytest

from fieldvisit.services import notes, photo_sharing
from fieldvisit.services import photos as photo_service
from fieldvisit.services.package import pack_visit, unpack_visit
from fieldvisit.services.photo_paths import photo_files
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.sample import load_reference_visit
from tests.integration.package_tools import make_jpeg
from tests.pg import fresh_postgres, needs_postgres


@pytest.fixture
def laptops(tmp_path):
    """Two clients of one team server, each with its own photo folder."""
    from fieldvisit.persistence.db import open_database

    with fresh_postgres() as url:
        first, second = open_database(url), open_database(url)
        visit_id = load_reference_visit(first.unit_of_work()).visit_id
        yield (first, tmp_path / "a-photos"), (second, tmp_path / "b-photos"), visit_id
        first.dispose()
        second.dispose()


@needs_postgres
def test_a_colleagues_photo_reaches_the_report_and_the_package(laptops, tmp_path):
    (first, root_a), (second, root_b), visit_id = laptops
    added = photo_service.import_photo(first.unit_of_work(), root_a, visit_id,
                                       make_jpeg(tmp_path / "站点.jpg", size=(640, 480))).photo
    assert not photo_files(root_b, added)[0].exists()
    data = report_data(second.unit_of_work(), visit_id, ReportOptions(), root_b)
    assert not data.missing_photos and len(data.photos) == 1
    for mine, theirs in zip(photo_files(root_a, added), photo_files(root_b, added), strict=True):
        assert theirs.read_bytes() == mine.read_bytes()
    result = pack_visit(second.unit_of_work(), root_b, visit_id, tmp_path / "visit.fieldvisit")
    assert result.photos == 2


@needs_postgres
def test_photos_arriving_in_a_package_are_shared_too(laptops, tmp_path, make_db_path):
    from fieldvisit.persistence.db import open_database, sqlite_url

    (first, root_a), (second, root_b), visit_id = laptops
    laptop = open_database(sqlite_url(make_db_path("laptop.sqlite3")))
    try:
        offline_root = tmp_path / "laptop-photos"
        package = tmp_path / "out.fieldvisit"
        pack_visit(first.unit_of_work(), root_a, visit_id, package)
        unpack_visit(laptop.unit_of_work(), offline_root, package)
        taken = photo_service.import_photo(laptop.unit_of_work(), offline_root, visit_id,
                                           make_jpeg(tmp_path / "offline.jpg")).photo
        pack_visit(laptop.unit_of_work(), offline_root, visit_id, package)
        unpack_visit(first.unit_of_work(), root_a, package)
    finally:
        laptop.dispose()
    assert photo_sharing.fetch(second.unit_of_work(), root_b, [taken]) == 2
    assert photo_files(root_b, taken)[0].read_bytes() == \
        photo_files(offline_root, taken)[0].read_bytes()


@needs_postgres
def test_an_undone_delete_keeps_the_photo_for_everyone(laptops, tmp_path):
    (first, root_a), (second, root_b), visit_id = laptops
    added = photo_service.import_photo(first.unit_of_work(), root_a, visit_id,
                                       make_jpeg(tmp_path / "x.jpg")).photo
    deleted = photo_service.delete_photo(first.unit_of_work(), root_a, added.id)
    photo_service.restore_photo(first.unit_of_work(), root_a, deleted)
    assert photo_sharing.fetch(second.unit_of_work(), root_b,
                               notes.list_photos(second.unit_of_work(), visit_id)) == 2


@pytest.mark.sqlite_only("a SQLite file is never shared")
def test_a_sqlite_file_keeps_its_photos_to_itself(uow, sample_visit_id, tmp_path):
    added = photo_service.import_photo(uow, tmp_path / "p", sample_visit_id,
                                       make_jpeg(tmp_path / "x.jpg")).photo
    assert photo_sharing.share(uow, tmp_path / "p", [added]) == 0
    assert photo_sharing.fetch(uow, tmp_path / "elsewhere", [added]) == 0
