"""Composition root: builds the application, shows the main window, then opens the database.

The window appears first (menus, "Opening the database…"); SQLAlchemy, Alembic's check of the
schema and the visit load follow off the GUI thread, so start-up costs about what a bare Qt
window does (``benchmarks/startup_speed.py``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from fieldvisit import APP_NAME, __version__
from fieldvisit.paths import resource
from fieldvisit.ui.i18n import chosen_language, install_translators, load_bundled_font
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.undo_keys import install_undo_keys

ORGANIZATION = "FieldVisit"
USER_ERROR = 2  # as the command line's
STARTUP_PROBE_ENV = "FIELDVISIT_STARTUP_PROBE"
"""Set to 1: print "shown" when the window is on screen and "ready" when the database is open
and its visits shown, then quit (used by benchmarks/startup_speed.py and the bundle's smoke
test)."""


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("fieldvisit")
    app.setWindowIcon(QIcon(str(resource("icons", "fieldvisit.svg"))))
    language = chosen_language()
    load_bundled_font(app, language)
    install_translators(app, language)
    install_undo_keys(app)  # Ctrl+Z reaches Edit ▸ Undo from any field without its own undo
    return app


def run(args: argparse.Namespace, locate_database: Callable[[], str]) -> int:
    """Open the GUI; ``locate_database()`` gives the database URL (called off the GUI
    thread, after the window is shown). The window alone has the database while it is open
    (``open_database(exclusive=True)``); a second window or a command on it is refused. Returns
    2 when the database could not be opened."""
    app = create_application()
    window = MainWindow()
    if os.environ.get(STARTUP_PROBE_ENV) == "1":
        _probe(window)
    window.show()
    from fieldvisit.long_lived import freeze_start_up_objects
    from fieldvisit.ui.database_watch import DatabaseWatch

    window.database_opened.connect(freeze_start_up_objects)  # not the views of a visit
    from fieldvisit.ui.errors import install_excepthook

    install_excepthook()
    DatabaseWatch(window)
    window.open_database_later(locate_database, exclusive=True)
    status = app.exec()
    from fieldvisit.ui.views.delegation_panels import release_clipboard

    release_clipboard()
    database = window.database
    if database is None:
        return USER_ERROR
    database.closing()  # a window started by Restart Now waits for this one
    database.dispose()
    if database.files_problem() is not None:
        # Its connections are still open (see Database.dispose): end the process without
        # letting the interpreter close them on the way out.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status or USER_ERROR)
    return status


def _probe(window: MainWindow) -> None:
    def stamp(what: str) -> None:
        print(what, flush=True)

    QTimer.singleShot(0, lambda: stamp("shown"))
    window.database_ready.connect(lambda: (stamp("ready"), QTimer.singleShot(0, window.close)))
