"""Issue 17 item 3: one user action is one transaction. Editing a visit's title and moving its
status on by two steps writes several times; when a later write fails, nothing of the earlier
ones stays — and undo and redo take the whole action back and forth."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import StaleEditError
from fieldvisit.domain.rules import STATUS_ORDER
from fieldvisit.services import visits
from fieldvisit.ui import errors
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from tests.ui.scenario_steps import CTRL_SHIFT

pytestmark = pytest.mark.both_databases


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "exec", lambda box: shown.append(
        f"{box.windowTitle()}|{box.text()}") or 0)
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda parent, title, text, *a:
                        shown.append(f"{title}|{text}") or 0)
    return shown


def edit_visit(window, monkeypatch, title: str, status: VisitStatus) -> None:
    def fill(dialog: VisitDialog) -> int:
        dialog.title.setText(title)
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        return 1

    with monkeypatch.context() as patch:
        patch.setattr(VisitDialog, "exec", fill)
        window.actions.edit_visit.trigger()


def test_a_failing_status_step_leaves_the_visit_as_it_was_and_undo_takes_back_all(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id, dialogs):
    w = sample_window
    visits.update_visit(uow, sample_visit_id, status=VisitStatus.DRAFT)
    w.refresh(sample_visit_id)
    before = visits.get_visit(uow, sample_visit_id)
    target = STATUS_ORDER[STATUS_ORDER.index(before.status) + 2]  # two steps: three writes

    real_update = visits.update_visit
    calls: list[dict] = []

    def second_write_fails(uow_, visit_id, expected_version=None, **changes):
        calls.append(changes)
        if len(calls) == 2:  # someone else's change got in between: refused
            raise StaleEditError("the visit was changed by someone else", "李娜 @ laptop-7")
        return real_update(uow_, visit_id, expected_version=expected_version, **changes)

    with monkeypatch.context() as patch:
        patch.setattr(visits, "update_visit", second_write_fails)
        edit_visit(w, monkeypatch, "新标题", target)
    assert calls[0] == {"title": "新标题"} and "status" in calls[1]
    assert len(dialogs) == 1 and "changed by someone else" in dialogs[0], dialogs
    assert visits.get_visit(uow, sample_visit_id) == before  # the title did not stay
    assert not w.undo_stack.canUndo()

    edit_visit(w, monkeypatch, "新标题", target)  # again, nobody in the way
    stored = visits.get_visit(uow, sample_visit_id)
    assert (stored.title, stored.status) == ("新标题", target)
    assert w.visits_model.row_at(w.visits_view.currentIndex().row()).title == "新标题"

    w.visits_view.setFocus()
    qtbot.keyClick(w.visits_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    stored = visits.get_visit(uow, sample_visit_id)
    assert (stored.title, stored.status) == (before.title, before.status)
    qtbot.keyClick(w.visits_view, Qt.Key.Key_Z, CTRL_SHIFT)
    stored = visits.get_visit(uow, sample_visit_id)
    assert (stored.title, stored.status) == ("新标题", target)
    assert len(dialogs) == 1
