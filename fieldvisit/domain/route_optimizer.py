"""Route suggestion: the order of one day's stops with the fewest timeline conflicts (as
``compute_timeline`` counts them) — above all, no conflict at a stop that has none today —
and, among those, the least travel; pinned stops stay put.

Travel is compared like with like: every leg of every order is priced the same way, by its
estimate where both sites have coordinates, by its typed time only where nothing can be
estimated. (A typed time is usually longer than the estimate of the same leg, so comparing
today's typed legs with the new order's estimates would promise savings that are only the
difference between typing and estimating.) The timeline of an order — what the itinerary
will show once it is applied — keeps the typed time of every leg that survives between the
same two stops, in either direction (``reordered_plans``); the other legs are estimated.
Up to ``EXACT_LIMIT`` movable stops the optimum is proven: Held-Karp over the legs, then a
branch and bound when opening hours, appointments or the day's end get in the way. Beyond,
the seeded heuristics of ``route_search`` run within the time budget. Plain Python.
"""

from __future__ import annotations

import random
import time as clock
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import accumulate, pairwise

from fieldvisit.domain import route_search as search
from fieldvisit.domain.geo import haversine_km
from fieldvisit.domain.timeline import (
    StopPlan,
    Timeline,
    TravelSettings,
    compute_timeline,
    opening_spans,
)

EXACT_LIMIT = 10  # up to this many movable stops the suggestion is proven optimal
_MINUTE = 60_000_000  # the model counts microseconds, as datetime does
_DAY = 1440 * _MINUTE
_UNDATED = date(2000, 1, 3)  # compute_timeline's stand-in date when the visit has none


@dataclass(frozen=True)
class RouteProblem:
    """One day's stops in their current order, and what constrains a new order."""

    plans: tuple[StopPlan, ...]  # all with the same ``day``
    pinned: tuple[bool, ...]  # pinned[i]: stop i must stay at index i
    day: date | None  # that day's date (the weekday of opening hours); None when unknown
    day_start: time
    day_end: time | None = None
    settings: TravelSettings = field(default_factory=TravelSettings)

    def __post_init__(self) -> None:
        if len(self.pinned) != len(self.plans):
            raise ValueError("pinned must have one flag per stop")
        if len({p.day for p in self.plans}) > 1:
            raise ValueError("a route problem covers the stops of a single day")


@dataclass(frozen=True)
class RouteSuggestion:
    order: tuple[int, ...]  # indexes into problem.plans, in the proposed order
    travel_minutes: int  # total travel of the proposed order, every leg priced alike
    conflicts: int  # timeline conflicts of the proposed order
    before_travel_minutes: int  # the same for the current order
    before_conflicts: int
    exact: bool  # True when the search proved that no order is better
    shown_travel_minutes: int = 0
    """Travel of the proposed order as its timeline shows it (typed times where kept)."""
    before_shown_travel_minutes: int = 0
    """Travel of the current order as the itinerary shows it now (typed times win)."""

    @property
    def changes_order(self) -> bool:
        return self.order != tuple(range(len(self.order)))


def suggest_route(problem: RouteProblem, time_budget: float = 0.8) -> RouteSuggestion:
    """The best order found within ``time_budget`` seconds: never worse than the current one,
    which is kept when nothing beats it."""
    deadline = clock.perf_counter() + time_budget
    model = RouteModel(problem)
    current = list(range(model.n))
    before, movable = model.cost(current), model.n - sum(problem.pinned)
    best, exact = (current, True) if movable <= 1 else _search(model, movable, deadline)
    cost = model.cost(best)
    if cost >= before:
        best, cost = current, before
    after_timeline, before_timeline = route_timeline(problem, best), route_timeline(problem,
                                                                                    current)
    return RouteSuggestion(tuple(best), model.like_travel(best), after_timeline.conflicts,
                           model.like_travel(current), before_timeline.conflicts, exact,
                           after_timeline.total_travel_minutes,
                           before_timeline.total_travel_minutes)


def _search(model: RouteModel, movable: int, deadline: float) -> tuple[list[int], bool]:
    rng = random.Random(1_000_003 * model.n + movable)
    current = list(range(model.n))
    if movable <= EXACT_LIMIT:
        completion = travel_completion(model.w, model.pinned)
        best = best_travel_order(model.w, model.pinned, completion)
        if not model.timed or model.cost(best) == model.travel_cost(best):
            return best, True  # no order has fewer conflicts, and none travels less
        starts = [best, current, search.greedy_order(model)]
        best = search.improve_timed(model, starts, deadline, rng, kicks=0)
        return branch_and_bound(model, completion, best, deadline)
    share = 0.3 if model.timed else 1.0
    travel_deadline = clock.perf_counter() + share * (deadline - clock.perf_counter())
    starts = [search.greedy_order(model), current]
    best = search.improve_travel(model.w, model.pinned, starts, travel_deadline, rng)
    if model.timed and model.cost(best) != model.travel_cost(best):
        starts = [best, current, search.greedy_order(model)]
        best = search.improve_timed(model, starts, deadline, rng, kicks=50 * movable)
    return best, False


class _Timeout(Exception):
    """The deadline came before the branch and bound finished."""


def _free(pinned: tuple[bool, ...]) -> tuple[list[int], list[int]]:
    free = [i for i, fixed in enumerate(pinned) if not fixed]
    bits = [0] * len(pinned)
    for b, stop in enumerate(free):
        bits[stop] = 1 << b
    return free, bits


def travel_completion(w: list[list[int]], pinned: tuple[bool, ...]) -> list[dict[int, int]]:
    """completion[p][mask * (n + 1) + last]: the least cost of the legs after position p, when
    positions 0..p hold the free stops of ``mask`` (bits in index order) and ``last`` at p."""
    n = len(pinned)
    free, bits = _free(pinned)
    by_count: dict[int, list[int]] = {}
    for mask in range(1 << len(free)):
        by_count.setdefault(mask.bit_count(), []).append(mask)
    completion: list[dict[int, int]] = [{} for _ in range(n)]
    counts = list(accumulate(not fixed for fixed in pinned))  # free positions up to p
    for p in range(n - 1, -1, -1):
        table, after = completion[p], completion[p + 1] if p + 1 < n else None
        for mask in by_count[counts[p]]:
            lasts = (p,) if pinned[p] else [s for s in free if mask & bits[s]]
            for last in lasts:
                row = w[last]
                if after is None:
                    value = 0
                elif pinned[p + 1]:
                    value = row[p + 1] + after[mask * (n + 1) + p + 1]
                else:
                    value = min(row[s] + after[(mask | bits[s]) * (n + 1) + s]
                                for s in free if not mask & bits[s])
                table[mask * (n + 1) + last] = value
    return completion


def best_travel_order(w: list[list[int]], pinned: tuple[bool, ...],
                      completion: list[dict[int, int]]) -> list[int]:
    n, (free, bits) = len(pinned), _free(pinned)
    order: list[int] = []
    mask = 0
    for p in range(n):
        if pinned[p]:
            stop = p
        else:
            row = w[order[-1]] if order else w[n]
            stop = min((s for s in free if not mask & bits[s]),
                       key=lambda s: row[s] + completion[p][(mask | bits[s]) * (n + 1) + s])
        mask |= bits[stop]
        order.append(stop)
    return order


def branch_and_bound(model, completion: list[dict[int, int]], incumbent: list[int],
                     deadline: float) -> tuple[list[int], bool]:
    """The optimal order (and True), or the best found (and False) if ``deadline`` came first."""
    n, w, legs, step, big, pinned = (model.n, model.w, model.leg_us, model.step, model.big,
                                     model.pinned)
    free, bits = _free(pinned)
    width = n + 1
    ranked = [sorted(free, key=row.__getitem__) for row in w]
    ranked[n] = sorted(free, key=lambda s: completion[0].get(bits[s] * width + s, 0))
    best = [model.cost(incumbent), list(incumbent)]
    order = [0] * n
    nodes = [0]
    everyone, left, future = range(n), [True] * n, model.future_conflicts

    def visit(p: int, previous: int, departure: int, cost: int, mask: int) -> None:
        nodes[0] += 1
        if not nodes[0] & 1023 and clock.perf_counter() > deadline:
            raise _Timeout
        table = completion[p]
        for stop in (p,) if pinned[p] else ranked[previous]:
            if mask & bits[stop]:
                continue
            if p:
                after, conflicts = step(departure + legs[previous][stop], stop)
                total = cost + w[previous][stop] + conflicts * big
            else:
                after, conflicts = step(model.start_us, stop)
                total = conflicts * big
            placed = mask | bits[stop]
            bound = total + table[placed * width + stop]
            if bound >= best[0]:
                continue
            order[p] = stop
            if p == n - 1:
                best[:] = [total, order[:]]
                continue
            left[stop] = False
            remaining = [s for s in everyone if left[s]]
            if bound + big * future(after, remaining, best[0] - 1 - total) < best[0]:
                visit(p + 1, stop, after, total, placed)
            left[stop] = True

    try:
        visit(0, n, 0, 0, 0)
    except _Timeout:
        return best[1], False
    return best[1], True


def typed_leg(typed: Sequence[int | None], i: int, j: int) -> int | None:
    """The typed minutes of the leg between stops ``i`` and ``j`` of today's current order
    (``typed[k]``: the time typed for the leg k → k+1), in either direction: a leg typed as
    i → i+1 is also taken for i+1 → i. None when that leg is not typed."""
    if j == i + 1:
        return typed[i]
    if i == j + 1:
        return typed[j]
    return None


def reordered_plans(problem: RouteProblem, order: tuple[int, ...] | list[int]) -> list[StopPlan]:
    """The plans in ``order``, each with the typed time of its leg to the next stop where that
    leg survives (between the same two stops, either way); other legs are estimated."""
    plans = problem.plans
    typed_times = [p.typed_travel_minutes for p in plans]
    result = []
    for k, i in enumerate(order):
        after = order[k + 1] if k + 1 < len(order) else None
        typed = None if after is None else typed_leg(typed_times, i, after)
        result.append(plans[i] if typed == plans[i].typed_travel_minutes
                      else replace(plans[i], typed_travel_minutes=typed))
    return result


def route_timeline(problem: RouteProblem, order: tuple[int, ...] | list[int]) -> Timeline:
    """The timeline of the day's stops in ``order``: what the suggestion's totals describe."""
    plans = reordered_plans(problem, order)
    first_day = None
    if problem.day is not None and plans:
        first_day = problem.day - timedelta(days=plans[0].day - 1)
    return compute_timeline(plans, first_day, problem.day_start, problem.day_end,
                            problem.settings)


def _micros(value: time) -> int:
    return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond


class RouteModel:
    """The problem as numbers: a travel matrix and a step of the timeline (in microseconds
    after the day's midnight) that agrees with ``compute_timeline`` conflict for conflict.
    An order costs ``conflicts * big + travel minutes``, ``big`` exceeding any total travel;
    a conflict at a stop that has none in the current order weighs ``fresh`` conflicts, so
    that an order which moves a conflict elsewhere is not preferred for its travel.
    ``w[i][j]`` is a leg's minutes priced alike for every order (estimated where possible),
    or ``big`` when unknown (0 minutes, a NO_COORDINATES conflict); ``leg_us`` is the leg's
    time on the timeline (a surviving typed time wins); index ``n`` of ``w`` is a virtual
    stop at 0 from and to all (the open ends)."""

    def __init__(self, problem: RouteProblem) -> None:
        plans = problem.plans
        self.n = n = len(plans)
        self.pinned = tuple(problem.pinned)
        self.day_date = problem.day or _UNDATED + timedelta(days=(plans[0].day - 1 if plans else 0))
        self.weekday = self.day_date.weekday()
        minutes = [[0] * (n + 1) for _ in range(n + 1)]  # as the timeline will show them
        alike = [[0] * (n + 1) for _ in range(n + 1)]  # as every order is compared
        unknown = [[False] * (n + 1) for _ in range(n + 1)]
        typed_times = [p.typed_travel_minutes for p in plans]
        for i, here in enumerate(plans):
            for j, there in enumerate(plans):
                if i == j:
                    continue
                typed, estimate = typed_leg(typed_times, i, j), None
                if here.wgs84 and there.wgs84:
                    estimate = problem.settings.minutes(
                        haversine_km(*here.wgs84, *there.wgs84), here.travel_mode)
                shown = typed if typed is not None else estimate
                minutes[i][j], unknown[i][j] = shown or 0, shown is None
                alike[i][j] = (estimate if estimate is not None else typed) or 0
        self.big = max(sum(max(row) for row in minutes), sum(max(row) for row in alike)) + 1
        self.w = [[self.big if unknown[i][j] else alike[i][j] for j in range(n + 1)]
                  for i in range(n + 1)]
        self.leg_us = [[m * _MINUTE for m in row] for row in minutes]
        midnight = datetime.combine(self.day_date, time())
        self.start_us = _micros(problem.day_start)
        self.end_us = None if problem.day_end is None else _micros(problem.day_end)
        if self.end_us is not None and self.end_us <= self.start_us:
            self.end_us += _DAY  # a day that ends after midnight
        self.not_before = [None if p.not_before is None
                           else (p.not_before - midnight) // timedelta(microseconds=1)
                           for p in plans]
        self.delay = [p.delay_minutes * _MINUTE for p in plans]
        self.dwell = [p.dwell_minutes * _MINUTE for p in plans]
        self.spans = [self._week(p.opening_hours, problem.day is not None) for p in plans]
        self.soonest = [min((self.leg_us[i][j] for i in range(n) if i != j), default=0)
                        for j in range(n)]  # the shortest leg into each stop
        self.longest = [max(row[j] for row in self.leg_us) for j in range(n)]
        self.stay = [max(self.delay[j], 0) + max(self.dwell[j], 0) for j in range(n)]
        self.fine = [self._fine_arrivals(j) for j in range(n)]
        self.timed = (self.end_us is not None or any(v is not None for v in self.not_before)
                      or any(s is not None for s in self.spans))
        self.weight = [1] * n
        if self.timed:  # a conflict where today has none weighs more than all of today's
            troubled = self._troubled(list(range(n)))
            self.fresh = 4 * n + 2
            self.weight = [1 if troubled[stop] else self.fresh for stop in range(n)]

    def _troubled(self, order: list[int]) -> list[bool]:
        """Which stops have a timeline conflict (other than NO_COORDINATES) in ``order``."""
        troubled, departure = [False] * self.n, 0
        for k, stop in enumerate(order):
            if k:
                departure += self.leg_us[order[k - 1]][stop]
            departure, conflicts = self.step(departure if k else self.start_us, stop)
            troubled[stop] = conflicts > 0
        return troubled

    @staticmethod
    def _week(hours: tuple[str, ...], weekday_known: bool) -> tuple | None:
        """Opening spans (minutes) per weekday, or None where the timeline does not check."""
        if not hours or (not weekday_known and len(set(hours)) > 1):
            return None
        return tuple(tuple(opening_spans(hours, _UNDATED + timedelta(days=k)) or ())
                     for k in range(7))

    def _fine_arrivals(self, stop: int) -> tuple[list[int], list[int]] | None:
        """Merged intervals (ends, starts) of the arrivals without an opening-hours conflict
        over the next 60 days; None where the timeline does not check hours."""
        week = self.spans[stop]
        if week is None:
            return None
        dwell = max(self.dwell[stop], 1)
        merged: list[list[int]] = []
        for d in range(-1, 61):
            for s, e in sorted(week[(self.weekday + d) % 7]):
                lo, hi = d * _DAY + s * _MINUTE, d * _DAY + e * _MINUTE - dwell
                if lo > hi:
                    continue
                if merged and lo <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
        return [hi for _, hi in merged], [lo for lo, _ in merged]

    def future_conflicts(self, departure: int, remaining: list[int], travel_cap: int) -> int:
        """A lower bound on the conflicts of the ``remaining`` stops, visited in any order
        after ``departure`` (each with an incoming leg) with at most ``travel_cap`` minutes
        of travel still to come."""
        count, durations = 0, []
        latest = max(departure, *(self.not_before[j] or departure for j in remaining))
        latest += sum(self.stay[j] for j in remaining)  # no arrival can be later than this
        latest += min(travel_cap * _MINUTE, sum(self.longest[j] for j in remaining))
        for stop in remaining:
            arrival = departure + self.soonest[stop]
            not_before, fine = self.not_before[stop], self.fine[stop]
            if not_before is not None and arrival < not_before:
                arrival = not_before
            arrival += self.delay[stop]
            if fine is not None:  # is there a fine arrival between soonest and latest?
                ends, starts = fine
                k = bisect_left(ends, arrival)
                count += not ends or (k < len(ends) and starts[k] > latest)
            if self.end_us is not None:
                durations.append(self.soonest[stop] + self.delay[stop] + self.dwell[stop])
        if durations and self.end_us is not None:
            durations.sort()  # the k-th stop visited leaves no sooner than after k shortest
            for duration in durations:
                departure += duration
                count += departure > self.end_us
        return count

    def step(self, arrival: int, stop: int) -> tuple[int, int]:
        """(departure, weighted conflicts other than NO_COORDINATES) of ``stop`` reached at
        ``arrival``: each conflict counts ``weight[stop]``."""
        not_before = self.not_before[stop]
        if not_before is not None and arrival < not_before:
            arrival = not_before
        arrival += self.delay[stop]
        departure = arrival + self.dwell[stop]
        conflicts = 0
        week = self.spans[stop]
        if week is not None:
            offset, within = divmod(arrival, _DAY)
            spans = week[(self.weekday + offset) % 7]
            if not spans:
                conflicts += 1
            else:
                start = within // _MINUTE
                closing = next((e for s, e in spans if s <= start < e), None)
                if closing is None:
                    conflicts += 1  # before opening, or after the last closing
                    closing = next((e for s, e in spans if s > start), None)
                if closing is not None and offset * _DAY + closing * _MINUTE < departure:
                    conflicts += 1
        if self.end_us is not None and departure > self.end_us:
            conflicts += 1
        return departure, conflicts * self.weight[stop]

    def like_travel(self, order: list[int] | tuple[int, ...]) -> int:
        """The travel minutes of ``order``, priced like every other order's."""
        return self.travel_cost(list(order)) % self.big

    def travel_cost(self, order: list[int]) -> int:
        """The cost of ``order`` counting only its legs (conflicts of unknown legs included)."""
        w = self.w
        return sum(w[a][b] for a, b in pairwise(order))

    def cost(self, order: list[int]) -> int:
        if not self.timed:
            return self.travel_cost(order)
        total, departure = 0, 0
        for k, stop in enumerate(order):
            if k:
                departure += self.leg_us[order[k - 1]][stop]
            departure, conflicts = self.step(departure if k else self.start_us, stop)
            total += conflicts * self.big
        return total + self.travel_cost(order)
