"""``fieldvisit itinerary``, ``ics`` and ``optimize`` in-process against a test database."""

from __future__ import annotations

import json
import re
from datetime import date, time

import icalendar
import pytest

from fieldvisit.services import itinerary, visits

SITES = ("饿了么北京CBD骑士驿站", "东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇")


@pytest.fixture
def zigzag(uow):
    """Four sites ~1.7 km apart on an east-west line, visited 0, 3, 1, 2 (the first pinned):
    travel ≈ 17 + 11 + 6 min, where 0, 1, 2, 3 takes ≈ 6 + 6 + 6."""
    visit = visits.create_visit(uow, "直线调研", start_date=date(2023, 6, 1))
    sites = [itinerary.create_site(uow, f"点位{n}", latitude=39.9, longitude=116.40 + 0.02 * n)
             for n in range(4)]
    stops = [itinerary.add_stop(uow, visit.id, sites[n].id, pinned=(n == 0))
             for n in (0, 3, 1, 2)]
    return visit, sites, stops


def site_order(uow, visit_id) -> list[str]:
    sites = {s.id: s.name for s in itinerary.list_sites(uow)}
    return [sites[s.site_id] for s in itinerary.list_stops(uow, visit_id)]


def assert_user_error(result, *words: str) -> None:
    status, out, err = result
    assert status == 2 and out == ""
    assert err.startswith("fieldvisit: ") and "Traceback" not in err
    for word in words:
        assert word in err


# --- itinerary ----------------------------------------------------------------------------------

def test_itinerary_text(run_cli, sample_visit_id):
    status, out, err = run_cli("itinerary", str(sample_visit_id))
    assert status == 0, err
    lines = out.splitlines()
    assert "Day 1 (2023-05-25)" in lines
    assert f"  1. 09:30–10:20  {SITES[0]}  → 30 min" in lines
    assert f"  2. 10:50–11:40  {SITES[1]}  → 20 min" in lines
    assert f"  3. 14:00–15:00  {SITES[2]}" in lines
    assert lines[-1] == "Travel 50 min; 0 conflicts"
    assert "!" not in out


def test_itinerary_by_title_prefix(run_cli, sample_visit_id):
    status, out, _ = run_cli("itinerary", "市委主题教育第六巡回指导组")
    assert status == 0 and "09:30–10:20" in out


def test_itinerary_json(run_cli, sample_visit_id):
    status, out, err = run_cli("itinerary", str(sample_visit_id), "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["visit"]["id"] == str(sample_visit_id)
    assert data["visit"]["timezone"] == "Asia/Shanghai"
    assert data["total_travel_minutes"] == 50 and data["conflicts"] == 0
    stops = data["stops"]
    assert [s["site"] for s in stops] == list(SITES)
    assert [s["arrival"] for s in stops] == ["2023-05-25T09:30", "2023-05-25T10:50",
                                             "2023-05-25T14:00"]
    assert [s["departure"] for s in stops] == ["2023-05-25T10:20", "2023-05-25T11:40",
                                               "2023-05-25T15:00"]
    assert [s["travel_to_next_minutes"] for s in stops] == [30, 20, None]
    assert [s["waited_minutes"] for s in stops] == [0, 0, 120]
    assert all(s["conflicts"] == [] for s in stops)
    assert stops[0]["distance_to_next_km"] == pytest.approx(10.28, abs=0.05)
    assert stops[2]["slack_to_day_end_minutes"] == 180


def test_a_stop_overrunning_the_day_end_shows_in_both_outputs(run_cli, uow, sample_visit_id):
    visits.update_visit(uow, sample_visit_id, day_end=time(12, 0))
    status, out, _ = run_cli("itinerary", str(sample_visit_id))
    assert status == 0
    assert "! overruns the day's end by 180 min" in out
    assert out.splitlines()[-1] == "Travel 50 min; 1 conflicts"

    status, out, _ = run_cli("itinerary", str(sample_visit_id), "--json")
    data = json.loads(out)
    assert data["conflicts"] == 1
    assert [s["conflicts"] for s in data["stops"]] == [
        [], [], [{"kind": "overruns_day_end", "minutes": 180}]]
    assert data["stops"][1]["slack_to_day_end_minutes"] == 20


def test_a_leg_without_coordinates_shows_in_the_text(run_cli, uow):
    visit = visits.create_visit(uow, "无坐标调研", start_date=date(2023, 6, 1))
    for name in ("甲", "乙"):
        itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, name).id)
    status, out, _ = run_cli("itinerary", str(visit.id))
    assert status == 0
    assert "travel cannot be estimated" in out and "1 conflicts" in out


# --- ics ----------------------------------------------------------------------------------------

def test_ics_writes_a_calendar_file(run_cli, sample_visit_id, tmp_path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "visit.ics"
    status, out, err = run_cli("ics", str(sample_visit_id), "-o", str(target))
    assert status == 0 and out == "" and str(target) in err
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [f"{n}. {s}" for n, s in enumerate(SITES, 1)]
    assert events[0]["DTSTART"].dt.tzinfo.key == "Asia/Shanghai"
    assert [p.name for p in target.parent.iterdir()] == ["visit.ics"]  # no temporary left


# --- optimize -----------------------------------------------------------------------------------

def test_optimize_reports_without_changing_the_order(run_cli, uow, zigzag):
    visit, _, _ = zigzag
    before = site_order(uow, visit.id)
    status, out, err = run_cli("optimize", str(visit.id))
    assert status == 0, err
    assert out.startswith("Day 1:")
    travel = re.search(r"travel (\d+) → (\d+) min", out)
    assert int(travel.group(2)) < int(travel.group(1))
    suggested = out.split("  suggested:\n")[1].splitlines()
    assert [re.search(r"点位\d", line).group() for line in suggested] == \
        ["点位0", "点位1", "点位2", "点位3"]
    assert "applied" not in out
    assert site_order(uow, visit.id) == before == ["点位0", "点位3", "点位1", "点位2"]


def test_optimize_apply_reorders_and_then_finds_nothing_better(run_cli, uow, zigzag):
    visit, _, stops = zigzag
    status, out, err = run_cli("optimize", str(visit.id), "--apply")
    assert status == 0, err
    assert out.splitlines()[-1] == "applied"
    assert site_order(uow, visit.id) == ["点位0", "点位1", "点位2", "点位3"]
    stored = itinerary.list_stops(uow, visit.id)
    assert [s.position for s in stored] == [1, 2, 3, 4]
    assert stored[0].id == stops[0].id and stored[0].pinned  # the pinned stop kept its place

    status, out, _ = run_cli("optimize", str(visit.id), "--apply")
    assert status == 0
    travel = re.search(r"travel (\d+) → (\d+) min", out)
    assert travel.group(1) == travel.group(2)
    assert out.splitlines()[-1] == "the present order is already the best"
    assert site_order(uow, visit.id) == ["点位0", "点位1", "点位2", "点位3"]


def test_optimize_the_sample_keeps_its_order(run_cli, uow, sample_visit_id):
    before = [s.id for s in itinerary.list_stops(uow, sample_visit_id)]
    status, out, _ = run_cli("optimize", str(sample_visit_id), "--apply")
    assert status == 0
    assert out.startswith("Day 1: travel 45 → 45 min with every leg estimated alike (the "
                          "itinerary, typed times included: 50 → 50 min), conflicts 0 → 0")
    assert "1. 09:30–10:20  饿了么北京CBD骑士驿站  → 30 min typed" in out
    assert [s.id for s in itinerary.list_stops(uow, sample_visit_id)] == before


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [("itinerary", "没有这个访问"),
                                  ("itinerary", "没有这个访问", "--json"),
                                  ("optimize", "没有这个访问"),
                                  ("optimize", "没有这个访问", "--apply")])
def test_unknown_visit_is_a_user_error(run_cli, sample_visit_id, args):
    assert_user_error(run_cli(*args), "没有这个访问")


def test_ics_of_an_unknown_visit_writes_nothing(run_cli, sample_visit_id, tmp_path):
    target = tmp_path / "nope.ics"
    assert_user_error(run_cli("ics", "没有这个访问", "-o", str(target)), "没有这个访问")
    assert not target.exists()
