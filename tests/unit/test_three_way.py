"""fieldvisit.domain.three_way: merging two versions of a record against their common base."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldvisit.domain.three_way import merge_fields

FIELDS = ("text", "tags", "kind", "speaker")
values = st.sampled_from(["", "一", "二", ("a",), ("a", "b"), None])
versions = st.fixed_dictionaries({name: values for name in FIELDS})


def test_fields_changed_on_one_side_merge():
    base = {"text": "原文", "tags": (), "kind": "observation"}
    mine = {**base, "text": "我改的"}
    theirs = {**base, "tags": ("主题",)}
    merged = merge_fields(base, mine, theirs)
    assert merged.values == {"text": "我改的", "tags": ("主题",), "kind": "observation"}
    assert merged.conflicts == ()


def test_only_fields_changed_on_both_sides_to_different_values_conflict():
    base = {"text": "原文", "tags": (), "kind": "observation"}
    mine = {"text": "我改的", "tags": ("主题",), "kind": "quote"}
    theirs = {"text": "他们改的", "tags": ("主题",), "kind": "observation"}
    merged = merge_fields(base, mine, theirs)
    assert merged.conflicts == ("text",)
    assert merged.values == {"text": "我改的", "tags": ("主题",), "kind": "quote"}


def test_without_a_base_every_difference_conflicts():
    merged = merge_fields(None, {"text": "甲", "kind": "quote"}, {"text": "乙", "kind": "quote"})
    assert merged.conflicts == ("text",) and merged.values == {"text": "甲", "kind": "quote"}


@given(versions, versions, versions)
def test_merge_properties(base, mine, theirs):
    merged = merge_fields(base, mine, theirs)
    swapped = merge_fields(base, theirs, mine)
    assert set(merged.conflicts) == set(swapped.conflicts)
    for name in FIELDS:
        if name in merged.conflicts:
            assert mine[name] != theirs[name]
            assert base[name] not in (mine[name], theirs[name])
            assert merged.values[name] == mine[name]  # ours stays until resolved
        else:
            assert merged.values[name] == swapped.values[name]
            assert merged.values[name] in (mine[name], theirs[name])
            if mine[name] != base[name]:
                assert merged.values[name] == mine[name]
            if theirs[name] != base[name]:
                assert merged.values[name] == theirs[name]


@given(versions, versions)
def test_an_unchanged_side_takes_the_other(base, other):
    assert merge_fields(base, base, other).values == other
    assert merge_fields(base, other, base).values == other
    assert merge_fields(base, other, other) == merge_fields(None, other, other)
