"""Domain entities validate themselves; rules.check_status_change moves one step at a time."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.domain import rules
from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import ValidationError

VISIT_ID, SITE_ID = uuid4(), uuid4()

TEXT_FIELDS = [
    (lambda v: e.Organization(name=v), "name"),
    (lambda v: e.Person(name=v), "name"),
    (lambda v: e.Visit(title=v), "title"),
    (lambda v: e.Site(name=v), "name"),
    (lambda v: e.SiteFact(label=v, value="x"), "label"),
    (lambda v: e.Note(visit_id=VISIT_ID, text=v), "text"),
    (lambda v: e.KeyFigure(visit_id=VISIT_ID, label=v, value="6000"), "label"),
    (lambda v: e.KeyFigure(visit_id=VISIT_ID, label="served", value=v), "value"),
    (lambda v: e.FollowUp(visit_id=VISIT_ID, action=v), "action"),
    (lambda v: e.Photo(visit_id=VISIT_ID, file_name=v), "file_name"),
]


def raised(call) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value


@pytest.mark.parametrize("blank", ["", "   ", "\n\t "])
@pytest.mark.parametrize(("factory", "field"), TEXT_FIELDS)
def test_blank_required_text_is_rejected_naming_the_field(factory, field, blank):
    error = raised(lambda: factory(blank))
    assert error.field == field
    assert field in str(error)


@pytest.mark.parametrize(("factory", "field"), TEXT_FIELDS)
def test_non_blank_text_is_accepted(factory, field):
    record = factory("调研 ok")
    assert getattr(record, field) == "调研 ok"


def test_replace_validates_again():
    organization = e.Organization(name="北京市总工会")
    error = raised(lambda: dataclasses.replace(organization, name=" "))
    assert error.field == "name"


@pytest.mark.parametrize(("latitude", "longitude"), [
    (None, None), (39.9087, 116.4605), (90, 180), (-90, -180), (0.0, 0.0)])
def test_valid_coordinates(latitude, longitude):
    site = e.Site(name="驿站", latitude=latitude, longitude=longitude)
    assert (site.latitude, site.longitude) == (latitude, longitude)


@pytest.mark.parametrize(("latitude", "longitude", "field", "words"), [
    (90.01, 116.0, "latitude", "-90..90"),
    (-91, 116.0, "latitude", "-90..90"),
    (39.9, 180.5, "longitude", "-180..180"),
    (39.9, -181, "longitude", "-180..180"),
    (39.9, None, "latitude", "both"),
    (None, 116.4, "latitude", "both"),
])
def test_invalid_coordinates(latitude, longitude, field, words):
    error = raised(lambda: e.Site(name="驿站", latitude=latitude, longitude=longitude))
    assert error.field == field
    assert words in str(error)


WEEK = ("09:00-18:00",) * 5 + ("", "")


@pytest.mark.parametrize("hours", [
    (),
    WEEK,
    ("",) * 7,
    ("09:00-12:00,14:00-18:00",) * 7,
    ("00:00-24:00",) * 7,
    (" 08:30-20:45 ",) * 7,
])
def test_valid_opening_hours(hours):
    assert e.Site(name="中心", opening_hours=hours).opening_hours == hours


@pytest.mark.parametrize(("hours", "words"), [
    (WEEK[:6], "7 entries"),
    (WEEK + ("",), "7 entries"),
    (("9:00-18:00",) + WEEK[1:], "not like 09:00-18:00"),
    (("09:00-25:00",) + WEEK[1:], "not like"),
    (("09:00 - 18:00",) + WEEK[1:], "not like"),
    (("closed",) + WEEK[1:], "not like"),
    (("09:00",) + WEEK[1:], "not like"),
    (WEEK[:6] + ("18:00-09:00",), "end before they start"),
    (WEEK[:6] + ("09:00-09:00",), "end before they start"),
    (WEEK[:6] + ("09:00-12:00,14:00-13:00",), "end before they start"),
])
def test_invalid_opening_hours(hours, words):
    error = raised(lambda: e.Site(name="中心", opening_hours=hours))
    assert error.field == "opening_hours"
    assert words in str(error)


def stop(**fields) -> e.Stop:
    return e.Stop(visit_id=VISIT_ID, site_id=SITE_ID, **fields)


@pytest.mark.parametrize(("fields", "field"), [
    ({"dwell_minutes": -1}, "dwell_minutes"),
    ({"delay_minutes": -10}, "delay_minutes"),
    ({"day": 0}, "day"),
])
def test_impossible_stop_plans_are_rejected(fields, field):
    assert raised(lambda: stop(**fields)).field == field


def test_stop_plans_that_are_accepted():
    arrival = datetime(2023, 7, 20, 9, 30)
    record = stop(fixed_arrival=arrival, dwell_minutes=0, delay_minutes=20, day=3)
    assert (record.fixed_arrival, record.dwell_minutes, record.day) == (arrival, 0, 3)


def test_stop_travel_minutes_must_not_be_negative():
    assert raised(lambda: stop(travel_minutes=-1)).field == "travel_minutes"
    assert stop(travel_minutes=0).travel_minutes == 0


def test_visit_end_date_before_start_date_is_rejected():
    error = raised(lambda: e.Visit(title="调研", start_date=date(2023, 7, 20),
                                   end_date=date(2023, 7, 19)))
    assert error.field == "end_date"
    assert "2023-07-19" in str(error) and "2023-07-20" in str(error)


@pytest.mark.parametrize(("start", "end"), [
    (date(2023, 7, 20), date(2023, 7, 20)), (date(2023, 7, 20), date(2023, 7, 21)),
    (None, date(2023, 7, 21)), (date(2023, 7, 20), None)])
def test_visit_date_ranges_that_are_accepted(start, end):
    assert e.Visit(title="调研", start_date=start, end_date=end).end_date == end


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../etc/passwd", "/etc/localtime",
                                  "asia/shanghai_x"])
def test_unknown_timezone_is_rejected(zone):
    error = raised(lambda: e.Visit(title="调研", timezone=zone))
    assert error.field == "timezone"


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "UTC"])
def test_known_timezones_are_accepted(zone):
    assert e.Visit(title="调研", timezone=zone).timezone == zone


def test_visit_defaults():
    visit = e.Visit(title="调研")
    assert visit.timezone == "Asia/Shanghai"
    assert visit.status is VisitStatus.DRAFT


@pytest.mark.parametrize("name", ["a.jpg", "photos/a.jpg", "站点 1/照片.jpeg", "./a.jpg",
                                  "photos/..hidden.jpg"])
def test_relative_photo_file_names_are_accepted(name):
    assert e.Photo(visit_id=VISIT_ID, file_name=name).file_name == name


@pytest.mark.parametrize("name", [
    "/etc/passwd", "../a.jpg", "photos/../../a.jpg", "photos/..", "C:\\pics\\a.jpg",
    "C:a.jpg", "\\\\server\\share\\a.jpg", "photos\\..\\..\\a.jpg", "\\root.jpg"])
def test_absolute_or_escaping_photo_file_names_are_rejected(name):
    error = raised(lambda: e.Photo(visit_id=VISIT_ID, file_name=name))
    assert error.field == "file_name"
    assert "relative" in str(error)


STATUSES = list(VisitStatus)


@pytest.mark.parametrize(("current", "new"), list(itertools.product(STATUSES, STATUSES)))
def test_status_change_rules(current, new):
    step = STATUSES.index(new) - STATUSES.index(current)
    if step <= 1:
        rules.check_status_change(current, new)  # one step forward, no step, or back
        return
    error = raised(lambda: rules.check_status_change(current, new))
    assert error.field == "status"
    following = STATUSES[STATUSES.index(current) + 1]
    assert current.value in str(error) and new.value in str(error)
    assert f"next is {following.value}" in str(error)


def test_status_order_is_the_lifecycle():
    assert rules.STATUS_ORDER == (VisitStatus.DRAFT, VisitStatus.PLANNED, VisitStatus.UNDER_WAY,
                                  VisitStatus.DONE, VisitStatus.REPORTED)


def one_of_each() -> list[e.Record]:
    return [
        e.Organization(name="市妇联"), e.Person(name="韦江"), e.Visit(title="调研"),
        e.DelegationMember(visit_id=VISIT_ID, person_id=uuid4()), e.Site(name="驿站"),
        stop(), e.Note(visit_id=VISIT_ID, text="记录"),
        e.KeyFigure(visit_id=VISIT_ID, label="服务人次", value="6000"),
        e.FollowUp(visit_id=VISIT_ID, action="跟进"),
        e.Photo(visit_id=VISIT_ID, file_name="a.jpg"),
        e.Participation(visit_id=VISIT_ID, organization_id=uuid4()),
        e.Absence(visit_id=VISIT_ID, member_id=uuid4(), stop_id=uuid4()),
    ]


def test_one_of_each_covers_every_record_type():
    assert {type(r) for r in one_of_each()} == set(e.ALL_RECORD_TYPES)


def test_every_record_gets_a_distinct_uuid_and_aware_utc_times():
    before = datetime.now(UTC).replace(microsecond=0)
    records = one_of_each() + one_of_each()
    after = datetime.now(UTC)
    ids = [r.id for r in records]
    assert all(isinstance(i, UUID) and i.version == 4 for i in ids)
    assert len(set(ids)) == len(ids)
    for record in records:
        for moment in (record.created_at, record.updated_at):
            assert moment.tzinfo is not None
            assert moment.utcoffset() == timedelta(0)
            assert before <= moment <= after
        assert record.created_at <= record.updated_at


def test_records_are_frozen():
    for record in one_of_each():
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.id = uuid4()  # type: ignore[misc]


def test_organization_display_name_prefers_short_name():
    assert e.Organization(name="北京市总工会", short_name="市总工会").display_name == "市总工会"
    assert e.Organization(name="本报").display_name == "本报"
