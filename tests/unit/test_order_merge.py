"""Merging two orders of one list against their base (domain/order_merge.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldvisit.domain.order_merge import arrange, merge_order

BASE = {"a": 1, "b": 2, "c": 3, "d": 4}


def test_an_order_changed_on_one_side_only_is_taken():
    assert merge_order("abcd", "cabd", BASE, "abcd").order == tuple("cabd")
    assert merge_order("cabd", "abcd", BASE, "abcd").order == tuple("cabd")
    assert not merge_order("abcd", "cabd", BASE, "abcd").conflict


def test_orders_changed_on_both_sides_keep_mine_and_conflict():
    merged = merge_order("dabc", "cabd", BASE, "abcd")
    assert merged.order == tuple("dabc") and merged.conflict


def test_the_same_change_on_both_sides_is_no_conflict():
    merged = merge_order("dabc", "dabc", BASE, "abcd")
    assert merged.order == tuple("dabc") and not merged.conflict


def test_records_added_on_each_side_after_the_same_record_are_ordered_alike():
    mine, theirs = "abcdx", "abcdy"
    assert merge_order(mine, theirs, BASE, "abcdxy").order == \
        merge_order(theirs, mine, BASE, "abcdxy").order == tuple("abcdxy")
    assert merge_order("xabcd", "abycd", BASE, "abcdxy").order == tuple("xabycd")


def test_a_removal_is_no_reorder():
    merged = merge_order("abd", "dabc", BASE, "abd")
    assert merged.order == tuple("dab") and not merged.conflict


def test_arrange_puts_the_spine_first_and_anchors_the_rest():
    assert arrange(list("cab"), list("abxc"), list("cab"), set("abcx")) == list("cabx")


orders = st.permutations(list("abcdef"))


@given(orders, orders, orders, st.sets(st.sampled_from("abcdefgh")))
def test_the_result_is_every_present_record_once_and_the_same_on_both_sides(
        base, mine, theirs, present):
    positions = {k: i for i, k in enumerate(base)}
    mine = [k for k in mine if k in present or k in "abc"] + ["g"]
    theirs = [k for k in theirs if k in present or k in "def"] + ["h"]
    one = merge_order(mine, theirs, positions, present)
    other = merge_order(theirs, mine, positions, present)
    assert sorted(one.order) == sorted(present)
    assert one.conflict == other.conflict
    if not one.conflict:
        assert one.order == other.order
