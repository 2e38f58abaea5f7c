"""Accepting a route suggestion: one step that also clears typed travel times whose leg no
longer exists, and undo that restores both."""

from __future__ import annotations

import pytest

from fieldvisit.domain.enums import CoordinateDatum
from fieldvisit.domain.errors import ConflictError
from fieldvisit.services import itinerary, visits
from fieldvisit.services.itinerary_view import itinerary as itinerary_view
from fieldvisit.services.route_suggestion import apply_suggestion, suggest, undo_suggestion


@pytest.fixture
def zigzag(uow):
    """Four sites on an east-west line, visited 0, 3, 1, 2 (first pinned); a typed time on
    the leg 3 → 1 that the better order no longer has."""
    visit = visits.create_visit(uow, "路线")
    sites = [itinerary.create_site(uow, f"点{i}", latitude=39.9, longitude=116.40 + 0.02 * i,
                                   datum=CoordinateDatum.WGS84) for i in range(4)]
    stops = [itinerary.add_stop(uow, visit.id, sites[i].id, pinned=(i == 0)) for i in (0, 3, 1, 2)]
    itinerary.update_stop(uow, stops[1].id, travel_minutes=99)
    return visit, stops


def test_apply_clears_stale_typed_times_and_undo_restores(uow, zigzag):
    visit, stops = zigzag
    proposal = suggest(uow, visit.id)
    assert proposal.changes_order and proposal.after_travel < proposal.before_travel
    promised = proposal.after_travel
    cleared = apply_suggestion(uow, proposal)
    assert cleared == {stops[1].id: 99}
    view = itinerary_view(uow, visit.id)
    assert [line.site.name for line in view.lines] == ["点0", "点1", "点2", "点3"]
    assert view.total_travel_minutes == promised  # what the suggestion said is what we get
    undo_suggestion(uow, proposal, cleared)
    restored = itinerary.list_stops(uow, visit.id)
    assert [s.id for s in restored] == [s.id for s in stops]
    assert next(s for s in restored if s.id == stops[1].id).travel_minutes == 99


def test_a_stale_suggestion_is_refused(uow, zigzag):
    visit, stops = zigzag
    proposal = suggest(uow, visit.id)
    itinerary.reorder_stops(uow, visit.id, [stops[0].id, stops[2].id, stops[1].id, stops[3].id])
    with pytest.raises(ConflictError, match="changed"):
        apply_suggestion(uow, proposal)


def _line_visit(uow, title, days):
    """Sites on an east-west line; ``days``: for each day, (site index, typed minutes) in the
    itinerary's order. Positions restart at 1 each day, as a visit document may have them."""
    visit = visits.create_visit(uow, title)
    sites = [itinerary.create_site(uow, f"点{i}", latitude=39.9, longitude=116.40 + 0.02 * i,
                                   datum=CoordinateDatum.WGS84) for i in range(8)]
    stops = []
    for day, plan in enumerate(days, start=1):
        for position, (site, typed) in enumerate(plan, start=1):
            stop = itinerary.add_stop(uow, visit.id, sites[site].id, day=day)
            stops.append(itinerary.update_stop(uow, stop.id, position=position,
                                               travel_minutes=typed))
    return visit, stops


def test_typed_legs_that_survive_keep_their_minutes_and_other_days_are_untouched(uow):
    """Issue 16: applying kept only legs in the same direction and renumbered the second
    day's positions. A leg between the same two stops survives either way round."""
    visit, stops = _line_visit(uow, "两天", [
        [(0, 20), (2, 25), (1, None), (3, None)],  # 0 → 2 → 1 → 3: 2 → 1 should turn round
        [(4, 11), (5, 12), (6, None)],  # already in line order
    ])
    before = {s.id: (s.day, s.position, s.travel_minutes, s.version)
              for s in itinerary.list_stops(uow, visit.id)}
    proposal = suggest(uow, visit.id)
    day1 = proposal.days[0]
    assert day1.names == ("点0", "点1", "点2", "点3")
    previous = apply_suggestion(uow, proposal)
    after = {s.id: s for s in itinerary.list_stops(uow, visit.id)}
    by_site = {itinerary_view(uow, visit.id).lines[k].site.name: line
               for k, line in enumerate(itinerary_view(uow, visit.id).lines)}
    # the leg 0 → 2 is gone; 2 → 1 survives as 1 → 2 with its 25 minutes; 1 → 3 is new
    assert by_site["点0"].stop.travel_minutes is None
    assert by_site["点1"].stop.travel_minutes == 25
    assert by_site["点2"].stop.travel_minutes is None
    assert [line.stop.position for line in itinerary_view(uow, visit.id).lines][:4] == \
        [1, 2, 3, 4]
    for stop in stops[4:]:  # the second day: same positions, same versions, same times
        assert (after[stop.id].day, after[stop.id].position, after[stop.id].travel_minutes,
                after[stop.id].version) == before[stop.id]
    undo_suggestion(uow, proposal, previous)
    assert {s.id: (s.day, s.position, s.travel_minutes)
            for s in itinerary.list_stops(uow, visit.id)} == \
        {i: b[:3] for i, b in before.items()}


def test_the_proposal_compares_like_with_like_and_lists_both_orders(uow):
    """Typed long legs today, estimated short ones tomorrow: the saving shown is the order's
    (every leg priced alike); the itinerary's own totals are given beside it."""
    visit, _stops = _line_visit(uow, "比较", [[(0, 60), (2, 60), (1, 60), (3, None)]])
    proposal = suggest(uow, visit.id)
    day = proposal.days[0]
    assert day.before_shown == itinerary_view(uow, visit.id).total_travel_minutes
    assert day.before_shown > 120 and day.before_travel < 60  # typed vs estimated alike
    assert day.before_travel - day.after_travel < 20
    assert [t.name for t in day.before] == ["点0", "点2", "点1", "点3"]
    assert [t.name for t in day.after] == list(day.names)
    assert [t.leg_typed for t in day.before] == [True, True, True, False]
    assert proposal.typed_legs
    apply_suggestion(uow, proposal)
    assert itinerary_view(uow, visit.id).total_travel_minutes == day.after_shown
