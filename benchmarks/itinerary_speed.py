"""Itinerary speed: timeline recompute, exact route for 10 stops, 50 stops against OR-Tools.

Run by hand (it is not a test); it prints figures for the release note:

    python benchmarks/itinerary_speed.py [--seeds 5] [--ortools-seconds 10]

The OR-Tools comparison needs ``pip install ortools`` (a benchmark-only dependency); without
it that part is skipped with a message. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldvisit.domain.route_optimizer import (  # noqa: E402
    RouteModel,
    RouteProblem,
    route_timeline,
    suggest_route,
)
from fieldvisit.domain.timeline import StopPlan, TravelSettings, compute_timeline  # noqa: E402

DAY = date(2024, 5, 6)  # a Monday
HOURS = ("09:00-12:00,14:00-18:00", "08:30-17:30", "10:00-16:00", "13:00-20:00")


def random_plans(rng: random.Random, count: int, hours_share: float = 0.0, days: int = 1,
                 dwell: tuple[int, ...] = (20, 30, 45, 60)) -> list[StopPlan]:
    """Stops at random points of a 20 km × 20 km box in Beijing; some with opening hours."""
    plans = []
    for i in range(count):
        hours = ()
        if rng.random() < hours_share:
            weekday = rng.choice(HOURS)
            hours = (weekday,) * 5 + (rng.choice(("", weekday)),) * 2
        plans.append(StopPlan(key=i, day=1 + i * days // count,
                              dwell_minutes=rng.choice(dwell),
                              opening_hours=hours,
                              wgs84=(39.82 + rng.uniform(0, 0.18), 116.28 + rng.uniform(0, 0.235))))
    return plans


def problem(plans: list[StopPlan], pins: tuple[int, ...] = (), day_end=None) -> RouteProblem:
    pinned = tuple(i in pins or i - len(plans) in pins for i in range(len(plans)))
    return RouteProblem(tuple(plans), pinned, DAY, clock_time(9, 0), day_end, TravelSettings())


def timeline_recompute(runs: int = 300) -> None:
    plans = random_plans(random.Random(1), 200, hours_share=0.5, days=5)
    plans[7] = StopPlan(key=7, day=plans[7].day, not_before=datetime(2024, 5, 6, 11, 0))
    settings = TravelSettings()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        compute_timeline(plans, DAY, clock_time(9, 0), clock_time(18, 0), settings)
        samples.append((time.perf_counter() - started) * 1000)
    print(f"(1) timeline recompute, 200 stops over 5 days: median {statistics.median(samples):.2f}"
          f" ms, max {max(samples):.2f} ms over {runs} runs (target < 5 ms)")


def exact_ten(seeds: int) -> None:
    print("(2) exact optimum, 10 stops, no pins, 20 km box")
    for label, share, day_end in (("hours on half", 0.5, None),
                                  ("hours on half, day ends 17:00", 0.5, clock_time(17, 0)),
                                  ("hours on all, day ends 15:00", 1.0, clock_time(15, 0))):
        times, exact, improved = [], 0, 0
        for seed in range(seeds):
            case = problem(random_plans(random.Random(seed), 10, hours_share=share),
                           day_end=day_end)
            started = time.perf_counter()
            found = suggest_route(case)
            times.append(time.perf_counter() - started)
            exact += found.exact
            improved += found.changes_order
        print(f"    {label:30s}: median {statistics.median(times) * 1000:6.1f} ms, max "
              f"{max(times) * 1000:6.1f} ms over {seeds} instances; proven optimal "
              f"{exact}/{seeds} (target < 1 s, exact)")


def ortools_path(w: list[list[int]], first: int, last: int, seconds: float) -> int | None:
    """Total of OR-Tools' best path from ``first`` to ``last`` through every stop."""
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    manager = pywrapcp.RoutingIndexManager(len(w) - 1, 1, [first], [last])
    routing = pywrapcp.RoutingModel(manager)
    callback = routing.RegisterTransitCallback(
        lambda a, b: w[manager.IndexToNode(a)][manager.IndexToNode(b)])
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC)
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH)
    parameters.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(parameters)
    return None if solution is None else solution.ObjectiveValue()


def fifty_against_ortools(seeds: int, seconds: float) -> None:
    print(f"(3) 50 stops, first and last pinned, no time windows: ours (default budget 0.8 s)"
          f" vs OR-Tools routing (guided local search, {seconds:g} s)")
    try:
        import ortools  # noqa: F401
    except ImportError:
        print("    OR-Tools is not installed: `pip install ortools` to run this comparison"
              " (our figures follow without it)")
        ortools_available = False
    else:
        ortools_available = True
    gaps, times = [], []
    for seed in range(seeds):
        case = problem(random_plans(random.Random(100 + seed), 50), pins=(0, -1))
        started = time.perf_counter()
        found = suggest_route(case)
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        check = route_timeline(case, found.order)
        assert (check.conflicts, check.total_travel_minutes) == (found.conflicts,
                                                                  found.travel_minutes)
        line = (f"    seed {seed}: ours {found.travel_minutes:4d} min in {elapsed:.3f} s "
                f"(current order {found.before_travel_minutes} min)")
        if ortools_available:
            reference = ortools_path(RouteModel(case).w, 0, 49, seconds)
            gap = (found.travel_minutes - reference) / reference * 100
            gaps.append(gap)
            line += f", OR-Tools {reference:4d} min, gap {gap:+.2f} %"
        print(line)
    summary = f"    our time: median {statistics.median(times):.3f} s, max {max(times):.3f} s"
    if gaps:
        summary += f"; gap: mean {statistics.mean(gaps):+.2f} %, worst {max(gaps):+.2f} %"
    print(summary + " (target < 1 s, within 3 %)")


def fifty_with_hours(seeds: int) -> None:
    print("(4) 50 short stops (5-10 min), first and last pinned, opening hours on a third,"
          " day ends 22:00")
    times = []
    for seed in range(seeds):
        plans = random_plans(random.Random(200 + seed), 50, hours_share=0.33, dwell=(5, 10))
        case = problem(plans, pins=(0, -1), day_end=clock_time(22, 0))
        started = time.perf_counter()
        found = suggest_route(case)
        times.append(time.perf_counter() - started)
        print(f"    seed {seed}: {found.before_conflicts} conflicts, "
              f"{found.before_travel_minutes} min → {found.conflicts} conflicts, "
              f"{found.travel_minutes} min in {times[-1]:.3f} s")
    print(f"    time: max {max(times):.3f} s (target < 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="50-stop instances (default 5)")
    parser.add_argument("--ortools-seconds", type=float, default=10.0,
                        help="OR-Tools time limit per instance (default 10)")
    arguments = parser.parse_args()
    timeline_recompute()
    exact_ten(max(20, arguments.seeds))
    fifty_against_ortools(arguments.seeds, arguments.ortools_seconds)
    fifty_with_hours(arguments.seeds)


if __name__ == "__main__":
    main()
