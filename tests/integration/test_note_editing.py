"""What the Notes tab relies on from the store, on every database."""

from __future__ import annotations

import pytest

from fieldvisit.domain.errors import StaleEditError
from fieldvisit.services import note_taking, notes


def test_note_editing_and_suggestions(uow, sample_visit_id):
    """Themes counted by the database (the most used first, then in character order), notes
    re-read by id, an edit refused when the note changed since it was read."""
    tags = note_taking.tags_in_use(uow)
    assert tags[:3] == ["权益保障", "需求", "驿站建设"]  # 3 notes each
    listed = notes.list_notes(uow, sample_visit_id)
    note = listed[1]
    assert notes.find_notes(uow, sample_visit_id, [note.id, listed[2].id]) == sorted(
        [note, listed[2]], key=lambda n: (n.position, n.created_at, n.id))
    notes.update_note(uow, note.id, expected={"text": note.text}, text="改过")
    with pytest.raises(StaleEditError):
        notes.update_note(uow, note.id, expected={"text": note.text}, text="覆盖")
    assert notes.get_note(uow, note.id).text == "改过"
