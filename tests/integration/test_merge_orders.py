"""Orders between laptops (issue 12, item 7): the stops of the itinerary, the notes and the
protocol order of the delegation converge to one valid order (positions 1..n, none twice) on
every laptop; where both laptops reordered a list, one conflict says so and is resolved by
keeping this laptop's order or taking the other's."""

from __future__ import annotations

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.services import delegation, directory, itinerary, notes, visits
from fieldvisit.services.itinerary_view import itinerary as itinerary_view
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from tests.integration.laptops import Laptop, same_visit

SITES = ["工人文化宫", "骑手驿站", "环卫工人之家", "妇女儿童活动中心", "青年创业园"]


@pytest.fixture
def pair(database, make_database, tmp_path):
    """Laptops A and B (both on the database of the test's kind) sharing a visit of five
    stops, three notes and three delegation members."""
    a = Laptop("A", database, tmp_path)
    b = Laptop("B", make_database("b.sqlite3"), tmp_path)
    uow = a.uow()
    visit = visits.create_visit(uow, "骑手调研")
    for name in SITES:
        itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, name).id)
    for text in ("第一条", "第二条", "第三条"):
        notes.add_note(uow, visit.id, text)
    for name in ("潘建新", "李娜", "王芳"):
        delegation.add_member(uow, visit.id, directory.create_person(uow, name).id)
    a.send(b, visit.id)
    return a, b, visit.id


def stop_names(laptop: Laptop, visit_id) -> list[str]:
    uow = laptop.uow()
    sites = {s.id: s.name for s in itinerary.list_sites(uow)}
    return [sites[s.site_id] for s in itinerary.list_stops(uow, visit_id)]


def stop_ids(laptop: Laptop, visit_id, *names: str) -> list:
    uow = laptop.uow()
    sites = {s.name: s.id for s in itinerary.list_sites(uow)}
    by_site = {s.site_id: s.id for s in itinerary.list_stops(uow, visit_id)}
    return [by_site[sites[name]] for name in names]


def numbers(records: list, field: str = "position") -> list[int]:
    return sorted(getattr(r, field) for r in records)


def assert_valid_orders(laptop: Laptop, visit_id) -> None:
    uow = laptop.uow()
    for records, field in ((itinerary.list_stops(uow, visit_id), "position"),
                           (notes.list_notes(uow, visit_id), "position"),
                           (delegation.list_members(uow, visit_id), "protocol_order")):
        assert numbers(records, field) == list(range(1, len(records) + 1)), laptop.name


def move_to_top(laptop: Laptop, visit_id, name: str) -> None:
    order = [SITES.index(n) for n in stop_names(laptop, visit_id)]
    names = [SITES[i] for i in order]
    names.remove(name)
    itinerary.reorder_stops(laptop.uow(), visit_id, stop_ids(laptop, visit_id, name, *names))


def itinerary_numbers(laptop: Laptop, visit_id) -> list[int]:
    return [line.stop.position for line in itinerary_view(laptop.uow(), visit_id).lines]


def test_stops_reordered_on_both_laptops_converge_with_one_conflict(pair):
    a, b, visit_id = pair
    move_to_top(a, visit_id, SITES[2])  # A: stop 3 first
    move_to_top(b, visit_id, SITES[4])  # B: stop 5 first
    into_b = a.send(b, visit_id)
    b.send(a, visit_id)

    assert stop_names(a, visit_id) == stop_names(b, visit_id)
    for laptop in (a, b):
        assert_valid_orders(laptop, visit_id)
        assert itinerary_numbers(laptop, visit_id) == [1, 2, 3, 4, 5]
    left, right = same_visit(a, b, visit_id=visit_id)
    assert left == right
    # B merged last: its order stays until the user chooses, and says so once
    assert stop_names(b, visit_id)[0] == SITES[4]
    [conflict] = [c for c in into_b.conflicts]
    assert (conflict.kind, conflict.record_type) == ("order", "stops")
    assert conflict.mine.splitlines() == [f"{i}. {n}" for i, n in enumerate(
        [SITES[4], SITES[0], SITES[1], SITES[2], SITES[3]], start=1)]
    assert conflict.theirs.splitlines() == [f"{i}. {n}" for i, n in enumerate(
        [SITES[2], SITES[0], SITES[1], SITES[3], SITES[4]], start=1)]
    waiting = list_conflicts(b.uow(), visit_id) + list_conflicts(a.uow(), visit_id)
    assert [c.kind for c in waiting] == ["order"]
    assert not a.send(b, visit_id).conflicts  # nothing new, nothing repeated
    assert not b.send(a, visit_id).changed_anything


@pytest.mark.parametrize("take_theirs", [True, False])
def test_resolving_an_order_conflict_wins_on_both_laptops(pair, take_theirs):
    a, b, visit_id = pair
    move_to_top(a, visit_id, SITES[2])
    move_to_top(b, visit_id, SITES[4])
    a.send(b, visit_id)
    b.send(a, visit_id)
    [conflict] = list_conflicts(b.uow(), visit_id)
    resolved = resolve_conflict(b.uow(), conflict.id, take_incoming=take_theirs)
    assert resolved.resolved
    expected = [SITES[2], SITES[0], SITES[1], SITES[3], SITES[4]] if take_theirs else \
        [SITES[4], SITES[0], SITES[1], SITES[2], SITES[3]]
    assert stop_names(b, visit_id) == expected
    b.send(a, visit_id)
    a.send(b, visit_id)
    for laptop in (a, b):
        assert stop_names(laptop, visit_id) == expected
        assert_valid_orders(laptop, visit_id)
        assert list_conflicts(laptop.uow(), visit_id) == []
    left, right = same_visit(a, b, visit_id=visit_id)
    assert left == right
    assert not a.send(b, visit_id).changed_anything
    assert not b.send(a, visit_id).changed_anything


def test_a_note_added_on_each_laptop_gets_its_own_place_on_both(pair):
    a, b, visit_id = pair
    stop = itinerary.list_stops(a.uow(), visit_id)[1]
    mine = notes.add_note(a.uow(), visit_id, "A 在驿站记的", stop_id=stop.id)
    theirs = notes.add_note(b.uow(), visit_id, "B 在驿站记的", stop_id=stop.id)
    assert mine.position == theirs.position == 4
    first = a.send(b, visit_id)
    second = b.send(a, visit_id)
    assert not first.conflicts and not second.conflicts
    orders = [[n.id for n in notes.list_notes(laptop.uow(), visit_id)] for laptop in (a, b)]
    assert orders[0] == orders[1] and {mine.id, theirs.id} <= set(orders[0])
    for laptop in (a, b):
        assert_valid_orders(laptop, visit_id)
    left, right = same_visit(a, b, visit_id=visit_id)
    assert left == right
    assert not a.send(b, visit_id).changed_anything
    assert list_conflicts(a.uow(), visit_id) == list_conflicts(b.uow(), visit_id) == []


def test_an_order_changed_on_one_laptop_is_taken_by_the_other(pair):
    a, b, visit_id = pair
    move_to_top(a, visit_id, SITES[3])
    members = delegation.list_members(a.uow(), visit_id)
    delegation.reorder_members(a.uow(), visit_id, [m.id for m in reversed(members)])
    note = notes.list_notes(b.uow(), visit_id)[0]
    notes.update_note(b.uow(), note.id, text="B 改了正文")  # an edit, not a reorder
    into_b = a.send(b, visit_id)
    assert not into_b.conflicts
    assert stop_names(b, visit_id)[0] == SITES[3]
    assert [m.id for m in delegation.list_members(b.uow(), visit_id)] == \
        [m.id for m in reversed(members)]
    b.send(a, visit_id)
    for laptop in (a, b):
        assert_valid_orders(laptop, visit_id)
        assert list_conflicts(laptop.uow(), visit_id) == []
    left, right = same_visit(a, b, visit_id=visit_id)
    assert left == right


def test_a_stop_removed_on_one_laptop_and_the_stops_reordered_on_the_other(pair):
    """Renumbering after a removal is no reorder: no conflict, the reorder is kept."""
    a, b, visit_id = pair
    [gone] = stop_ids(a, visit_id, SITES[1])
    itinerary.remove_stop(a.uow(), gone)
    move_to_top(b, visit_id, SITES[4])
    into_b = a.send(b, visit_id)
    b.send(a, visit_id)
    assert not into_b.conflicts
    expected = [SITES[4], SITES[0], SITES[2], SITES[3]]
    for laptop in (a, b):
        assert stop_names(laptop, visit_id) == expected
        assert_valid_orders(laptop, visit_id)
        assert list_conflicts(laptop.uow(), visit_id) == []


def test_a_note_moved_on_one_laptop_is_still_deleted_by_the_other(pair):
    """A record whose only change is its place is not "edited": a deletion takes it."""
    a, b, visit_id = pair
    first, second, third = notes.list_notes(a.uow(), visit_id)
    notes.reorder_notes(a.uow(), visit_id, [third.id, first.id, second.id])
    notes.delete_note(b.uow(), third.id)
    b.send(a, visit_id)
    a.send(b, visit_id)
    for laptop in (a, b):
        assert [n.id for n in notes.list_notes(laptop.uow(), visit_id)] == [first.id, second.id]
        assert_valid_orders(laptop, visit_id)
        assert list_conflicts(laptop.uow(), visit_id) == []


def test_notes_reordered_on_both_laptops_conflict_once(pair):
    a, b, visit_id = pair
    first, second, third = notes.list_notes(a.uow(), visit_id)
    notes.reorder_notes(a.uow(), visit_id, [third.id, first.id, second.id])
    notes.reorder_notes(b.uow(), visit_id, [second.id, first.id, third.id])
    into_b = a.send(b, visit_id)
    b.send(a, visit_id)
    [conflict] = into_b.conflicts
    assert (conflict.kind, conflict.record_type) == ("order", "notes")
    assert conflict.mine.splitlines() == ["1. 第二条", "2. 第一条", "3. 第三条"]
    assert conflict.theirs.splitlines() == ["1. 第三条", "2. 第一条", "3. 第二条"]
    for laptop in (a, b):
        assert [n.id for n in notes.list_notes(laptop.uow(), visit_id)] == \
            [second.id, first.id, third.id]
        assert_valid_orders(laptop, visit_id)


def test_a_reorder_after_the_conflict_settles_it(pair):
    a, b, visit_id = pair
    move_to_top(a, visit_id, SITES[2])
    move_to_top(b, visit_id, SITES[4])
    a.send(b, visit_id)
    assert len(list_conflicts(b.uow(), visit_id)) == 1
    move_to_top(b, visit_id, SITES[1])  # a new decision on B
    b.send(a, visit_id)
    a.send(b, visit_id)
    for laptop in (a, b):
        assert stop_names(laptop, visit_id)[0] == SITES[1]
        assert list_conflicts(laptop.uow(), visit_id) == []


# -- local operations never number two records alike -----------------------------------------
def test_a_note_added_after_a_deletion_takes_a_free_place(uow):
    visit = visits.create_visit(uow, "记录")
    first, _second, _third = (notes.add_note(uow, visit.id, t) for t in ("一", "二", "三"))
    notes.delete_note(uow, first.id)
    notes.add_note(uow, visit.id, "四")
    positions = [n.position for n in notes.list_notes(uow, visit.id)]
    assert len(set(positions)) == len(positions) == 3


def test_undoing_a_note_deletion_puts_it_back_in_its_place_without_a_twin(uow):
    visit = visits.create_visit(uow, "记录")
    added = [notes.add_note(uow, visit.id, t) for t in ("一", "二", "三")]
    notes.delete_note(uow, added[1].id)
    notes.reorder_notes(uow, visit.id, [added[2].id, added[0].id])  # places 1, 2 taken
    notes.restore_note(uow, added[1])
    listed = notes.list_notes(uow, visit.id)
    assert [n.position for n in listed] == [1, 2, 3]
    assert [n.id for n in listed] == [added[2].id, added[1].id, added[0].id]


def test_reordering_notes_must_name_every_note_once(uow):
    from fieldvisit.domain.errors import ValidationError

    visit = visits.create_visit(uow, "记录")
    first, second = (notes.add_note(uow, visit.id, t) for t in ("一", "二"))
    with pytest.raises(ValidationError):
        notes.reorder_notes(uow, visit.id, [first.id, first.id])
    notes.reorder_notes(uow, visit.id, [second.id, first.id])
    assert [n.id for n in notes.list_notes(uow, visit.id)] == [second.id, first.id]


def test_positions_of_a_new_visit_from_another_laptop_are_kept(pair):
    """A first unpack of valid orders rewrites nothing (the versions stay the sender's)."""
    a, b, visit_id = pair
    assert not a.send(b, visit_id).changed_anything
    assert all(s.version == 1 for s in itinerary.list_stops(b.uow(), visit_id))


def test_duplicate_positions_from_an_older_laptop_are_numbered_once_and_agree(pair):
    """Two notes numbered alike (as an older FieldVisit could) get distinct places, the same
    on both laptops, and the next exchange changes nothing."""
    a, b, visit_id = pair
    first, second, third = notes.list_notes(a.uow(), visit_id)
    a.edit(e.Note, third.id, position=second.position)
    a.send(b, visit_id)
    b.send(a, visit_id)
    for laptop in (a, b):
        assert_valid_orders(laptop, visit_id)
    left, right = same_visit(a, b, visit_id=visit_id)
    assert left == right
    assert not a.send(b, visit_id).changed_anything


def test_cli_lists_and_resolves_an_order_conflict(pair, capsys):
    from fieldvisit.cli import main

    a, b, visit_id = pair
    move_to_top(a, visit_id, SITES[2])
    move_to_top(b, visit_id, SITES[4])
    where = ["--database-url", b.database.url]
    assert main([*where, "unpack", str(a.pack(visit_id))]) == 0
    assert "in conflict: 1" in capsys.readouterr().out
    assert main([*where, "conflicts"]) == 0
    listing = capsys.readouterr().out
    assert "stops" in listing and "reordered on both laptops" in listing
    assert f"mine:   1. {SITES[4]}" in listing and f"theirs: 1. {SITES[2]}" in listing
    conflict_id = listing.split()[0]
    assert main([*where, "conflicts", "--resolve", conflict_id, "--keep"]) == 2
    assert "--mine or --theirs" in capsys.readouterr().err
    assert main([*where, "conflicts", "--resolve", conflict_id, "--theirs"]) == 0
    assert "took theirs" in capsys.readouterr().out
    assert stop_names(b, visit_id)[0] == SITES[2]
