"""Composition root: builds the application, opens the database, shows the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldvisit import APP_NAME, __version__
from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.paths import resource
from fieldvisit.persistence.db import Database, open_database
from fieldvisit.ui.errors import install_excepthook
from fieldvisit.ui.i18n import chosen_language, install_translators, load_bundled_font
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.views.delegation_panels import release_clipboard

ORGANIZATION = "FieldVisit"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("fieldvisit")
    app.setWindowIcon(QIcon(str(resource("icons", "fieldvisit.svg"))))
    load_bundled_font(app)
    install_translators(app, chosen_language())
    return app


def run(args: argparse.Namespace, database_url: str) -> int:
    app = create_application()
    install_excepthook()
    try:
        database: Database = open_database(database_url)
    except DatabaseRefusedError as error:
        QMessageBox.critical(None, APP_NAME, QCoreApplication.translate(
            "App", "FieldVisit cannot open the database:\n\n{0}").format(error))
        return 2
    window = MainWindow(database)
    window.show()
    window.offer_reference_visit_if_empty()
    status = app.exec()
    release_clipboard()
    database.dispose()
    return status
