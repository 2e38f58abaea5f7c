"""fieldvisit.domain.plain: records to JSON values and back, with JSON paths in every error."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from uuid import UUID

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.domain.enums import (
    CoordinateDatum,
    DelegationRole,
    FigureQualifier,
    FollowUpStatus,
    NoteKind,
    OrganizationKind,
    ResearchMethod,
    SiteKind,
    TravelMode,
    VisitStatus,
)
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.plain import (
    field_types,
    from_plain,
    local_fields,
    required_fields,
    to_plain,
)
from fieldvisit.domain.timeline import TravelSettings

CST = timezone(timedelta(hours=8))
CREATED = datetime(2023, 7, 20, 1, 2, 3, tzinfo=UTC)
UPDATED = datetime(2023, 7, 21, 4, 5, 6, tzinfo=UTC)
VISIT, SITE, STOP, NOTE, ORG, PERSON = (
    UUID(f"00000000-0000-4000-8000-00000000000{i}") for i in range(1, 7))


def _base(n: int) -> dict:
    return {"id": UUID(f"10000000-0000-4000-8000-{n:012d}"), "created_at": CREATED,
            "updated_at": UPDATED}


def full_records() -> dict[type, e.Record]:
    """One instance of every record type with every field set to a non-default value."""
    records = [
        e.Organization(**_base(1), name="北京市总工会", short_name="市总工会",
                       kind=OrganizationKind.TRADE_UNION_FEDERATION, notes="群团组织"),
        e.Person(**_base(2), name="潘建新", title="党组书记、副主席", organization_id=ORG,
                 phone="+86 10 0000 0000", email="pan@example.org", notes="备注"),
        e.Visit(**_base(3), title="联合调研", theme="新就业形态劳动者", purpose="了解情况",
                region="朝阳区", start_date=date(2023, 7, 20), end_date=date(2023, 7, 21),
                timezone="Europe/Berlin", day_start=time(8, 30), day_end=time(17, 0),
                travel=TravelSettings(detour_factor=1.2), status=VisitStatus.REPORTED,
                methods=(ResearchMethod.ON_SITE_INSPECTION, ResearchMethod.TALKS_WITH_WORKERS),
                summary="总结", conclusions="结论", source="劳动午报", remarks="说明"),
        e.DelegationMember(**_base(4), visit_id=VISIT, person_id=PERSON,
                           role=DelegationRole.LEADER, protocol_order=3),
        e.Site(**_base(5), name="饿了么北京CBD骑士驿站", address="朝阳区", host_organization_id=ORG,
               kind=SiteKind.SERVICE_STATION, latitude=39.9087, longitude=116.4605,
               datum=CoordinateDatum.GCJ02, opening_hours=("09:00-12:00,14:00-18:00",) * 6 + ("",),
               contact="010-0000", description="2022年4月投入使用",
               facts=(e.SiteFact(label="面积", value="800平方米"),
                      e.SiteFact(label="服务", value="6000余人次"))),
        e.Stop(**_base(6), visit_id=VISIT, site_id=SITE, position=2,
               day=2, dwell_minutes=45, fixed_arrival=datetime(2023, 7, 20, 10, 15, 30),
               delay_minutes=20, pinned=True, activities="实地了解",
               travel_mode=TravelMode.MINIBUS, travel_minutes=20, travel_notes="随行听取汇报",
               times_illustrative=True),
        e.Note(**_base(7), visit_id=VISIT, text="“5分钟服务圈”", stop_id=STOP, author_id=PERSON,
               kind=NoteKind.QUOTE, interviewee_group="外卖送餐员", speaker="骑手",
               tags=("服务", "驿站"), confidential=True, position=4),
        e.KeyFigure(**_base(8), visit_id=VISIT, label="累计服务", value="6000", unit="人次",
                    qualifier=FigureQualifier.MORE_THAN, stop_id=STOP, note_id=NOTE),
        e.FollowUp(**_base(9), visit_id=VISIT, action="整合资源", responsible_organization_id=ORG,
                   due_date=date(2023, 9, 1), status=FollowUpStatus.IN_PROGRESS, note_id=NOTE),
        e.Photo(**_base(10), visit_id=VISIT, file_name="photos/驿站.jpg", caption="驿站",
                credit="记者", stop_id=STOP, taken_at=datetime(2023, 7, 20, 9, 45)),
        e.Participation(**_base(11), visit_id=VISIT, organization_id=ORG,
                        contact_person_id=PERSON),
        e.Absence(**_base(12), visit_id=VISIT, member_id=UUID(int=12), stop_id=STOP),
    ]
    return {type(r): r for r in records}


RECORDS = full_records()


def test_every_record_type_is_covered_and_fully_populated():
    assert set(RECORDS) == set(e.ALL_RECORD_TYPES)
    for kind, record in RECORDS.items():
        for f in dataclasses.fields(kind):
            if f.default is not dataclasses.MISSING and f.name not in local_fields(kind):
                assert getattr(record, f.name) != f.default, (kind.__name__, f.name)


@pytest.mark.parametrize("kind", e.ALL_RECORD_TYPES, ids=lambda k: k.__name__)
def test_round_trip_through_json(kind):
    record = RECORDS[kind]
    plain = to_plain(record)
    assert list(plain) == list(field_types(kind))
    assert list(field_types(kind)) == [f.name for f in dataclasses.fields(kind)
                                       if f.name not in ("version", "changed_by")]
    text = json.dumps(plain, ensure_ascii=False)
    back = from_plain(kind, json.loads(text))
    assert back == record
    assert to_plain(back) == plain


@pytest.mark.parametrize("kind", e.ALL_RECORD_TYPES, ids=lambda k: k.__name__)
def test_a_records_version_and_last_writer_stay_in_its_database(kind):
    """Local to one database: not in documents (so not in content hashes), refused in them,
    and not part of what a record is (equal records with different versions are equal)."""
    assert local_fields(kind) == ("version", "changed_by")
    stored = dataclasses.replace(RECORDS[kind], version=7, changed_by="王鑫 @ laptop-3")
    assert to_plain(stored) == to_plain(RECORDS[kind]) and stored == RECORDS[kind]
    with pytest.raises(DocumentError, match=r"\$\.version: unknown field"):
        from_plain(kind, to_plain(stored) | {"version": 7})
    with pytest.raises(DocumentError, match=r"\$\.changed_by: unknown field"):
        from_plain(kind, to_plain(stored) | {"changed_by": "x"})
    loose = from_plain(kind, to_plain(stored) | {"version": 7, "changed_by": "x"}, strict=False)
    assert (loose.version, loose.changed_by) == (7, "x")


def test_plain_values_have_the_documented_shapes():
    visit = to_plain(RECORDS[e.Visit])
    assert visit["id"] == "10000000-0000-4000-8000-000000000003"
    assert visit["created_at"] == "2023-07-20T01:02:03Z"
    assert visit["start_date"] == "2023-07-20"
    assert visit["status"] == "reported"
    assert visit["methods"] == ["on_site_inspection", "talks_with_workers"]
    stop = to_plain(RECORDS[e.Stop])
    assert stop["fixed_arrival"] == "2023-07-20T10:15:30"
    assert (stop["day"], stop["dwell_minutes"], stop["pinned"]) == (2, 45, True)
    assert to_plain(RECORDS[e.Visit])["day_start"] == "08:30"
    assert to_plain(RECORDS[e.Visit])["travel"]["detour_factor"] == 1.2
    assert to_plain(RECORDS[e.Site])["facts"][0] == {"label": "面积", "value": "800平方米"}
    assert to_plain(RECORDS[e.Site])["datum"] == "GCJ-02"


def test_timestamps_with_offsets_become_utc():
    moment = datetime(2023, 7, 20, 9, 0, tzinfo=CST)
    assert to_plain(moment) == "2023-07-20T01:00:00Z"
    data = to_plain(RECORDS[e.Organization]) | {"created_at": "2023-07-20T09:00:00+08:00"}
    created = from_plain(e.Organization, data).created_at
    assert created == datetime(2023, 7, 20, 1, 0, tzinfo=UTC)
    assert created.utcoffset() == timedelta(0)


def test_optional_fields_may_be_left_out_or_null():
    stop = from_plain(e.Stop, {"visit_id": str(VISIT), "site_id": str(SITE),
                               "fixed_arrival": None, "travel_mode": None})
    assert stop.fixed_arrival is None and stop.travel_mode is None
    assert isinstance(stop.id, UUID) and stop.created_at.tzinfo is not None


def test_ints_are_accepted_for_floats():
    site = from_plain(e.Site, {"name": "x", "latitude": 40, "longitude": 116})
    assert isinstance(site.latitude, float) and site.latitude == 40.0


def test_required_fields():
    assert required_fields(e.Stop) == {"visit_id", "site_id"}
    assert required_fields(e.Organization) == {"name"}


def problem(kind, data, path="$"):
    with pytest.raises(DocumentError) as info:
        from_plain(kind, data, path)
    error = info.value
    assert str(error) == f"{error.path}: {error.problem}"
    return error


def valid(kind) -> dict:
    return to_plain(RECORDS[kind])


def test_missing_required_field_names_its_path():
    data = valid(e.Stop)
    del data["visit_id"]
    error = problem(e.Stop, data, "$.stops[0]")
    assert error.path == "$.stops[0].visit_id"
    assert error.problem == "missing required field"


def test_unknown_field_is_rejected_in_strict_mode_only():
    data = valid(e.Organization) | {"zzz": 1, "colour": "red"}
    error = problem(e.Organization, data, "$.organizations[2]")
    assert error.path == "$.organizations[2].colour"
    assert error.problem == "unknown field"
    assert from_plain(e.Organization, data, strict=False) == RECORDS[e.Organization]


@pytest.mark.parametrize(("kind", "field", "value", "words"), [
    (e.Organization, "name", 5, "expected text, got a number"),
    (e.Organization, "name", None, "must not be null"),
    (e.Visit, "methods", "symposium", "expected a list, got text"),
    (e.Visit, "start_date", "20.07.2023", "is not a date"),
    (e.Visit, "start_date", 20230720, "expected text"),
    (e.Visit, "id", "not-a-uuid", "is not a UUID"),
    (e.Note, "confidential", "yes", "expected true or false, got text"),
    (e.Note, "confidential", 1, "expected true or false, got a number"),
    (e.Note, "position", True, "expected a whole number, got true/false"),
    (e.Note, "position", 1.5, "expected a whole number, got a number"),
    (e.Note, "position", "1", "expected a whole number, got text"),
    (e.Site, "latitude", True, "expected a number, got true/false"),
    (e.Site, "latitude", "39.9", "expected a number, got text"),
    (e.Stop, "fixed_arrival", "tomorrow", "is not a date and time"),
    (e.Stop, "fixed_arrival", "2023-07-20T09:30+08:00", "without a zone"),
    (e.Stop, "fixed_arrival", "2023-07-20T09:30Z", "without a zone"),
    (e.Visit, "day_start", "half past nine", "is not a time of day"),
    (e.Visit, "travel", {"detour_factor": 0}, "greater than 0"),
    (e.Person, "created_at", "2023-07-20T09:30:00", "needs a time zone"),
    (e.Person, "updated_at", "2023-07-20", "needs a time zone"),
    (e.Person, "organization_id", {}, "expected text, got an object"),
    (e.Site, "facts", [{"label": "x"}], "missing required field"),
])
def test_wrong_values_name_their_path(kind, field, value, words):
    error = problem(kind, valid(kind) | {field: value}, "$.x")
    assert error.path.startswith(f"$.x.{field}")
    assert words in error.problem


def test_bad_enum_value_lists_the_allowed_values():
    error = problem(e.Note, valid(e.Note) | {"kind": "gossip"}, "$.notes[3]")
    assert error.path == "$.notes[3].kind"
    assert "'gossip'" in error.problem
    for kind in NoteKind:
        assert kind.value in error.problem


def test_bad_item_in_a_list_names_its_index():
    data = valid(e.Visit) | {"methods": ["symposium", "guessing"]}
    error = problem(e.Visit, data, "$.visit")
    assert error.path == "$.visit.methods[1]"
    assert "questionnaire" in error.problem


def test_nested_record_problem_names_the_nested_path():
    data = valid(e.Site)
    data["facts"][1]["label"] = "  "
    error = problem(e.Site, data, "$.sites[0]")
    assert error.path == "$.sites[0].facts[1].label"


def test_nested_unknown_field():
    data = valid(e.Site)
    data["facts"][0]["colour"] = "red"
    assert problem(e.Site, data, "$.sites[0]").path == "$.sites[0].facts[0].colour"


def test_rule_violations_become_document_errors_at_the_field():
    data = valid(e.Visit) | {"end_date": "2023-07-01"}
    error = problem(e.Visit, data, "$.visit")
    assert error.path == "$.visit.end_date"
    assert "before start date" in error.problem
    assert problem(e.Photo, valid(e.Photo) | {"file_name": "../x.jpg"},
                   "$.photos[0]").path == "$.photos[0].file_name"
    assert problem(e.Visit, valid(e.Visit) | {"timezone": "Nowhere/City"},
                   "$.visit").path == "$.visit.timezone"


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_a_record_must_be_an_object(data):
    error = problem(e.Visit, data, "$.visit")
    assert error.path == "$.visit"
    assert error.problem.startswith("expected an object")


def test_the_first_problem_is_reported():
    data = valid(e.Organization) | {"kind": "bad", "name": 3}
    error = problem(e.Organization, data)
    # fields are checked in declaration order: name comes before kind
    assert error.path == "$.name"
