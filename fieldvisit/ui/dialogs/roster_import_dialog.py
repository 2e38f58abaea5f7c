"""Import a roster (CSV or Excel): choose the file and sheet, map the columns, look at the
preview of every row, then import. Reading and importing run off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.persistence.database_files import refuse_database_file
from fieldvisit.services.roster_import import (
    ROSTER_FIELDS,
    PlannedRow,
    RosterPlan,
    RosterTable,
    apply_import,
    guess_mapping,
    plan_import,
    read_roster,
)
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.messages import error_text, message_text
from fieldvisit.ui.models.table_model import Column, RecordTableModel
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class PlanModel(RecordTableModel[PlannedRow]):
    """Preview rows; rejected ones in red with their reason."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if self.row_at(index.row()).action == "reject":
                return QBrush(QColor("#b00020"))
        return super().data(index, role)


class RosterImportDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.table: RosterTable | None = None
        self.plan: RosterPlan | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Import Roster"))
        self.resize(900, 600)
        self.path = QLineEdit(readOnly=True)
        self.choose = QPushButton(self.tr("&Choose File…"))
        self.sheet = QComboBox()
        actions = {"create": self.tr("New"), "match": self.tr("In directory"),
                   "reject": self.tr("Rejected")}
        self.preview = PlanModel([
            Column(lambda: self.tr("Row"), lambda r: r.row_number, align_right=True),
            Column(lambda: self.tr("Import as"), lambda r: actions[r.action]),
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Title"), lambda r: r.title),
            Column(lambda: self.tr("Organization"), lambda r: r.organization),
            Column(lambda: self.tr("Phone"), lambda r: r.phone),
            Column(lambda: self.tr("Email"), lambda r: r.email),
            Column(lambda: self.tr("Reason"), lambda r: message_text(r.reason)),
        ], self)
        self.view = make_table(self.preview)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.columns: dict[str, QComboBox] = {field: QComboBox() for field in ROSTER_FIELDS}
        names = {"name": self.tr("&Name:"), "title": self.tr("&Title:"),
                 "organization": self.tr("&Organization:"), "phone": self.tr("&Phone:"),
                 "email": self.tr("&Email:")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("&Sheet:"), self.sheet)
        mapping = QGridLayout()  # three fields a row: five in one make the dialog too wide
        for index, field in enumerate(ROSTER_FIELDS):
            row, column = divmod(index, 3)
            name = QLabel(names[field])
            name.setBuddy(self.columns[field])
            mapping.addWidget(name, row, 2 * column)
            mapping.addWidget(self.columns[field], row, 2 * column + 1)
            mapping.setColumnStretch(2 * column + 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Which column holds what:")))
        layout.addLayout(mapping)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.choose.clicked.connect(self.choose_file)
        self.sheet.activated.connect(lambda _i: self.load(Path(self.path.text()),
                                                          self.sheet.currentText()))
        for box in self.columns.values():
            box.activated.connect(lambda _i: self.preview_import())
        if path is not None:
            self.load(path)

    def choose_file(self) -> None:
        path = file_dialogs.open_file(self, "roster", self.tr("Import Roster"),
                                      self.tr("Rosters (*.csv *.xlsx);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: Path, sheet: str | None = None) -> Task:
        """Read the file (off the GUI thread), guess the columns, show the preview."""
        self.path.setText(str(path))

        def work(token: CancelToken) -> tuple[RosterTable, RosterPlan | None]:
            refuse_database_file(path)  # before anything reads it
            table = read_roster(path, sheet)
            token.check()
            mapping = guess_mapping(table.header)
            plan = plan_import(self.database.unit_of_work(), table, mapping) \
                if mapping.get("name") is not None else None
            return table, plan

        return self._run(self.tr("Reading %1…").replace("%1", path.name), work, self._loaded)

    def _loaded(self, result: tuple[RosterTable, RosterPlan | None]) -> None:
        self.table, plan = result
        self.sheet.clear()
        self.sheet.addItems(list(self.table.sheet_names))
        self.sheet.setCurrentText(self.table.sheet)
        self.sheet.setEnabled(len(self.table.sheet_names) > 1)
        mapping = plan.mapping if plan else guess_mapping(self.table.header)
        for field, box in self.columns.items():
            box.clear()
            box.addItem(self.tr("(not in the file)"), None)
            for index, heading in enumerate(self.table.header):
                box.addItem(heading or self.tr("column %1").replace("%1", str(index + 1)),
                            index)
            box.setCurrentIndex(max(0, box.findData(mapping.get(field))))
        self._show_plan(plan)

    def mapping(self) -> dict[str, int | None]:
        return {field: box.currentData() for field, box in self.columns.items()}

    def preview_import(self) -> None:
        if self.table is None:
            return
        try:
            plan = plan_import(self.database.unit_of_work(), self.table, self.mapping())
        except Exception as error:  # noqa: BLE001 - an unusable mapping is explained
            self._show_plan(None, error_text(error))
            return
        self._show_plan(plan)

    def _show_plan(self, plan: RosterPlan | None, problem: str = "") -> None:
        self.plan = plan
        self.preview.set_rows(plan.rows if plan else [])
        self.view.resizeColumnsToContents()
        if plan is None:
            self.summary.setText(problem or self.tr("Choose the column that holds the names."))
            self.import_button.setEnabled(False)
            return
        counts = plan.counts
        text = self.tr("%1.").replace("%1", join_list([
            self.tr("%n new person(s)", "", counts["create"]),
            self.tr("%1 already in the directory (%n get(s) missing details)", "",
                    counts["updated"]).replace("%1", str(counts["match"])),
            self.tr("%n row(s) rejected", "", counts["reject"])]))
        if plan.new_organizations:
            text += " " + self.tr("New organizations: %1.").replace(
                "%1", join_list(plan.new_organizations))
        self.summary.setText(text)
        self.import_button.setEnabled(bool(counts["create"] or counts["updated"]
                                           or plan.new_organizations))

    def run_import(self) -> Task | None:
        if self.plan is None:
            return None
        plan = self.plan
        return self._run(self.tr("Importing…"),
                         lambda token: apply_import(self.database.unit_of_work(), plan),
                         self._imported)

    def _imported(self, result: Any) -> None:
        QMessageBox.information(self, self.tr("Import Roster"), self.tr(
            "Imported: %1.").replace("%1", join_list([
                self.tr("%n person(s) added", "", result.created_people),
                self.tr("%n found in the directory", "", result.matched_people),
                self.tr("%n organization(s) added", "", result.created_organizations),
                self.tr("%n row(s) rejected", "", len(result.rejected))])))
        self.accept()

    def _run(self, label: str, work: Any, done: Any) -> Task:
        def failed(error: BaseException) -> None:
            show_error(self, error)
            self.preview_import()

        self.task = Task(self, label, work, done, failed)
        return self.task.start()
