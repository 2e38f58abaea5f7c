"""Preferences: interface language, the user's name, the report's default paper and font, the
data folder and the travel speeds new visits start with. Kept with QSettings (see
``ui.preferences``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.ui import file_dialogs, preferences
from fieldvisit.ui.i18n import LANGUAGE_KEY, LANGUAGES, language_names
from fieldvisit.ui.views.report_font_combo import ReportFontCombo
from fieldvisit.ui.views.travel_form import TravelSpeedsForm


@dataclass(frozen=True)
class PreferenceValues:
    language: str
    paper: str
    font: str
    data_folder: Path
    travel: TravelSettings
    user_name: str = ""


class PreferencesDialog(QDialog):
    def __init__(self, values: PreferenceValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_page(), self.tr("&General"))
        self.tabs.addTab(self._report_page(), self.tr("&Reports"))
        self.tabs.addTab(self._travel_page(values.travel), self.tr("&Travel"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.set_values(values)

    # -- pages -------------------------------------------------------------------------------
    def _general_page(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        for code, name in language_names().items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.user_name = QLineEdit()
        self.user_name.setAccessibleName(self.tr("Your name"))
        self.user_name.setPlaceholderText(system_user_name())
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.folder.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose_folder)
        default = QPushButton(self.tr("&Default"))
        default.clicked.connect(
            lambda: self.folder.setText(str(preferences.default_data_folder())))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(default)
        note = QLabel(self.tr(
            "The language and your name change the next time FieldVisit starts. Your name, "
            "with this computer's, is stamped on every record you change, so that others "
            "sharing the database see who changed it. The data folder holds the database file "
            "and the photos; FieldVisit opens the database there the next time it starts, and "
            "can copy the current one there first."))
        note.setWordWrap(True)
        folder_label = QLabel(self.tr("Data &folder:"))
        folder_label.setBuddy(self.folder)
        form = QFormLayout(page)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow(folder_label, row)
        form.addRow(note)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.setAccessibleName(self.tr("Default paper size"))
        self.font = ReportFontCombo()
        self.font.setAccessibleName(self.tr("Default report font"))
        note = QLabel(self.tr("New reports start with this paper size and font; the Report tab "
                              "can change them for one report."))
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Font:"), self.font)
        form.addRow(note)
        return page

    def _travel_page(self, travel: TravelSettings) -> QWidget:
        page = QWidget()
        self.travel = TravelSpeedsForm(travel)
        note = QLabel(self.tr("New visits start with these estimates; each visit can change "
                              "its own on the Itinerary tab."))
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.travel)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # -- values ------------------------------------------------------------------------------
    def set_values(self, values: PreferenceValues) -> None:
        self._select(self.language, values.language)
        self._select(self.paper, values.paper)
        self.font.set_font_file(values.font)
        self.folder.setText(str(values.data_folder))
        self.travel.set_settings(values.travel)
        self.user_name.setText(values.user_name)

    def values(self) -> PreferenceValues:
        return PreferenceValues(
            language=str(self.language.currentData() or ""),
            paper=str(self.paper.currentData()), font=self.font.font_file(),
            data_folder=Path(self.folder.text()), travel=self.travel.settings(),
            user_name=self.user_name.text().strip())

    def restore_defaults(self) -> None:
        self.set_values(PreferenceValues("", "a4", "", preferences.default_data_folder(),
                                         TravelSettings()))

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    def _choose_folder(self) -> None:
        folder = file_dialogs.choose_folder(self, "data-folder", self.tr("Data Folder"),
                                            Path(self.folder.text()))
        if folder:
            self.folder.setText(str(folder))


def current_values() -> PreferenceValues:
    from PySide6.QtCore import QSettings

    language = str(QSettings().value(LANGUAGE_KEY, "") or "")
    return PreferenceValues(
        language=language if language in LANGUAGES else "", paper=preferences.report_paper(),
        font=preferences.report_font(), data_folder=preferences.data_folder(),
        travel=preferences.travel_settings(), user_name=preferences.user_name())


def system_user_name() -> str:
    """The operating system's name for the user (the name stamped when none is given)."""
    from fieldvisit.persistence.concurrency import system_user_name as name

    return name()
