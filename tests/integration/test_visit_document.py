"""The visit document: deterministic export, idempotent import, and atomic refusal of invalid
documents with the JSON path of the first problem."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from uuid import UUID, uuid4

import pytest

from fieldvisit.domain.entities import Photo, Visit
from fieldvisit.domain.enums import DelegationRole, NoteKind
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.plain import to_plain
from fieldvisit.persistence.repositories import RecordRepository
from fieldvisit.services import delegation, directory, itinerary, notes, visits
from fieldvisit.services.report_writing import update_report_writing, writing_id
from fieldvisit.services.sample import reference_document
from fieldvisit.services.visit_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    dumps,
    export_visit,
    import_visit,
    loads,
    parse,
)

TABLES = ("organizations", "people", "visits", "delegation", "sites", "stops", "notes",
          "figures", "follow_ups", "photos")


def row_counts(uow) -> dict[str, int]:
    with uow:
        return {name: getattr(uow, name).count() for name in TABLES}


def build_document(uow) -> dict:
    """A visit made through the services with every section filled; returns its export."""
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会")
    host = directory.create_organization(uow, "饿了么")
    leader = directory.create_person(uow, "冯建国", title="副组长", organization_id=union.id)
    member = directory.create_person(uow, "刘欣欣", title="记者")
    visit = visits.create_visit(uow, "联合调研", region="朝阳区", start_date=date(2023, 7, 20))
    delegation.add_member(uow, visit.id, leader.id, DelegationRole.LEADER)
    press = delegation.add_member(uow, visit.id, member.id, DelegationRole.PRESS)
    delegation.set_contact(uow, visit.id, union.id, leader.id)
    site = itinerary.create_site(uow, "骑士驿站", host_organization_id=host.id,
                                 latitude=39.9, longitude=116.46,
                                 opening_hours=("09:00-18:00",) * 7)
    other_site = itinerary.create_site(uow, "党群服务中心")
    stop = itinerary.add_stop(uow, visit.id, site.id, fixed_arrival=datetime(2023, 7, 20, 9),
                              dwell_minutes=45)
    other_stop = itinerary.add_stop(uow, visit.id, other_site.id)
    delegation.set_attendance(uow, press.id, other_stop.id, attends=False)
    note = notes.add_note(uow, visit.id, "驿站情况", stop_id=stop.id, author_id=member.id)
    for text in ("一", "二", "三"):
        notes.add_note(uow, visit.id, text, kind=NoteKind.INTERVIEW)
    notes.add_figure(uow, visit.id, "服务人次", "6000", stop_id=stop.id, note_id=note.id)
    notes.add_follow_up(uow, visit.id, "跟进", responsible_organization_id=union.id,
                        due_date=date(2023, 9, 1))
    notes.add_photo(uow, visit.id, "photos/驿站.jpg", stop_id=stop.id)
    update_report_writing(uow, visit.id, {"title": "关于骑士驿站的调研报告", "problems": "",
                                          "signed_on": date(2023, 7, 21)}, 0)
    return export_visit(uow, visit.id)


@pytest.fixture
def built(uow) -> dict:
    return build_document(uow)


def records_of(document: dict) -> dict:
    """A visit document without its format version and exchange sections (format 2), and
    without its report writing while there is none (format 3)."""
    return {k: v for k, v in document.items() if k not in ("version", "tombstones", "history")
            and not (k == "report_writing" and v == [])}


def test_services_document_has_every_section(built):
    assert built["format"] == FORMAT_NAME and built["version"] == FORMAT_VERSION == 3
    assert list(built) == ["format", "version", "visit", *(name for name, _ in SECTIONS),
                           "tombstones", "history"]
    assert all(built[name] for name, _ in SECTIONS)
    assert built["tombstones"] == []
    ids = [built["visit"]["id"], *(r["id"] for name, _ in SECTIONS for r in built[name])]
    assert list(built["history"]) == ids
    writing = built["report_writing"][0]
    assert writing["id"] == str(writing_id(UUID(built["visit"]["id"])))
    assert (writing["title"], writing["problems"], writing["lead"], writing["signed_on"]) == \
        ("关于骑士驿站的调研报告", "", None, "2023-07-21")
    assert "version" not in writing and "changed_by" not in writing


@pytest.mark.parametrize("source", ["reference", "services"])
def test_export_import_export_is_identical(source, uow, other_uow):
    document = reference_document() if source == "reference" else build_document(uow)
    summary = import_visit(other_uow, json.loads(dumps(document)))
    assert summary.changed_anything
    assert str(summary.visit_id) == document["visit"]["id"]
    assert sum(summary.added.values()) == 1 + sum(len(document.get(n, [])) for n, _ in SECTIONS)
    again = export_visit(other_uow, summary.visit_id)
    if source == "reference":  # format 1: the same records, now with their history
        assert records_of(again) == records_of(document)
        document = export_visit(other_uow, summary.visit_id)
        assert not import_visit(other_uow, copy.deepcopy(document)).changed_anything
    assert again == document
    assert dumps(again) == dumps(document)


def test_reference_document_exports_as_it_was_loaded(uow, sample_visit_id):
    document = reference_document()
    assert str(sample_visit_id) == document["visit"]["id"]
    exported = export_visit(uow, sample_visit_id)
    assert records_of(exported) == records_of(document) and exported["version"] == 3


def test_importing_twice_changes_nothing(other_uow):
    document = reference_document()
    import_visit(other_uow, copy.deepcopy(document))
    before = row_counts(other_uow)
    second = import_visit(other_uow, copy.deepcopy(document))
    assert second.added == {} and second.updated == {}
    assert not second.changed_anything
    assert second.unchanged == {"visit": 1, **{n: len(document[n]) for n, _ in SECTIONS
                                               if document.get(n)}}
    assert row_counts(other_uow) == before
    assert records_of(export_visit(other_uow, second.visit_id)) == records_of(document)


def test_import_updates_a_changed_record(built, other_uow):
    import_visit(other_uow, copy.deepcopy(built))
    changed = copy.deepcopy(built)
    changed["people"][0]["title"] = "组长"
    changed["people"][0]["updated_at"] = "2031-01-01T00:00:00Z"
    summary = import_visit(other_uow, changed)
    assert summary.updated == {"people": 1}
    assert summary.added == {} and summary.changed_anything
    assert summary.unchanged["people"] == len(built["people"]) - 1
    assert records_of(export_visit(other_uow, summary.visit_id)) == records_of(changed)


def test_an_older_document_never_overwrites_a_later_edit(built, other_uow):
    import_visit(other_uow, copy.deepcopy(built))
    person_id = built["people"][0]["id"]
    directory.update_person(other_uow, UUID(person_id), title="后来的职务")
    stale = copy.deepcopy(built)
    stale["people"][0]["title"] = "旧职务"
    stale["people"][0]["updated_at"] = "2099-01-01T00:00:00Z"  # its clock decides nothing
    summary = import_visit(other_uow, stale)
    assert not summary.changed_anything
    [conflict] = summary.conflicts  # both changed the title since the export
    assert (conflict.record_type, conflict.fields) == ("people", ("title",))
    stored = {str(p.id): p.title for p in directory.list_people(other_uow)}
    assert stored[person_id] == "后来的职务"
    assert import_visit(other_uow, copy.deepcopy(built)).kept_local == {"people": 1}


def test_a_record_of_another_visit_cannot_be_taken_over(built, other_uow):
    import_visit(other_uow, copy.deepcopy(built))
    thief = copy.deepcopy(built)
    thief["visit"]["id"] = str(uuid4())
    thief["history"][thief["visit"]["id"]] = thief["history"].pop(built["visit"]["id"])
    del thief["history"][thief["report_writing"].pop()["id"]]  # its id is the visit's own
    for name, _ in SECTIONS:
        for item in thief[name]:
            if "visit_id" in item:
                item["visit_id"] = thief["visit"]["id"]
    before = row_counts(other_uow)
    with pytest.raises(DocumentError) as info:
        import_visit(other_uow, thief)
    assert "another visit" in info.value.problem
    assert row_counts(other_uow) == before


def test_sub_second_timestamps_survive_the_round_trip(built, other_uow):
    document = copy.deepcopy(built)
    document["notes"][0]["updated_at"] = "2024-01-02T03:04:05.123456Z"
    summary = import_visit(other_uow, document)
    assert export_visit(other_uow, summary.visit_id)["notes"][0]["updated_at"] == \
        "2024-01-02T03:04:05.123456Z"


def test_sections_may_be_left_out(other_uow):
    visit = Visit(title="只有访问")
    summary = import_visit(other_uow, {"format": FORMAT_NAME, "version": 1,
                                       "visit": to_plain(visit)})  # no other sections
    assert summary.added == {"visit": 1}
    assert visits.get_visit(other_uow, visit.id) == visit


def test_references_to_records_already_in_the_database_are_accepted(built, other_uow):
    organization = directory.create_organization(other_uow, "已有组织")
    document = copy.deepcopy(built)
    document["people"][0]["organization_id"] = str(organization.id)
    summary = import_visit(other_uow, document)
    assert summary.added["people"] == len(built["people"])


def mutate_note_kind(d):
    d["notes"][3]["kind"] = "rumour"


def mutate_site_ref(d):
    d["stops"][0]["site_id"] = str(uuid4())


def mutate_visit_id(d):
    d["key_figures"][0]["visit_id"] = str(uuid4())


def mutate_duplicate(d):
    d["people"][1]["id"] = d["people"][0]["id"]


def mutate_duplicate_across_sections(d):
    d["sites"][0]["id"] = d["organizations"][0]["id"]


def mutate_last_section(d):
    d["photos"][0]["file_name"] = "../../etc/passwd"


def mutate_last_section_reference(d):
    d["photos"][0]["stop_id"] = str(uuid4())


def mutate_note_reference(d):
    d["key_figures"][0]["note_id"] = str(uuid4())


def mutate_unknown_field(d):
    d["visit"]["colour"] = "red"


def mutate_section_type(d):
    d["stops"] = {"0": d["stops"][0]}


def mutate_missing_visit(d):
    del d["visit"]


TOMBSTONE = {"id": "00000000-0000-4000-8000-0000000000aa", "kind": "notes",
             "deleted_at": "2023-05-25T12:00:00Z", "content_hash": "a" * 64,
             "deletion": "b" * 64}


def mutate_tombstone(**changes):
    def mutate(d):
        tombstone = {**TOMBSTONE, **changes}
        if tombstone["id"] is None:
            tombstone["id"] = d["people"][0]["id"]
        d["tombstones"] = [tombstone]
    return mutate


def mutate_history(record_id, versions):
    def mutate(d):
        d["history"][record_id or d["visit"]["id"]] = versions
    return mutate


INVALID = [
    (lambda d: d.update(format="something-else"), "$.format", "not a FieldVisit visit"),
    (lambda d: d.pop("format"), "$.format", "None"),
    (lambda d: d.update(version=4), "$.version", "newer"),
    (lambda d: d.update(version=0), "$.version", "unknown format version"),
    (lambda d: d.update(version="1"), "$.version", "whole number"),
    (lambda d: d.update(version=True), "$.version", "whole number"),
    (lambda d: d.update(extras=[]), "$.extras", "unknown section"),
    (mutate_missing_visit, "$.visit", "expected an object"),
    (mutate_unknown_field, "$.visit.colour", "unknown field"),
    (mutate_section_type, "$.stops", "expected a list"),
    (mutate_note_kind, "$.notes[3].kind", "'rumour' is not one of: observation, interview"),
    (mutate_site_ref, "$.stops[0].site_id", "neither in the document nor in the database"),
    (lambda d: d["notes"][0].pop("id"), "$.notes[0].id", "missing required field"),
    (lambda d: d["people"][0].pop("updated_at"), "$.people[0].updated_at",
     "missing required field"),
    (mutate_visit_id, "$.key_figures[0].visit_id", "document's visit"),
    (mutate_duplicate, "$.people[1].id", "$.people[0]"),
    (mutate_duplicate_across_sections, "$.sites[0].id", "$.organizations[0]"),
    (mutate_note_reference, "$.key_figures[0].note_id", "not in the document"),
    (mutate_last_section, "$.photos[0].file_name", "relative"),
    (mutate_last_section_reference, "$.photos[0].stop_id", "not in the document"),
    (lambda d: (d.pop("report_writing"), d.update(version=1)), "$.tombstones",
     "unknown section"),
    (lambda d: d.update(version=2), "$.report_writing", "unknown section"),
    (lambda d: d.update(report_writing={}), "$.report_writing", "expected a list"),
    (lambda d: d["report_writing"].append(d["report_writing"][0]), "$.report_writing[1]",
     "one report text"),
    (lambda d: d["report_writing"][0].update(id=str(uuid4())), "$.report_writing[0].id",
     "the id of this visit's report text"),
    (lambda d: d["report_writing"][0].update(visit_id=str(uuid4())),
     "$.report_writing[0].visit_id", "document's visit"),
    (lambda d: d["report_writing"][0].update(summary="x"), "$.report_writing[0].summary",
     "unknown field"),
    (lambda d: d["report_writing"][0].update(lead=7), "$.report_writing[0].lead",
     "expected text"),
    (lambda d: d["report_writing"][0].update(signed_on="2023-02-30"),
     "$.report_writing[0].signed_on", "2023-02-30"),
    (lambda d: d["report_writing"][0].update(signed_on="2300-01-01"),
     "$.report_writing[0].signed_on", "between 1900-01-01 and 2200-12-31"),
    (lambda d: d["report_writing"][0].update(lead="a\u0000b"), "$.report_writing[0].lead",
     "NUL"),
    (lambda d: d["report_writing"][0].pop("created_at"), "$.report_writing[0].created_at",
     "missing required field"),
    (lambda d: d.update(tombstones={}), "$.tombstones", "expected a list"),
    (mutate_tombstone(kind="visit"), "$.tombstones[0].kind", "'visit' is not one of"),
    (mutate_tombstone(content_hash="ABC"), "$.tombstones[0].content_hash", "hexadecimal"),
    (mutate_tombstone(deleted_at="2023-05-25T12:00"), "$.tombstones[0].deleted_at",
     "time zone"),
    (mutate_tombstone(colour="red"), "$.tombstones[0].colour", "unknown field"),
    (mutate_tombstone(id=None), "$.tombstones[0].id", "also used at $.people[0]"),
    (mutate_tombstone(id="x"), "$.tombstones[0].id", "not a UUID"),
    (mutate_history("00000000-0000-4000-8000-00000000abcd", {}),
     "$.history.00000000-0000-4000-8000-00000000abcd", "no record or tombstone"),
    (mutate_history(None, {"0" * 63: 1}), "$.history.{visit}.{hash63}", "hexadecimal"),
    (mutate_history(None, {"0" * 64: -1}), "$.history.{visit}.{hash64}", "0 or more"),
    (mutate_history(None, {"0" * 64: True}), "$.history.{visit}.{hash64}", "whole number"),
    (mutate_history(None, ["0" * 64]), "$.history.{visit}", "expected an object"),
]


@pytest.mark.parametrize(("mutate", "path", "words"), INVALID, ids=[c[1] for c in INVALID])
def test_invalid_documents_are_refused_and_nothing_is_written(built, other_uow, mutate, path,
                                                              words):
    document = copy.deepcopy(built)
    mutate(document)
    path = path.format(visit=built["visit"]["id"], hash63="0" * 63, hash64="0" * 64)
    before = row_counts(other_uow)
    with pytest.raises(DocumentError) as info:
        import_visit(other_uow, document)
    assert info.value.path == path
    assert words in info.value.problem
    assert str(info.value).startswith(f"{path}: ")
    assert row_counts(other_uow) == before == dict.fromkeys(TABLES, 0)


def test_a_failure_while_writing_rolls_everything_back(built, other_uow, monkeypatch):
    """Photos are stored last: if storing one fails, nothing of the earlier sections stays."""
    original = RecordRepository.put

    def failing_put(self, entity):
        if isinstance(entity, Photo):
            raise RuntimeError("disk full")
        return original(self, entity)

    monkeypatch.setattr(RecordRepository, "put", failing_put)
    with pytest.raises(RuntimeError, match="disk full"):
        import_visit(other_uow, copy.deepcopy(built))
    assert row_counts(other_uow) == dict.fromkeys(TABLES, 0)


def test_invalid_update_leaves_the_stored_visit_alone(built, other_uow):
    import_visit(other_uow, copy.deepcopy(built))
    before = export_visit(other_uow, parse(built)[0].id)
    document = copy.deepcopy(built)
    document["visit"]["title"] = "新标题"
    document["photos"][0]["taken_at"] = "2023-07-20T09:00:00+08:00"
    with pytest.raises(DocumentError) as info:
        import_visit(other_uow, document)
    assert info.value.path == "$.photos[0].taken_at"
    assert export_visit(other_uow, parse(built)[0].id) == before


@pytest.mark.parametrize(("data", "words"), [
    (b"{not json", "not valid JSON"),
    (b"", "not valid JSON"),
    (b'{"format": "fieldvisit-visit",}', "line 1"),
    (b"[1, 2]", "JSON object"),
    (b'"text"', "JSON object"),
    ('{"format": "调研"}'.encode("gbk"), "not UTF-8"),
    (b'{"a": "\xff\xfe"}', "not UTF-8"),
])
def test_loads_refuses_what_is_not_a_json_object(data, words):
    with pytest.raises(DocumentError) as info:
        loads(data)
    assert info.value.path == "$"
    assert words in info.value.problem


def test_loads_accepts_text_and_utf8_bytes(built):
    text = dumps(built)
    assert "联合调研" in text  # not escaped
    assert text.endswith("}\n")
    assert loads(text) == built
    assert loads(text.encode("utf-8")) == built
