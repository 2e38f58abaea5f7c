"""One way to show failures: known problems as a plain message, the unexpected with details."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldvisit.domain.errors import (
    DiskFullError,
    FieldVisitError,
    ReadOnlyDatabaseError,
    StorageError,
)
from fieldvisit.ui.messages import error_text

translate = QCoreApplication.translate


_showing = False  # one error dialog at a time: errors while it is open go to the console


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Known problems (FieldVisitError, OSError) as a warning in the interface's language (see
    ``messages``), anything else as an unexpected error with the traceback. The message says
    what is saved only as far as it is true (see ``unsaved_work``)."""
    global _showing
    if _showing:
        traceback.print_exception(error)
        return
    _showing = True
    try:
        if isinstance(error, StorageError):
            _show_storage_error(parent, error)
            return
        if isinstance(error, (FieldVisitError, OSError)):
            QMessageBox.warning(parent, translate("Errors", "FieldVisit"), error_text(error))
            return
        unsaved = unsaved_work(parent)
        box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "Unexpected error"),
                          translate("Errors", "Something went wrong that FieldVisit did not "
                                    "expect; the last action was not completed."),
                          parent=parent)
        box.setInformativeText(
            translate("Errors", "Not everything is saved: %1 is not saved yet and stays on "
                      "screen.").replace("%1", unsaved) if unsaved else
            translate("Errors", "Everything you did before it is saved."))
        box.setDetailedText("".join(traceback.format_exception(error)))
        box.exec()
    finally:
        _showing = False


def _show_storage_error(parent: QWidget | None, error: StorageError) -> None:
    """A full disk or a read-only database: what happened, and what was kept."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Errors", "FieldVisit"),
                      error_text(error), parent=parent)
    unsaved = unsaved_work(parent)
    box.setInformativeText(
        translate("Errors", "Kept: everything saved before; %1 stays on screen, not saved "
                  "yet.").replace("%1", unsaved) if unsaved else
        translate("Errors", "Kept: everything saved before."))
    box.exec()


def short_reason(error: BaseException) -> str:
    """Why a save failed, in a few words (beside "Not saved:"), when a dialog says the rest;
    "" otherwise."""
    if isinstance(error, DiskFullError):
        return translate("Errors", "the disk is full")
    if isinstance(error, ReadOnlyDatabaseError):
        return translate("Errors", "the database is read-only")
    return ""


def unsaved_work(widget: QWidget | None) -> str:
    """What is typed but not saved in ``widget``'s window (or its owner's), in words; ""
    when nothing is. A window tells by a method ``unsaved_work() -> str``."""
    window = widget.window() if widget is not None else QApplication.activeWindow()
    while window is not None:
        probe = getattr(window, "unsaved_work", None)
        if callable(probe):
            return probe()
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    return ""


def install_excepthook() -> None:
    """Route uncaught exceptions in slots to the error dialog instead of a silent console."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        traceback.print_exception(kind, error, tb)
        show_error(QApplication.activeWindow(), error.with_traceback(tb))

    sys.excepthook = hook
