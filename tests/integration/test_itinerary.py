"""The computed itinerary on a real database: the reference visit's timeline, how edits to stops
and to the visit move it, the schematic route map and the iCalendar export."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

import icalendar
import pytest

from fieldvisit.domain.enums import DelegationRole, TravelMode
from fieldvisit.domain.timeline import Conflict, ConflictKind
from fieldvisit.services import delegation, directory, itinerary, visits
from fieldvisit.services.calendar_export import visit_calendar
from fieldvisit.services.itinerary_view import itinerary as itinerary_view
from fieldvisit.services.route_map import route_map

SITES = ("饿了么北京CBD骑士驿站", "东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇")
DAY = date(2023, 5, 25)


def times(view) -> list[str]:
    return [f"{line.timed.arrival:%H:%M}–{line.timed.departure:%H:%M}" for line in view.lines]


def stop_ids(uow, visit_id):
    return [s.id for s in itinerary.list_stops(uow, visit_id)]


# --- the reference visit ------------------------------------------------------------------------

def test_the_sample_visits_itinerary_shows_sensible_times_and_no_false_conflicts(
        uow, sample_visit_id):
    view = itinerary_view(uow, sample_visit_id)
    assert [line.site.name for line in view.lines] == list(SITES)
    assert times(view) == ["09:30–10:20", "10:50–11:40", "14:00–15:00"]
    assert all(line.timed.arrival.date() == DAY for line in view.lines)
    first, second, third = (line.timed for line in view.lines)
    assert (first.travel_minutes, second.travel_minutes, third.travel_minutes) == (30, 20, None)
    assert not first.travel_estimated and not second.travel_estimated  # typed in the sample
    assert third.waited_minutes == 14 * 60 - (11 * 60 + 40 + 20)  # waits for its appointment
    assert view.total_travel_minutes == 50
    assert view.conflicts == 0 and all(line.timed.conflicts == () for line in view.lines)
    assert third.slack_to_day_end == 180 and first.slack_to_closing is None
    assert view.days == (1,)


def test_the_visit_overview_carries_the_same_times(uow, sample_visit_id):
    view = itinerary_view(uow, sample_visit_id)
    overview = visits.visit_overview(uow, sample_visit_id)
    assert [s.stop.id for s in overview.stops] == [line.stop.id for line in view.lines]
    assert [s.timed for s in overview.stops] == [line.timed for line in view.lines]


# --- edits move the timeline --------------------------------------------------------------------

def test_update_stop_dwell_delay_and_pinned(uow, sample_visit_id):
    first, second, third = itinerary.list_stops(uow, sample_visit_id)
    itinerary.update_stop(uow, first.id, dwell_minutes=80)
    view = itinerary_view(uow, sample_visit_id)
    assert times(view) == ["09:30–10:50", "11:20–12:10", "14:00–15:00"]
    assert view.lines[2].timed.waited_minutes == 90

    itinerary.update_stop(uow, second.id, delay_minutes=20)
    view = itinerary_view(uow, sample_visit_id)
    assert times(view) == ["09:30–10:50", "11:40–12:30", "14:00–15:00"]
    assert view.lines[2].timed.waited_minutes == 70

    itinerary.update_stop(uow, third.id, pinned=True)
    assert times(itinerary_view(uow, sample_visit_id)) == times(view)


def test_update_stop_travel_minutes_typed_and_estimated(uow, sample_visit_id):
    first = itinerary.list_stops(uow, sample_visit_id)[0]
    itinerary.update_stop(uow, first.id, travel_minutes=45)
    view = itinerary_view(uow, sample_visit_id)
    assert times(view)[1] == "11:05–11:55" and view.total_travel_minutes == 65

    itinerary.update_stop(uow, first.id, travel_minutes=None, travel_mode=TravelMode.CAR)
    view = itinerary_view(uow, sample_visit_id)
    leg = view.lines[0].timed
    assert leg.travel_estimated and leg.distance_km == pytest.approx(10.28, abs=0.05)
    assert leg.travel_minutes == view.visit.travel.minutes(leg.distance_km, TravelMode.CAR) == 29
    assert view.lines[1].timed.arrival == datetime(2023, 5, 25, 10, 49)


def test_moving_a_stop_to_day_two(uow, sample_visit_id):
    third = itinerary.list_stops(uow, sample_visit_id)[2]
    itinerary.update_stop(uow, third.id, day=2, fixed_arrival=None)
    view = itinerary_view(uow, sample_visit_id)
    assert view.days == (1, 2)
    assert view.lines[1].timed.travel_minutes is None  # no leg across the night
    assert view.lines[2].timed.arrival == datetime(2023, 5, 26, 9, 30)
    assert view.total_travel_minutes == 30 and view.conflicts == 0


def test_add_stop_appends_with_an_estimated_leg(uow, sample_visit_id):
    site = itinerary.create_site(uow, "望京SOHO", latitude=39.996, longitude=116.481)
    stop = itinerary.add_stop(uow, sample_visit_id, site.id, dwell_minutes=40)
    assert stop.position == 4
    view = itinerary_view(uow, sample_visit_id)
    leg = view.lines[2].timed
    assert leg.travel_estimated and leg.travel_minutes >= 1
    assert view.lines[3].timed.arrival == datetime(2023, 5, 25, 15) + timedelta(
        minutes=leg.travel_minutes)
    assert view.lines[3].timed.departure - view.lines[3].timed.arrival == timedelta(minutes=40)
    assert view.total_travel_minutes == 50 + leg.travel_minutes


def test_remove_and_restore_a_stop(uow, sample_visit_id):
    site = itinerary.create_site(uow, "临时点位")
    added = itinerary.add_stop(uow, sample_visit_id, site.id, travel_minutes=5)
    ids = stop_ids(uow, sample_visit_id)
    order = [ids[0], added.id, ids[1], ids[2]]
    itinerary.reorder_stops(uow, sample_visit_id, order)
    removed = itinerary.list_stops(uow, sample_visit_id)[1]
    assert removed.id == added.id and removed.position == 2

    itinerary.remove_stop(uow, removed.id)
    assert stop_ids(uow, sample_visit_id) == [ids[0], ids[1], ids[2]]
    assert times(itinerary_view(uow, sample_visit_id))[0] == "09:30–10:20"

    itinerary.restore_stop(uow, removed, order)
    stops = itinerary.list_stops(uow, sample_visit_id)
    assert [s.id for s in stops] == order and [s.position for s in stops] == [1, 2, 3, 4]
    assert stops[1].travel_minutes == 5 and stops[1].site_id == site.id
    view = itinerary_view(uow, sample_visit_id)
    # 1 → temporary stop: the typed 30 min; temporary → 2: its typed 5 min
    assert times(view)[:3] == ["09:30–10:20", "10:50–11:20", "11:25–12:15"]


def test_reorder_stops_changes_the_timeline(uow, sample_visit_id):
    first, second, third = stop_ids(uow, sample_visit_id)
    itinerary.reorder_stops(uow, sample_visit_id, [second, first, third])
    view = itinerary_view(uow, sample_visit_id)
    assert [line.site.name for line in view.lines] == [SITES[1], SITES[0], SITES[2]]
    assert [line.stop.position for line in view.lines] == [1, 2, 3]
    # the typed times travel with their stop: 2 → 1 is now 20 min, 1 → 3 is 30 min
    assert times(view) == ["09:30–10:20", "10:40–11:30", "14:00–15:00"]


def test_update_visit_day_start_and_day_end(uow, sample_visit_id):
    visits.update_visit(uow, sample_visit_id, day_start=time(8, 0))
    view = itinerary_view(uow, sample_visit_id)
    assert times(view) == ["08:00–08:50", "09:20–10:10", "14:00–15:00"]
    assert view.lines[2].timed.waited_minutes == 120 + 90

    visits.update_visit(uow, sample_visit_id, day_end=time(14, 30))
    view = itinerary_view(uow, sample_visit_id)
    assert view.lines[2].timed.conflicts == (Conflict(ConflictKind.OVERRUNS_DAY_END, 30),)
    assert view.lines[0].timed.slack_to_day_end == 14 * 60 + 30 - (8 * 60 + 50)
    assert view.conflicts == 1


def test_opening_hours_of_a_site_show_up(uow, sample_visit_id):
    site = itinerary.list_stops(uow, sample_visit_id)[0].site_id
    itinerary.update_site(uow, site, opening_hours=("10:00-18:00",) * 7)
    view = itinerary_view(uow, sample_visit_id)
    assert view.lines[0].timed.conflicts == (
        Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 30),)
    assert view.lines[0].timed.slack_to_closing == 18 * 60 - (10 * 60 + 20)


# --- route map ----------------------------------------------------------------------------------

def is_nice(value: float) -> bool:
    power = 10 ** math.floor(math.log10(value))
    return any(math.isclose(value, step * power) for step in (1, 2, 5))


def test_route_map_of_the_sample(uow, sample_visit_id):
    drawn = route_map(itinerary_view(uow, sample_visit_id))
    assert [p.number for p in drawn.points] == [1, 2, 3]
    assert [p.label for p in drawn.points] == list(SITES)
    assert all(0 < p.x < 1 and 0 < p.y < 1 for p in drawn.points)
    south, north = drawn.points[0], drawn.points[2]
    assert south.y > north.y and south.x < north.x  # north is up, east is right
    assert [(leg.start, leg.end, leg.minutes, leg.estimated) for leg in drawn.legs] == [
        (0, 1, 30, False), (1, 2, 20, False)]
    assert drawn.scale_km > 0 and is_nice(drawn.scale_km)
    assert 0 < drawn.scale_width < 1 and 0.45 <= drawn.aspect <= 1.2
    assert drawn.without_coordinates == ()


def test_route_map_lists_stops_without_coordinates(uow, sample_visit_id):
    site = itinerary.create_site(uow, "无坐标点位")
    itinerary.add_stop(uow, sample_visit_id, site.id)
    drawn = route_map(itinerary_view(uow, sample_visit_id))
    assert drawn.without_coordinates == ("4. 无坐标点位",)
    assert len(drawn.points) == 3 and len(drawn.legs) == 2


def test_route_map_without_any_coordinates_is_none(uow):
    visit = visits.create_visit(uow, "无坐标调研", start_date=DAY)
    itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, "某处").id)
    assert route_map(itinerary_view(uow, visit.id)) is None


# --- calendar -----------------------------------------------------------------------------------

def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_the_sample_calendar(uow, sample_visit_id):
    calendar = parse(visit_calendar(uow, sample_visit_id))
    events = calendar.walk("VEVENT")
    stops = itinerary.list_stops(uow, sample_visit_id)
    assert len(events) == 3
    assert [str(e["SUMMARY"]) for e in events] == [f"{n}. {name}"
                                                   for n, name in enumerate(SITES, 1)]
    start, end = events[0]["DTSTART"].dt, events[0]["DTEND"].dt
    assert start.replace(tzinfo=None) == datetime(2023, 5, 25, 9, 30)
    assert end.replace(tzinfo=None) == datetime(2023, 5, 25, 10, 20)
    assert start.tzinfo.key == "Asia/Shanghai"
    assert events[2]["DTSTART"].dt.replace(tzinfo=None) == datetime(2023, 5, 25, 14)
    for event, stop, name in zip(events, stops, SITES, strict=True):
        assert name in str(event["LOCATION"])
        assert str(event["UID"]) == f"{stop.id}@fieldvisit"
        assert event["ORGANIZER"].params["CN"] == "冯建国"
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_locations_are_joined_in_the_visits_language(uow):
    """Site and address: "某处，朝阳区" in a Chinese visit, "Depot, 1 Main St" in an English one
    (the full-width comma read as a typo in English calendars)."""
    for title, site, address, expected in (
            ("朝阳调研", "某处", "朝阳区", "某处，朝阳区"),
            ("Riders' visit", "Depot", "1 Main St", "Depot, 1 Main St")):
        visit = visits.create_visit(uow, title, start_date=DAY)
        itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, site, address=address).id)
        events = parse(visit_calendar(uow, visit.id)).walk("VEVENT")
        assert str(events[0]["LOCATION"]) == expected


def test_a_visit_without_a_leader_has_no_organizer(uow):
    visit = visits.create_visit(uow, "无组长调研", start_date=DAY, timezone="Asia/Urumqi")
    member = directory.create_person(uow, "普通成员")
    delegation.add_member(uow, visit.id, member.id, DelegationRole.MEMBER)
    itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, "某处").id)
    events = parse(visit_calendar(uow, visit.id)).walk("VEVENT")
    assert len(events) == 1 and "ORGANIZER" not in events[0]
    assert events[0]["DTSTART"].dt.tzinfo.key == "Asia/Urumqi"


def test_a_leader_with_an_email_is_a_mailto_organizer(uow):
    visit = visits.create_visit(uow, "有邮箱调研", start_date=DAY)
    leader = directory.create_person(uow, "李组长", email="li@example.cn")
    delegation.add_member(uow, visit.id, leader.id, DelegationRole.LEADER)
    itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, "某处").id)
    event = parse(visit_calendar(uow, visit.id)).walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:li@example.cn"
    assert event["ORGANIZER"].params["CN"] == "李组长"


def test_calendar_needs_a_date_and_gives_gps_coordinates(uow, sample_visit_id):
    from fieldvisit.domain.errors import ValidationError
    from fieldvisit.domain.geo import gcj02_to_wgs84

    event = icalendar.Calendar.from_ical(visit_calendar(uow, sample_visit_id)).walk("VEVENT")[0]
    site = itinerary.list_sites(uow)
    first = next(s for s in site if s.name == "饿了么北京CBD骑士驿站")
    expected = gcj02_to_wgs84(first.latitude, first.longitude)  # the sample's are GCJ-02
    assert abs(event["GEO"].latitude - expected[0]) < 1e-5
    assert abs(event["GEO"].longitude - expected[1]) < 1e-5
    visits.update_visit(uow, sample_visit_id, start_date=None, end_date=None)
    with pytest.raises(ValidationError, match="start date"):
        visit_calendar(uow, sample_visit_id)


def test_moving_a_stop_to_another_day_keeps_positions_in_day_order(uow, sample_visit_id):
    stops = itinerary.list_stops(uow, sample_visit_id)
    itinerary.update_stop(uow, stops[0].id, day=2)
    after = sorted(itinerary.list_stops(uow, sample_visit_id), key=lambda s: s.position)
    assert [(s.id, s.day, s.position) for s in after] == [
        (stops[1].id, 1, 1), (stops[2].id, 1, 2), (stops[0].id, 2, 3)]
