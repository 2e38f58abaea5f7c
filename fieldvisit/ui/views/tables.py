"""The table view every list in the window uses."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.horizontalHeader().setResizeContentsPrecision(200)  # sized from the first rows
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents, the last one too: a stretched last column keeps the
    width it had when stretching was switched on (100 px), so a table that does not fill its
    view would be wider than its contents need."""
    header = view.horizontalHeader()
    stretch = header.stretchLastSection()
    header.setStretchLastSection(False)
    view.resizeColumnsToContents()
    header.setStretchLastSection(stretch)
