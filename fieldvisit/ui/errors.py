"""One way to show failures: known problems as a plain message, the unexpected with details."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldvisit.domain.errors import FieldVisitError
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
