"""Issue 14: the writer's texts of a visit's report and brief are a record of the visit: stored
on the first save, saved like notes (a stale save is refused naming who changed the record),
None gives a section back to the draft, removed with the visit, and in the report's data. On
SQLite, and on PostgreSQL when FIELDVISIT_TEST_POSTGRES_URL is set."""

from __future__ import annotations

from datetime import date

import pytest

from fieldvisit.domain.errors import NotFoundError, StaleEditError, ValidationError
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.persistence.db import open_database
from fieldvisit.services import report_writing as writing_service
from fieldvisit.services import visits
from fieldvisit.services.changes import ALL_AREAS, Area, Change
from fieldvisit.services.live_changes import AREAS
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.report_writing import (
    report_writing,
    update_report_writing,
    writing_id,
)

from .test_concurrent_saves import shared_url as shared_url  # noqa: F401 - a fixture

MINE, THEIRS = "王鑫 @ laptop-3", "李娜 @ laptop-7"
LEAD = "为深入了解新就业形态劳动者服务阵地建设情况，现将有关情况报告如下："


@pytest.fixture
def two_writers(shared_url):  # noqa: F811
    mine = open_database(shared_url, identity=MINE)
    theirs = open_database(shared_url, identity=THEIRS)
    yield mine, theirs
    mine.dispose()
    theirs.dispose()


@pytest.fixture
def visit_id(two_writers):
    mine, _ = two_writers
    return visits.create_visit(mine.unit_of_work(), "朝阳区联合调研").id


def test_a_visit_without_writing_has_an_unsaved_one_following_the_draft(two_writers, visit_id):
    mine, _ = two_writers
    writing = report_writing(mine.unit_of_work(), visit_id)
    assert (writing.visit_id, writing.version, writing.id) == (visit_id, 0, writing_id(visit_id))
    assert writing.edited() == frozenset()
    assert writing_service.stored_report_writing(mine.unit_of_work(), visit_id) is None
    with mine.unit_of_work() as uow:
        assert uow.writings.count() == 0  # reading writes nothing


def test_the_first_save_stores_it_and_later_saves_count_versions(two_writers, visit_id):
    mine, theirs = two_writers
    first = update_report_writing(mine.unit_of_work(), visit_id,
                                  {"lead": LEAD, "signed_on": date(2023, 5, 26)}, 0)
    assert (first.version, first.changed_by, first.lead) == (1, MINE, LEAD)
    assert first.edited() == {"lead", "signed_on"}
    assert first.created_at == first.updated_at
    read = report_writing(theirs.unit_of_work(), visit_id)
    assert read == first and read.version == 1
    second = update_report_writing(theirs.unit_of_work(), visit_id,
                                   {"title": "关于新就业形态劳动者服务阵地建设情况的调研报告"}, 1)
    assert (second.version, second.changed_by, second.lead) == (2, THEIRS, LEAD)
    assert second.created_at == first.created_at and second.updated_at >= first.updated_at
    again = update_report_writing(mine.unit_of_work(), visit_id, {"lead": LEAD}, 2)
    assert again.version == 2  # nothing changed: nothing written


def test_none_gives_a_section_back_to_the_draft_and_empty_text_stays(two_writers, visit_id):
    mine, _ = two_writers
    update_report_writing(mine.unit_of_work(), visit_id, {"lead": LEAD, "problems": ""}, 0)
    back = update_report_writing(mine.unit_of_work(), visit_id, {"lead": None}, 1)
    assert back.lead is None and back.problems == "" and back.edited() == {"problems"}
    assert report_writing(mine.unit_of_work(), visit_id).lead is None


def test_a_stale_save_is_refused_naming_who_changed_it(two_writers, visit_id):
    mine, theirs = two_writers
    update_report_writing(mine.unit_of_work(), visit_id, {"lead": "我的导语"}, 0)
    update_report_writing(theirs.unit_of_work(), visit_id, {"lead": "他们的导语"}, 1)
    with pytest.raises(StaleEditError) as refused:
        update_report_writing(mine.unit_of_work(), visit_id, {"lead": "我后来的导语"}, 1)
    assert str(refused.value) == (f"this report text was changed by {THEIRS} since you opened "
                                  "it; nothing was overwritten")
    assert refused.value.changed_by == THEIRS
    stored = report_writing(mine.unit_of_work(), visit_id)
    assert (stored.lead, stored.version, stored.changed_by) == ("他们的导语", 2, THEIRS)


def test_two_first_saves_one_after_the_other_refuse_the_second(two_writers, visit_id):
    mine, theirs = two_writers
    update_report_writing(theirs.unit_of_work(), visit_id, {"basics": "他们先写"}, 0)
    with pytest.raises(StaleEditError, match=f"changed by {THEIRS}"):
        update_report_writing(mine.unit_of_work(), visit_id, {"basics": "我也写"}, 0)
    assert report_writing(mine.unit_of_work(), visit_id).basics == "他们先写"


def test_two_first_saves_racing_refuse_the_slower_naming_the_faster(two_writers, visit_id,
                                                                   monkeypatch):
    """Both read "nothing stored"; the other writer inserts before this one does: this insert
    fails inside its transaction, the save runs again and is refused as stale."""
    mine, theirs = two_writers
    reads = []
    real_stored = writing_service.stored

    def stored_then_they_save(uow, wanted):
        found = real_stored(uow, wanted)
        reads.append(found)
        if len(reads) == 1:  # between this save's read and its write
            monkeypatch.setattr(writing_service, "stored", real_stored)
            update_report_writing(theirs.unit_of_work(), visit_id, {"lead": "他们的"}, 0)
            monkeypatch.setattr(writing_service, "stored", stored_then_they_save)
        return found

    monkeypatch.setattr(writing_service, "stored", stored_then_they_save)
    with pytest.raises(StaleEditError, match=f"changed by {THEIRS}"):
        update_report_writing(mine.unit_of_work(), visit_id, {"lead": "我的"}, 0)
    assert reads[0] is None and reads[1] is not None  # the race happened, then a new read
    stored = report_writing(mine.unit_of_work(), visit_id)
    assert (stored.lead, stored.version, stored.changed_by) == ("他们的", 1, THEIRS)
    with mine.unit_of_work() as uow:
        assert uow.writings.count() == 1


def test_a_save_without_expected_version_applies_to_what_is_stored(two_writers, visit_id):
    mine, theirs = two_writers
    update_report_writing(theirs.unit_of_work(), visit_id, {"lead": "他们的"}, 0)
    saved = update_report_writing(mine.unit_of_work(), visit_id, {"problems": "问题"}, None)
    assert (saved.lead, saved.problems, saved.version) == ("他们的", "问题", 2)


@pytest.mark.parametrize(("changes", "message"), [
    ({"summary": "x"}, "the report text has no field 'summary'; its fields are: title, lead"),
    ({"visit_id": None}, "no field 'visit_id'"),
    ({"version": 3}, "no field 'version'"),
    ({"lead": 3}, "lead must be text"),
    ({"signed_on": "2023-13-01"}, "signed_on must be a date (YYYY-MM-DD), not '2023-13-01'"),
    ({"signed_on": "1800-01-01"}, "signed_on must be between 1900-01-01 and 2200-12-31"),
    ({"lead": "a\x00b"}, "lead must not contain the NUL character"),
    ({"brief_text": "\ud800"}, "brief_text"),
])
def test_bad_changes_are_refused_and_nothing_is_written(two_writers, visit_id, changes, message):
    mine, _ = two_writers
    with pytest.raises(ValidationError) as refused:
        update_report_writing(mine.unit_of_work(), visit_id, {"title": "标题", **changes}, 0)
    assert message in str(refused.value)
    assert writing_service.stored_report_writing(mine.unit_of_work(), visit_id) is None


def test_a_date_may_be_given_as_text(two_writers, visit_id):
    mine, _ = two_writers
    saved = update_report_writing(mine.unit_of_work(), visit_id, {"signed_on": "2023-05-26"}, 0)
    assert saved.signed_on == date(2023, 5, 26)


def test_an_unknown_visit_is_refused(two_writers):
    mine, _ = two_writers
    from uuid import uuid4

    with pytest.raises(NotFoundError):
        update_report_writing(mine.unit_of_work(), uuid4(), {"lead": "x"}, 0)
    with pytest.raises(NotFoundError):
        report_writing(mine.unit_of_work(), uuid4())


def test_deleting_the_visit_removes_its_writing(two_writers, visit_id):
    mine, _ = two_writers
    other = visits.create_visit(mine.unit_of_work(), "另一次调研").id
    update_report_writing(mine.unit_of_work(), visit_id, {"lead": LEAD}, 0)
    update_report_writing(mine.unit_of_work(), other, {"lead": "别的"}, 0)
    visits.delete_visit(mine.unit_of_work(), visit_id)
    with mine.unit_of_work() as uow:
        assert [w.visit_id for w in uow.writings.all()] == [other]


def test_every_field_is_stored_as_written(two_writers, visit_id):
    mine, _ = two_writers
    changes = {name: f"{name}：第一行\n第二行 😀" for name in writing_service.TEXT_FIELDS}
    changes["signed_on"] = date(2200, 12, 31)
    update_report_writing(mine.unit_of_work(), visit_id, changes, 0)
    stored = report_writing(mine.unit_of_work(), visit_id)
    assert {name: getattr(stored, name) for name in changes} == changes
    assert stored.edited() == set(writing_service.FIELDS)


def test_report_data_carries_the_stored_writing(database, sample_visit_id):
    uow = database.unit_of_work()
    assert report_data(uow, sample_visit_id, ReportOptions(), None).writing is None
    saved = update_report_writing(uow, sample_visit_id, {"suggestions": "建议"}, 0)
    data = report_data(uow, sample_visit_id, ReportOptions(), None)
    assert isinstance(data.writing, ReportWriting) and data.writing == saved


def test_the_writing_area_is_announced_and_mapped():
    assert Area.WRITING in ALL_AREAS and Change.everything().touches(Area.WRITING)
    assert AREAS["report_writing"] == {Area.WRITING}


# -- migration 0013 ---------------------------------------------------------------------------
@pytest.fixture
def empty_url(db_kind, tmp_path, request):
    """A database without any table, of this test's kind."""
    from fieldvisit.persistence.db import sqlite_url

    if db_kind == "sqlite":
        yield sqlite_url(tmp_path / "old.sqlite3")
        return
    databases = request.getfixturevalue("postgres_databases")
    url = databases.take_empty()
    yield url
    databases.give_back_empty(url)


def _tables(connection) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(connection).get_table_names())


def test_migration_0013_adds_the_table_and_takes_it_away_again(empty_url):
    from alembic import command
    from sqlalchemy import create_engine, event

    from fieldvisit.persistence import db
    from fieldvisit.persistence.migrations import alembic_config

    engine = create_engine(empty_url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", db._sqlite_pragmas)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0012")
            assert "report_writings" not in _tables(connection)
        database = open_database(empty_url, identity=MINE)  # upgrades to the head
        try:
            visit_id = visits.create_visit(database.unit_of_work(), "迁移").id
            update_report_writing(database.unit_of_work(), visit_id, {"lead": LEAD}, 0)
            assert report_writing(database.unit_of_work(), visit_id).lead == LEAD
        finally:
            database.dispose()
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0012")
            assert "report_writings" not in _tables(connection)
            assert connection.exec_driver_sql("SELECT count(*) FROM visits").scalar() == 1
            if engine.dialect.name == "postgresql":  # the change log's trigger went too
                assert connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_trigger "
                    "WHERE tgname = 'report_writings_record_changed'").scalar() == 0
            command.upgrade(alembic_config(connection), "head")
            assert "report_writings" in _tables(connection)
    finally:
        engine.dispose()


def test_a_colleagues_save_on_a_shared_database_is_seen_as_a_writing_change(database):
    """On PostgreSQL the change log names the writing, so other windows re-read it."""
    from fieldvisit.services.live_changes import changes_since, latest

    if database.engine.dialect.name != "postgresql":
        pytest.skip("the change log is PostgreSQL's")
    visit_id = visits.create_visit(database.unit_of_work(), "共享").id
    start = latest(database.unit_of_work())
    update_report_writing(database.unit_of_work(), visit_id, {"lead": LEAD}, 0)
    seen = changes_since(database.unit_of_work(), start, "another client")
    assert seen.changes == (Change.of(Area.WRITING, visit_id=visit_id,
                                      ids=[writing_id(visit_id)]),)


def test_what_the_writer_saved_is_what_the_report_says(database, sample_visit_id):
    """The stored writing reaches the report's outline through ``ReportData.writing``; a part
    given back to the draft shows the draft again."""
    from fieldvisit.reporting.outline import report_document
    from fieldvisit.services.report_draft import draft_writing

    uow = database.unit_of_work()
    update_report_writing(uow, sample_visit_id, {
        "title": "关于新就业形态劳动者服务阵地建设的调研报告", "lead": LEAD,
        "signed_by": "市总工会"}, 0)
    data = report_data(uow, sample_visit_id, ReportOptions(language="zh"), None)
    document = report_document(data, ReportOptions(language="zh"), {})
    assert document.title == "关于新就业形态劳动者服务阵地建设的调研报告"
    assert any(getattr(block, "text", None) == LEAD for block in document.body)
    update_report_writing(uow, sample_visit_id, {"lead": None}, 1)
    data = report_data(uow, sample_visit_id, ReportOptions(language="zh"), None)
    document = report_document(data, ReportOptions(language="zh"), {})
    draft = draft_writing(data, sample_visit_id).lead
    texts = [getattr(block, "text", None) for block in document.body]
    assert LEAD not in texts and draft and draft.strip() in texts
