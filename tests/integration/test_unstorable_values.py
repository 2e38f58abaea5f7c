"""Values SQLite would store and PostgreSQL refuse (or neither can store) are refused the same
way on both, with a message naming the field, and the database is left as it was: through the
services, visit documents, packages and the command line. Before, SQLite kept a NUL character,
an infinite travel speed or a 33-bit number that PostgreSQL refused with a driver error, and
half a surrogate pair failed on both with an encoding error."""

from __future__ import annotations

import json
import math
import sqlite3
import zipfile
from datetime import date
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import DocumentError, FieldVisitError, ValidationError
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
from fieldvisit.services import (
    directory,
    itinerary,
    note_taking,
    notes,
    package,
    visit_document,
    visits,
)
from fieldvisit.services.sample import reference_document
from tests.database_state import contents

SERVICE_CASES = {
    "NUL in a note": (lambda uow, ids: notes.add_note(uow, ids.visit, "骑手\x00驿站"),
                      "text", "text must not contain the NUL character (U+0000)"),
    "NUL in an edited note": (
        lambda uow, ids: notes.update_note(uow, ids.note, text="改\x00过"),
        "text", "text must not contain the NUL character (U+0000)"),
    "NUL in a theme": (
        lambda uow, ids: notes.add_note(uow, ids.visit, "记录", tags=("需求", "\x00")),
        "tags[1]", "tags must not contain the NUL character (U+0000)"),
    "half a surrogate pair in a name": (
        lambda uow, ids: directory.create_person(uow, "潘\ud800建新"), "name",
        "name contains U+D800, half of a surrogate pair, which is not a character"),
    "half a surrogate pair in a visit's title": (
        lambda uow, ids: visits.update_visit(uow, ids.visit, title="调研\udc80"), "title",
        "title contains U+DC80, half of a surrogate pair, which is not a character"),
    "an infinite travel speed": (
        lambda uow, ids: visits.update_visit(uow, ids.visit, travel=TravelSettings(
            car_kmh=math.inf)), "car_kmh", "car_kmh must be a finite number, not inf"),
    "an undefined latitude": (
        lambda uow, ids: itinerary.update_site(uow, ids.site, latitude=math.nan,
                                               longitude=116.4),
        "latitude", "latitude must be a finite number, not nan"),
    "a stay beyond 32 bits": (
        lambda uow, ids: itinerary.update_stop(uow, ids.stop, dwell_minutes=2**31),
        "dwell_minutes", "dwell_minutes must be between -2147483648 and 2147483647"),
    "a note position beyond 64 bits": (
        lambda uow, ids: notes.add_note(uow, ids.visit, "记录", position=2**64),
        "position", "position must be between -2147483648 and 2147483647"),
}


class Ids:
    def __init__(self, uow, visit_id) -> None:
        self.visit = visit_id
        self.note = notes.list_notes(uow, visit_id)[0].id
        self.stop = itinerary.list_stops(uow, visit_id)[0].id
        self.site = itinerary.list_stops(uow, visit_id)[0].site_id


@pytest.mark.parametrize("case", SERVICE_CASES, ids=str)
def test_services_refuse_naming_the_field_and_write_nothing(uow, database, sample_visit_id,
                                                            case):
    change, field, message = SERVICE_CASES[case]
    ids = Ids(uow, sample_visit_id)
    before = contents(database)
    with pytest.raises(ValidationError) as raised:
        change(uow, ids)
    assert (raised.value.field, str(raised.value)) == (field, message)
    assert contents(database) == before
    assert note_taking.tags_in_use(uow)[:2] == ["权益保障", "需求"]  # the database still reads


ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates too
TEXTS = st.tuples(st.text(ANY_CHARACTER, max_size=12),
                  st.sampled_from(["", "", "\x00", "\ud83d", "\udc00"]),
                  st.text(ANY_CHARACTER, max_size=12)).map("".join).filter(
    lambda text: text.strip() == text != "")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_is_stored_exactly_or_refused_the_same_way(uow, text):
    """Whatever the text, both databases give back what was written, or both refuse it."""
    visit = visits.create_visit(uow, "文本")
    unstorable = any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in text)
    try:
        note = notes.add_note(uow, visit.id, text, tags=(text,))
    except ValidationError as error:
        assert unstorable and error.field == "text"
    else:
        assert not unstorable
        assert notes.get_note(uow, note.id).text == text
        assert text in note_taking.tags_in_use(uow)
    finally:
        visits.delete_visit(uow, visit.id)


# -- visit documents, packages and the command line -------------------------------------------
def document_text(change) -> str:
    """The reference visit's document as JSON text, changed by ``change(document)``; JSON
    written by another program may hold \\u0000, a lone \\ud800, Infinity or NaN."""
    document = reference_document()
    change(document)
    return json.dumps(document, ensure_ascii=True, allow_nan=True)


DOCUMENT_CASES = {
    "$.notes[2].text": (lambda d: d["notes"][2].update(text="骑手\u0000驿站"),
                        "text must not contain the NUL character (U+0000)"),
    "$.notes[0].tags[0]": (lambda d: d["notes"][0].update(tags=["\ud800"]),
                           "tags contains U+D800, half of a surrogate pair, which is not a "
                           "character"),
    "$.sites[1].facts[0].value": (lambda d: d["sites"][1].update(
        facts=[{"label": "面积", "value": "800\u0000"}]),
        "value must not contain the NUL character (U+0000)"),
    # not JSON: the strict reader refuses them before any record is built (issue 13)
    "$.visit.travel.walk_kmh": (lambda d: d["visit"]["travel"].update(walk_kmh=math.inf),
                                "Infinity is not a JSON number"),
    "$.sites[0].latitude": (lambda d: d["sites"][0].update(latitude=math.nan),
                            "NaN is not a JSON number"),
    "$.stops[0].dwell_minutes": (lambda d: d["stops"][0].update(dwell_minutes=10**10),
                                 "dwell_minutes must be between -2147483648 and 2147483647"),
}


@pytest.mark.parametrize("path", DOCUMENT_CASES)
def test_a_visit_document_is_refused_with_the_path_and_nothing_is_written(database, uow,
                                                                          path):
    change, problem = DOCUMENT_CASES[path]
    text = document_text(change)
    with pytest.raises(DocumentError) as raised:
        visit_document.import_visit(uow, visit_document.loads(text))
    assert str(raised.value) == f"{path}: {problem}"
    assert not any(contents(database).values())


def test_a_package_is_refused_and_nothing_is_written(uow, database, sample_visit_id, tmp_path,
                                                     make_database):
    good = package.pack_visit(uow, photo_root(database.url), sample_visit_id,
                              tmp_path / "good.fieldvisit").path
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members[package.DOCUMENT])
    document["notes"][1]["speaker"] = "\u0000"
    members[package.DOCUMENT] = json.dumps(document).encode()
    bad = tmp_path / "bad.fieldvisit"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    for target in (database, make_database("other.sqlite3")):  # a copy, and a new database
        before = contents(target)
        with pytest.raises(FieldVisitError, match=r"visit.json is invalid at \$.notes\[1\]."
                                                  r"speaker: speaker must not contain the NUL"):
            package.unpack_visit(target.unit_of_work(), tmp_path / "photos", bad)
        assert contents(target) == before


def test_the_import_command_says_what_and_where_in_one_line(run_cli, database, tmp_path):
    source = tmp_path / "visit.json"
    source.write_text(document_text(lambda d: d["visit"].update(title="调研\u0000")),
                      encoding="utf-8")
    status, out, err = run_cli("import", str(source))
    assert (status, out) == (2, "")
    assert err == ("fieldvisit: $.visit.title: title must not contain the NUL character "
                   "(U+0000)\n")
    assert not any(contents(database).values())


# -- what an older FieldVisit let SQLite store still opens ------------------------------------
@pytest.mark.sqlite_only("PostgreSQL never stored these values")
def test_values_an_older_version_stored_in_sqlite_are_read_repaired(db_path):
    database = open_database(sqlite_url(db_path))
    uow = database.unit_of_work()
    visit = visits.create_visit(uow, "旧数据", start_date=date(2023, 5, 25))
    site = itinerary.create_site(uow, "驿站")
    stop = itinerary.add_stop(uow, visit.id, site.id)
    note = notes.add_note(uow, visit.id, "记录", tags=("需求",))
    database.dispose()
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE notes SET text = ?, tags = ? WHERE id = ?",
                           ("骑手\x00驿站", '["\\u0000需求"]', note.id.hex))
        connection.execute("UPDATE visits SET travel = ?, title = ?, status = ? WHERE id = ?",
                           ('{"car_kmh": Infinity, "walk_kmh": 5.0}', "旧\x00数据", "lost",
                            visit.id.hex))
        connection.execute("UPDATE stops SET dwell_minutes = ? WHERE id = ?",
                           (2**40, stop.id.hex))
    connection.close()
    database = open_database(sqlite_url(db_path))
    try:
        uow = database.unit_of_work()
        read = notes.get_note(uow, note.id)
        assert (read.text, read.tags) == ("骑手\ufffd驿站", ("\ufffd需求",))
        read_visit = visits.get_visit(uow, visit.id)
        assert read_visit.travel == TravelSettings(walk_kmh=5.0)
        assert (read_visit.title, read_visit.status) == ("旧\ufffd数据", VisitStatus.DRAFT)
        [listed] = visits.list_visits(uow)  # read as columns, repaired alike
        assert (listed.title, listed.status) == (read_visit.title, read_visit.status)
        assert itinerary.list_stops(uow, visit.id)[0].dwell_minutes == 30  # the default
        document = visit_document.export_visit(uow, visit.id)  # exports, and imports again
        assert visit_document.import_visit(uow, document).visit_id == visit.id
        assert notes.update_note(uow, note.id, text="骑手驿站").text == "骑手驿站"
    finally:
        database.dispose()


def test_unknown_ids_are_still_named_first(uow):
    """A refused value does not hide a missing record."""
    with pytest.raises(FieldVisitError, match="no note with id"):
        notes.update_note(uow, uuid4(), text="\x00")
