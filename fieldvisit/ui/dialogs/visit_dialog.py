"""Create or edit a visit's basic information."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.entities import Visit
from fieldvisit.domain.enums import ResearchMethod, VisitStatus
from fieldvisit.ui import formats
from fieldvisit.ui.dialogs.input_problem import InputProblem
from fieldvisit.ui.labels import label

EDITABLE_FIELDS = ("title", "theme", "purpose", "region", "start_date", "end_date", "status",
                   "methods")


class VisitDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, visit: Visit | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Visit") if visit else self.tr("New Visit"))
        self.setMinimumWidth(520)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Joint research on new forms of employment"))
        self.theme = QLineEdit()
        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(70)
        self.region = QLineEdit()
        self.has_dates = QCheckBox(self.tr("Dates known"))
        self.start = QDateEdit(calendarPopup=True, displayFormat=formats.date_edit_format())
        self.end = QDateEdit(calendarPopup=True, displayFormat=formats.date_edit_format())
        self.status = QComboBox()
        for status in VisitStatus:
            self.status.addItem(label(status), status)
        self.methods = QListWidget()
        self.methods.setFixedHeight(110)
        for method in ResearchMethod:
            item = QListWidgetItem(label(method))
            item.setData(Qt.ItemDataRole.UserRole, method)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.methods.addItem(item)
        self.problem = InputProblem(lambda: Visit(**self.values()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        dates = QHBoxLayout()
        dates.addWidget(self.has_dates)
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("T&heme:"), self.theme)
        form.addRow(self.tr("&Purpose:"), self.purpose)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(self.tr("Dates:"), dates)
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("&Methods:"), self.methods)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.has_dates.toggled.connect(self.start.setEnabled)
        self.has_dates.toggled.connect(self.end.setEnabled)
        self.title.textChanged.connect(self._update_ok)
        self._fill(visit)
        self.problem.watch(self)

    def _fill(self, visit: Visit | None) -> None:
        today = QDate.currentDate()
        self.start.setDate(_qdate(visit.start_date) if visit and visit.start_date else today)
        self.end.setDate(_qdate(visit.end_date) if visit and visit.end_date else
                         self.start.date())
        self.has_dates.setChecked(bool(visit and visit.start_date))
        self.start.setEnabled(self.has_dates.isChecked())
        self.end.setEnabled(self.has_dates.isChecked())
        if visit:
            self.title.setText(visit.title)
            self.theme.setText(visit.theme)
            self.purpose.setPlainText(visit.purpose)
            self.region.setText(visit.region)
            self.status.setCurrentIndex(self.status.findData(visit.status))
            for row in range(self.methods.count()):
                item = self.methods.item(row)
                if item.data(Qt.ItemDataRole.UserRole) in visit.methods:
                    item.setCheckState(Qt.CheckState.Checked)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()))

    def values(self) -> dict[str, Any]:
        checked = [self.methods.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(self.methods.count())
                   if self.methods.item(r).checkState() == Qt.CheckState.Checked]
        dated = self.has_dates.isChecked()
        return {
            "title": self.title.text().strip(),
            "theme": self.theme.text().strip(),
            "purpose": self.purpose.toPlainText().strip(),
            "region": self.region.text().strip(),
            "start_date": self.start.date().toPython() if dated else None,
            "end_date": self.end.date().toPython() if dated else None,
            "status": VisitStatus(self.status.currentData()),
            "methods": tuple(ResearchMethod(m) for m in checked),
        }

    def accept(self) -> None:
        if self.problem.check():
            super().accept()


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
