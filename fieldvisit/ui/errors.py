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


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Known problems (FieldVisitError, OSError) as a warning in the interface's language (see
    ``messages``), anything else as an unexpected error with the traceback."""
    if isinstance(error, (FieldVisitError, OSError)):
        QMessageBox.warning(parent, translate("Errors", "FieldVisit"), error_text(error))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "Unexpected error"),
                      translate("Errors", "Something went wrong that FieldVisit did not expect. "
                                "Your saved work is safe; the last action may not have been "
                                "completed."), parent=parent)
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


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
