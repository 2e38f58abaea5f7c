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
