"""The route suggestion against brute force, the timeline, pins and the time budget."""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time

import pytest

from fieldvisit.domain.enums import TravelMode
from fieldvisit.domain.geo import haversine_km
from fieldvisit.domain.route_optimizer import (
    RouteModel,
    RouteProblem,
    reordered_plans,
    route_timeline,
    suggest_route,
)
from fieldvisit.domain.timeline import ConflictKind, StopPlan, TravelSettings, compute_timeline

MONDAY, SATURDAY = date(2024, 5, 6), date(2024, 5, 11)
HOURS = ("09:00-12:00,14:00-18:00", "08:30-17:30", "10:00-16:00", "13:00-20:00")


def point(rng: random.Random) -> tuple[float, float]:
    """A random point in a 20 km × 20 km box in Beijing."""
    return 39.82 + rng.uniform(0, 0.18), 116.28 + rng.uniform(0, 0.235)


def instance(seed: int, count: int, *, hours: bool = False, day_end: clock_time | None = None,
             pins: tuple[int, ...] = (), typed: bool = False, missing: int = 0,
             appointments: bool = False, modes: bool = False, day: date | None = MONDAY,
             plan_day: int = 1) -> RouteProblem:
    rng = random.Random(seed)
    plans = []
    for i in range(count):
        opening: tuple[str, ...] = ()
        if hours and rng.random() < 0.6:
            weekday = rng.choice(HOURS)
            opening = (weekday,) * 5 + (rng.choice(("", weekday)), rng.choice(("", weekday)))
        not_before = None
        if appointments and rng.random() < 0.25:
            not_before = datetime.combine(day or date(2000, 1, 3), clock_time(
                rng.randint(9, 15), rng.choice((0, 30)), rng.choice((0, 20))))
        plans.append(StopPlan(
            key=f"stop {i}", day=plan_day, dwell_minutes=rng.choice((20, 30, 45, 60)),
            not_before=not_before, delay_minutes=rng.choice((0, 0, 0, 10)),
            opening_hours=opening, wgs84=None if i < missing else point(rng),
            travel_mode=rng.choice(list(TravelMode)) if modes else None,
            typed_travel_minutes=rng.randint(3, 40) if typed and rng.random() < 0.4 else None))
    rng.shuffle(plans)
    pinned = tuple(i in pins or i - count in pins for i in range(count))
    return RouteProblem(tuple(plans), pinned, day, clock_time(9, 0), day_end, TravelSettings())


def like_travel(problem: RouteProblem, order) -> int:
    """Travel with every leg priced alike: estimated where both ends have coordinates, typed
    (either direction) only where not."""
    total, plans = 0, problem.plans
    for a, b in itertools.pairwise(order):
        here, there = plans[a], plans[b]
        if here.wgs84 and there.wgs84:
            total += problem.settings.minutes(haversine_km(*here.wgs84, *there.wgs84),
                                              here.travel_mode)
        else:
            total += (here.typed_travel_minutes if b == a + 1 else
                      there.typed_travel_minutes if a == b + 1 else None) or 0
    return total


def totals(problem: RouteProblem, order) -> tuple[int, int]:
    return route_timeline(problem, order).conflicts, like_travel(problem, order)


def objective(problem: RouteProblem, order) -> tuple[int, int, int]:
    """(conflicts at stops that have none in the current order, the other conflicts, travel
    priced alike): what the suggestion minimizes, in that order."""
    def troubled(timeline) -> dict[object, int]:
        return {s.key: sum(c.kind is not ConflictKind.NO_COORDINATES for c in s.conflicts)
                for s in timeline.stops}

    today = troubled(route_timeline(problem, range(len(problem.plans))))
    timeline = route_timeline(problem, order)
    counts = troubled(timeline)
    fresh = sum(n for key, n in counts.items() if not today[key])
    return fresh, timeline.conflicts - fresh, like_travel(problem, order)


def brute_force(problem: RouteProblem) -> tuple[int, int]:
    """The best (conflicts, travel) over every order that keeps the pins in place, no new
    conflict preferred over fewer conflicts, fewer conflicts over less travel."""
    count, pinned = len(problem.plans), problem.pinned
    free = [i for i in range(count) if not pinned[i]]
    best = None
    for permutation in itertools.permutations(free):
        rest = iter(permutation)
        order = [i if pinned[i] else next(rest) for i in range(count)]
        found = objective(problem, order)
        best = found if best is None else min(best, found)
    return best[0] + best[1], best[2]


CASES = {
    "travel only": {},
    "opening hours": {"hours": True},
    "opening hours on a saturday": {"hours": True, "day": SATURDAY},
    "day end": {"day_end": clock_time(13, 0)},
    "hours and day end": {"hours": True, "day_end": clock_time(15, 30)},
    "first and last pinned": {"pins": (0, -1), "hours": True},
    "a pin inside": {"pins": (2,), "day_end": clock_time(14, 0)},
    "typed travel times": {"typed": True, "modes": True},
    "appointments": {"appointments": True, "hours": True},
    "without coordinates": {"missing": 2, "typed": True},
    "undated, second day": {"hours": True, "day": None, "plan_day": 2,
                            "day_end": clock_time(16, 0)},
}


@pytest.mark.parametrize("case", CASES)
def test_the_suggestion_is_the_brute_force_optimum(case: str) -> None:
    for seed in range(5):
        count = 3 + seed  # 3 to 7 stops
        problem = instance(seed, count, **CASES[case])
        found = suggest_route(problem, time_budget=5.0)
        assert found.exact
        assert (found.conflicts, found.travel_minutes) == brute_force(problem), (case, seed)
        assert (found.conflicts, found.travel_minutes) == totals(problem, found.order)
        assert all(found.order[i] == i for i in range(count) if problem.pinned[i])


def test_the_model_agrees_with_the_timeline_on_any_order() -> None:
    rng = random.Random(7)
    for seed in range(60):
        problem = instance(seed, rng.randint(1, 12), hours=rng.random() < 0.7,
                           day_end=rng.choice((None, clock_time(12, 30), clock_time(1, 0))),
                           typed=True, missing=rng.choice((0, 1)), appointments=True,
                           modes=True, day=rng.choice((MONDAY, SATURDAY, None)),
                           plan_day=rng.choice((1, 3)))
        model = RouteModel(problem)
        for _ in range(5):
            order = rng.sample(range(len(problem.plans)), len(problem.plans))
            fresh, other, travel = objective(problem, order)
            weight = model.fresh if model.timed else 1
            assert model.cost(order) == (fresh * weight + other) * model.big + travel


def test_before_totals_are_the_current_timeline() -> None:
    problem = instance(3, 8, hours=True, typed=True, day_end=clock_time(15, 0))
    timeline = compute_timeline(list(problem.plans), MONDAY, clock_time(9, 0),
                                clock_time(15, 0), TravelSettings())
    found = suggest_route(problem)
    assert (found.before_conflicts, found.before_shown_travel_minutes) == (
        timeline.conflicts, timeline.total_travel_minutes)
    assert found.before_travel_minutes == like_travel(problem, range(8))
    assert found.shown_travel_minutes == route_timeline(problem,
                                                        found.order).total_travel_minutes


@pytest.mark.parametrize("count", [12, 30])
def test_larger_days_keep_pins_and_report_true_totals(count: int) -> None:
    for seed, pins in enumerate([(0, -1), (0, 4, 9, -1), tuple(range(0, count, 3))]):
        problem = instance(seed, count, pins=pins, hours=True, typed=True, missing=1,
                           day_end=clock_time(19, 0))
        found = suggest_route(problem, time_budget=0.15)
        assert sorted(found.order) == list(range(count))
        assert all(found.order[i] == i for i in range(count) if problem.pinned[i])
        assert (found.conflicts, found.travel_minutes) == totals(problem, found.order)
        assert (found.conflicts, found.travel_minutes) <= (found.before_conflicts,
                                                           found.before_travel_minutes)


def test_a_stop_without_coordinates_goes_to_an_end() -> None:
    problem = instance(11, 6, missing=1)
    lost = next(i for i, plan in enumerate(problem.plans) if plan.wgs84 is None)
    found = suggest_route(problem)
    assert found.exact and found.conflicts == 1  # one leg of unknown time is unavoidable
    assert found.order.index(lost) in (0, 5)
    kinds = [c.kind for s in route_timeline(problem, found.order).stops for c in s.conflicts]
    assert kinds == [ConflictKind.NO_COORDINATES]


def test_a_typed_leg_counts_only_towards_the_stop_that_follows_today() -> None:
    rng = random.Random(5)
    plans = [StopPlan(key="no map", wgs84=None, typed_travel_minutes=12),
             *(StopPlan(key=i, wgs84=point(rng)) for i in range(4))]
    problem = RouteProblem(tuple(plans), (False,) * 5, MONDAY, clock_time(9, 0))
    found = suggest_route(problem)
    assert found.order[:2] == (0, 1) and found.conflicts == 0  # the typed leg stays known
    reordered = reordered_plans(problem, (0, 2, 1, 3, 4))
    assert reordered[0].typed_travel_minutes is None  # its next stop changed
    assert reordered_plans(problem, found.order)[0].typed_travel_minutes == 12


def test_opening_hours_beat_a_shorter_route() -> None:
    # three stops on a line; the far one opens only in the afternoon
    plans = (StopPlan(key="near", wgs84=(39.90, 116.30)),
             StopPlan(key="afternoon", wgs84=(39.90, 116.33), dwell_minutes=60,
                      opening_hours=("14:00-18:00",) * 7),
             StopPlan(key="far", wgs84=(39.90, 116.36), dwell_minutes=270))
    problem = RouteProblem(plans, (True, False, False), MONDAY, clock_time(9, 0))
    found = suggest_route(problem)
    assert found.before_conflicts == 1 and found.conflicts == 0
    assert found.order == (0, 2, 1) and found.travel_minutes > found.before_travel_minutes


def test_one_and_two_stops() -> None:
    one = RouteProblem((StopPlan(key="a", wgs84=(39.9, 116.3)),), (False,), MONDAY,
                       clock_time(9, 0))
    assert suggest_route(one).order == (0,) and suggest_route(one).exact
    a, b = StopPlan(key="a", wgs84=(39.9, 116.3)), StopPlan(key="b", wgs84=(39.95, 116.3))
    slow = RouteProblem((replace(a, typed_travel_minutes=90), b), (False, False), MONDAY,
                        clock_time(9, 0))
    found = suggest_route(slow)
    # turning round saves nothing: the same leg, typed 90, and estimated alike both ways
    assert found.order == (0, 1) and found.exact and found.before_shown_travel_minutes == 90
    assert found.travel_minutes == found.before_travel_minutes < 90
    pinned = replace(slow, pinned=(True, False))
    assert suggest_route(pinned).order == (0, 1)


def test_typed_times_are_not_compared_with_estimates() -> None:
    """Issue 16: today's legs typed long, a new order estimated short: the promised saving
    must be the order's, not the difference between typing and estimating."""
    line = [StopPlan(key=i, wgs84=(39.9, 116.30 + 0.02 * x))
            for i, x in enumerate((0, 2, 1, 3))]  # a small zigzag on a line
    line = [replace(p, typed_travel_minutes=60) for p in line[:3]] + line[3:]
    problem = RouteProblem(tuple(line), (True, False, False, False), MONDAY, clock_time(9, 0))
    found = suggest_route(problem)
    assert found.before_shown_travel_minutes == 180  # what the itinerary shows today
    assert found.before_travel_minutes == like_travel(problem, range(4)) < 60
    assert found.order == (0, 2, 1, 3)
    assert found.travel_minutes == like_travel(problem, found.order)
    assert found.before_travel_minutes - found.travel_minutes < 20  # the real saving
    # the leg between stops 1 and 2 survives (turned round): it keeps its typed hour
    assert [p.typed_travel_minutes for p in reordered_plans(problem, found.order)] == \
        [None, 60, None, None]
    assert found.shown_travel_minutes == route_timeline(problem,
                                                        found.order).total_travel_minutes


def test_an_order_that_moves_a_conflict_elsewhere_is_not_preferred() -> None:
    """Closing one conflict by opening another is no gain: the current order is kept, though
    the other one travels less."""
    plans = (StopPlan(key="start", wgs84=(39.90, 116.30)),
             StopPlan(key="far, closes at 10:20", wgs84=(39.90, 116.40), dwell_minutes=20,
                      opening_hours=("08:00-10:20",) * 7),
             StopPlan(key="near, closes at 10:30", wgs84=(39.90, 116.31), dwell_minutes=30,
                      opening_hours=("09:00-10:30",) * 7))
    problem = RouteProblem(plans, (True, False, False), MONDAY, clock_time(9, 0))
    found = suggest_route(problem)
    shorter = (0, 2, 1)
    assert like_travel(problem, shorter) < like_travel(problem, (0, 1, 2))
    assert route_timeline(problem, shorter).conflicts == 1  # at "far", fine today
    assert found.order == (0, 1, 2) and found.conflicts == found.before_conflicts == 1


def test_the_current_order_is_kept_when_nothing_is_better() -> None:
    line = tuple(StopPlan(key=i, wgs84=(39.9, 116.30 + 0.01 * i)) for i in range(6))
    found = suggest_route(RouteProblem(line, (False,) * 6, MONDAY, clock_time(9, 0)))
    assert found.order == tuple(range(6)) and not found.changes_order
    assert found.travel_minutes == found.before_travel_minutes


def test_fifty_stops_within_the_budget_improve_a_random_order() -> None:
    problem = instance(42, 50, pins=(0, -1))
    started = time.perf_counter()
    found = suggest_route(problem)
    assert time.perf_counter() - started < 1.5
    assert not found.exact
    assert found.travel_minutes < 0.5 * found.before_travel_minutes
    assert (found.conflicts, found.travel_minutes) == totals(problem, found.order)
    timed = instance(43, 50, hours=True, day_end=clock_time(18, 0))
    started = time.perf_counter()
    found = suggest_route(timed)
    assert time.perf_counter() - started < 1.5
    assert (found.conflicts, found.travel_minutes) < (found.before_conflicts,
                                                      found.before_travel_minutes)


def test_the_same_input_gives_the_same_suggestion() -> None:
    problem = instance(8, 20, pins=(0,))
    assert suggest_route(problem, 5.0).order == suggest_route(problem, 5.0).order


def test_a_problem_is_one_day_with_a_flag_per_stop() -> None:
    plans = (StopPlan(key="a"), StopPlan(key="b", day=2))
    with pytest.raises(ValueError):
        RouteProblem(plans, (False, False), MONDAY, clock_time(9, 0))
    with pytest.raises(ValueError):
        RouteProblem(plans[:1], (False, False), MONDAY, clock_time(9, 0))


def test_an_undated_second_day_uses_the_timeline_dates() -> None:
    problem = instance(2, 5, day=None, plan_day=2, appointments=True)
    first = datetime.combine(date(2000, 1, 3) + timedelta(days=1), clock_time(9, 0))
    assert route_timeline(problem, range(5)).stops[0].arrival >= first
    found = suggest_route(problem)
    assert (found.conflicts, found.travel_minutes) == brute_force(problem)
