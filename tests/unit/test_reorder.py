"""The one reorder helper of the delegation and itinerary tabs (``fieldvisit.ui.reorder``)."""

from __future__ import annotations

from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from fieldvisit.ui.reorder import drop_target, moved, step_target

A, B, C, D, E = (uuid4() for _ in range(5))


def test_a_step_and_a_drop_land_where_the_user_expects():
    order = [A, B, C, D]
    assert moved(order, C, step_target(order, C, -1)) == [A, C, B, D]
    assert moved(order, A, step_target(order, A, +1)) == [B, A, C, D]
    assert step_target(order, A, -1) is None and step_target(order, D, +1) is None
    assert moved(order, A, drop_target(order, A, 3)) == [B, C, A, D]  # dropped before D
    assert moved(order, D, drop_target(order, D, 0)) == [D, A, B, C]
    assert moved(order, B, drop_target(order, B, 4)) == [A, C, D, B]  # below the last row


def test_a_group_moves_among_itself_in_its_own_slots():
    order = [A, B, C, D, E]  # B and D are the accompanying officials
    assert moved(order, D, 0, group=[B, D]) == [A, D, C, B, E]
    assert moved(order, B, drop_target([B, D], B, 2), group=[B, D]) == [A, D, C, B, E]


@given(st.integers(2, 8), st.data())
def test_a_move_keeps_every_record_once(size, data):
    order = [uuid4() for _ in range(size)]
    record = data.draw(st.sampled_from(order))
    row = data.draw(st.integers(0, size))
    after = moved(order, record, drop_target(order, record, row))
    assert sorted(after) == sorted(order)
    assert after.index(record) == drop_target(order, record, row)
