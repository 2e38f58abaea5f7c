"""Merging field by field (issue 12, item 9): the last exchanged version of each record is the
common base; fields changed on one side merge by themselves, only fields changed on both sides
to different values conflict, resolving applies only those fields, and conflicts the laptops
have since settled resolve themselves."""

from __future__ import annotations

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.domain.enums import NoteKind
from fieldvisit.services import notes
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
    a, b, c = laptops
    visit_id = load_reference_visit(a.uow()).visit_id
    package = a.pack(visit_id)
    b.unpack(package)
    c.unpack(package)
    return visit_id


def first_note(laptop: Laptop, visit_id) -> e.Note:
    return notes.list_notes(laptop.uow(), visit_id)[0]


def test_different_fields_edited_on_two_laptops_merge_without_conflict(laptops, shared):
    a, b, _c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 改了正文")
    b.edit(e.Note, note.id, tags=("B 加的主题",), kind=NoteKind.QUOTE)
    into_a = b.send(a, shared)
    assert not into_a.conflicts and into_a.updated == {"notes": 1}
    merged = a.get(e.Note, note.id)
    assert (merged.text, merged.tags, merged.kind) == ("A 改了正文", ("B 加的主题",),
                                                       NoteKind.QUOTE)
    into_b = a.send(b, shared)
    assert not into_b.conflicts and b.get(e.Note, note.id).text == "A 改了正文"
    left, right = same_visit(a, b, visit_id=shared)
    assert left == right
    assert not b.send(a, shared).changed_anything


def test_only_fields_changed_on_both_sides_conflict_and_resolving_applies_only_them(
        laptops, shared):
    a, b, _c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 的正文")
    b.edit(e.Note, note.id, text="B 的正文", tags=("B 加的主题",))
    [conflict] = b.send(a, shared).conflicts
    assert (conflict.kind, conflict.fields) == ("edit", ("text",))
    merged = a.get(e.Note, note.id)
    assert (merged.text, merged.tags) == ("A 的正文", ("B 加的主题",))  # tags merged already

    a.edit(e.Note, note.id, speaker="后来填的发言人")  # an edit while the conflict waits
    resolve_conflict(a.uow(), conflict.id, take_incoming=True)
    resolved = a.get(e.Note, note.id)
    assert (resolved.text, resolved.tags, resolved.speaker) == \
        ("B 的正文", ("B 加的主题",), "后来填的发言人")
    assert list_conflicts(a.uow()) == []


def test_a_conflict_resolved_on_one_laptop_resolves_itself_on_the_other(laptops, shared):
    a, b, _c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 的正文")
    b.edit(e.Note, note.id, text="B 的正文")
    package_a, package_b = a.pack(shared), b.pack(shared)
    [in_a] = a.unpack(package_b).conflicts
    [in_b] = b.unpack(package_a).conflicts
    resolve_conflict(a.uow(), in_a.id, take_incoming=False)  # A keeps its text
    summary = a.send(b, shared)
    assert not summary.conflicts and b.get(e.Note, note.id).text == "A 的正文"
    assert list_conflicts(b.uow()) == []
    assert [c.id for c in list_conflicts(b.uow(), include_resolved=True)] == [in_b.id]
    assert not b.send(a, shared).changed_anything


def test_a_conflict_settled_by_the_same_edit_on_both_sides_resolves_itself(laptops, shared):
    a, b, _c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 的正文")
    b.edit(e.Note, note.id, text="B 的正文")
    [conflict] = b.send(a, shared).conflicts
    b.edit(e.Note, note.id, text="A 的正文")  # B's author agrees with A meanwhile
    summary = b.send(a, shared)
    assert not summary.conflicts and list_conflicts(a.uow()) == []
    assert a.get(e.Note, note.id).text == "A 的正文"
    assert list_conflicts(a.uow(), include_resolved=True)[0].id == conflict.id


def test_a_newer_version_from_the_same_laptop_replaces_its_stale_conflict(laptops, shared):
    a, b, _c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 的正文")
    b.edit(e.Note, note.id, text="B 的正文")
    [first] = b.send(a, shared).conflicts
    b.edit(e.Note, note.id, text="B 又改了")
    [second] = b.send(a, shared).conflicts
    assert second.id != first.id and second.theirs == "B 又改了"
    assert [c.id for c in list_conflicts(a.uow())] == [second.id]


def test_three_laptops_merge_against_their_latest_common_version(laptops, shared):
    a, b, c = laptops
    note = first_note(a, shared)
    a.edit(e.Note, note.id, text="A 改了正文")
    a.send(b, shared)
    a.send(c, shared)
    b.edit(e.Note, note.id, speaker="B 填了发言人")
    c.edit(e.Note, note.id, tags=("C 的主题",))
    summary = b.send(c, shared)
    assert not summary.conflicts
    merged = c.get(e.Note, note.id)
    assert (merged.text, merged.speaker, merged.tags) == \
        ("A 改了正文", "B 填了发言人", ("C 的主题",))
    c.send(a, shared)
    c.send(b, shared)
    views = same_visit(a, b, c, visit_id=shared)
    assert views[0] == views[1] == views[2]
