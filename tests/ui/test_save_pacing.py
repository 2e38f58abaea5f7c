"""When the note editor and the report's texts save what is typed (``SavePacing``): after a
pause in typing, at least every SAVE_DELAY_MS while typing goes on, never for what was
forgotten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from fieldvisit.ui import save_pacing
from fieldvisit.ui.save_pacing import SAVE_DELAY_MS, SavePacing


@pytest.fixture
def pacing(qtbot, monkeypatch: pytest.MonkeyPatch):
    clock = [100.0]
    monkeypatch.setattr(save_pacing.time, "monotonic", lambda: clock[0])
    owner = QObject()
    paced = SavePacing(owner)
    paced.clock = clock  # type: ignore[attr-defined]
    paced.seen = []  # type: ignore[attr-defined]
    paced.due.connect(lambda: paced.seen.append(clock[0]))  # type: ignore[attr-defined]
    yield paced
    owner.deleteLater()


def test_a_pause_in_typing_makes_the_save_due_once(qtbot, pacing) -> None:
    pacing.edited()
    pacing.edited()
    assert pacing.seen == [] and pacing.timer.isActive()
    qtbot.waitUntil(lambda: bool(pacing.seen), timeout=SAVE_DELAY_MS + 5_000)
    assert len(pacing.seen) == 1 and not pacing.timer.isActive()  # single-shot: no more


def test_typing_on_saves_at_least_every_save_delay(pacing) -> None:
    for step in range(10):  # a keystroke every tenth of the delay
        pacing.clock[0] = 100.0 + step * SAVE_DELAY_MS / 10_000
        pacing.edited()
    assert pacing.seen == []
    pacing.clock[0] = 100.0 + SAVE_DELAY_MS / 1000
    pacing.edited()
    assert pacing.seen == [pacing.clock[0]] and not pacing.timer.isActive()
    pacing.saved()
    pacing.clock[0] += 0.05
    pacing.edited()  # the next edit starts afresh
    assert len(pacing.seen) == 1 and pacing.timer.isActive()


def test_a_forgotten_edit_is_never_due(pacing) -> None:
    pacing.edited()
    pacing.forget()
    assert pacing.unsaved_since is None and not pacing.timer.isActive()
    pacing.clock[0] += 0.05
    pacing.edited()  # starts afresh: the forgotten edit does not make it due now
    assert pacing.seen == [] and pacing.timer.isActive()
