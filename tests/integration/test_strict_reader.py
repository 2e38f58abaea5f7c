"""Issue 13: bad input never breaks a visit. One strict reader for visit documents and packages
(no NaN or Infinity, no duplicate keys, no lone surrogates or NUL, limits of depth, size and
digits, the size capped before the file is read) and the ranges of every number, date and time
(``domain/limits.py``), enforced by the records themselves. Every refusal is one line naming
the JSON path, with status 2, no traceback and nothing written.

Each input of the issue has its own test; ``test_strict_reader_properties.py`` generates many
more."""

from __future__ import annotations

import json
import tempfile
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.persistence.db import photo_root
from fieldvisit.services import itinerary, notes, package, visit_document, visits
from fieldvisit.services.sample import reference_document
from tests.database_state import contents

VISIT = reference_document()["visit"]["id"]


def text_of(change=None, *, raw=None) -> str:
    """The reference document as JSON text, changed by ``change(document)`` and then, as
    another program could write it, by ``raw(text)``."""
    document = reference_document()
    if change:
        change(document)
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=True)
    return raw(text) if raw else text


def first(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


CASES = {
    # name: (document text, expected refusal on stderr after "fieldvisit: ")
    "Infinity": (text_of(raw=lambda t: first(t, '"detour_factor": 1.4',
                                             '"detour_factor": Infinity')),
        "$.visit.travel.detour_factor: Infinity is not a JSON number"),
    "-Infinity": (text_of(raw=lambda t: first(t, '"latitude": 39.911', '"latitude": -Infinity')),
                  "$.sites[0].latitude: -Infinity is not a JSON number"),
    "NaN": (text_of(raw=lambda t: first(t, '"dwell_minutes": 50', '"dwell_minutes": NaN')),
            "$.stops[0].dwell_minutes: NaN is not a JSON number"),
    "a number too large for a float": (
        text_of(raw=lambda t: first(t, '"longitude": 116.459', '"longitude": 1e999')),
        "$.sites[0].longitude: the number 1e999 is too large"),
    "minibus at 1e-300 km/h": (
        text_of(lambda d: d["visit"].update(travel={"minibus_kmh": 1e-300})),
        "$.visit.travel.minibus_kmh: minibus_kmh must be between 1 and 150"),
    "a stay of 10^12 minutes": (
        text_of(lambda d: d["stops"][0].update(dwell_minutes=10**12)),
        "$.stops[0].dwell_minutes: dwell_minutes must be between -2147483648 and 2147483647"),
    "a stay of two days": (
        text_of(lambda d: d["stops"][2].update(dwell_minutes=2881)),
        "$.stops[2].dwell_minutes: dwell_minutes must be between 0 and 1440"),
    "a stay of 10^30 minutes": (
        text_of(lambda d: d["stops"][0].update(dwell_minutes=10**30)),
        "$.stops[0].dwell_minutes: the number 1000000000000000000000000000000 has more than "
        "20 digits"),
    "an appointment in 9999": (
        text_of(lambda d: d["stops"][0].update(fixed_arrival="9999-12-31T23:59")),
        "$.stops[0].fixed_arrival: fixed_arrival must be between 1900-01-01 and 2200-12-31"),
    "a visit in the year 1": (
        text_of(lambda d: d["visit"].update(start_date="0001-01-01")),
        "$.visit.start_date: start_date must be between 1900-01-01 and 2200-12-31"),
    "a timestamp in 9999": (
        text_of(lambda d: d["notes"][1].update(updated_at="9999-12-31T23:59:59-05:00")),
        "$.notes[1].updated_at: updated_at must be between 1900-01-01 and 2200-12-31"),
    "a leg of 10^15 minutes": (
        text_of(lambda d: d["stops"][0].update(travel_minutes=10**15)),
        "$.stops[0].travel_minutes: travel_minutes must be between -2147483648 and "
        "2147483647"),
    "a leg of 25 hours": (
        text_of(lambda d: d["stops"][0].update(travel_minutes=1500)),
        "$.stops[0].travel_minutes: travel_minutes must be between 0 and 1440"),
    "a note at position 2^63-1": (
        text_of(lambda d: d["notes"][0].update(position=2**63 - 1)),
        "$.notes[0].position: position must be between -2147483648 and 2147483647"),
    "a note at position 2^31-1": (
        text_of(lambda d: d["notes"][0].update(position=2**31 - 1)),
        "$.notes[0].position: position must be between 0 and 1000000"),
    "a delay of 2^62 minutes": (
        text_of(lambda d: d["stops"][1].update(delay_minutes=2**62)),
        "$.stops[1].delay_minutes: delay_minutes must be between -2147483648 and 2147483647"),
    "a delay of 2^30 minutes": (
        text_of(lambda d: d["stops"][1].update(delay_minutes=2**30)),
        "$.stops[1].delay_minutes: delay_minutes must be between 0 and 1440"),
    "a stop on day 1000": (
        text_of(lambda d: d["stops"][1].update(day=1000)),
        "$.stops[1].day: day must be between 1 and 366"),
    "a detour factor of 0.5": (
        text_of(lambda d: d["visit"].update(travel={"detour_factor": 0.5})),
        "$.visit.travel.detour_factor: detour_factor must be between 1 and 5"),
    "a protocol order of 10^9": (
        text_of(lambda d: d["delegation"][0].update(protocol_order=10**9)),
        "$.delegation[0].protocol_order: protocol_order must be between 0 and 1000000"),
    "an integer above int64": (
        text_of(lambda d: d["delegation"][0].update(protocol_order=2**64 + 1)),
        "$.delegation[0].protocol_order: protocol_order must be between -2147483648 and "
        "2147483647"),
    "a 5,000-digit integer": (
        text_of(raw=lambda t: first(t, '"position": 1', '"position": ' + "9" * 5000)),
        f"$.stops[0].position: the number {'9' * 32}… has more than 20 digits"),
    "a generation of 10^12": (
        text_of(lambda d: d.update(version=2, history={VISIT: {"a" * 64: 10**12}})),
        f"$.history.{VISIT}.{'a' * 64}: expected a whole number, 0 or more, at most "
        "1000000000"),
    "100,000-deep arrays": ("[" * 100_000 + "]" * 100_000,
                            "$: nested more than 32 levels deep (line 1, column 33)"),
    "deep arrays in a field": (
        text_of(raw=lambda t: first(t, '"tags": [', '"tags": ' + "[" * 50_000 + "]" * 49_999
                                    + ", [")),
        "$: nested more than 32 levels deep"),
    "a lone surrogate": (text_of(raw=lambda t: first(t, '"title": "', '"title": "\\ud800')),
                         "$.visit.title: title contains U+D800, half of a surrogate pair, "
                         "which is not a character"),
    "a lone surrogate in a key": (
        text_of(raw=lambda t: first(t, '"title": "', '"\\udc00x": 1, "title": "')),
        '$.visit["\\udc00x"]: a key contains U+DC00, half of a surrogate pair, which is not a '
        "character"),
    "a NUL in a note": (text_of(raw=lambda t: first(t, '"text": "', '"text": "骑手\\u0000')),
                        "$.notes[0].text: text must not contain the NUL character (U+0000)"),
    "a NUL in a key": (text_of(raw=lambda t: first(t, '"kind": "', '"k\\u0000": 1, "kind": "')),
                       '$.organizations[0]["k\\u0000"]: a key must not contain the NUL '
                       "character (U+0000)"),
    "a duplicate key": (
        text_of(raw=lambda t: first(t, '"title": "', '"title": "另一个", "title": "')),
        "$.visit.title: the key appears more than once in its object"),
    "a duplicate key in the history": (
        text_of(lambda d: d.update(version=2, history={VISIT: {"a" * 64: 1}}),
                raw=lambda t: first(t, f'"{"a" * 64}": 1', f'"{"a" * 64}": 1, "{"a" * 64}": 2')),
        f"$.history.{VISIT}.{'a' * 64}: the key appears more than once in its object"),
    "a line break in an unknown field": (
        text_of(lambda d: d["people"][0].update({"a\nb": 1})),
        '$.people[0]["a\\nb"]: unknown field'),
    "UTF-16": (None, "$: the file is not UTF-8 text (invalid start byte)"),
}


def write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "visit.json"
    text, _ = CASES[name]
    if text is None:
        path.write_bytes(text_of().encode("utf-16"))
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


@pytest.mark.parametrize("name", CASES)
def test_import_refuses_with_the_path_in_one_line(run_cli, database, tmp_path, name):
    run_cli("sample")  # the refused document must not change a visit already here
    before = contents(database)
    status, out, err = run_cli("import", str(write(tmp_path, name)))
    assert "Traceback" not in err
    assert (status, out) == (2, "")
    assert err.startswith("fieldvisit: " + CASES[name][1]), err
    assert err.count("\n") == 1 and len(err) < 400
    assert contents(database) == before
    for command in (["show", VISIT], ["itinerary", VISIT], ["search", "骑手"]):
        assert run_cli(*command)[0] == 0


@pytest.mark.parametrize("name", ["Infinity", "a stay of two days", "a 5,000-digit integer",
                                  "100,000-deep arrays", "a duplicate key", "a NUL in a note",
                                  "a lone surrogate", "an appointment in 9999"])
def test_unpack_says_the_document_is_bad_not_the_zip(run_cli, database, tmp_path, name):
    good = tmp_path / "good.fieldvisit"
    assert run_cli("sample")[0] == 0
    assert run_cli("pack", VISIT, "-o", str(good))[0] == 0
    with zipfile.ZipFile(good) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    text, problem = CASES[name]
    members[package.DOCUMENT] = text.encode("utf-8", "surrogatepass")
    bad = tmp_path / "bad.fieldvisit"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    before = contents(database), sorted(photo_root(database.url).rglob("*"))
    status, out, err = run_cli("unpack", str(bad))
    assert "Traceback" not in err and "damaged" not in err
    assert (status, out) == (2, "")
    assert err.startswith(f"fieldvisit: “bad.fieldvisit” cannot be imported: visit.json is "
                          f"invalid at {problem}"), err
    assert tempfile.gettempdir() not in err and "fieldvisit-package-" not in err
    assert err.count("\n") == 1
    assert (contents(database), sorted(photo_root(database.url).rglob("*"))) == before


def test_a_manifest_with_duplicate_keys_or_nan_is_refused(run_cli, database, tmp_path):
    good = tmp_path / "good.fieldvisit"
    run_cli("sample")
    run_cli("pack", VISIT, "-o", str(good))
    with zipfile.ZipFile(good) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = members["manifest.json"].decode()
    for changed, problem in (
            (first(manifest, '"version": 2', '"version": 2, "version": NaN'),
             "manifest.json is invalid at $.version: the key appears more than once"),
            (first(manifest, '"version": 2', '"version": ' + "[" * 10_000 + "]" * 10_000),
             "manifest.json is invalid at $: nested more than 32 levels deep")):
        bad = tmp_path / "bad.fieldvisit"
        with zipfile.ZipFile(bad, "w") as archive:
            for member, data in {**members, "manifest.json": changed.encode()}.items():
                archive.writestr(member, data)
        status, _, err = run_cli("unpack", str(bad))
        assert status == 2 and "Traceback" not in err
        assert problem in err, err


def test_a_huge_file_is_refused_before_it_is_read(run_cli, tmp_path):
    """300 MB of whitespace took 664 MB of memory to refuse: now its size is checked first."""
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.write(b" " * (1 << 20))
        handle.truncate(300 * (1 << 20))  # sparse: the test needs no 300 MB of disk
    tracemalloc.start()
    try:
        status, _, err = run_cli("import", str(huge))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert status == 2 and "Traceback" not in err
    assert err == ("fieldvisit: $: the file is larger than 104857600 bytes, the limit for a "
                   "visit document\n")
    assert peak < 20 * (1 << 20), peak


def test_a_document_at_the_size_limit_is_read_in_one_pass(tmp_path, monkeypatch):
    from fieldvisit.services import strict_json

    monkeypatch.setattr(strict_json, "MAX_BYTES", 1000)
    path = tmp_path / "visit.json"
    path.write_text(" " * 1000 + "{}")
    with pytest.raises(DocumentError, match=r"larger than 1000 bytes, the limit"):
        visit_document.read_file(path)
    with pytest.raises(DocumentError, match=r"larger than 1000 bytes, the limit"):
        visit_document.loads(" " * 1001)


def test_a_document_inside_every_limit_is_accepted(run_cli, database, tmp_path):
    """The edges of the ranges are allowed, and the visit still shows, plans and reports."""
    def edges(document):
        document["visit"]["travel"] = {"detour_factor": 5, "walk_kmh": 0.5, "car_kmh": 150,
                                       "minibus_kmh": 1, "public_transport_kmh": 150}
        document["visit"]["start_date"] = document["visit"]["end_date"] = "2200-12-31"
        document["stops"][0].update(dwell_minutes=1440, delay_minutes=1440, travel_minutes=0,
                                    fixed_arrival="2200-12-31T23:59", day=366)
        document["notes"][0]["position"] = 1_000_000
        document["delegation"][0]["protocol_order"] = 0
        document["follow_ups"][0]["due_date"] = "1900-01-01"
    path = tmp_path / "visit.json"
    path.write_text(text_of(edges), encoding="utf-8")
    status, _, err = run_cli("import", str(path))
    assert status == 0, err
    for command in (["show", VISIT], ["itinerary", VISIT, "--json"], ["roster", VISIT],
                    ["optimize", VISIT], ["ics", VISIT, "-o", str(tmp_path / "v.ics")],
                    ["export", VISIT, "-o", str(tmp_path / "again.json")]):
        status, _, err = run_cli(*command)
        assert status == 0 and "Traceback" not in err, (command, err)


# -- the same ranges through the services (what the interface calls) --------------------------
SERVICE_CASES = {
    "dwell_minutes": lambda uow, ids: itinerary.update_stop(uow, ids["stop"], dwell_minutes=1441),
    "delay_minutes": lambda uow, ids: itinerary.update_stop(uow, ids["stop"],
                                                            delay_minutes=10**6),
    "travel_minutes": lambda uow, ids: itinerary.update_stop(uow, ids["stop"],
                                                             travel_minutes=2000),
    "day": lambda uow, ids: itinerary.update_stop(uow, ids["stop"], day=367),
    "fixed_arrival": lambda uow, ids: itinerary.update_stop(
        uow, ids["stop"], fixed_arrival=datetime(9999, 12, 31, 23, 59)),
    "position": lambda uow, ids: notes.add_note(uow, ids["visit"], "记录", position=2**31 - 1),
    "minibus_kmh": lambda uow, ids: visits.update_visit(
        uow, ids["visit"], travel=TravelSettings(minibus_kmh=1e-300)),
    "start_date": lambda uow, ids: visits.create_visit(uow, "调研",
                                                       start_date=datetime(1899, 12, 31).date()),
    "taken_at": lambda uow, ids: notes.add_photo(uow, ids["visit"], "a.jpg",
                                                 taken_at=datetime(1899, 12, 31, 23, 59)),
    "due_date": lambda uow, ids: notes.add_follow_up(uow, ids["visit"], "跟进",
                                                     due_date=datetime(2201, 1, 1).date()),
}


@pytest.mark.parametrize("field", SERVICE_CASES)
def test_services_refuse_out_of_range_values_naming_the_field(uow, database, sample_visit_id,
                                                              field):
    ids = {"visit": sample_visit_id, "stop": itinerary.list_stops(uow, sample_visit_id)[0].id}
    before = contents(database)
    with pytest.raises(ValidationError) as raised:
        SERVICE_CASES[field](uow, ids)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field} must be between ")
    assert contents(database) == before


def test_travel_settings_outside_their_range_are_refused():
    for name, value in (("detour_factor", 0.99), ("walk_kmh", 21), ("car_kmh", 0.5),
                        ("public_transport_kmh", 151)):
        with pytest.raises(ValidationError) as raised:
            TravelSettings(**{name: value})
        assert raised.value.field == name


@pytest.mark.sqlite_only("what an older FieldVisit let SQLite store")
def test_values_out_of_range_an_older_version_stored_are_read_as_defaults(db_path, tmp_path):
    """Before the ranges, a document could store an appointment in 9999 or a stay of a
    billion minutes, and every view of the visit then crashed: now they read as defaults."""
    import sqlite3

    from fieldvisit.cli import main
    from fieldvisit.persistence.db import open_database, sqlite_url
    from fieldvisit.services.sample import load_reference_visit

    database = open_database(sqlite_url(db_path))
    visit_id = load_reference_visit(database.unit_of_work()).visit_id
    stop = itinerary.list_stops(database.unit_of_work(), visit_id)[0]
    database.dispose()
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE stops SET fixed_arrival = ?, dwell_minutes = ?, "
                           "delay_minutes = ? WHERE id = ?",
                           ("9999-12-31 23:59:00.000000", 10**9, 2**31 - 1, stop.id.hex))
        connection.execute("UPDATE visits SET travel = ?",
                           ('{"minibus_kmh": 1e-300, "walk_kmh": 5.0}',))
    connection.close()
    database = open_database(sqlite_url(db_path))
    try:
        read = itinerary.list_stops(database.unit_of_work(), visit_id)[0]
        assert (read.fixed_arrival, read.dwell_minutes, read.delay_minutes) == (None, 30, 0)
        assert visits.get_visit(database.unit_of_work(), visit_id).travel == \
            TravelSettings(walk_kmh=5.0)
    finally:
        database.dispose()
    for command in (["show", str(visit_id)], ["itinerary", str(visit_id)],
                    ["ics", str(visit_id), "-o", str(tmp_path / "v.ics")],
                    ["export", str(visit_id), "-o", str(tmp_path / "v.json")]):
        assert main(["--db", str(db_path), *command]) == 0, command
