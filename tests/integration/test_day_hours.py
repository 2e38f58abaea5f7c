"""A visit's day ends later than it starts: the rule holds for records, services, visit
documents, packages and the command line, and databases that hold such a day still open."""

from __future__ import annotations

import json
import zipfile
from datetime import time
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import create_engine, event, text

from fieldvisit.domain.entities import Visit
from fieldvisit.domain.errors import DocumentError, FieldVisitError, ValidationError
from fieldvisit.persistence import db
from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
from fieldvisit.persistence.migrations import alembic_config
from fieldvisit.services import package, visit_document, visits


@pytest.mark.parametrize("end", [time(8, 0), time(9, 0)])
def test_a_day_ending_at_or_before_its_start_is_refused_naming_the_field(end):
    with pytest.raises(ValidationError) as raised:
        Visit(title="调研", day_start=time(9, 0), day_end=end)
    assert raised.value.field == "day_end"
    assert str(raised.value) == f"day end {end:%H:%M} must be later than day start 09:00"
    assert Visit(title="调研", day_start=time(9, 0), day_end=time(9, 1)).day_end == time(9, 1)
    assert Visit(title="调研", day_start=time(22, 0), day_end=None).day_end is None


def test_the_service_refuses_and_keeps_the_stored_hours(uow, sample_visit_id):
    before = visits.get_visit(uow, sample_visit_id)
    with pytest.raises(ValidationError, match="day end 08:00"):
        visits.update_visit(uow, sample_visit_id, day_end=time(8, 0))
    with pytest.raises(ValidationError, match="day start 19:00"):
        visits.update_visit(uow, sample_visit_id, day_start=time(19, 0))
    after = visits.get_visit(uow, sample_visit_id)
    assert (after.day_start, after.day_end) == (before.day_start, before.day_end) == \
        (time(9, 30), time(18, 0))


def test_a_document_with_such_a_day_is_refused_with_its_path(uow, sample_visit_id, run_cli,
                                                              tmp_path):
    document = visit_document.export_visit(uow, sample_visit_id)
    document["visit"]["day_end"] = "08:00"
    with pytest.raises(DocumentError) as raised:
        visit_document.import_visit(uow, document)
    assert raised.value.path == "$.visit.day_end"
    target = tmp_path / "visit.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, out, err = run_cli("import", str(target))
    assert status == 2 and out == ""
    assert err.strip() == ("fieldvisit: $.visit.day_end: day end 08:00 must be later than "
                           "day start 09:30")
    assert visits.get_visit(uow, sample_visit_id).day_end == time(18, 0)


def test_a_package_with_such_a_day_is_refused(uow, database, sample_visit_id, tmp_path,
                                              make_database):
    good = package.pack_visit(uow, photo_root(database.url), sample_visit_id,
                              tmp_path / "good.fieldvisit").path
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members[package.DOCUMENT])
    document["visit"]["day_start"], document["visit"]["day_end"] = "18:00", "18:00"
    members[package.DOCUMENT] = json.dumps(document, ensure_ascii=False).encode()
    bad = tmp_path / "bad.fieldvisit"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    other = make_database("other.sqlite3")
    with pytest.raises(FieldVisitError, match=r"visit.json is invalid at \$.visit.day_end: "
                                              "day end 18:00 must be later than day start "
                                              "18:00"):
        package.unpack_visit(other.unit_of_work(), photo_root(other.url), bad)
    with other.unit_of_work() as other_uow:
        assert other_uow.visits.count() == 0


def test_the_reference_visit_and_its_document_stay_valid(uow, sample_visit_id):
    document = visit_document.export_visit(uow, sample_visit_id)
    assert (document["visit"]["day_start"], document["visit"]["day_end"]) == ("09:30", "18:00")
    assert visit_document.import_visit(uow, document).updated == {}


def test_a_database_holding_such_a_day_opens_and_keeps_the_start(tmp_path):
    """Earlier versions stored a day end before the start; migration 0006 drops that end."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", db._sqlite_pragmas)
    wrong, right = uuid4(), uuid4()
    insert = text(
        "INSERT INTO visits (id, created_at, updated_at, title, theme, purpose, region, timezone,"
        " status, methods, summary, conclusions, source, remarks, day_start, day_end, travel) "
        "VALUES (:id, '2023-05-25 00:30:00.000000', '2023-05-25 00:30:00.000000', :title, '', "
        "'', '', 'Asia/Shanghai', 'draft', '[]', '', '', '', '', :start, :end, '{}')")
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0005")
            connection.execute(insert, {"id": wrong.hex, "title": "夜间", "start":
                                        "09:00:00.000000", "end": "08:00:00.000000"})
            connection.execute(insert, {"id": right.hex, "title": "白天", "start":
                                        "09:30:00.000000", "end": "18:00:00.000000"})
    finally:
        engine.dispose()
    database = open_database(sqlite_url(path))
    try:
        with database.unit_of_work() as uow:
            late, fine = uow.visits.get(wrong), uow.visits.get(right)
        assert (late.day_start, late.day_end) == (time(9, 0), None)
        assert (fine.day_start, fine.day_end) == (time(9, 30), time(18, 0))
    finally:
        database.dispose()
