"""Issue 12 items 2 and 8: every record keeps its version and who wrote it; a write based on
an older version is refused with who changed the record, never applied; versions stay out of
documents and packages. On SQLite, and on PostgreSQL when FIELDVISIT_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import create_engine, event, insert

from fieldvisit.domain.entities import Note
from fieldvisit.domain.errors import ConcurrentWriteError, StaleEditError
from fieldvisit.persistence import db
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.persistence.migrations import alembic_config
from fieldvisit.persistence.models import Base
from fieldvisit.services import delegation, itinerary, notes, search, visit_document, visits
from fieldvisit.services.package_merge import content_hash
from fieldvisit.services.sample import load_reference_visit, reference_document

from .test_concurrent_saves import shared_url as shared_url  # noqa: F401 - a fixture

MINE, THEIRS = "王鑫 @ laptop-3", "李娜 @ laptop-7"


@pytest.fixture
def two_writers(shared_url):  # noqa: F811
    """Two users on one database: two Database objects with their own identities."""
    mine = open_database(shared_url, identity=MINE)
    theirs = open_database(shared_url, identity=THEIRS)
    yield mine, theirs
    mine.dispose()
    theirs.dispose()


@pytest.fixture
def note(two_writers) -> Note:
    mine, _ = two_writers
    visit = visits.create_visit(mine.unit_of_work(), "版本")
    return notes.add_note(mine.unit_of_work(), visit.id, "骑手反映")


def test_records_count_their_versions_and_name_their_last_writer(two_writers, note):
    mine, theirs = two_writers
    assert (note.version, note.changed_by) == (1, MINE)
    assert notes.get_note(theirs.unit_of_work(), note.id).version == 1
    saved = notes.update_note(theirs.unit_of_work(), note.id, text="骑手反映：驿站好")
    assert (saved.version, saved.changed_by) == (2, THEIRS)
    assert notes.get_note(mine.unit_of_work(), note.id) == saved
    again = notes.update_note(mine.unit_of_work(), note.id, text="骑手反映：驿站好")
    assert again.version == 2  # nothing changed: nothing written
    listed = notes.list_notes(mine.unit_of_work(), note.visit_id)
    assert [(n.version, n.changed_by) for n in listed] == [(2, THEIRS)]


def test_a_save_based_on_an_older_version_is_refused_naming_who_changed_it(two_writers, note):
    mine, theirs = two_writers
    notes.update_note(theirs.unit_of_work(), note.id, expected_version=1, text="他们的文字")
    with pytest.raises(StaleEditError) as refused:
        notes.update_note(mine.unit_of_work(), note.id, expected_version=1, text="我的文字")
    assert str(refused.value) == (f"this note was changed by {THEIRS} since you opened it; "
                                  "nothing was overwritten")
    assert refused.value.changed_by == THEIRS
    stored = notes.get_note(mine.unit_of_work(), note.id)
    assert (stored.text, stored.version, stored.changed_by) == ("他们的文字", 2, THEIRS)


@pytest.mark.parametrize(("edit", "noun"), [
    (lambda uow, ids, v: visits.update_visit(uow, ids["visit"], expected_version=v,
                                             theme="新"), "visit"),
    (lambda uow, ids, v: itinerary.update_stop(uow, ids["stop"], expected_version=v,
                                               dwell_minutes=50), "stop"),
    (lambda uow, ids, v: notes.update_figure(uow, ids["figure"], expected_version=v,
                                             value="7000"), "key figure"),
    (lambda uow, ids, v: notes.update_follow_up(uow, ids["follow_up"], expected_version=v,
                                                action="新的"), "follow-up"),
    (lambda uow, ids, v: delegation.set_role(uow, ids["member"], "leader", v),
     "delegation member"),
    (lambda uow, ids, v: itinerary.update_site(uow, ids["site"], expected_version=v,
                                               address="新址"), "site"),
], ids=["visit", "stop", "figure", "follow_up", "member", "site"])
def test_every_edit_service_refuses_a_stale_version(two_writers, edit, noun):
    mine, theirs = two_writers
    visit_id = load_reference_visit(mine.unit_of_work()).visit_id
    with mine.unit_of_work() as uow:
        ids = {"visit": visit_id, "stop": uow.stops.all(visit_id=visit_id)[0].id,
               "figure": uow.figures.all(visit_id=visit_id)[0].id,
               "follow_up": uow.follow_ups.all(visit_id=visit_id)[0].id,
               "member": uow.delegation.all(visit_id=visit_id)[-1].id}
        ids["site"] = uow.stops.get(ids["stop"]).site_id
    first = edit(theirs.unit_of_work(), ids, 1)
    assert (first.version, first.changed_by) == (2, THEIRS)
    with pytest.raises(StaleEditError, match=f"this {noun} was changed by {THEIRS} since"):
        edit(mine.unit_of_work(), ids, 1)
    assert edit(mine.unit_of_work(), ids, None).version in (2, 3)  # no expectation: applies


def test_a_writer_committing_between_read_and_write_is_caught_inside_the_transaction(
        two_writers, note):
    """Without the version in the UPDATE, the slower of two transactions would overwrite."""
    mine, theirs = two_writers
    uow = mine.unit_of_work()
    with pytest.raises(ConcurrentWriteError, match="another writer changed the same records"):
        with uow:
            read = uow.notes.get(note.id)
            notes.update_note(theirs.unit_of_work(), note.id, text="他们先存")
            uow.notes.put(dataclasses.replace(read, version=0, text="我后存"))
            uow.commit()
    assert notes.get_note(mine.unit_of_work(), note.id).text == "他们先存"


def test_versions_stay_out_of_documents_packages_and_content_hashes(two_writers):
    mine, theirs = two_writers
    visit_id = load_reference_visit(mine.unit_of_work()).visit_id
    first_note = notes.list_notes(mine.unit_of_work(), visit_id)[0]
    notes.update_note(theirs.unit_of_work(), first_note.id, text=first_note.text + "。")
    notes.update_note(theirs.unit_of_work(), first_note.id, text=first_note.text)
    stored = notes.get_note(mine.unit_of_work(), first_note.id)
    assert stored.version == 3 and content_hash(stored) == content_hash(first_note)
    document = visit_document.export_visit(mine.unit_of_work(), visit_id)
    assert visit_document.dumps(document).count('"version"') == 1  # the format's own
    assert "changed_by" not in visit_document.dumps(document)
    expected = reference_document()
    exchange = ("notes", "version", "history", "tombstones",  # format 2 adds history,
                "report_writing")  # format 3 the writer's texts
    assert {k: v for k, v in document.items() if k not in exchange} == \
        {k: v for k, v in expected.items() if k not in exchange}


def test_undo_history_of_this_process_is_kept_per_database_object(two_writers, note):
    mine, theirs = two_writers
    assert mine.write_log.version_of(note.id) == 1
    notes.update_note(theirs.unit_of_work(), note.id, text="改")
    assert mine.write_log.version_of(note.id) == 1 and theirs.write_log.version_of(note.id) == 2
    notes.delete_note(theirs.unit_of_work(), note.id)
    assert theirs.write_log.version_of(note.id) is None


# -- migration 0012 ---------------------------------------------------------------------------
@pytest.fixture
def empty_url(db_kind, tmp_path, request):
    """A database without any table, of this test's kind."""
    if db_kind == "sqlite":
        yield sqlite_url(tmp_path / "old.sqlite3")
        return
    databases = request.getfixturevalue("postgres_databases")
    url = databases.take_empty()
    yield url
    databases.give_back_empty(url)


def test_a_database_made_by_0006_gets_versions_starting_at_1(empty_url):
    stamp = datetime(2023, 5, 25, 0, 30, tzinfo=UTC)
    visit_id, note_id = uuid4(), uuid4()
    tables = Base.metadata.tables
    engine = create_engine(empty_url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", db._sqlite_pragmas)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0006")
            connection.execute(insert(tables["visits"]).values(
                id=visit_id, created_at=stamp, updated_at=stamp, title="旧库调研", theme="",
                purpose="", region="", start_date=date(2023, 5, 25), end_date=None,
                timezone="Asia/Shanghai", day_start=datetime(2023, 1, 1, 9).time(),
                day_end=None, travel={}, status="draft", methods=[], summary="",
                conclusions="", source="", remarks=""))
            connection.execute(insert(tables["notes"]).values(
                id=note_id, created_at=stamp, updated_at=stamp, visit_id=visit_id,
                stop_id=None, author_id=None, kind="observation", interviewee_group="",
                speaker="", text="旧库里的笔记", tags=[], confidential=False, position=1))
    finally:
        engine.dispose()
    database = open_database(empty_url, identity=MINE)
    try:
        uow = database.unit_of_work()
        old = notes.get_note(uow, note_id)
        assert (old.version, old.changed_by) == (1, "")
        assert visits.get_visit(uow, visit_id).version == 1
        saved = notes.update_note(uow, note_id, expected_version=1, text="旧库里的笔记，改过")
        assert (saved.version, saved.changed_by) == (2, MINE)
        with pytest.raises(StaleEditError):
            notes.update_note(uow, note_id, expected_version=1, text="过时")
        assert [hit.note_id for hit in search.search(uow, "改过").hits] == [note_id]
        document = visit_document.export_visit(uow, visit_id)
        assert "version" not in document["notes"][0] and "version" not in document["visit"]
    finally:
        database.dispose()
