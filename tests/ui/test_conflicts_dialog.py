"""The conflicts dialog: both versions side by side; Keep Mine and Take Theirs resolve."""

from __future__ import annotations

import dataclasses

import pytest

from fieldvisit.domain.entities import utc_now
from fieldvisit.persistence.db import photo_root
from fieldvisit.services.package import pack_visit, unpack_visit
from fieldvisit.services.package_merge import list_conflicts
from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog

pytestmark = pytest.mark.both_databases


def edit(database, note_id, text):
    with database.unit_of_work() as uow:
        note = uow.notes.get(note_id)
        uow.notes.put(dataclasses.replace(note, text=text, updated_at=utc_now()))
        uow.commit()


def test_conflicts_are_shown_and_resolved(qtbot, database, sample_visit_id, make_database,
                                          tmp_path):
    other = make_database("other.sqlite3")  # another laptop, with a photo folder of its own
    mine, theirs = photo_root(database.url), tmp_path / "other-photos"
    package = tmp_path / "v.fieldvisit"
    pack_visit(database.unit_of_work(), mine, sample_visit_id, package)
    unpack_visit(other.unit_of_work(), theirs, package)
    with database.unit_of_work() as uow:
        first, second = (n.id for n in uow.notes.list(order_by=("position",),
                                                      visit_id=sample_visit_id)[:2])
    for note_id in (first, second):
        edit(database, note_id, f"我的版本 {note_id}")
        edit(other, note_id, f"他们的版本 {note_id}")
    pack_visit(other.unit_of_work(), theirs, sample_visit_id, package)
    summary = unpack_visit(database.unit_of_work(), mine, package)
    assert len(summary.conflicts) == 2

    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    assert dialog.list.count() == 2
    current = dialog.current()
    assert dialog.mine.toPlainText() == f"我的版本 {current.record_id}"
    assert dialog.theirs.toPlainText() == f"他们的版本 {current.record_id}"
    dialog.take_theirs.click()
    assert changed and dialog.list.count() == 1
    kept = dialog.current()
    dialog.keep_mine.click()
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)
    assert not dialog.keep_mine.isEnabled()
    assert list_conflicts(database.unit_of_work()) == []
    with database.unit_of_work() as uow:
        assert uow.notes.get(current.record_id).text == f"他们的版本 {current.record_id}"
        assert uow.notes.get(kept.record_id).text == f"我的版本 {kept.record_id}"
