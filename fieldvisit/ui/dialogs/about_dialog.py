"""Help ▸ About: version, what FieldVisit is, and the licences of FieldVisit, its bundled font
and the libraries it is built on."""

from __future__ import annotations

import html
import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldvisit import APP_NAME, __version__
from fieldvisit.paths import PACKAGE_DIR, resource

# (distribution, licence) of what FieldVisit runs on; versions are read at run time.
LIBRARIES = (
    ("PySide6-Essentials", "LGPL-3.0 (Qt for Python)"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("reportlab", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("openpyxl", "MIT"),
    ("pypinyin", "MIT"),
    ("pillow", "MIT-CMU"),
    ("icalendar", "BSD-2-Clause"),
)


def _read(*candidates: object) -> str:
    for path in candidates:
        try:
            return path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
        except (OSError, AttributeError):
            continue
    return ""


def license_text() -> str:
    """FieldVisit's own licence: in the resources of an installed copy, else the checkout's."""
    return _read(resource("LICENSE"), PACKAGE_DIR.parent / "LICENSE")


def font_license_text() -> str:
    return _read(resource("fonts", "LICENSE-wqy-microhei.txt"))


def library_versions() -> list[tuple[str, str, str]]:
    found = []
    for name, licence in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "—"
        found.append((name, version, licence))
    return found


class AboutDialog(QDialog):
    def __init__(self, database: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About FieldVisit"))
        tabs = QTabWidget()
        tabs.addTab(self._about_page(database), self.tr("&About"))
        tabs.addTab(self._text_page(license_text(), self.tr("FieldVisit licence")),
                    self.tr("&Licence"))
        tabs.addTab(self._text_page(font_license_text(), self.tr("Font licence")),
                    self.tr("&Font"))
        tabs.addTab(self._libraries_page(), self.tr("Li&braries"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.tabs = tabs
        self.resize(self.fontMetrics().averageCharWidth() * 80,
                    self.fontMetrics().height() * 28)

    def _about_page(self, database: str) -> QWidget:
        page = QWidget()
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource("icons", "fieldvisit.svg"))).pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel()
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        paragraphs = [
            self.tr("Plan joint field research visits, take notes on site and publish the "
                    "research report."),
            self.tr("Copyright © 2026 The FieldVisit developers. Free software under the MIT "
                    "licence."),
            self.tr("Chinese text uses the bundled WenQuanYi Micro Hei font (Apache License "
                    "2.0)."),
        ]
        if database:
            paragraphs.append(self.tr("Database: %1").replace("%1", database))
        runtime = (f"Python {platform.python_version()} · Qt {qVersion()} · "
                   f"PySide6 {pyside_version}")
        text.setText(f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2>"
                     + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
                     + f"<p><small>{html.escape(runtime)}</small></p>")
        row = QHBoxLayout(page)
        row.addWidget(logo)
        row.addWidget(text, 1)
        self.about_text = text
        return page

    def _text_page(self, text: str, name: str) -> QWidget:
        view = QPlainTextEdit(text or self.tr("The licence file is missing from this copy."))
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(name)
        return view

    def _libraries_page(self) -> QWidget:
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(version)}</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, version, licence in library_versions())
        intro = self.tr("FieldVisit is built on these libraries:")
        headers = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in (
            self.tr("Library"), self.tr("Version"), self.tr("Licence")))
        view = QTextBrowser()
        view.setHtml(f"<p>{html.escape(intro)}</p><table cellpadding='3'><tr>{headers}</tr>"
                     f"{rows}</table>")
        view.setAccessibleName(self.tr("Libraries and their licences"))
        return view
