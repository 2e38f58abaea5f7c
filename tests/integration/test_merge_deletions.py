"""Deletions travel between laptops (issue 12, item 1): packages carry tombstones, a deletion is
applied where the record was not changed since, never undone by an older copy, and a deletion
against an edit is a conflict the user resolves."""

from __future__ import annotations

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.services import delegation, notes
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from fieldvisit.services.sample import load_reference_visit
from tests.integration.laptops import Laptop, same_visit


@pytest.fixture
def laptops(make_db_path):
    made = [Laptop.on_sqlite(name, make_db_path(f"{name}.sqlite3")) for name in "abc"]
    yield made
    for laptop in made:
        laptop.dispose()


@pytest.fixture
def shared(laptops):
    """A, B and C hold the reference visit, exchanged once from A."""
    a, b, c = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = a.pack(visit_id)
    b.unpack(package)
    c.unpack(package)
    return visit_id


def delete_four(laptop: Laptop, visit_id) -> dict[str, e.Record]:
    """A note, a key figure, a follow-up and a delegation member, deleted as the app does."""
    uow = laptop.uow()
    note = notes.list_notes(uow, visit_id)[-1]
    figure = notes.list_figures(uow, visit_id)[0]
    follow_up = notes.list_follow_ups(uow, visit_id)[0]
    member = delegation.list_members(uow, visit_id)[-1]
    notes.delete_note(uow, note.id)
    notes.delete_figure(uow, figure.id)
    notes.delete_follow_up(uow, follow_up.id)
    removed = delegation.remove_member(uow, member.id, withdraw_organization=False)
    return {"notes": note, "key_figures": figure, "follow_ups": follow_up,
            "delegation": removed.member}


def test_deleted_records_are_not_brought_back_and_their_deletion_travels(laptops, shared):
    a, b, _c = laptops
    gone = delete_four(a, shared)

    back = b.send(a, shared)  # B still has all four, unchanged
    assert not back.added and not back.conflicts
    for record in gone.values():
        assert a.find(type(record), record.id) is None

    there = a.send(b, shared)
    assert there.deleted == {"delegation": 1, "notes": 1, "key_figures": 1, "follow_ups": 1}
    assert not there.added and not there.conflicts
    for record in gone.values():
        assert b.find(type(record), record.id) is None
    assert same_visit(a, b, visit_id=shared)[0] == same_visit(a, b, visit_id=shared)[1]
    again = a.send(b, shared)
    assert not again.deleted and not again.changed_anything


def test_a_deletion_reaches_a_third_laptop_and_an_old_copy_never_resurrects(laptops, shared):
    a, b, c = laptops
    gone = delete_four(a, shared)
    a.send(b, shared)
    stale = c.pack(shared)  # C never heard of the deletion
    assert b.send(c, shared).deleted == {"delegation": 1, "notes": 1, "key_figures": 1,
                                         "follow_ups": 1}
    for laptop in (a, b):
        summary = laptop.unpack(stale)
        assert not summary.added and not summary.conflicts
        for record in gone.values():
            assert laptop.find(type(record), record.id) is None


def test_deleted_here_and_edited_there_is_a_conflict_not_a_resurrection(laptops, shared):
    a, b, _c = laptops
    note = notes.list_notes(a.uow(), shared)[0]
    notes.delete_note(a.uow(), note.id)
    b.edit(e.Note, note.id, text="B 补充了这条记录")

    into_a = b.send(a, shared)
    assert not into_a.added and a.find(e.Note, note.id) is None
    [conflict] = into_a.conflicts
    assert (conflict.kind, conflict.record_id) == ("deleted_here", note.id)
    assert "B 补充了这条记录" in conflict.theirs

    into_b = a.send(b, shared)
    assert not into_b.deleted and b.get(e.Note, note.id).text == "B 补充了这条记录"
    [other] = into_b.conflicts
    assert (other.kind, other.record_id) == ("deleted_there", note.id)
    assert "B 补充了这条记录" in other.mine

    # B keeps its edit: in one step, and the next package brings the note back on A
    resolve_conflict(b.uow(), other.id, keep=True)
    assert b.get(e.Note, note.id).text == "B 补充了这条记录"
    assert list_conflicts(b.uow()) == []
    restored = b.send(a, shared)
    assert a.get(e.Note, note.id).text == "B 补充了这条记录"
    assert not restored.conflicts and list_conflicts(a.uow()) == []  # A's went stale
    assert not a.send(b, shared).changed_anything


def test_deleted_there_and_the_deletion_chosen(laptops, shared):
    a, b, _c = laptops
    note = notes.list_notes(a.uow(), shared)[0]
    notes.delete_note(a.uow(), note.id)
    b.edit(e.Note, note.id, text="B 的版本")
    [conflict] = a.send(b, shared).conflicts
    resolve_conflict(b.uow(), conflict.id, keep=False)
    assert b.find(e.Note, note.id) is None
    summary = b.send(a, shared)
    assert not summary.added and not summary.conflicts and a.find(e.Note, note.id) is None
    assert list_conflicts(a.uow()) == [] == list_conflicts(b.uow())


def test_a_deleted_record_that_was_resolved_away_here_keeps_its_conflict_choice(laptops,
                                                                               shared):
    """The deleting laptop resolves: Keep brings the other's edit back, Delete sends the
    deletion again, this time known to win over that edit."""
    a, b, _c = laptops
    kept, dropped = notes.list_notes(a.uow(), shared)[:2]
    for note in (kept, dropped):
        notes.delete_note(a.uow(), note.id)
        b.edit(e.Note, note.id, text=f"B 改了 {note.id}")
    conflicts = {c.record_id: c for c in b.send(a, shared).conflicts}
    resolve_conflict(a.uow(), conflicts[kept.id].id, keep=True)
    resolve_conflict(a.uow(), conflicts[dropped.id].id, keep=False)
    assert a.get(e.Note, kept.id).text == f"B 改了 {kept.id}"
    assert a.find(e.Note, dropped.id) is None
    into_b = a.send(b, shared)
    assert into_b.deleted == {"notes": 1} and not into_b.conflicts
    assert b.find(e.Note, dropped.id) is None and b.get(e.Note, kept.id) is not None
    assert same_visit(a, b, visit_id=shared)[0] == same_visit(a, b, visit_id=shared)[1]


def test_undoing_a_deletion_that_already_travelled_brings_the_record_back_everywhere(
        laptops, shared):
    a, b, _c = laptops
    note = notes.list_notes(a.uow(), shared)[0]
    notes.delete_note(a.uow(), note.id)
    assert a.send(b, shared).deleted == {"notes": 1}
    notes.restore_note(a.uow(), note)  # Edit ▸ Undo on A
    summary = a.send(b, shared)
    assert b.get(e.Note, note.id).text == note.text
    assert not summary.conflicts
    assert not b.send(a, shared).deleted and a.get(e.Note, note.id)


def test_both_laptops_deleting_the_same_record_agree(laptops, shared):
    a, b, _c = laptops
    note = notes.list_notes(a.uow(), shared)[0]
    notes.delete_note(a.uow(), note.id)
    notes.delete_note(b.uow(), note.id)
    for summary in (a.send(b, shared), b.send(a, shared)):
        assert not summary.deleted and not summary.conflicts and not summary.added
    assert a.find(e.Note, note.id) is None and b.find(e.Note, note.id) is None


def test_a_figure_of_a_note_deleted_elsewhere_keeps_its_own_edit(laptops, shared):
    """Deleting a note detaches its figures; an edit of such a figure on the other laptop
    merges with that, and the note stays deleted."""
    a, b, _c = laptops
    figure = next(f for f in notes.list_figures(a.uow(), shared) if f.note_id)
    notes.delete_note(a.uow(), figure.note_id)
    b.edit(e.KeyFigure, figure.id, value="6500")
    b.send(a, shared)
    merged = a.get(e.KeyFigure, figure.id)
    assert (merged.value, merged.note_id) == ("6500", None)
    assert a.find(e.Note, figure.note_id) is None
    a.send(b, shared)
    assert b.find(e.Note, figure.note_id) is None
    assert (b.get(e.KeyFigure, figure.id).value, b.get(e.KeyFigure, figure.id).note_id) == \
        ("6500", None)


def test_cli_reports_deletions_and_resolves_deletion_conflicts(laptops, shared, capsys):
    from fieldvisit.cli import main

    a, b, _c = laptops
    note, other = notes.list_notes(a.uow(), shared)[:2]
    notes.delete_note(a.uow(), note.id)
    notes.delete_note(a.uow(), other.id)
    b.edit(e.Note, other.id, text="B 改了这条")
    package = a.pack(shared)
    b_path = b.database.url.removeprefix("sqlite:///")
    assert main(["--db", b_path, "unpack", str(package)]) == 0
    out = capsys.readouterr().out
    assert "deleted: 1 notes" in out and "in conflict: 1" in out
    assert main(["--db", b_path, "conflicts"]) == 0
    listing = capsys.readouterr().out
    assert "deleted on the other laptop, edited here" in listing
    assert "B 改了这条" in listing
    conflict_id = listing.split()[0]
    assert main(["--db", b_path, "conflicts", "--resolve", conflict_id]) == 2
    assert "--keep or --delete" in capsys.readouterr().err
    assert main(["--db", b_path, "conflicts", "--resolve", conflict_id, "--delete"]) == 0
    assert "deleted" in capsys.readouterr().out
    assert b.find(e.Note, other.id) is None


def test_a_stop_deleted_here_while_the_other_laptop_takes_notes_there(laptops, shared):
    """A stop cannot be deleted while notes belong to it: a deletion that crosses a note added
    at the stop elsewhere is shown on both laptops, and the note is never lost."""
    from fieldvisit.domain.errors import ConflictError
    from fieldvisit.services import itinerary

    a, b, _c = laptops
    site = itinerary.create_site(a.uow(), "临时加的站点")
    stop = itinerary.add_stop(a.uow(), shared, site.id)
    a.send(b, shared)
    itinerary.remove_stop(a.uow(), stop.id)
    note = notes.add_note(b.uow(), shared, "在这一站记的", stop_id=stop.id)

    into_a = b.send(a, shared)
    [conflict] = into_a.conflicts
    assert (conflict.kind, conflict.record_id, conflict.fields) == \
        ("deleted_here", stop.id, ("notes",))
    assert a.find(e.Stop, stop.id) is None and a.find(e.Note, note.id) is None  # waits

    into_b = a.send(b, shared)
    [held] = into_b.conflicts
    assert (held.kind, held.record_id, held.fields) == ("deleted_there", stop.id, ("notes",))
    with pytest.raises(ConflictError, match="notes or key figures"):
        resolve_conflict(b.uow(), held.id, keep=False)
    assert b.get(e.Note, note.id).stop_id == stop.id

    resolve_conflict(a.uow(), conflict.id, keep=True)  # A brings the stop back
    back = b.send(a, shared)
    assert back.added == {"notes": 1} and a.get(e.Note, note.id).stop_id == stop.id
    a.send(b, shared)
    assert list_conflicts(a.uow()) == [] == list_conflicts(b.uow())
    left, right = same_visit(a, b, visit_id=shared)
    assert left == right


def test_an_absence_of_a_member_deleted_elsewhere_goes_with_the_member(laptops, shared):
    from fieldvisit.services import itinerary

    a, b, _c = laptops
    member = delegation.list_members(a.uow(), shared)[-1]
    stop = itinerary.list_stops(a.uow(), shared)[0]
    delegation.remove_member(a.uow(), member.id)
    delegation.set_attendance(b.uow(), member.id, stop.id, attends=False)
    into_a = b.send(a, shared)
    assert not into_a.added.get("absences") and not into_a.conflicts
    assert a.find(e.DelegationMember, member.id) is None
    into_b = a.send(b, shared)
    assert into_b.deleted.get("delegation") == 1 and not into_b.conflicts
    b.send(a, shared)
    assert a.all(e.Absence, shared) == [] == b.all(e.Absence, shared)
    left, right = same_visit(a, b, visit_id=shared)
    assert left == right
