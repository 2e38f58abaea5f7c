"""The timeline arithmetic of ``compute_timeline``: times, legs, waits, delays, days, slack and
every kind of conflict."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest

from fieldvisit.domain.enums import TravelMode
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.geo import haversine_km
from fieldvisit.domain.timeline import (
    Conflict,
    ConflictKind,
    StopPlan,
    TravelSettings,
    compute_timeline,
    opening_spans,
)

THURSDAY = date(2023, 5, 25)
A, B, C = (39.90, 116.40), (39.95, 116.45), (40.00, 116.50)
SETTINGS = TravelSettings()


def at(hh: int, mm: int = 0, day: date = THURSDAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def week(hours: str, **days: str) -> tuple[str, ...]:
    """Seven days of ``hours``; keyword arguments (mon..sun) override single days."""
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return tuple(days.get(name, hours) for name in names)


def compute(plans, first_day=THURSDAY, start=time(9), end=time(18), settings=SETTINGS):
    return compute_timeline(list(plans), first_day, start, end, settings)


def kinds(timed) -> list[ConflictKind]:
    return [c.kind for c in timed.conflicts]


def expected_minutes(a, b, mode=None, settings=SETTINGS) -> int:
    speed = {TravelMode.WALK: settings.walk_kmh, TravelMode.CAR: settings.car_kmh,
             TravelMode.PUBLIC_TRANSPORT: settings.public_transport_kmh}.get(
        mode, settings.minibus_kmh)
    return max(1, round(haversine_km(*a, *b) * settings.detour_factor / speed * 60))


# --- times, dwell and legs ----------------------------------------------------------------------

def test_day_start_dwell_and_typed_travel():
    timeline = compute([StopPlan("a", typed_travel_minutes=15),
                        StopPlan("b", dwell_minutes=60, typed_travel_minutes=5),
                        StopPlan("c", dwell_minutes=0)])
    a, b, c = timeline.stops
    assert [s.key for s in timeline.stops] == ["a", "b", "c"]
    assert (a.arrival, a.departure) == (at(9), at(9, 30))  # the default dwell is 30 min
    assert (b.arrival, b.departure) == (at(9, 45), at(10, 45))
    assert (c.arrival, c.departure) == (at(10, 50), at(10, 50))
    assert (a.travel_minutes, b.travel_minutes, c.travel_minutes) == (15, 5, None)
    assert not a.travel_estimated and a.distance_km is None  # typed, without coordinates
    assert timeline.total_travel_minutes == 20
    assert timeline.conflicts == 0 and all(s.waited_minutes == 0 for s in timeline.stops)
    assert compute([]).stops == () and compute([]).total_travel_minutes == 0


def test_typed_travel_beats_the_estimate_but_the_distance_is_still_known():
    timeline = compute([StopPlan("a", wgs84=A, typed_travel_minutes=7), StopPlan("b", wgs84=B)])
    first = timeline.stops[0]
    assert first.travel_minutes == 7 and not first.travel_estimated
    assert first.distance_km == pytest.approx(haversine_km(*A, *B))
    assert timeline.stops[1].arrival == at(9, 37)


@pytest.mark.parametrize("mode", [None, *TravelMode])
def test_estimated_legs_are_distance_times_detour_over_the_mode_speed(mode):
    timeline = compute([StopPlan("a", wgs84=A, travel_mode=mode), StopPlan("b", wgs84=C)])
    first = timeline.stops[0]
    assert first.travel_estimated
    assert first.travel_minutes == expected_minutes(A, C, mode)
    assert timeline.total_travel_minutes == first.travel_minutes
    assert timeline.stops[1].arrival == at(9, 30) + timedelta(minutes=first.travel_minutes)


def test_estimates_per_mode_in_numbers():
    # 1° of latitude ≈ 111.195 km; detour 1.0 makes the arithmetic plain
    settings = TravelSettings(detour_factor=1.0, walk_kmh=5, car_kmh=60, minibus_kmh=50,
                              public_transport_kmh=20)
    north = (40.9, 116.4)
    expected = {TravelMode.CAR: 111, None: 133, TravelMode.MINIBUS: 133,
                TravelMode.PUBLIC_TRANSPORT: 334, TravelMode.WALK: 1334}
    for mode, minutes in expected.items():
        timeline = compute([StopPlan("a", wgs84=(39.9, 116.4), travel_mode=mode),
                            StopPlan("b", wgs84=north)], settings=settings, end=None)
        assert timeline.stops[0].travel_minutes == minutes, mode


def test_detour_factor_scales_the_estimate_and_a_leg_takes_at_least_a_minute():
    plans = [StopPlan("a", wgs84=A), StopPlan("b", wgs84=B)]
    plain = compute(plans, settings=TravelSettings(detour_factor=1.0)).stops[0].travel_minutes
    double = compute(plans, settings=TravelSettings(detour_factor=2.0)).stops[0].travel_minutes
    assert abs(double - 2 * plain) <= 1
    same_place = compute([StopPlan("a", wgs84=A), StopPlan("b", wgs84=A)]).stops[0]
    assert same_place.travel_minutes == 1 and same_place.distance_km == 0
    assert SETTINGS.minutes(0.0, TravelMode.WALK) == 1


@pytest.mark.parametrize("name", ["detour_factor", "walk_kmh", "car_kmh", "minibus_kmh",
                                  "public_transport_kmh"])
def test_travel_settings_must_be_positive(name):
    with pytest.raises(ValidationError):
        TravelSettings(**{name: 0})


def test_precomputed_legs_are_used():
    timeline = compute_timeline([StopPlan("a", wgs84=A), StopPlan("b", wgs84=B)], THURSDAY,
                                time(9), None, SETTINGS, legs={(0, 1): (42, True, 3.0)})
    assert timeline.stops[0].travel_minutes == 42 and timeline.stops[1].arrival == at(10, 12)


# --- appointments and delays --------------------------------------------------------------------

def test_an_appointment_makes_the_delegation_wait():
    timeline = compute([StopPlan("a", typed_travel_minutes=15),
                        StopPlan("b", not_before=at(10, 30), typed_travel_minutes=10),
                        StopPlan("c")])
    a, b, c = timeline.stops
    assert (b.arrival, b.waited_minutes, b.departure) == (at(10, 30), 45, at(11))
    assert c.arrival == at(11, 10) and c.waited_minutes == 0
    passed = compute([StopPlan("a", dwell_minutes=120, typed_travel_minutes=10),
                      StopPlan("b", not_before=at(10))]).stops[1]  # too late to wait
    assert passed.arrival == at(11, 10) and passed.waited_minutes == 0


def test_a_delay_shifts_this_stop_and_the_rest():
    plans = [StopPlan("a", typed_travel_minutes=15), StopPlan("b", typed_travel_minutes=10),
             StopPlan("c")]
    before = compute(plans)
    plans[1] = StopPlan("b", delay_minutes=20, typed_travel_minutes=10)
    after = compute(plans)
    assert after.stops[0] == before.stops[0]
    for old, new in zip(before.stops[1:], after.stops[1:], strict=True):
        assert new.arrival == old.arrival + timedelta(minutes=20)
        assert (new.departure - new.arrival) == (old.departure - old.arrival)


def test_a_delay_counts_after_the_wait_for_an_appointment_and_on_a_first_stop():
    timeline = compute([StopPlan("a", delay_minutes=10, typed_travel_minutes=5),
                        StopPlan("b", not_before=at(11), delay_minutes=15)])
    assert timeline.stops[0].arrival == at(9, 10)
    assert timeline.stops[1].arrival == at(11, 15) and timeline.stops[1].waited_minutes == 75


# --- days ---------------------------------------------------------------------------------------

def test_a_day_that_crosses_midnight():
    friday = date(2023, 5, 26)
    timeline = compute([StopPlan("a", dwell_minutes=60, typed_travel_minutes=30),
                        StopPlan("b", dwell_minutes=60, typed_travel_minutes=30),
                        StopPlan("c", dwell_minutes=60)], start=time(22), end=time(1))
    a, b, c = timeline.stops
    assert (a.arrival, a.departure) == (at(22), at(23))
    assert (b.arrival, b.departure) == (at(23, 30), at(0, 30, friday))
    assert (c.arrival, c.departure) == (at(1, 0, friday), at(2, 0, friday))
    assert c.arrival.date() == friday
    assert [s.slack_to_day_end for s in timeline.stops] == [120, 30, -60]
    assert kinds(a) == kinds(b) == [] and c.conflicts == (
        Conflict(ConflictKind.OVERRUNS_DAY_END, 60),)


def test_opening_hours_after_midnight_use_the_next_days_weekday():
    closed_friday = week("00:00-23:59", fri="")
    timeline = compute([StopPlan("a", dwell_minutes=90, typed_travel_minutes=30),
                        StopPlan("b", opening_hours=closed_friday)], start=time(22),
                       end=time(2))
    assert timeline.stops[1].arrival == at(0, 0, date(2023, 5, 26))
    assert kinds(timeline.stops[1]) == [ConflictKind.CLOSED_THAT_DAY]


def test_multi_day_visits():
    timeline = compute([StopPlan("a", typed_travel_minutes=15),
                        StopPlan("b", typed_travel_minutes=99),  # the day's last leg: ignored
                        StopPlan("c", day=2, wgs84=A),
                        StopPlan("d", day=2, wgs84=A, typed_travel_minutes=None),
                        StopPlan("e", day=3)])
    a, b, c, d, e = timeline.stops
    assert (a.arrival, b.arrival) == (at(9), at(9, 45))
    assert b.travel_minutes is None and b.day == 1
    assert c.arrival == at(9, 0, date(2023, 5, 26)) and c.day == 2
    assert c.waited_minutes == 0 and kinds(c) == []  # no leg from the day before
    assert d.arrival == at(9, 31, date(2023, 5, 26))
    assert e.arrival == at(9, 0, date(2023, 5, 27))
    assert e.conflicts == ()  # a day's first stop has no leg: no NO_COORDINATES
    assert timeline.total_travel_minutes == 15 + 1


def test_without_a_start_date_days_still_follow_each_other():
    timeline = compute([StopPlan("a"), StopPlan("b", day=2)], first_day=None)
    first, second = timeline.stops
    assert (second.arrival - first.arrival).days == 1
    assert first.arrival.time() == second.arrival.time() == time(9)


# --- conflicts ----------------------------------------------------------------------------------

def test_arrives_before_opening():
    timeline = compute([StopPlan("a", opening_hours=week("10:00-18:00"))])
    stop = timeline.stops[0]
    assert stop.conflicts == (Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 60),)
    assert stop.slack_to_closing == 18 * 60 - (9 * 60 + 30)
    assert timeline.conflicts == 1


LUNCH = week("09:00-12:00,14:00-18:00")


@pytest.mark.parametrize(("arrival", "dwell", "expected", "slack"), [
    (time(9), 60, [], 120),
    (time(11, 30), 30, [], 0),
    (time(11, 30), 60, [Conflict(ConflictKind.LEAVES_AFTER_CLOSING, 30)], -30),
    (time(12, 30), 30, [Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 90)], 300),
    (time(12), 30, [Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 120)], 330),
    (time(13, 30), 60, [Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 30)], 210),
    (time(17, 30), 60, [Conflict(ConflictKind.LEAVES_AFTER_CLOSING, 30)], -30),
    (time(19), 30, [Conflict(ConflictKind.LEAVES_AFTER_CLOSING, 90)], None),
])
def test_opening_hours_with_a_lunch_break(arrival, dwell, expected, slack):
    timeline = compute([StopPlan("a", dwell_minutes=dwell, opening_hours=LUNCH)],
                       start=arrival, end=None)
    stop = timeline.stops[0]
    assert list(stop.conflicts) == expected
    assert stop.slack_to_closing == slack


def test_closed_that_day():
    assert opening_spans(LUNCH, THURSDAY) == [(540, 720), (840, 1080)]
    assert opening_spans(week("09:00-18:00", thu=""), THURSDAY) == []
    assert opening_spans((), THURSDAY) is None
    closed_thursday = week("09:00-18:00", thu="")
    stop = compute([StopPlan("a", opening_hours=closed_thursday)]).stops[0]
    assert stop.conflicts == (Conflict(ConflictKind.CLOSED_THAT_DAY),)
    assert stop.slack_to_closing is None
    open_friday = compute([StopPlan("a", opening_hours=closed_thursday)],
                          first_day=date(2023, 5, 26)).stops[0]
    assert open_friday.conflicts == () and open_friday.slack_to_closing == 510


def test_overruns_day_end_and_slack_to_day_end():
    timeline = compute([StopPlan("a", dwell_minutes=45, typed_travel_minutes=15),
                        StopPlan("b", dwell_minutes=45)], end=time(10, 30))
    a, b = timeline.stops
    assert a.slack_to_day_end == 45 and a.conflicts == ()
    assert b.slack_to_day_end == -15
    assert b.conflicts == (Conflict(ConflictKind.OVERRUNS_DAY_END, 15),)
    no_end = compute([StopPlan("a", dwell_minutes=600)], end=None).stops[0]
    assert no_end.slack_to_day_end is None and no_end.conflicts == ()


def test_a_leg_without_coordinates_and_without_a_typed_time():
    timeline = compute([StopPlan("a", wgs84=A), StopPlan("b"), StopPlan("c", wgs84=C)])
    a, b, c = timeline.stops
    assert a.travel_minutes is None and not a.travel_estimated and a.distance_km is None
    assert b.conflicts == (Conflict(ConflictKind.NO_COORDINATES),)
    assert c.conflicts == (Conflict(ConflictKind.NO_COORDINATES),)
    assert (b.arrival, c.arrival) == (at(9, 30), at(10))  # unknown legs count as 0 min
    assert timeline.total_travel_minutes == 0 and timeline.conflicts == 2


def test_no_coordinates_conflict_when_the_time_is_typed():
    timeline = compute([StopPlan("a", typed_travel_minutes=20), StopPlan("b", wgs84=B)])
    assert timeline.conflicts == 0 and timeline.stops[1].arrival == at(9, 50)


def test_several_conflicts_on_one_stop():
    stop = compute([StopPlan("a", dwell_minutes=600, opening_hours=week("10:00-17:00"))],
                   end=time(18)).stops[0]
    assert kinds(stop) == [ConflictKind.ARRIVES_BEFORE_OPENING,
                           ConflictKind.LEAVES_AFTER_CLOSING, ConflictKind.OVERRUNS_DAY_END]
    assert [c.minutes for c in stop.conflicts] == [60, 120, 60]


def test_unknown_opening_hours_never_conflict():
    stop = compute([StopPlan("a", dwell_minutes=60)], start=time(3), end=None).stops[0]
    assert stop.conflicts == () and stop.slack_to_closing is None


def test_without_a_start_date_only_uniform_hours_are_checked():
    weekdays_only = week("10:00-18:00", sat="", sun="")
    stop = compute([StopPlan("a", opening_hours=weekdays_only)], first_day=None).stops[0]
    assert stop.conflicts == () and stop.slack_to_closing is None
    uniform = compute([StopPlan("a", opening_hours=week("10:00-18:00"))],
                      first_day=None).stops[0]
    assert uniform.conflicts == (Conflict(ConflictKind.ARRIVES_BEFORE_OPENING, 60),)
    closed_always = compute([StopPlan("a", opening_hours=week(""))], first_day=None).stops[0]
    assert closed_always.conflicts == (Conflict(ConflictKind.CLOSED_THAT_DAY),)


# --- size ---------------------------------------------------------------------------------------

def test_two_hundred_stops():
    plans = [StopPlan(i, dwell_minutes=20, wgs84=(39.9 + i * 0.001, 116.4),
                      typed_travel_minutes=5 if i % 2 else None,
                      opening_hours=week("00:00-23:59"))
             for i in range(200)]
    timeline = compute(plans, start=time(0), end=None)
    assert [s.key for s in timeline.stops] == list(range(200))
    legs = [s.travel_minutes for s in timeline.stops]
    assert legs[-1] is None and all(m is not None and m >= 1 for m in legs[:-1])
    assert timeline.total_travel_minutes == sum(legs[:-1])
    for before, after in pairwise(timeline.stops):
        assert (after.arrival - before.departure).total_seconds() == before.travel_minutes * 60
    last = timeline.stops[-1]
    assert (last.departure - at(0)).total_seconds() == (
        200 * 20 + timeline.total_travel_minutes) * 60
    assert timeline.conflicts == sum(len(s.conflicts) for s in timeline.stops)
