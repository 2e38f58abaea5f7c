"""The repositories' filters: equality, a list (or set) meaning "one of these", the same
select behind listing, counting and the other readers, and no misspelt field."""

from __future__ import annotations

import pytest

from fieldvisit.domain.enums import NoteKind


def test_count_with_a_list_filter_counts_what_listing_returns(uow, sample_visit_id):
    with uow:
        notes = uow.notes.all(visit_id=sample_visit_id)
        chosen = [n.id for n in notes[:3]]
        assert len(chosen) == 3
        assert len(uow.notes.all(id=chosen)) == 3
        assert uow.notes.count(id=chosen) == 3
        assert uow.notes.count(id=set(chosen[:2])) == 2
        assert uow.notes.count(id=[]) == 0 == len(uow.notes.all(id=[]))
        assert uow.notes.count(visit_id=sample_visit_id, id=chosen[:1]) == 1


def test_count_values_and_count_by_agree_with_listing(uow, sample_visit_id):
    with uow:
        for filters in ({"visit_id": sample_visit_id},
                        {"visit_id": sample_visit_id, "kind": NoteKind.QUOTE},
                        {"kind": [NoteKind.QUOTE, NoteKind.OBSERVATION]}):
            listed = uow.notes.where(filters)
            assert uow.notes.count(**filters) == len(listed)
            assert sorted(map(str, uow.notes.values("id", **filters))) == \
                sorted(str(n.id) for n in listed)
            assert sum(uow.notes.count_by("kind", **filters).values()) == len(listed)


def test_a_filter_on_a_field_the_record_lacks_is_refused(uow, sample_visit_id):
    with uow:
        with pytest.raises(KeyError, match="no field 'visit'"):
            uow.notes.all(visit=sample_visit_id)
        with pytest.raises(KeyError):
            uow.notes.count(visit=sample_visit_id)
        with pytest.raises(KeyError):
            uow.notes.values("metadata")


def test_where_takes_a_field_named_at_run_time(uow, sample_visit_id):
    with uow:
        field = "visit_id"
        assert uow.stops.where({field: sample_visit_id}, order_by=("position",)) == \
            uow.stops.all(order_by=("position",), visit_id=sample_visit_id)
