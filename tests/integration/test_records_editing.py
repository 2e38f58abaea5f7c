"""Editing and deleting key figures and follow-ups, as the Notes tab's tables do it."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from fieldvisit.domain.enums import FigureQualifier, FollowUpStatus
from fieldvisit.domain.errors import NotFoundError, ValidationError
from fieldvisit.services import directory, notes, visits
from fieldvisit.services.views import VisitOverview


def _stops(uow, visit_id) -> list:
    overview: VisitOverview = visits.visit_overview(uow, visit_id)
    return [s.stop for s in overview.stops]


def test_a_figure_is_edited_field_by_field(uow, sample_visit_id):
    figure = notes.list_figures(uow, sample_visit_id)[1]
    last_stop = _stops(uow, sample_visit_id)[-1]
    edited = notes.update_figure(uow, figure.id, label="  驿站服务人次 ", value="6,500",
                                 unit="人次", qualifier=FigureQualifier.ABOUT,
                                 stop_id=last_stop.id)
    assert (edited.label, edited.value, edited.qualifier, edited.stop_id) == (
        "驿站服务人次", "6500", FigureQualifier.ABOUT, last_stop.id)
    assert notes.list_figures(uow, sample_visit_id)[1] == edited  # still in its place
    assert notes.update_figure(uow, figure.id, stop_id=None).stop_id is None
    assert notes.update_figure(uow, figure.id, value="2022-04").value == "2022-04"


@pytest.mark.parametrize("changes", [{"label": "  "}, {"value": ""}, {"qualifier": "lots"}])
def test_a_figure_without_label_or_value_is_refused(uow, sample_visit_id, changes):
    figure = notes.list_figures(uow, sample_visit_id)[0]
    with pytest.raises(ValidationError) as raised:
        notes.update_figure(uow, figure.id, **changes)
    assert raised.value.field == next(iter(changes))
    assert notes.list_figures(uow, sample_visit_id)[0] == figure


def test_a_figure_stays_at_a_stop_of_its_own_visit(uow, sample_visit_id):
    figure = notes.list_figures(uow, sample_visit_id)[0]
    other = visits.create_visit(uow, "另一次调研")
    from fieldvisit.services import itinerary

    site = itinerary.create_site(uow, "别处")
    foreign = itinerary.add_stop(uow, other.id, site.id)
    with pytest.raises(ValidationError, match="the stop belongs to another visit"):
        notes.update_figure(uow, figure.id, stop_id=foreign.id)
    with pytest.raises(NotFoundError):
        notes.update_figure(uow, figure.id, stop_id=uuid4())
    assert notes.list_figures(uow, sample_visit_id)[0] == figure


def test_a_deleted_figure_comes_back_as_it_was(uow, sample_visit_id):
    figures = notes.list_figures(uow, sample_visit_id)
    deleted = notes.delete_figure(uow, figures[2].id)
    assert deleted == figures[2]
    assert figures[2] not in notes.list_figures(uow, sample_visit_id)
    notes.put_record(uow, deleted)
    assert notes.list_figures(uow, sample_visit_id) == figures  # in its old place


def test_a_follow_up_is_edited_done_and_reopened(uow, sample_visit_id):
    follow_up = notes.list_follow_ups(uow, sample_visit_id)[0]
    league = next(o for o in directory.list_organizations(uow) if o.short_name == "团市委")
    edited = notes.update_follow_up(uow, follow_up.id, action=" 协调驾校 ",
                                    responsible_organization_id=league.id,
                                    due_date=date(2023, 6, 30))
    assert (edited.action, edited.responsible_organization_id, edited.due_date) == (
        "协调驾校", league.id, date(2023, 6, 30))
    assert notes.update_follow_up(uow, follow_up.id,
                                  status=FollowUpStatus.DONE).status is FollowUpStatus.DONE
    reopened = notes.update_follow_up(uow, follow_up.id, status=FollowUpStatus.OPEN,
                                      due_date=None, responsible_organization_id=None)
    assert (reopened.status, reopened.due_date, reopened.responsible_organization_id) == (
        FollowUpStatus.OPEN, None, None)


def test_a_follow_up_needs_an_action_and_a_known_organization(uow, sample_visit_id):
    follow_up = notes.list_follow_ups(uow, sample_visit_id)[0]
    with pytest.raises(ValidationError, match="action must not be empty"):
        notes.update_follow_up(uow, follow_up.id, action=" ")
    with pytest.raises(NotFoundError, match="no organization"):
        notes.update_follow_up(uow, follow_up.id, responsible_organization_id=uuid4())
    with pytest.raises(ValidationError):
        notes.update_follow_up(uow, follow_up.id, status="finished")
    assert notes.list_follow_ups(uow, sample_visit_id)[0] == follow_up


def test_a_deleted_follow_up_comes_back_as_it_was(uow, sample_visit_id):
    follow_ups = notes.list_follow_ups(uow, sample_visit_id)
    deleted = notes.delete_follow_up(uow, follow_ups[1].id)
    assert deleted == follow_ups[1]
    assert len(notes.list_follow_ups(uow, sample_visit_id)) == 2
    notes.put_record(uow, deleted)
    assert notes.list_follow_ups(uow, sample_visit_id) == follow_ups
    with pytest.raises(NotFoundError):
        notes.delete_follow_up(uow, uuid4())
